import { fenceRanges } from '../evidence.ts';
import { hasCjk, isBlank, isCommandLine, isYamlLine } from '../text.ts';
import type { Doc, Drop, Line, Pass } from '../types.ts';
import { counted } from './note-lines.ts';

/**
 * The layout of printed pages, left in text copied out of a PDF (or a Word document saved as one):
 * a header and a page number on every page, and lines broken wherever the page was full.
 */

/** `第 3 页`, `第 3 页 共 12 页`, `- 3 -`, `3 / 12`, `Page 3`, `Page 3 of 12`, `P3`. */
const PAGE_NUMBER = /^\s*(?:第\s*(\d{1,4})\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|[-–—]\s*(\d{1,4})\s*[-–—]|(\d{1,4})\s*\/\s*\d{1,4}|page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?|p\.?\s*(\d{1,4}))\s*$/i;

const pageNumber = (t: string): number | null => {
  const m = PAGE_NUMBER.exec(t.replace(/\f/g, ''));
  if (!m) return null;
  return Number(m.slice(1).find((g) => g !== undefined));
};

const squeeze = (t: string) => t.replace(/\f/g, '').replace(/\s+/g, ' ').trim();

/**
 * Page numbers that count up through the note, and the lines that come back unchanged next to
 * each of them (the running header or footer), are the printed page's, not the author's: they are
 * dropped as page chrome. Without at least two page numbers in order nothing is touched.
 */
export const stripPageChrome: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  const numbered = doc.lines.flatMap((l, i) => {
    const n = inFence[i] ? null : pageNumber(l.text);
    return n === null ? [] : [{ i, n }];
  });
  const ascending = numbered.length >= 2 && numbered.every((p, k) => k === 0 || p.n > numbered[k - 1]!.n);
  if (!ascending) return { ...doc, passCounts: counted(doc, 'page-chrome', 0) };
  const chrome = new Set(numbered.map((p) => p.i));
  // The nearest non-blank lines on either side of a page number: where a running header or footer stands.
  const near = (i: number, step: number) => {
    let j = i + step;
    while (j >= 0 && j < doc.lines.length && isBlank(doc.lines[j]!.text)) j += step;
    return j >= 0 && j < doc.lines.length ? j : -1;
  };
  const besides = new Map<string, number[]>();
  const seen = (j: number) => {
    if (j < 0 || inFence[j] || chrome.has(j)) return;
    const key = squeeze(doc.lines[j]!.text);
    const at = besides.get(key) ?? [];
    // A line between two page numbers (a one-line page) stands beside both: it is still one place.
    if (!at.includes(j)) besides.set(key, [...at, j]);
  };
  for (const p of numbered) {
    seen(near(p.i, -1));
    seen(near(p.i, 1));
  }
  // A running header or footer stands at (nearly) every page break; a line of code that happens to
  // stand at two of forty does not. Only its places beside a page number, and the note's first and
  // last lines (the first page's header, the last page's footer), are the page's.
  const repeated = new Set([...besides].filter(([, at]) => at.length >= Math.max(2, numbered.length * 0.5)).map(([key]) => key));
  for (const [key, at] of besides) if (repeated.has(key)) for (const j of at) chrome.add(j);
  for (const j of [near(-1, 1), near(doc.lines.length, -1)]) if (j >= 0 && !inFence[j] && repeated.has(squeeze(doc.lines[j]!.text))) chrome.add(j);
  const drops: Drop[] = [...doc.drops];
  const lines: Line[] = [];
  doc.lines.forEach((l, i) => {
    if (chrome.has(i)) drops.push(...l.src.map((line) => ({ line, reason: 'page-chrome' as const })));
    else lines.push(l.text.includes('\f') ? { ...l, text: l.text.replace(/\f/g, '') } : l);
  });
  return { ...doc, lines, drops, passCounts: counted(doc, 'page-chrome', chrome.size) };
};

/** Columns a line takes on a page: a Chinese character is two. */
const width = (t: string) => {
  let w = 0;
  for (const ch of t.trim()) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
};

