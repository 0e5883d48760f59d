import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandRanges, type ImportReport } from '../importer/report.ts';

const ROOT = join(import.meta.dirname, '../..');
const RAW = join(ROOT, 'content/raw');
const DOCS = join(ROOT, 'content/docs');

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.mdx') ? [join(dir, d.name)] : []));

/** Only the Chinese characters: edits may move markup, code and punctuation, never the words. */
const chinese = (text: string) => text.replace(/[^\u3400-\u9fff]/g, '');

/**
 * Editors merge, move and rewrite imported entries; this holds them to the promise that nothing a
 * note said is lost on the way: every Chinese sentence of every note line the import report kept
 * must still be somewhere in content/docs (question titles excepted: editors reword those).
 */
describe('the published content keeps every sentence of the raw notes', () => {
  const content = chinese(walk(DOCS).map((f) => readFileSync(f, 'utf8')).join('\n'));
  const notes = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

  it.each(notes)('%s', (note) => {
    const report = JSON.parse(readFileSync(join(RAW, note.replace(/\.txt$/, '.report.json')), 'utf8')) as ImportReport;
    const dropped = new Set(Object.values(report.dropped).flatMap((spec) => expandRanges(spec ?? '')));
    // A question's title is worded by the editors (its permalink does not depend on it).
    for (const e of report.entries) dropped.add(e.line);
    const lines = readFileSync(join(RAW, note), 'utf8').split('\n');
    const missing = lines.flatMap((line, i) => {
      if (dropped.has(i + 1)) return [];
      return line
        .replace(/^\s*[一二三四五六七八九十]{1,3}、/, '')
        .split(/[。！？!?；;]/)
        .map(chinese)
        .filter((s) => s.length >= 4 && !content.includes(s))
        .map((s) => `${note}:${i + 1} ${s}`);
    });
    expect(missing).toEqual([]);
  });
});
