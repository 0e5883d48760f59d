import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../checks/check-content.ts';
import { importNote } from './pipeline.ts';
import { readProvenance } from './provenance.ts';
import { expandRanges, unaccountedLines } from './report.ts';
import { importNotes, reportPath } from './write.ts';

const ROOT = join(import.meta.dirname, '../..');
const RAW = join(ROOT, 'content/raw');
const NOTES = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

const importFresh = (note: string) => importNote(readFileSync(join(RAW, note)), note, { provenance: readProvenance(join(RAW, note)) });

/**
 * The Chinese of a text, and nothing else. Repairs may move code, markup, spacing and
 * punctuation, but never the Chinese words: that is what must survive.
 */
const chinese = (text: string) => text.replace(/[^\u3400-\u9fff]/g, '');

/** The Chinese sentences of a line: what a reader would miss if it vanished. */
function sentences(line: string): string[] {
  return line
    // `一、` numbers a section of the note; the site orders entries itself.
    .replace(/^\s*[一二三四五六七八九十]{1,3}、/, '')
    .split(/[。！？!?；;]/)
    .map(chinese)
    .filter((s) => s.length >= 4);
}

describe.each(NOTES)('importing %s', (note) => {
  const result = importFresh(note);

  it('accounts for every line of the note: in an entry, or dropped with a reason', () => {
    expect(unaccountedLines(result.report)).toEqual([]);
    const dropped = new Set(Object.values(result.report.dropped).flatMap((spec) => expandRanges(spec ?? '')));
    for (const e of result.report.entries) for (const n of expandRanges(e.lines)) expect(dropped.has(n), `line ${n} both kept and dropped`).toBe(false);
  });

  it('keeps every Chinese sentence of the note unless the report drops its line', () => {
    const output = chinese(result.entries.map((e) => e.mdx).join('\n'));
    const raw = readFileSync(join(RAW, note), 'utf8').replace(/^\ufeff/, '').split('\n');
    const dropped = new Set(Object.values(result.report.dropped).flatMap((spec) => expandRanges(spec ?? '')));
    const missing = raw.flatMap((line, i) => (dropped.has(i + 1) ? [] : sentences(line).filter((s) => !output.includes(s)).map((s) => `${i + 1}: ${s}`)));
    expect(missing).toEqual([]);
  });

  it('is deterministic: the same input gives byte-identical entries', () => {
    expect(importFresh(note).entries.map((e) => e.mdx)).toEqual(result.entries.map((e) => e.mdx));
  });

  it('gives every entry a readable, unique ASCII id and a source line', () => {
    const ids = result.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of result.entries) {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(e.frontmatter.sources[0]!.note).toBe(note);
    }
  });
});

describe('round trip: imported entries pass the content check the site build relies on', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('all five notes import into a content tree with no check errors', async () => {
    root = mkdtempSync(join(tmpdir(), 'import-'));
    cpSync(join(ROOT, 'content/topics.yaml'), join(root, 'content/topics.yaml'));
    cpSync(RAW, join(root, 'content/raw'), { recursive: true, filter: (src) => !src.endsWith('.report.json') });
    const { ok } = importNotes(
      NOTES.map((n) => join(root, 'content/raw', n)),
      { outDir: join(root, 'content/docs') },
    );
    expect(ok).toBe(true);
    const { diagnostics } = await checkContent({ root });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    // A fresh import is unreviewed by definition: the review rules must flag it for an editor,
    // while everything the build itself needs (schema, MDX, links, manifests) must already hold.
    const isReviewRule = (rule: string) => /^(?:reviewed|deprecated|companion)\//.test(rule);
    expect(errors.filter((d) => !isReviewRule(d.rule)).map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
    expect(errors.some((d) => d.rule === 'reviewed/missing')).toBe(true);
  }, 120_000);
});

describe('re-importing never overwrites an editor’s work', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('rewrites untouched entries, skips edited and deleted ones, and says so', () => {
    root = mkdtempSync(join(tmpdir(), 'reimport-'));
    const note = join(root, '000_e682c0e43d68e54f.txt');
    cpSync(join(RAW, '000_e682c0e43d68e54f.txt'), note);
    const out = join(root, 'docs');
    importNotes([note], { outDir: out });
    const report = JSON.parse(readFileSync(reportPath(note), 'utf8')) as { entries: { id: string; path: string }[] };
    const [edited, deleted] = report.entries;
    writeFileSync(join(out, edited!.path), `${readFileSync(join(out, edited!.path), 'utf8')}\n编者补充的一段话。\n`);
    rmSync(join(out, deleted!.path));

    const { log } = importNotes([note], { outDir: out });
    expect(readFileSync(join(out, edited!.path), 'utf8')).toContain('编者补充的一段话。');
    expect(log.join('\n')).toContain(`跳过 ${edited!.id}：`);
    expect(log.join('\n')).toContain('人工修改过');
    expect(log.join('\n')).toContain(`跳过 ${deleted!.id}：`);
    expect(readdirSync(join(out, deleted!.path, '..'))).not.toContain(deleted!.path.split('/')[1]);

    // The edit is still recognised as an edit on the next run, and --force takes it back.
    expect(importNotes([note], { outDir: out }).log.join('\n')).toContain('人工修改过');
    importNotes([note], { outDir: out, force: true });
    expect(readFileSync(join(out, edited!.path), 'utf8')).not.toContain('编者补充的一段话。');
  });

  it('leaves a question to the page that editors merged it into, and records that page', () => {
    root = mkdtempSync(join(tmpdir(), 'merged-'));
    const note = join(root, '000_e682c0e43d68e54f.txt');
    cpSync(join(RAW, '000_e682c0e43d68e54f.txt'), note);
    const out = join(root, 'docs');
    importNotes([note], { outDir: out });
    const report = () => JSON.parse(readFileSync(reportPath(note), 'utf8')) as { entries: { id: string; line: number; path: string; coveredBy?: string }[] };
    const absorbed = report().entries[1]!;
    // An editor merges the second question into a page of their own and deletes the imported one.
    rmSync(join(out, absorbed.path));
    mkdirSync(join(out, 'service-dns'), { recursive: true });
    writeFileSync(
      join(out, 'service-dns/merged.mdx'),
      `---\nid: merged\ntitle: 合并后的问题\ntopic: service-dns\nstatus: answered\nsources:\n  - note: 000_e682c0e43d68e54f.txt\n    line: ${absorbed.line}\n---\n\n合并后的答案。\n`,
    );
    for (let run = 0; run < 2; run++) {
      const { log } = importNotes([note], { outDir: out });
      expect(log.join('\n')).toContain('已由');
      expect(report().entries[1]).toMatchObject({ id: 'merged', coveredBy: 'service-dns/merged.mdx' });
    }
    expect(readdirSync(join(out, absorbed.path.split('/')[0]!))).not.toContain(absorbed.path.split('/')[1]);
  });
});
