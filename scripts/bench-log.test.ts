import { describe, expect, it } from 'vitest';
import { durationMs, pagefindMs } from './bench-log.ts';

describe('durationMs', () => {
  it('reads milliseconds, seconds and minutes', () => {
    expect(durationMs('530ms')).toBe(530);
    expect(durationMs('1.09s')).toBeCloseTo(1090);
    expect(durationMs('2m 3s')).toBe(123_000);
  });
  it('is NaN for anything else', () => {
    expect(durationMs('soon')).toBeNaN();
    expect(durationMs('')).toBeNaN();
  });
});

describe('pagefindMs', () => {
  it('finds the index time in a build log whether Pagefind printed ms or s', () => {
    expect(pagefindMs('[starlight:pagefind] Finished building search index in 530ms.\n')).toBe(530);
    expect(pagefindMs('12:00:01 [starlight:pagefind] Finished building search index in 1.09s.\n')).toBeCloseTo(1090);
  });
  it('is NaN when the log has no index line', () => {
    expect(pagefindMs('[build] Complete!')).toBeNaN();
  });
});

describe('multiplyEntry', async () => {
  const { multiplyEntry } = await import('./bench-scale.ts');
  const mdx = '---\nid: probes\ntitle: 探针\nrelated: [probes-x]\n---\n\nid: not frontmatter\n';
  it('gives copies a new id and keeps the rest byte for byte', () => {
    expect(multiplyEntry(mdx, 1)).toBe(mdx);
    expect(multiplyEntry(mdx, 3)).toBe(mdx.replace('id: probes\n', 'id: probes-x3\n'));
  });
});
