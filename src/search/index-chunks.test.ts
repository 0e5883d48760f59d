import { describe, expect, it } from 'vitest';
import { chunkBudget, chunkRanges, splitWords, type IndexWord } from './index-chunks';

/** A word occurring `locs` times on one page. */
const w = (word: string, locs: number): IndexWord => ({ word, size: locs + 1 });

describe('splitWords', () => {
  it('keeps every word, in order, and no chunk far above the budget', () => {
    // Distinct first characters: every place is a clean cut.
    const words = Array.from({ length: 200 }, (_, i) => w(String.fromCodePoint(0x4e00 + i), 9));
    const chunks = splitWords(words, 100);
    expect(chunks.flat()).toEqual(words);
    expect(chunks).toHaveLength(20);
    for (const c of chunks) expect(c.reduce((n, x) => n + x.size, 0)).toBeLessThanOrEqual(100 + 9);
  });

  it('does not separate words that share a first character while a cleaner cut is near', () => {
    const words = [w('apple', 60), w('apricot', 60), w('avocado', 30), w('banana', 10)];
    expect(splitWords(words, 100).map((c) => c.map((x) => x.word))).toEqual([['apple', 'apricot', 'avocado'], ['banana']]);
  });

  it('cuts inside a family of words that has grown far past the budget', () => {
    const words = Array.from({ length: 50 }, (_, i) => w(`探${String.fromCodePoint(0x4e00 + i)}`, 10));
    const chunks = splitWords(words, 100);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.reduce((n, x) => n + x.size, 0)).toBeLessThanOrEqual(2 * 100 + 11);
  });
});

describe('chunkRanges', () => {
  it('shortens neighbouring bounds to the prefixes that tell the chunks apart', () => {
    const ranges = chunkRanges([[w('apple', 1)], [w('apricot', 1), w('banana', 1)], [w('peach', 1)]]);
    expect(ranges).toEqual([
      { from: 'apple', to: 'app' },
      { from: 'apr', to: 'b' },
      { from: 'p', to: 'peach' },
    ]);
  });

  it('compares Chinese words by character, not by byte', () => {
    expect(chunkRanges([[w('探针', 1)], [w('探测', 1)]])).toEqual([
      { from: '探针', to: '探针' },
      { from: '探测', to: '探测' },
    ]);
  });
});

describe('chunkBudget', () => {
  it('grows with the square root of the index, within Pagefind’s own chunk size', () => {
    const small = chunkBudget(200_000);
    expect(chunkBudget(2_000_000) / small).toBeCloseTo(Math.sqrt(10), 1);
    expect(chunkBudget(1e12)).toBe(20_000);
    expect(chunkBudget(10)).toBe(500);
  });
});
