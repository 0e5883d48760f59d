import { describe, expect, it } from 'vitest';
import type { Line } from '../types.ts';
import { findNumberedQuestions } from './qa-numbered.ts';

const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ text, src: [i + 1] }));

describe('findNumberedQuestions', () => {
  it('tells questions from inner lists that restart at 1 (note 000)', () => {
    const found = findNumberedQuestions(
      lines('1. 什么是Headless服务?', '答案', '2. 如何配置HPA进行自动扩容?', '1. 创建一个 Deployment', '2. 创建 HPA', '3. Kubernetes中的集群高可用方案有哪些?', '3. TLS 证书配置'),
    );
    expect(found.map((q) => q.index + 1)).toEqual([1, 3, 6]);
  });

  it('in a starred note, an unstarred step with the next number is not a question (note 001)', () => {
    const found = findNumberedQuestions(
      lines('1. 谈谈你对k8s的理解☆', '2. k8s集群架构是什么☆', '3. 简述Pod创建过程☆', '4. 简述删除一个Pod流程☆', '5. 发送 SIGTERM 信号给容器', '5. 不同node上的Pod之间的通信过程☆'),
    );
    expect(found.map((q) => q.title)).toEqual(['谈谈你对k8s的理解', 'k8s集群架构是什么', '简述Pod创建过程', '简述删除一个Pod流程', '不同node上的Pod之间的通信过程']);
    expect(found.every((q) => q.starred)).toBe(true);
  });
});
