import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReaderQueries, readReaderQueries, SECOND_HELDOUT_FILE, THIRD_HELDOUT_FILE } from './reader-queries.ts';

const ids = new Set(['probes', 'hpa-configuration']);

describe('parseReaderQueries', () => {
  it('reads queries with their accepted pages and held-out flag', () => {
    const text = '- q: "liveness vs readiness"\n  kind: en\n  expect: [probes]\n- q: 蓝绿部署\n  kind: none\n  expect: []\n  heldout: true\n';
    expect(parseReaderQueries(text, 'r.yaml', ids)).toEqual([
      { q: 'liveness vs readiness', kind: 'en', expect: ['probes'], heldout: false },
      { q: '蓝绿部署', kind: 'none', expect: [], heldout: true },
    ]);
  });

  it('names the file and line of an expected page that does not exist', () => {
    const text = '- q: hpa\n  kind: abbr\n  expect: [hpa-configuration]\n- q: pv\n  kind: abbr\n  expect: [volumes]\n';
    expect(() => parseReaderQueries(text, 'r.yaml', ids)).toThrow(/^r\.yaml:4: .*volumes 不存在/);
  });

  it('requires an unanswered query (kind none) to expect nothing, and an answered one to expect a page', () => {
    expect(() => parseReaderQueries('- q: x\n  kind: none\n  expect: [probes]\n', 'r.yaml', ids)).toThrow(/r\.yaml:1: .*kind 为 none/);
    expect(() => parseReaderQueries('- q: x\n  kind: zh\n  expect: []\n', 'r.yaml', ids)).toThrow(/kind 为 none/);
  });

  it('rejects an unknown kind with the line it is on', () => {
    expect(() => parseReaderQueries('- q: x\n  kind: slang\n  expect: [probes]\n', 'r.yaml', ids)).toThrow(/r\.yaml:1: 第 1 条的 kind/);
  });
});

// Page ids are file names (npm run check enforces it).
const pages = () =>
  new Set(readdirSync('content/docs', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/^.*\//, '').replace(/\.mdx$/, '')));

describe('reader.yaml', () => {
  it('holds at least 120 queries about existing pages, a third of them held out, some without an answer', () => {
    const queries = readReaderQueries(pages());
    expect(queries.length).toBeGreaterThanOrEqual(120);
    const heldout = queries.filter((q) => q.heldout).length / queries.length;
    expect(heldout).toBeGreaterThan(0.25);
    expect(heldout).toBeLessThan(0.4);
    expect(queries.some((q) => q.kind === 'none')).toBe(true);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });
});

describe('reader-heldout-2.yaml', () => {
  it('is a held-out set of at least 60 answered and some unanswered queries, none repeating reader.yaml', () => {
    const queries = readReaderQueries(pages(), SECOND_HELDOUT_FILE);
    expect(queries.every((q) => q.heldout)).toBe(true);
    expect(queries.filter((q) => q.kind !== 'none').length).toBeGreaterThanOrEqual(60);
    expect(queries.filter((q) => q.kind === 'none').length).toBeGreaterThanOrEqual(8);
    const first = new Set(readReaderQueries(pages()).map((q) => q.q.toLowerCase()));
    expect(queries.filter((q) => first.has(q.q.toLowerCase()))).toEqual([]);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });
});

describe('reader-heldout-3.yaml', () => {
  it('is a held-out set of at least 70 answered and some unanswered queries, none repeating the earlier sets', () => {
    const queries = readReaderQueries(pages(), THIRD_HELDOUT_FILE);
    expect(queries.every((q) => q.heldout)).toBe(true);
    expect(queries.filter((q) => q.kind !== 'none').length).toBeGreaterThanOrEqual(70);
    expect(queries.filter((q) => q.kind === 'none').length).toBeGreaterThanOrEqual(8);
    const earlier = new Set(
      [...readReaderQueries(pages()), ...readReaderQueries(pages(), SECOND_HELDOUT_FILE)].map((q) => q.q.toLowerCase()),
    );
    expect(queries.filter((q) => earlier.has(q.q.toLowerCase()))).toEqual([]);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });
});
