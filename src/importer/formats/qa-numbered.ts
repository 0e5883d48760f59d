import { cutSections } from '../section.ts';
import type { Doc, Line } from '../types.ts';
import { CJK } from '../text.ts';

const NUMBERED = /^(\d{1,3})\.\s*(\S.*?)\s*$/;
/** Words that make a line a question rather than a step or a sub-heading. */
const QUESTION_WORDS =
  /[?？]|什么|如何|怎么|怎样|哪些|哪几|几种|为什么|是否|区别|对比|原理|流程|过程|链路|作用|用途|思路|场景|调优|内容|组件|方式|方案|理解|简述|谈谈|介绍|解释|原因|等级|实现/;

export const looksLikeQuestion = (title: string) => CJK.test(title) && QUESTION_WORDS.test(title);

/**
 * Numbered questions (`1.`–`N.`) whose inner lists restart at 1: a line is a question only if it
 * carries the next question number and reads as a question (or is starred). Steps such as
 * `3. TLS 证书配置` inside question 3 are then left to the body.
 */
export function findNumberedQuestions(lines: readonly Line[]): { index: number; title: string; starred: boolean }[] {
  const found: { index: number; title: string; starred: boolean }[] = [];
  // Where the author starred questions, an unstarred numbered line is a question only if it asks one:
  // `5. 发送 SIGTERM 信号给容器` is a step of the answer above it.
  const starredNote = lines.filter((l) => /^\d{1,3}\.\s*\S.*☆\s*$/.test(l.text)).length >= 3;
  lines.forEach((line, index) => {
    const m = NUMBERED.exec(line.text);
    if (!m) return;
    const n = Number(m[1]);
    const starred = /☆\s*$/.test(m[2]!);
    const title = m[2]!.replace(/\s*☆+\s*$/, '');
    // A task-style question (`10. 搭建MetalLB ,为service分配一个本地IP`) is long; inner steps are short.
    const longEnough = n > 1 && title.length >= 16 && !/。/.test(title);
    const asks = starredNote ? /[?？]/.test(title) : looksLikeQuestion(title) || longEnough;
    if (n === found.length + 1 && (starred || asks)) found.push({ index, title, starred });
  });
  return found;
}

/** Plain-text Q&A copy (note 000): numbered questions only. */
export function segmentQaPlain(doc: Doc): Doc {
  return cutSections(doc, findNumberedQuestions(doc.lines));
}

/**
 * Blog Q&A copy (note 001): ☆-numbered questions, then questions as bare title lines. A bare line
 * after the numbered run is a question when it reads as one and is not part of the text around it
 * (no sentence punctuation at its end, not a list item, not code).
 */
export function segmentQaBlog(doc: Doc): Doc {
  const numbered = findNumberedQuestions(doc.lines);
  const last = numbered.at(-1)?.index ?? -1;
  const bare = doc.lines.flatMap((line, index) => {
    if (index <= last) return [];
    const t = line.text.trim();
    if (t.length < 6 || t.length > 60 || /^[-*•\d]/.test(t) || /[。，,：:；;）)]$/.test(t)) return [];
    if (!looksLikeQuestion(t) || /^[\w.\/-]+$/.test(t)) return [];
    // A question title starts with its subject, never with a connective left over from a split sentence.
    if (/^(是|的|和|或|并|但|而|则|及|与|、)/.test(t)) return [];
    return [{ index, title: t.replace(/\s*☆+\s*$/, ''), starred: /☆\s*$/.test(t) }];
  });
  return cutSections(doc, [...numbered, ...bare].sort((a, b) => a.index - b.index));
}
