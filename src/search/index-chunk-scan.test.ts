import { encode } from 'cbor2';
import { describe, expect, it } from 'vitest';
import { arrayHead, encodeIndexChunk, scanIndexChunk, UnknownLayout } from './index-chunk-scan';

type Page = [page: number, locs: number[], ...rest: unknown[]];
type Word = [word: string, pages: Page[], ...rest: unknown[]];

const locs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i * 37);

describe('scanIndexChunk', () => {
  it('reads each word, its size and its own bytes, whatever the sizes of the numbers and lists', () => {
    const words: Word[] = [
      ['a', [[0, [1, 2, 3], []]], []],
      ['探针', [[3, locs(30, -25), [1, 'x']], [300, locs(2, 70_000), []]], [{ k: 1 }]],
      ['x'.repeat(300), Array.from({ length: 40 }, (_, i): Page => [i * 1000, locs(300, 5)]), []],
      ['零', [], []],
    ];
    const body = Buffer.from(encode([words]));
    const scanned = scanIndexChunk(body);
    expect(scanned.map((w) => w.word)).toEqual(words.map((w) => w[0]));
    // Pagefind's measure: one per location plus one per page entry.
    expect(scanned.map((w) => w.size)).toEqual([4, 30 + 1 + 2 + 1, 40 * 301, 0]);
    expect(scanned.map((w) => Buffer.from(w.bytes).equals(Buffer.from(encode(words[scanned.indexOf(w)]))))).toEqual([true, true, true, true]);
    expect(encodeIndexChunk(scanned).equals(body)).toBe(true);
  });

  it('writes a regrouped chunk exactly as the encoder would', () => {
    const words: Word[] = Array.from({ length: 300 }, (_, i) => [String.fromCodePoint(0x4e00 + i), [[i, locs(3)]]]);
    const scanned = scanIndexChunk(Buffer.from(encode([words])));
    for (const n of [0, 1, 23, 24, 255, 256, 300]) {
      expect(encodeIndexChunk(scanned.slice(0, n)).equals(Buffer.from(encode([words.slice(0, n)])))).toBe(true);
    }
    expect([...arrayHead(70_000)]).toEqual([...Buffer.from(encode(new Array(70_000).fill(0))).subarray(0, 5)]);
  });

  it('refuses layouts it does not know instead of guessing', () => {
    const bad = [
      encode({ words: [] }), // a map, not the [[…]] layout
      encode([[['a', [[0, [1]]]]], 'extra']), // two top-level items
      encode([[[1, [[0, [1]]]]]]), // a word that is not text
      encode([[['a', [['0', [1]]]]]]), // a page number that is not an integer
      Buffer.of(0x81, 0x9f, 0xff), // an indefinite-length list
      Buffer.concat([Buffer.from(encode([[['a', [[0, [1]]]]]])), Buffer.of(0)]), // trailing bytes
      Buffer.from(encode([[['a', [[0, [1]]]]]])).subarray(0, 6), // cut short
    ];
    for (const body of bad) expect(() => scanIndexChunk(new Uint8Array(body))).toThrow(UnknownLayout);
  });
});
