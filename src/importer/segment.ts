import { ImportError } from './errors.ts';
import { BRACKET_LABEL, QUESTION_LABEL, bestCandidateLines, cleanTitle, findStructure, restates, type Candidate, type Structure } from './evidence.ts';
import { cutSections } from './section.ts';
import { isBlank } from './text.ts';
import type { Doc, Drop, Line } from './types.ts';

/**
 * Cut a note into questions by the structure its evidence shows. Group headings become topic
 * hints of the questions below them; a heading that merely restates the next question, and a
 * label-only line (`**问题：**`) whose question is on the next line, are accounted as titles.
 */
export function segmentByEvidence(doc: Doc): Doc & { structure: Structure } {
  const structure = findStructure(doc.lines);
  if (!structure) {
    const best = bestCandidateLines(doc.lines);
    const hint = best.length > 0 ? `；最接近问题的行：${best.map((b) => `第 ${b.line} 行 “${b.text}”`).join('，')}` : '';
    throw new ImportError(doc.note, best[0]?.line, `没有找到任何像问题的结构（编号、标题、问：/答： 标签、以问号结尾的行都没有）${hint}`);
  }
  const drops: Drop[] = [...doc.drops];
  const warnings = [...doc.warnings];
  const remove = new Set<number>();
  const dropLine = (i: number, reason: Drop['reason']) => {
    remove.add(i);
    drops.push(...doc.lines[i]!.src.map((line) => ({ line, reason })));
  };
  for (const i of structure.restated) dropLine(i, 'duplicate-title');
  // `### 1. 调度` then `**问题：** 调度…？`: the label line says the question again.
  for (const q of structure.questions) {
    let j = q.index + 1;
    while (j < doc.lines.length && isBlank(doc.lines[j]!.text)) j++;
    const next = doc.lines[j];
    if (!next || remove.has(j)) continue;
    const label = QUESTION_LABEL.exec(next.text.trim()) ?? BRACKET_LABEL.exec(next.text.trim());
    if (label && structure.family !== 'label' && restates(q.title, cleanTitle(next.text.trim().slice(label[0].length)))) dropLine(j, 'duplicate-title');
  }
  const groupAt = new Map(structure.groups.map((g) => [g.index, g.title]));
  for (const i of groupAt.keys()) dropLine(i, 'structure');
  for (const irr of structure.irregular) warnings.push({ line: doc.lines[irr.index]!.src[0], message: irr.message });

  // A label alone on its line (`**问题：**`) has its wording on the next non-blank line.
  const titles: { index: number; title: string; starred: boolean; extra: number[] }[] = [];
  for (const q of structure.questions) {
    let title = q.title;
    const extra: number[] = [];
    if (title === '') {
      let j = q.index + 1;
      while (j < doc.lines.length && isBlank(doc.lines[j]!.text)) j++;
      const next = doc.lines[j];
      if (!next) continue;
      title = next.text.trim().replace(/\*\*/g, '');
      extra.push(j);
    }
    titles.push({ index: q.index, title, starred: q.starred, extra });
  }
  const hintAt = topicHints(structure.questions, groupAt);
  // Lines folded into a title are part of it; keep them out of the answer.
  const folded = new Map<number, number[]>();
  for (const t of titles) for (const j of t.extra) {
    remove.add(j);
    folded.set(t.index, [...(folded.get(t.index) ?? []), ...doc.lines[j]!.src]);
  }
  const keptIndex: number[] = [];
  const lines: Line[] = [];
  doc.lines.forEach((line, i) => {
    if (remove.has(i)) return;
    keptIndex[i] = lines.length;
    lines.push(folded.has(i) ? { ...line, src: [...line.src, ...folded.get(i)!] } : line);
  });
  const cut = cutSections(
    { ...doc, lines, drops, warnings },
    titles.map((t) => ({ index: keptIndex[t.index]!, title: t.title, starred: t.starred })),
  );
  const sections = cut.sections.map((s, k) => {
    const hint = hintAt.get(titles[k]!.index);
    return hint ? { ...s, topicHint: hint } : s;
  });
  return { ...cut, sections, family: structure.family, structure };
}

/** Each question's nearest group heading above it. */
function topicHints(questions: readonly Candidate[], groupAt: ReadonlyMap<number, string>): Map<number, string> {
  const groups = [...groupAt].sort((a, b) => a[0] - b[0]);
  const out = new Map<number, string>();
  let g = 0;
  let current: string | undefined;
  for (const q of questions) {
    while (g < groups.length && groups[g]![0] < q.index) current = groups[g++]![1];
    if (current) out.set(q.index, current);
  }
  return out;
}