/** Chinese characters and full-width punctuation: no space between them where a line was broken. */
const CJKISH_END = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]$/;
const CJKISH_START = /^[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_PUNCT_START = /^[\u3000-\u303f\uff00-\uffef]/;
const SENTENCE_END = /[。！？!?；;：:…）)」』”"]$/;
/** A line that starts a block of its own: a list item, heading, quote, table, fence, numbered question, code. */
const STARTS_BLOCK = /^\s*(?:[-*+•·]\s|\d{1,3}[.)、．）]|[（(]\d{1,3}[)）]|#{1,6}\s|>|\||`{3}|~{3}|[①-⑳]|[一二三四五六七八九十]{1,3}、|第\s*\S{1,3}\s*[题问章节])/;

/**
 * Text copied out of a PDF breaks every line where the page was full, in the middle of a word, a
 * question's title included: Markdown would show each break inside a Chinese sentence as a space,
 * and a question would lose its end. Where the note shows that evidence (most of its longest lines
 * fill the page's width and stop mid-sentence), such a line is joined to the line after it, as long
 * as that one starts no block of its own (a list item, a numbered question, code).
 */
export const joinHardWraps: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  // Only Chinese prose is joined: a line without a Chinese character is code, output or English, whose breaks
  // Markdown keeps or shows as the space they were; a prompt or a `#` comment starts a line of a session.
  const code = (t: string) => !/[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(t) || /^\s{2,}|^\t/.test(t) || /^\s*(?:\||`{3}|~{3}|#|\$ |\[[^\]]*\][#$%>] )/.test(t) || isYamlLine(t) || isCommandLine(t);
  const continues = (t: string) => !isBlank(t) && !STARTS_BLOCK.test(t) && !code(t);
  // The page's width: what the longer lines of Chinese prose reach (the cheap test first: this runs on every note).
  const prose = doc.lines.filter((l, i) => !inFence[i] && hasCjk(l.text));
  const widths = prose.map((l) => width(l.text)).sort((a, b) => a - b);
  const page = widths[Math.floor(widths.length * 0.9)] ?? 0;
  const full = (t: string) => {
    const w = width(t);
    return page >= 40 && w >= page * 0.85 && w <= page * 1.1 && !SENTENCE_END.test(t.trim()) && !code(t);
  };
  // A line also ends short of the margin when the next word would not have fitted: it moved down whole.
  const brokenBefore = (t: string, next: string) => {
    const first = /^[\x21-\x7e]+/.exec(next.trim())?.[0];
    return full(t) || (page >= 40 && first !== undefined && width(t) + 1 + first.length > page && !SENTENCE_END.test(t.trim()) && !code(t));
  };
  // A hand-written note has a few long lines, most of them ending a sentence; a page's lines run to
  // the same width and mostly stop wherever the width ran out.
  const long = prose.filter((l) => page >= 40 && width(l.text) >= page * 0.85);
  const wrapped = long.filter((l) => full(l.text)).length;
  if (wrapped < 3 || wrapped < long.length * 0.5) return { ...doc, passCounts: counted(doc, 'hard-wraps', 0) };
  let changed = 0;
  const out: Line[] = [];
  doc.lines.forEach((l, i) => {
    const prev = out.at(-1);
    if (prev && i > 0 && !inFence[i] && !inFence[i - 1] && continues(l.text) && brokenBefore(doc.lines[i - 1]!.text, l.text)) {
      const end = prev.text.trimEnd();
      const start = l.text.trimStart();
      const glue = (CJKISH_END.test(end) && CJKISH_START.test(start)) || CJK_PUNCT_START.test(start) || /[\u3000-\u303f\uff00-\uffef]$/.test(end) ? '' : ' ';
      out[out.length - 1] = { ...prev, text: prev.text.trimEnd() + glue + l.text.trimStart(), src: [...prev.src, ...l.src] };
      changed++;
      return;
    }
    out.push(l);
  });
  return { ...doc, lines: out, passCounts: counted(doc, 'hard-wraps', changed) };
};
