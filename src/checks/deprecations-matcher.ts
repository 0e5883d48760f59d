import type { Term } from './deprecations-data.ts';

/** One occurrence of a deprecated term inside a piece of text. */
export interface TermMatch {
  term: Term;
  /** Offset of the match inside the searched text. */
  index: number;
  text: string;
  /** The sentence holding the match, as [start, end) offsets inside the searched text. */
  sentence: [number, number];
}

/**
 * Sentence ends in mixed Chinese/English notes: Chinese full stops and friends, line breaks
 * (list items, code lines and hard-wrapped notes), and an ASCII period or colon only when a space
 * or the end follows, so “1.26”, “k8s.gcr.io” and “cpu.shares” stay inside their sentence.
 */
const SENTENCE_MARKS = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);
const endsSentence = (text: string, i: number) => {
  const c = text[i]!;
  if (SENTENCE_MARKS.has(c)) return true;
  return (c === '.' || c === ':') && (i + 1 === text.length || /\s/.test(text[i + 1]!));
};

/** The sentence holding [start, end): scans outwards from the match only, so long blocks stay linear. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < text.length && !endsSentence(text, to)) to++;
  return [from, to];
}

/** Words that state a status change; a version number must appear in the same sentence too. */
const STATUS =
  /弃用|废弃|移除|删除|去掉|去除|不再|停止|停用|退役|归档|冻结|取代|替代|代替|改用|改为|改名|更名|换成|迁移|过时|淘汰|不推荐|GA|deprecat|remov|renam|retire|archiv|frozen|freeze|replace|supersede|end[- ]of[- ]life|\bEOL\b/iu;
/** A release (“1.26”, “v1.33”, “etcd 3.6”) or a date (“2026 年 3 月”, “2024”). */
const VERSION = /(?<![\w.])v?\d+\.\d+(?:\.\d+)?(?![\w.]*\w)|(?<!\d)20\d\d(?!\d)/u;

/**
 * Does this sentence itself say what happened to the term and since when (“userspace 模式已在
 * 1.26 移除”, “deprecated in 1.33”)? The term's own characters are blanked first, so a version
 * inside the term (an image tag, “v2beta2”) cannot vouch for it.
 */
export function statesVersionedStatus(sentence: string, termStart: number, termEnd: number): boolean {
  const rest = sentence.slice(0, termStart) + ' '.repeat(termEnd - termStart) + sentence.slice(termEnd);
  return STATUS.test(rest) && VERSION.test(rest);
}

export interface FindOptions {
  /**
   * Judge `unless` on the whole text instead of the sentence. A diagram has no sentences: its
   * labels together are one statement, so “nftables” in any box shows the diagram is current.
   * `context` stays with the line (one label), so a word elsewhere in the diagram does not make
   * an innocent label (“kube-dns 的 ClusterIP”) into a claim.
   */
  wholeTextUnless?: boolean;
}

/** Every occurrence of the given terms in `text`, in text order, with the sentence around it. */
export function findTerms(text: string, terms: readonly Term[], options: FindOptions = {}): TermMatch[] {
  const out: TermMatch[] = [];
  for (const term of terms) {
    const seen = new Set<number>();
    for (const regex of term.regexes) {
      for (const m of text.matchAll(regex)) {
        if (seen.has(m.index) || m[0].length === 0) continue;
        seen.add(m.index);
        const sentence = sentenceAround(text, m.index, m.index + m[0].length);
        const words = text.slice(...sentence);
        if (!term.contextRegexes.every((c) => c.test(words))) continue;
        if (term.unlessRegexes.some((c) => c.test(options.wholeTextUnless ? text : words))) continue;
        out.push({ term, index: m.index, text: m[0], sentence });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
