import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expandRanges, type ImportReport } from '../importer/report.ts';

const ROOT = join(import.meta.dirname, '../..');
const RAW = join(ROOT, 'content/raw');
const ERRATA = join(RAW, 'errata.yaml');

interface Erratum {
  note: string;
  line: number;
  from: string;
  to: string;
}

/** Typos of the notes that the editors corrected on the pages (content/raw/errata.yaml). */
const errata = (parse(readFileSync(ERRATA, 'utf8')) ?? []) as Erratum[];
const DOCS = join(ROOT, 'content/docs');

const pages = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).map((f) => join(dir, f));

/** Only the Chinese characters: edits may move markup, code and punctuation, never the words. */
const chinese = (text: string) => text.replace(/[^\u3400-\u9fff]/g, '');

/**
 * Editors merge, move and rewrite imported entries; this holds them to the promise that nothing a
 * note said is lost on the way: every Chinese sentence of every note line the import report kept
 * must still be somewhere in content/docs (question titles excepted: editors reword those).
 */
describe('the published content keeps every sentence of the raw notes', () => {
  const content = chinese(pages(DOCS).map((f) => readFileSync(f, 'utf8')).join('\n'));
  const notes = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

  it.each(notes)('%s', (note) => {
    const report = JSON.parse(readFileSync(join(RAW, note.replace(/\.txt$/, '.report.json')), 'utf8')) as ImportReport;
    const dropped = new Set(Object.values(report.dropped).flatMap((spec) => expandRanges(spec ?? '')));
    // A question's title is worded by the editors (its permalink does not depend on it).
    for (const e of report.entries) dropped.add(e.line);
    const lines = readFileSync(join(RAW, note), 'utf8').split('\n');
    for (const e of errata.filter((x) => x.note === note)) {
      // A stale erratum would silently excuse a real loss: it must still match the note.
      expect(lines[e.line - 1], `content/raw/errata.yaml: ${note}:${e.line} 里没有 “${e.from}”`).toContain(e.from);
      lines[e.line - 1] = lines[e.line - 1]!.replace(e.from, e.to);
    }
    const missing = lines.flatMap((line, i) => {
      if (dropped.has(i + 1)) return [];
      return line
        .replace(/^\s*[一二三四五六七八九十]{1,3}、/, '')
        .split(/[。！？!?；;]/)
        .map(chinese)
        .filter((s) => s.length >= 4 && !content.includes(s))
        .map((s) => `${note}:${i + 1} ${s}`);
    });
    expect(
      missing,
      '这些原笔记里的句子在 content/docs 里找不到了。如果是有意改正错别字，请在 content/raw/errata.yaml 里登记（note、line、from、to）',
    ).toEqual([]);
  });
});
