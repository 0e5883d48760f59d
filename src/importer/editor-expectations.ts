import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_LABEL, QUESTION_LABEL } from './evidence.ts';
import { importNote, type ImportResult } from './pipeline.ts';
import { expandRanges, unaccountedLines } from './report.ts';
import type { DropReason } from './types.ts';

/**
 * What a careful editor would make of a hand-written fixture note, written down before the
 * importer ever saw it, and the checks every such note must pass. Shared by the fixture suites.
 */
export interface Expected {
  titles: string[];
  /** Code blocks as `lang: first line`, in order. */
  code: string[];
  /** Text that must not be in any entry (page furniture, labels). */
  absent?: RegExp[];
  /** Markdown an editor would write, somewhere in the entries (a table, a resolved link, a joined sentence). */
  contains?: string[];
  /** Lines of the copy that belong to no answer: each pattern must match some text the report sets aside. */
  setAside?: RegExp[];
  /** Importance of each entry (1 一般 · 2 常考 · 3 高频), where the note says how often a question is asked. */
  importance?: number[];
}

/** Reasons whose lines the report keeps word for word in `setAside`: the only place their text survives. */
export const SET_ASIDE_REASONS: readonly DropReason[] = ['preface', 'epilogue', 'small-talk', 'furniture', 'metadata', 'lost-image'];

export const body = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');

export const codeBlocks = (r: ImportResult) =>
  r.entries.flatMap((e) => [...body(e.mdx).matchAll(/^```(\w*)\n([\s\S]*?)\n```$/gm)].map((m) => ({ title: e.title, lang: m[1]!, code: m[2]! })));

/**
 * The Chinese of a line as a reader sees it, split into sentences a reader would miss. A speaker
 * label (`面试官：`), a question or answer label (`题目 1：`, `**参考答案：**`) and a `第1题：`
 * number are markup like `一、`; a tab separates the fields of a row.
 */
export const sentences = (line: string) =>
  line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(QUESTION_LABEL, '')
    .replace(ANSWER_LABEL, '')
    .replace(/^\s*(?:面试官|我)[：:]/, '')
    .replace(/^第\s*[\d一二三四五六七八九十]{1,3}\s*题[：:]?/, '')
    .replace(/^\s*(?:#{1,6}\s+)?[一二三四五六七八九十]{1,3}、/, '')
    .split(/[。！？!?；;\t]/)
    .map((s) => s.replace(/[^\u3400-\u9fff]/g, ''))
    .filter((s) => s.length >= 4);

/** Sentences of the note that are neither in an entry nor said in the report: must be none. */
export function lostSentences(r: ImportResult, raw: string): string[] {
  const output = r.entries.map((e) => e.mdx).join('\n').replace(/[^\u3400-\u9fff]/g, '');
  // What the report says in words: text set aside, and what a warning says it removed.
  const reported = [...(r.report.setAside ?? []).map((a) => a.text), ...r.report.warnings.map((w) => w.message)].join('\n').replace(/[^\u3400-\u9fff]/g, '');
  // Layout the site replaces (group headings, tags, rules): the report names each such line.
  const layout = new Set(['structure', 'blank', 'gutter', 'page-chrome', 'duplicate-title'].flatMap((k) => expandRanges(r.report.dropped[k as 'structure'] ?? '')));
  // Words a warning says were taken off the front of a title (`那`, `最后一个问题，`).
  const removed = r.report.warnings.flatMap((w) => [.../“([^”]+)”没有放进标题/.exec(w.message)?.slice(1) ?? []]).map((t) => t.replace(/[^\u3400-\u9fff]/g, ''));
  const kept = (s: string) => output.includes(s) || reported.includes(s) || removed.some((p) => s.startsWith(p) && output.includes(s.slice(p.length)));
  return raw.split('\n').flatMap((line, i) => {
    const n = i + 1;
    if (layout.has(n)) return [];
    return sentences(line).filter((s) => !kept(s)).map((s) => `${n}: ${s}`);
  });
}

/** Set-aside lines are in no entry: each must be in the report's `setAside`, word for word. */
export function setAsideLinesMissing(r: ImportResult): number[] {
  return SET_ASIDE_REASONS.flatMap((k) => expandRanges(r.report.dropped[k] ?? '')).filter((n) => !r.report.setAside?.some((a) => a.line === n));
}

/** One `describe` per fixture: its questions, its code, its furniture left out, and no text lost. */
export function describeEditorExpectations(fixtures: string, expected: Record<string, Expected>): void {
  for (const [name, want] of Object.entries(expected)) {
    describe(name, () => {
      // Imported on first use, so a note the importer refuses fails its own tests, not the whole file.
      let imported: ImportResult | undefined;
      const result = () => (imported ??= importNote(readFileSync(join(fixtures, name)), name));

      it('finds exactly the questions a careful editor would, word for word', () => {
        const r = result();
        expect(r.entries.map((e) => e.title)).toEqual(want.titles);
        expect(r.entries.every((e) => e.frontmatter.status === 'answered')).toBe(true);
        if (want.importance) expect(r.entries.map((e) => e.frontmatter.importance)).toEqual(want.importance);
      });

      it('keeps code as blocks in their language', () => {
        const r = result();
        const blocks = codeBlocks(r).map((b) => `${b.lang}: ${b.code.split('\n')[0]}`);
        expect(blocks).toEqual(want.code);
      });

      it('leaves the copy’s furniture out of the entries', () => {
        const r = result();
        const text = r.entries.map((e) => body(e.mdx)).join('\n');
        for (const re of want.absent ?? []) expect(text).not.toMatch(re);
        for (const md of want.contains ?? []) expect(text).toContain(md);
        const aside = (r.report.setAside ?? []).map((a) => a.text);
        for (const re of want.setAside ?? []) expect(aside.some((t) => re.test(t)), `setAside 里没有 ${re}`).toBe(true);
      });

      it('loses no text: every sentence is in an entry, or set aside word for word in the report', () => {
        const r = result();
        expect(unaccountedLines(r.report)).toEqual([]);
        expect(lostSentences(r, readFileSync(join(fixtures, name), 'utf8'))).toEqual([]);
        expect(setAsideLinesMissing(r)).toEqual([]);
      });
    });
  }
}
