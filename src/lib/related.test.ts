import { describe, expect, it } from 'vitest';
import { relatedQuestions, type RelatableQuestion } from './related.ts';

const q = (id: string, topic: string, tags: string[], extra: Partial<RelatableQuestion> = {}): RelatableQuestion => ({
  id,
  title: id,
  topic,
  tags,
  importance: 1,
  ...extra,
});

const all = [
  q('hpa', 'autoscaling', ['hpa', 'metrics-server'], { related: ['pod-creation', 'gone', 'hpa'] }),
  q('metrics', 'autoscaling', ['metrics-server', 'hpa']),
  q('vpa', 'autoscaling', ['vpa']),
  q('pod-creation', 'workloads', ['pod']),
  q('kubelet', 'workloads', ['metrics-server'], { importance: 3 }),
  q('cgroup', 'runtime', ['linux']),
];
const ids = (xs: RelatableQuestion[]) => xs.map((x) => x.id);

describe('relatedQuestions', () => {
  it('lists explicit related ids first, skipping unknown ids and itself', () => {
    expect(ids(relatedQuestions(all[0]!, all))[0]).toBe('pod-creation');
  });

  it('then ranks by shared tags, then same topic, then importance', () => {
    expect(ids(relatedQuestions(all[0]!, all))).toEqual(['pod-creation', 'metrics', 'kubelet', 'vpa']);
  });

  it('never lists unrelated questions and respects the limit', () => {
    expect(ids(relatedQuestions(all[5]!, all))).toEqual([]);
    expect(relatedQuestions(all[0]!, all, 2)).toHaveLength(2);
  });
});
