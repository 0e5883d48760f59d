import { ImportError } from './errors.ts';
import { ANSWER_LABEL, BRACKET_LABEL, DIALOGUE_LABEL, INTERVIEWER_TURN, QUESTION_LABEL, bestCandidateLines, cleanTitle, findStructure, isTechnical, restates, type Candidate, type Structure } from './evidence.ts';
import { cutSections } from './section.ts';
import { defaultGlossary } from './slug.ts';
import { fenceRanges } from './evidence.ts';
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
  if (structure.family === 'summary') for (const i of detailsWrappers(doc.lines, structure.questions.map((q) => q.index))) dropLine(i, 'structure');
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
  // An interviewer's `嗯。那…` before the question is gone from the title: the report says what was removed.
  if (DIALOGUE_LABEL.test(structure.shape)) {
    for (const q of structure.questions) {
      let at = q.index;
      if (q.titleBelow) while (at + 1 < doc.lines.length && (at === q.index || isBlank(doc.lines[at]!.text))) at++;
      const said = cleanTitle(doc.lines[at]!.text.trim().replace(QUESTION_LABEL, ''));
      if (said !== q.title && said.endsWith(q.title)) warnings.push({ line: doc.lines[q.index]!.src[0], message: `问题前的口头语“${said.slice(0, said.length - q.title.length).trim()}”没有放进标题` });
    }
  }
  for (const irr of structure.irregular) warnings.push({ line: doc.lines[irr.index]!.src[0], message: irr.message });

  // A label alone on its line (`**问题：**`) has its wording on the next non-blank line.
  const titles: { index: number; title: string; starred: boolean; extra: number[]; answer?: string }[] = [];
  for (const q of structure.questions) {
    let title = q.title;
    // `Q: 什么是 Pod？ A: 最小的调度单位。`: question and answer on one line.
    const oneLine = /^(.*?[?？])\s*(?:\*\*)?(?:答案?|A)\s*(?:\*\*)?\s*[:：]\s*(\S.*)$/.exec(title);
    if (oneLine) {
      titles.push({ index: q.index, title: oneLine[1]!.trim(), starred: q.starred, extra: [], answer: oneLine[2]! });
      continue;
    }
    const extra: number[] = [];
    if (title === '' || q.titleBelow) {
      let j = q.index + 1;
      while (j < doc.lines.length && isBlank(doc.lines[j]!.text)) j++;
      const next = doc.lines[j];
      if (!next) continue;
      title = q.titleBelow ? q.title : next.text.trim().replace(/\*\*/g, '');
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
  // What comes before the first question is the page's (title, author, licence, table of contents), not an answer's:
  // it is set aside in the report, word for word, instead of opening the first entry.
  const setAside = [...(doc.setAside ?? [])];
  const firstQuestion = titles[0]?.index ?? 0;
  const preface = doc.lines.slice(0, firstQuestion).flatMap((l, i) => (remove.has(i) || isBlank(l.text) ? [] : [i]));
  for (const i of preface) {
    dropLine(i, 'preface');
    setAside.push(...doc.lines[i]!.src.map((line) => ({ line, text: doc.lines[i]!.text })));
  }
  // What the copied site put around the text (recognised before the questions were), wherever it stands after the first question.
  const asideReason = { furniture: 'furniture', 'lost-image': 'lost-image', epilogue: 'epilogue' } as const;
  let asideCount = 0;
  doc.lines.forEach((l, i) => {
    if (i <= firstQuestion || remove.has(i) || !l.aside) return;
    dropLine(i, asideReason[l.aside]);
    setAside.push(...l.src.map((line) => ({ line, text: l.text, reason: asideReason[l.aside!] })));
    asideCount++;
  });
  const firstAside = doc.lines.findIndex((l, i) => i > firstQuestion && l.aside);
  if (asideCount > 0) warnings.push({ line: doc.lines[firstAside]?.src[0], message: `${asideCount} 行是复制来源网站的页面元素（点赞数、发布时间、关注提示、丢失的图片等），没有放进答案，原文记在报告的 setAside 里` });
  // Each post of a thread (another answer, another comment) opens like a note of its own: its text before its first question is its preface.
  let postPreface = 0;
  let firstPostPreface: number | undefined;
  titles.forEach((t, k) => {
    const previous = titles[k - 1]?.index ?? -1;
    let start = -1;
    for (let i = t.index; i > previous; i--) if (doc.lines[i]!.postStart) {
      start = i;
      break;
    }
    if (start < 0 || previous < 0) return;
    for (let i = start; i < t.index; i++) {
      if (remove.has(i) || isBlank(doc.lines[i]!.text)) continue;
      dropLine(i, 'preface');
      setAside.push(...doc.lines[i]!.src.map((line) => ({ line, text: doc.lines[i]!.text, reason: 'preface' as const })));
      firstPostPreface ??= doc.lines[i]!.src[0];
      postPreface++;
    }
  });
  if (postPreface > 0) warnings.push({ line: firstPostPreface, message: `另一个帖子（回答、评论）在它的第一个问题之前有 ${postPreface} 行开场白，没有放进上一题的答案，原文记在报告的 setAside 里` });
  // A transcript ends with small talk (`面试官：今天就到这里，你有什么想问我的吗？`): after the last question, the
  // interviewer's next turn that is not a question closes the interview, and what follows belongs to no answer.
  const lastQuestion = titles.at(-1)?.index ?? doc.lines.length;
  if (DIALOGUE_LABEL.test(structure.shape)) {
    const close = doc.lines.findIndex((l, i) => i > lastQuestion && QUESTION_LABEL.test(l.text.trim()));
    if (close !== -1) {
      for (let i = close; i < doc.lines.length; i++) {
        if (remove.has(i) || isBlank(doc.lines[i]!.text)) continue;
        dropLine(i, 'epilogue');
        setAside.push(...doc.lines[i]!.src.map((line) => ({ line, text: doc.lines[i]!.text })));
      }
    }
    // Between questions, an interviewer's turn that is no question, with the reply to it, is small talk
    // (`对了，你现在住哪边？`, `嗯，说得挺清楚的。` `谢谢。`) unless either side names something technical: then it is
    // a follow-up of the answer before it and stays there.
    const asked = new Set(titles.map((t) => t.index));
    const end = close === -1 ? doc.lines.length : close;
    const turn = (i: number) => INTERVIEWER_TURN.test(doc.lines[i]!.text.trim());
    // Any term of the site's glossary (`延迟` is not one, `驱逐` is) makes a turn technical, beyond the few words questions are told by.
    const terms = defaultGlossary().flatMap((t) => [t.zh, ...t.aka]).filter((n) => n.length >= 2);
    const technical = (text: string) => isTechnical(text) || terms.some((n) => text.includes(n));
    for (let i = (titles[0]?.index ?? end) + 1; i < end; i++) {
      if (asked.has(i) || remove.has(i) || !turn(i)) continue;
      let j = i + 1;
      while (j < end && !asked.has(j) && !turn(j)) j++;
      const exchange = Array.from({ length: j - i }, (_, k) => i + k).filter((k) => !remove.has(k) && !isBlank(doc.lines[k]!.text));
      if (exchange.every((k) => !technical(doc.lines[k]!.text.trim().replace(QUESTION_LABEL, '').replace(ANSWER_LABEL, '').replace(/^\s*\S{1,6}[:：]/, '')))) {
        for (const k of exchange) {
          dropLine(k, 'small-talk');
          setAside.push(...doc.lines[k]!.src.map((line) => ({ line, text: doc.lines[k]!.text })));
        }
        warnings.push({ line: doc.lines[i]!.src[0], message: `面试中间的 ${exchange.length} 行寒暄没有放进答案，原文记在报告的 setAside 里` });
      }
      i = j - 1;
    }
  }
  if (preface.length > 0) {
    warnings.push({ line: doc.lines[preface[0]!]!.src[0], message: `第一个问题之前有 ${preface.length} 行文字（标题、作者、目录等），没有放进任何条目，原文记在报告的 setAside 里` });
  }
  const keptIndex: number[] = [];
  const lines: Line[] = [];
  const inlineAnswer = new Map(titles.flatMap((t) => (t.answer ? [[t.index, t.answer] as const] : [])));
  doc.lines.forEach((line, i) => {
    if (remove.has(i)) return;
    keptIndex[i] = lines.length;
    lines.push(folded.has(i) ? { ...line, src: [...line.src, ...folded.get(i)!] } : line);
    const answer = inlineAnswer.get(i);
    if (answer) lines.push({ text: answer, src: line.src });
  });
  const cut = cutSections(
    { ...doc, lines, drops, warnings },
    titles.map((t) => ({ index: keptIndex[t.index]!, title: t.title, starred: t.starred })),
  );
  const sections = cut.sections.map((s, k) => {
    const hint = hintAt.get(titles[k]!.index);
    return hint ? { ...s, topicHint: hint } : s;
  });
  return { ...cut, sections, setAside, family: structure.family, structure };
}

const DETAILS_OPEN = /^\s*<details(?:\s[^>]*)?>\s*$/i;
const DETAILS_CLOSE = /^\s*<\/details>\s*$/i;

/**
 * The `<details>` line above each question's `<summary>` and the `</details>` that closes it: the
 * README's layout. A `<details>` inside an answer (a folded figure) opens and closes within it and stays.
 */
function detailsWrappers(lines: readonly Line[], questions: readonly number[]): number[] {
  const inFence = fenceRanges(lines);
  const out: number[] = [];
  questions.forEach((q, k) => {
    let p = q - 1;
    while (p >= 0 && isBlank(lines[p]!.text)) p--;
    const opened = /^\s*<details/i.test(lines[q]!.text) || (p >= 0 && DETAILS_OPEN.test(lines[p]!.text) && (out.push(p), true));
    if (!opened) return;
    let depth = 0;
    const end = questions[k + 1] ?? lines.length;
    for (let i = q + 1; i < end; i++) {
      if (inFence[i]) continue;
      if (DETAILS_OPEN.test(lines[i]!.text) || /^\s*<details[\s>]/i.test(lines[i]!.text)) depth++;
      else if (DETAILS_CLOSE.test(lines[i]!.text) && depth-- === 0) {
        out.push(i);
        break;
      }
    }
  });
  return out;
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
