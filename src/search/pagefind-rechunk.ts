/**
 * Rewrites the Pagefind bundle in dist/pagefind/ with smaller word-index chunks (index-chunks.ts
 * says why). Runs after Starlight has built the index: an Astro integration listed after
 * starlight() in astro.config.mjs.
 *
 * Pagefind files are gzip of a signature plus CBOR. Before changing anything, every file is decoded
 * and re-encoded and must come out byte for byte the same, and the layout must be the one this code
 * knows (Pagefind 1.6); otherwise the bundle is left as Pagefind wrote it and the build warns, so a
 * Pagefind upgrade can make search heavier again but never breaks it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { decode, encode } from 'cbor2';
import { encodeIndexChunk, scanIndexChunk, UnknownLayout, type WordBytes } from './index-chunk-scan.ts';
import { chunkBudget, chunkRanges, splitWords } from './index-chunks.ts';
import { minifyScript } from './pagefind-minify.ts';

const SIGNATURE = Buffer.from('pagefind_dcd');

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

class Unsupported extends Error {}

function readBody(file: string): Buffer {
  const raw = gunzipSync(readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Unsupported(`${file}: 不是 Pagefind 数据文件`);
  return raw.subarray(SIGNATURE.length);
}

function readPagefind(file: string): unknown {
  const body = readBody(file);
  const value = decode(body);
  if (!Buffer.from(encode(value)).equals(body)) throw new Unsupported(`${file}: 重新编码后与原文件不一致`);
  return value;
}

/**
 * The words of one index chunk with their encoded bytes. Putting them back together must give
 * the file byte for byte, which checks both the reading and the array heads written around them.
 */
function readIndexChunk(file: string): WordBytes[] {
  const body = readBody(file);
  try {
    const words = scanIndexChunk(body);
    if (!encodeIndexChunk(words).equals(body)) throw new Unsupported(`${file}: 重新拼接后与原文件不一致`);
    return words;
  } catch (error) {
    if (error instanceof UnknownLayout) throw new Unsupported(`${file}: ${error.message}`);
    throw error;
  }
}

const gzip = (body: Buffer) => gzipSync(Buffer.concat([SIGNATURE, body]), { level: 9 });
const pack = (value: unknown) => gzip(Buffer.from(encode(value)));

/** Pagefind names files by a short content hash after the language (zh-cn_1a2b3c4). */
function hashName(prefix: string, data: Buffer, taken: Set<string>, length = 7): string {
  const hex = createHash('sha256').update(data).digest('hex');
  let name = `${prefix}${hex.slice(0, length)}`;
  for (let n = length + 1; taken.has(name); n++) name = `${prefix}${hex.slice(0, n)}`;
  taken.add(name);
  return name;
}

export interface RechunkReport {
  language: string;
  before: number;
  after: number;
  budget: number;
}

/**
 * Rechunks every language of the bundle in `bundleDir`, with `budget` locations a chunk or, by
 * default, the size chunkBudget finds for that language's index; throws Unsupported on an unknown
 * layout.
 */
export function rechunkBundle(bundleDir: string, budget?: number): RechunkReport[] {
  const entryFile = join(bundleDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
  if (!/^1\.6\./.test(entry.version)) throw new Unsupported(`Pagefind ${entry.version}（只认识 1.6 的索引格式）`);

  // Decode and check everything first, so nothing is written unless all of it is understood.
  const plans = Object.entries(entry.languages).map(([language, info]) => {
    const metaFile = join(bundleDir, `pagefind.${info.hash}.pf_meta`);
    const meta = readPagefind(metaFile);
    if (!Array.isArray(meta) || !Array.isArray(meta[2])) throw new Unsupported(`${metaFile}: 结构未知`);
    const chunks = meta[2] as unknown[];
    const words: WordBytes[] = [];
    for (const chunk of chunks) {
      if (!Array.isArray(chunk) || typeof chunk[2] !== 'string') throw new Unsupported(`${metaFile}: 索引块结构未知`);
      words.push(...readIndexChunk(join(bundleDir, 'index', `${chunk[2]}.pf_index`)));
    }
    return { language, info, meta: meta as unknown[], metaFile, oldChunks: chunks.map((c) => (c as string[])[2]!), words };
  });

  const reports: RechunkReport[] = [];
  for (const plan of plans) {
    const prefix = plan.oldChunks[0]?.replace(/[^_]*$/, '') ?? `${plan.language}_`;
    const taken = new Set<string>();
    const locations = budget ?? chunkBudget(plan.words.reduce((n, w) => n + w.size, 0));
    const split = splitWords(plan.words, locations);
    const ranges = chunkRanges(split);
    const written = split.map((words, i) => {
      const data = gzip(encodeIndexChunk(words));
      const hash = hashName(prefix, data, taken);
      writeFileSync(join(bundleDir, 'index', `${hash}.pf_index`), data);
      return [ranges[i]!.from, ranges[i]!.to, hash];
    });
    for (const old of plan.oldChunks) if (!taken.has(old)) rmSync(join(bundleDir, 'index', `${old}.pf_index`));

    const meta = [...plan.meta];
    meta[2] = written;
    const metaData = pack(meta);
    // The entry file names the meta file, so a changed index is never mixed with a cached old one.
    const metaHash = hashName(prefix, metaData, new Set(), 13);
    rmSync(plan.metaFile);
    writeFileSync(join(bundleDir, `pagefind.${metaHash}.pf_meta`), metaData);
    plan.info.hash = metaHash;
    reports.push({ language: plan.language, before: plan.oldChunks.length, after: written.length, budget: locations });
  }
  writeFileSync(entryFile, JSON.stringify(entry));
  return reports;
}

/**
 * Astro integration: list it after starlight() so Pagefind has already written dist/pagefind/.
 * Also minifies Pagefind's search API script (pagefind-minify.ts).
 */
export function pagefindIndexChunks(budget?: number): AstroIntegration {
  return {
    name: 'pagefind-index-chunks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const bundle = join(fileURLToPath(dir), 'pagefind');
        try {
          for (const r of rechunkBundle(bundle, budget)) logger.info(`${r.language}: ${r.before} → ${r.after} index chunks of ~${r.budget} locations`);
        } catch (error) {
          if (!(error instanceof Unsupported)) throw error;
          logger.warn(`搜索索引保持 Pagefind 原样（首次搜索会下载更多）：${error.message}`);
        }
        try {
          const { before, after } = await minifyScript(join(bundle, 'pagefind.js'));
          logger.info(`pagefind.js minified: ${before} → ${after} bytes`);
        } catch (error) {
          logger.warn(`pagefind.js 保持原样（未能压缩）：${error instanceof Error ? error.message : String(error)}`);
        }
      },
    },
  };
}
