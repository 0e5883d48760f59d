import type { Doc, Line, Section } from './types.ts';
import { isBlank } from './text.ts';

export function newSection(title: string, titleSrc: number[], starred = false): Section {
  return { title, titleSrc, starred, lines: [], blocks: [], blank: [], losses: [] };
}

/**
 * Cut `doc.lines` at the given title lines. Lines before the first title are kept, not dropped:
 * blank ones are recorded as blank, text goes to the first section with a warning, so an
 * unexpected preface is visible in review rather than lost.
 */
export function cutSections(
  doc: Doc,
  titles: { index: number; title: string; starred?: boolean }[],
  preface: { reason: 'page-chrome'; test: (l: Line) => boolean } | null = null,
): Doc {
  const drops = [...doc.drops];
  const warnings = [...doc.warnings];
  const sections: Section[] = [];
  const first = titles[0]?.index ?? doc.lines.length;
  const orphan: Line[] = [];
  for (const line of doc.lines.slice(0, first)) {
    if (isBlank(line.text)) drops.push(...line.src.map((n) => ({ line: n, reason: 'blank' as const })));
    else if (preface?.test(line)) drops.push(...line.src.map((n) => ({ line: n, reason: preface.reason })));
    else orphan.push(line);
  }
  titles.forEach((t, k) => {
    const titleLine = doc.lines[t.index]!;
    const section = newSection(t.title, titleLine.src, t.starred);
    const end = titles[k + 1]?.index ?? doc.lines.length;
    section.lines = doc.lines.slice(t.index + 1, end);
    sections.push(section);
  });
  if (orphan.length > 0) {
    const target = sections[0];
    if (!target) return { ...doc, lines: [], sections, drops, warnings };
    warnings.push({ line: orphan[0]!.src[0], message: `第一个问题之前有 ${orphan.length} 行文字，已并入第一个条目` });
    target.lines = [...orphan, ...target.lines];
  }
  return { ...doc, lines: [], sections, drops, warnings };
}
