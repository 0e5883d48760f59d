import { describe, expect, it } from 'vitest';
import { spaceCjkLatin } from './typography.ts';

describe('spaceCjkLatin', () => {
  it('adds one space between Chinese and Latin words or digits', () => {
    expect(spaceCjkLatin('简述Pod创建过程')).toBe('简述 Pod 创建过程');
    expect(spaceCjkLatin('k8s集群架构是什么')).toBe('k8s 集群架构是什么');
    expect(spaceCjkLatin('保留3个副本')).toBe('保留 3 个副本');
  });
  it('leaves punctuation, existing spaces and pure text alone', () => {
    expect(spaceCjkLatin('什么是 Headless Service？它（Service）有什么区别？')).toBe('什么是 Headless Service？它（Service）有什么区别？');
    expect(spaceCjkLatin('kube-proxy 的 IPVS 模式')).toBe('kube-proxy 的 IPVS 模式');
  });
});
