import { fenceRanges } from '../evidence.ts';
import { normalizeSpaces } from '../text.ts';
import type { Pass } from '../types.ts';
import { counted } from './note-lines.ts';

/**
 * Lines left in an answer that say nothing on their own: a bare number (a vote or reputation
 * count), a date and time, a `– name` signature. The importer cannot tell them from the author's
 * text with certainty, so it does not guess: it keeps them and names them in the report for review.
 */
const BARE_NUMBER = /^[\d.,]+\s*[kKmM万]?$/;
const DATE_ONLY = /^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?)?$/i;
const SIGNATURE = /^[–—]\s*[\w.-]{2,39}$/;

export const flagResidue: Pass = (doc) => {
  const found: number[] = [];
  for (const s of doc.sections) {
    // Only short lines can be one of these: most answers have none, and need no fence map.
    if (!s.lines.some((l) => l.text.length <= 48 && /^\s*[\d–—A-Z]/i.test(l.text))) continue;
    const inFence = fenceRanges(s.lines);
    s.lines.forEach((l, i) => {
      if (inFence[i] || l.src.length === 0 || l.text.length > 48) return;
      const t = normalizeSpaces(l.text).trim();
      if (t === '') return;
      if (BARE_NUMBER.test(t) || DATE_ONLY.test(t) || SIGNATURE.test(t)) found.push(...l.src);
    });
  }
  if (found.length === 0) return { ...doc, passCounts: counted(doc, 'residue', 0) };
  const shown = found.slice(0, 20).join('、') + (found.length > 20 ? ' 等' : '');
  return {
    ...doc,
    warnings: [...doc.warnings, { line: found[0], message: `答案里有 ${found.length} 行只有数字、日期或署名（第 ${shown} 行），可能是复制来源页面的票数、时间或用户名；导入器没有判断，原样保留，请人工检查` }],
    passCounts: counted(doc, 'residue', found.length),
  };
};
