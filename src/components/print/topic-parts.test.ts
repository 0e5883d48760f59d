import { describe, expect, it } from 'vitest';
import { answersHref, estimateAnswerBytes, partHref, splitByWeight } from './topic-parts.ts';

describe('splitByWeight', () => {
  const id = (n: number) => n;
  it('keeps the order and fills each part up to the budget', () => {
    expect(splitByWeight([4, 4, 4, 4, 4], id, 10)).toEqual([[4, 4], [4, 4], [4]]);
  });
  it('gives an item heavier than the budget a part of its own', () => {
    expect(splitByWeight([2, 30, 2, 2], id, 10)).toEqual([[2], [30], [2, 2]]);
  });
  it('returns one part when everything fits, and none for no items', () => {
    expect(splitByWeight([1, 2, 3], id, 10)).toEqual([[1, 2, 3]]);
    expect(splitByWeight([], id, 10)).toEqual([]);
  });
  it('never makes a part that exceeds the budget unless one item does', () => {
    const items = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 13) + 1);
    const parts = splitByWeight(items, id, 20);
    expect(parts.flat()).toEqual(items);
    for (const p of parts) expect(p.length === 1 || p.reduce((a, b) => a + b, 0) <= 20).toBe(true);
  });
});

describe('estimateAnswerBytes', () => {
  it('grows with the text and weighs diagrams heavily', () => {
    const text = '探针用于检查容器是否健康。\n'.repeat(50);
    const diagram = '\n```mermaid\nflowchart LR\n  a --> b\n```\n';
    expect(estimateAnswerBytes(text + text)).toBeGreaterThan(estimateAnswerBytes(text));
    expect(estimateAnswerBytes(text + diagram) - estimateAnswerBytes(text)).toBeGreaterThan(4000);
  });
});

describe('hrefs', () => {
  it('part 1 is the topic address itself; later parts are numbered', () => {
    expect(partHref('/', 'all', 'workloads', 1)).toBe('/all/workloads/');
    expect(partHref('/docs', 'practice', 'workloads', 3)).toBe('/docs/practice/workloads/3/');
    expect(answersHref('/', 'ingress', 2)).toBe('/practice-answers/ingress/2/');
  });
});
