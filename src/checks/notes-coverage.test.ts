import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from './check-content.ts';
import { formatPlain } from './diagnostics.ts';
import { notesCoverageCheck } from './notes-coverage.ts';
import { parseFrontmatter } from './frontmatter.ts';

const ROOT = join(import.meta.dirname, '../..');

/** A throwaway copy of the repository's content, so edits never touch the real pages. */
async function contentCopy(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'coverage-'));
  await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

const coverage = async (root: string) =>
  (await checkContent({ root, checks: [notesCoverageCheck] })).diagnostics.filter((d) => d.rule.startsWith('notes/'));

/**
 * A body line of some page that quotes a long Chinese sentence of its source note verbatim,
 * found from the data (the page's `sources`), not hard-coded: the tests follow the content.
 */
async function quotedLine(root: string) {
  const docs = join(root, 'content/docs');
  for (const rel of (await readdir(docs, { recursive: true })).filter((f) => f.endsWith('.mdx')).sort()) {
    const file = `content/docs/${rel}`;
    const text = await readFile(join(root, file), 'utf8');
    const fm = parseFrontmatter(file, text).frontmatter;
    const source = (fm?.data.sources as { note: string; line: number; endLine?: number }[] | undefined)?.[0];
    if (!fm || !source) continue;
    const note = (await readFile(join(root, 'content/raw', source.note), 'utf8')).split('\n');
    const lines = text.split('\n');
    for (let i = fm.lineCount; i < lines.length; i++) {
      const line = lines[i]!;
      const noteLine = note.findIndex((n, k) => k + 1 >= source.line && k + 1 <= (source.endLine ?? source.line) && n.trim() === line.trim());
      if (noteLine === -1 || !/^[\u4e00-\u9fff]{12,}[。，]/.test(line.trim())) continue;
      // Only lines whose text appears once in the whole site, so deleting it really loses it.
      const everywhere = await Promise.all((await readdir(docs, { recursive: true })).filter((f) => f.endsWith('.mdx')).map((f) => readFile(join(docs, f), 'utf8')));
      if (everywhere.join('\n').split(line.trim()).length !== 2) continue;
      return { file, text, lineIndex: i, note: source.note, noteLine: noteLine + 1 };
    }
  }
  throw new Error('no page quotes a note line verbatim');
}

describe('note coverage in npm run check', () => {
  it('holds for the repository’s content', async () => {
    expect((await coverage(ROOT)).map(formatPlain)).toEqual([]);
  });

  it('accepts a typo fix of one or two characters without an erratum', async () => {
    const root = await contentCopy();
    const q = await quotedLine(root);
    const lines = q.text.split('\n');
    const chars = [...lines[q.lineIndex]!];
    const at = chars.findIndex((c, k) => k > 3 && /[\u4e00-\u9fff]/.test(c));
    chars[at] = chars[at] === '的' ? '地' : '的';
    chars[at + 2] = chars[at + 2] === '是' ? '为' : '是';
    lines[q.lineIndex] = chars.join('');
    await writeFile(join(root, q.file), lines.join('\n'));
    expect((await coverage(root)).map(formatPlain)).toEqual([]);
  });

  it('names the page, the place and the note line when a passage is deleted, once', async () => {
    const root = await contentCopy();
    const q = await quotedLine(root);
    const lines = q.text.split('\n');
    lines.splice(q.lineIndex, 1);
    await writeFile(join(root, q.file), lines.join('\n'));
    const found = await coverage(root);
    expect(found.map(formatPlain)).toHaveLength(1);
    const [d] = found;
    expect(d!.file).toBe(q.file);
    // Right where the passage was: at or just before the deleted line (the previous sentence kept).
    expect(d!.line).toBeLessThanOrEqual(q.lineIndex + 1);
    expect(d!.line).toBeGreaterThan(q.lineIndex + 1 - 8);
    expect(d!.message).toContain(`content/raw/${q.note}:${q.noteLine}`);
    expect(d!.message).toContain('errata.yaml');
  });

  it('reports an erratum that no longer matches its note', async () => {
    const root = await contentCopy();
    const errata = join(root, 'content/raw/errata.yaml');
    await writeFile(errata, `${await readFile(errata, 'utf8')}- note: 000_e682c0e43d68e54f.txt\n  line: 1\n  from: 不存在的原文\n  to: 新文字\n`);
    const found = await coverage(root);
    expect(found.map((d) => `${d.file} [${d.rule}]`)).toEqual(['content/raw/errata.yaml [notes/stale-erratum]']);
  });
});
