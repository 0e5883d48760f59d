import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, tidyTitle } from './typography.ts';

describe('typography', () => {
  it('titles get full-width punctuation and spaces between Chinese and Latin', () => {
    expect(tidyTitle('什么是Headless服务?它与普通Service有什么区别?有什么使用场景')).toBe('什么是 Headless 服务？它与普通 Service 有什么区别？有什么使用场景');
    expect(tidyTitle('简述Pod创建过程')).toBe('简述 Pod 创建过程');
  });

  it('prose punctuation next to Chinese becomes full-width, code and URLs stay', () => {
    expect(fullWidthPunctuation('在 Kubernetes 中,Service 是一种抽象:不分配 ClusterIP(虚拟 IP)')).toBe('在 Kubernetes 中，Service 是一种抽象：不分配 ClusterIP（虚拟 IP）');
    expect(fullWidthPunctuation('设置 `a,b:c` 和 https://x.io,然后')).toBe('设置 `a,b:c` 和 https://x.io，然后');
  });
});
