import { cutSections } from '../section.ts';
import type { Doc, Line } from '../types.ts';

const GUTTER = /^\|{1,2}\s*$/;
const CHROME = /^(\d+ lines|\d+(\.\d+)? [KM]?i?B|Markdown|Raw|Blame|Preview|Code)$/;

/**
 * A GitHub file page copied as text (note 003): the Markdown is real, but every source line is
 * followed by a line-gutter line (`|`, `||`), and the page header (commit message, `1021 lines`,
 * `24 KiB`, `Markdown`) sits above the file. Gutter lines stood where blank lines were.
 */
export function stripGithubChrome(doc: Doc): Doc {
  const drops = [...doc.drops];
  const firstHeading = doc.lines.findIndex((l) => /^# \S/.test(l.text));
  const kept: Line[] = [];
  doc.lines.forEach((line, i) => {
    const t = line.text.trim();
    if (i < firstHeading && (CHROME.test(t) || i === 0)) {
      drops.push({ line: line.src[0]!, reason: 'page-chrome' });
    } else if (GUTTER.test(line.text)) {
      drops.push({ line: line.src[0]!, reason: 'gutter' });
      // A gutter line stood for a blank line of the Markdown source: keep the paragraph break.
      kept.push({ text: '', src: [] });
    } else kept.push(line);
  });
  return { ...doc, lines: kept, drops };
}

const ANSWER = /^###\s+(\d+)\.\s*(.+?)\s*$/;
const QUESTION_ITEM = /^(\d+)\.\s*(\S.*?)\s*$/;

/**
 * Questions are the `### N.` answers; the `**问题**` list above them gives each its full wording,
 * so those list lines are accounted as the title they became.
 */
export function segmentGithubView(doc: Doc): Doc {
  const answers = doc.lines.flatMap((line, index) => {
    const m = ANSWER.exec(line.text);
    return m ? [{ index, n: Number(m[1]), heading: m[2]! }] : [];
  });
  const firstAnswer = answers[0]?.index ?? doc.lines.length;
  const asked = new Map<number, { text: string; src: number[] }>();
  doc.lines.slice(0, firstAnswer).forEach((line) => {
    const m = QUESTION_ITEM.exec(line.text);
    if (m) asked.set(Number(m[1]), { text: m[2]!, src: line.src });
  });
  const drops = [...doc.drops];
  const structural = new Set<Line>();
  for (const line of doc.lines.slice(0, firstAnswer)) {
    const t = line.text.trim();
    const q = QUESTION_ITEM.exec(t);
    if (q && answers.some((a) => a.n === Number(q[1]))) {
      drops.push(...line.src.map((n) => ({ line: n, reason: 'duplicate-title' as const })));
      structural.add(line);
    } else if (/^#{1,2} \S/.test(t) || /^\*\*问题\*\*[:：]?$/.test(t) || t === '---') {
      drops.push(...line.src.map((n) => ({ line: n, reason: 'structure' as const })));
      structural.add(line);
    }
  }
  const lines = doc.lines.filter((l) => !structural.has(l));
  const titles = answers.map((a) => ({
    index: lines.findIndex((l) => l === doc.lines[a.index]),
    title: asked.get(a.n)?.text ?? a.heading,
  }));
  const cut = cutSections({ ...doc, lines, drops }, titles);
  return { ...cut, sections: cut.sections.map((s, i) => ({ ...s, heading: answers[i]!.heading })) };
}
