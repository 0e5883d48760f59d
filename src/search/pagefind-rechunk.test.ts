import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import { describe, expect, it } from 'vitest';
import { rechunkBundle } from './pagefind-rechunk';

/** A word and every page it occurs on, as Pagefind 1.6 encodes it: [word, [[page, locations, …], …], …]. */
type PackedWord = [word: string, pages: [page: number, locs: number[], ...rest: unknown[]][], ...rest: unknown[]];

const SIG = Buffer.from('pagefind_dcd');
const write = (file: string, value: unknown) => writeFileSync(file, gzipSync(Buffer.concat([SIG, encode(value)])));
const read = (file: string) => decode(gunzipSync(readFileSync(file)).subarray(SIG.length)) as unknown[];

/** A bundle laid out as Pagefind 1.6 writes it: one big chunk of `words`. */
function bundle(words: PackedWord[], version = '1.6.0') {
  const dir = mkdtempSync(join(tmpdir(), 'pf-'));
  mkdirSync(join(dir, 'index'));
  write(join(dir, 'index', 'zh-cn_aaaaaaa.pf_index'), [words]);
  const pages = [['zh-cn_bbbbbbb', 10, '']];
  write(join(dir, 'pagefind.zh-cn_ccccccccccccc.pf_meta'), [version, pages, [[words[0]![0], words.at(-1)![0], 'zh-cn_aaaaaaa']], [], [], ['title']]);
  writeFileSync(join(dir, 'pagefind-entry.json'), JSON.stringify({ version, languages: { 'zh-cn': { hash: 'zh-cn_ccccccccccccc', wasm: null, page_count: 1 } } }));
  return dir;
}

const words: PackedWord[] = Array.from({ length: 60 }, (_, i) => [String.fromCodePoint(0x4e00 + i), [[0, [-25, i, i + 1], []]], []]);

describe('rechunkBundle', () => {
  it('rewrites the index as several chunks that together hold every word, and a meta file that lists them', () => {
    const dir = bundle(words);
    const [report] = rechunkBundle(dir, 20);
    expect(report).toMatchObject({ language: 'zh-cn', before: 1 });
    expect(report!.after).toBeGreaterThan(5);

    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
    const metaHash: string = entry.languages['zh-cn'].hash;
    expect(metaHash).not.toBe('zh-cn_ccccccccccccc');
    const meta = read(join(dir, `pagefind.${metaHash}.pf_meta`));
    expect(meta[0]).toBe('1.6.0');
    expect(meta[5]).toEqual(['title']);
    const chunks = meta[2] as [string, string, string][];
    expect(readdirSync(join(dir, 'index')).sort()).toEqual(chunks.map((c) => `${c[2]}.pf_index`).sort());
    const all = chunks.flatMap((c) => read(join(dir, 'index', `${c[2]}.pf_index`))[0] as PackedWord[]);
    expect(all).toEqual(words);
  });

  it('leaves a bundle whose index it cannot read word by word as Pagefind wrote it', () => {
    const dir = bundle(words);
    // The same words, but the list written with an indefinite-length array head.
    const body = Buffer.from(encode([words]));
    expect([...body.subarray(0, 3)]).toEqual([0x81, 0x98, words.length]);
    const indefinite = Buffer.concat([Buffer.of(0x81, 0x9f), body.subarray(3), Buffer.of(0xff)]);
    const file = join(dir, 'index', 'zh-cn_aaaaaaa.pf_index');
    writeFileSync(file, gzipSync(Buffer.concat([SIG, indefinite])));
    const before = readFileSync(file);
    expect(() => rechunkBundle(dir, 20)).toThrow(/zh-cn_aaaaaaa/);
    expect(readdirSync(join(dir, 'index'))).toEqual(['zh-cn_aaaaaaa.pf_index']);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('leaves an index of an unknown Pagefind version as it is', () => {
    const dir = bundle(words, '2.0.0');
    expect(() => rechunkBundle(dir, 20)).toThrow(/2\.0\.0/);
    expect(readdirSync(join(dir, 'index'))).toEqual(['zh-cn_aaaaaaa.pf_index']);
  });
});
