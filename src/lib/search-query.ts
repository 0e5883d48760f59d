/**
 * Query rewriting for the site search, pure so the UI and the search benchmark share it and unit
 * tests cover it without an index. Pagefind requires every word of a query, so a pasted interview
 * question ("Ingress是什么?有哪些功能…") often finds nothing; these helpers reduce such a query to
 * its meaningful terms and rank pages by how many of them they contain.
 */
import { correctSpelling, nameKey, splitNameList, type Lexicon } from './query-lexicon';

/** A meaningful piece of the query: a Latin word or a run of Chinese words between stopwords. */
export interface QueryTerm {
  text: string;
  /** Finer words of a Chinese run, tried one by one when the run as a whole is unknown to the index. */
  parts: string[];
}

/**
 * Words that carry the shape of a question rather than its subject. Kept as whole words: the
 * segmenter decides word boundaries, so 的 inside 目的 is never dropped.
 */
const STOPWORDS = new Set([
  // Chinese question words and particles
  '是', '什么', '是什么', '啥', '哪些', '有哪些', '哪', '哪个', '哪种', '哪几种', '几种', '有几种', '几', '有',
  '如何', '怎么', '怎样', '怎么样', '怎么办', '为什么', '为何', '咋', '咋样', '会', '能', '能否', '可以', '是否',
  '的', '地', '得', '了', '吗', '呢', '吧', '啊', '呀', '么', '之', '其', '这', '那', '这个', '那个', '这些', '它', '它们',
  '和', '与', '及', '以及', '跟', '同', '或', '或者', '还是', '而', '并', '并且', '对', '对于', '关于', '把', '被', '给',
  '在', '中', '中的', '里', '都有', '所有', '整个', '进行', '上', '下', '内', '之间', '都', '也', '又', '就', '还', '要', '需要', '应该', '一个', '一种', '一下',
  '区别', '差别', '差异', '不同', '异同', '对比', '比较', '相比', '分别', '各自', '关系',
  '简述', '简单', '请', '描述', '介绍', '说说', '说明', '谈谈', '讲讲', '聊聊', '解释', '理解', '你', '我', '我们', '您',
  '主要', '常用', '常见', '通常', '一般', '具体', '哪里', '时候', '情况',
  // Colloquial question shapes: 干嘛用的, 是怎么回事, 能不能, 你对…的理解
  '干嘛', '干啥', '干什么', '做什么', '用来', '作用', '用途', '用处', '怎么回事', '回事', '什么样', '为啥', '能不能', '会不会', '是不是', '有没有',
  '多少', '一些', '哪儿', '的话', '大概', '到底', '究竟', '下面', '平时', '面试', '问题', '题',
  // English question words and function words
  'vs', 'versus', 'what', 'whats', 'is', 'are', 'was', 'how', 'why', 'when', 'where', 'which', 'who', 'do', 'does',
  'did', 'can', 'the', 'a', 'an', 'of', 'in', 'on', 'to', 'for', 'and', 'or', 'with', 'between', 'difference',
  'differences', 'compare', 'explain', 'describe', 'about', 'it', 'its', 'you', 'your', 'i', 'me', 'my', 'be',
  'work', 'works', 'happen', 'happens', 'happened', 'run', 'use', 'used', 'uses', 'using', 'should', 'would', 'will',
  'this', 'that', 'these', 'those', 'there', 'get', 'if', 'so', 'some', 'any', 'way', 'ways', 'need', 'needs', 'by',
  'from', 'into', 'at', 'as', 'we', 'they', 'them', 'has', 'have', 'had', 'been', 'not', 'no', 'please', 'tell',
  'example', 'examples', 'e.g', 'etc', 'mean', 'means', 'meaning', 'purpose', 'stuck', 'keeps',
]);

const HAN = /\p{Script=Han}/u;
/** Latin words keep inner dots, dashes, slashes and underscores: kube-proxy, metrics.k8s.io, v1/pod. */
const CHUNK = /\p{Script=Han}+|[\p{Script=Latin}\p{Nd}](?:[\p{Script=Latin}\p{Nd}._/-]*[\p{Script=Latin}\p{Nd}])?/gu;

let segmenter: Intl.Segmenter | undefined;
function words(run: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(run)].filter((s) => s.isWordLike !== false).map((s) => s.segment);
}

const isSingleHan = (w: string) => HAN.test(w) && [...w].length === 1;

/**
 * The segmenter's dictionary lacks many technical words and splits them into characters (探/针);
 * neighbouring single characters are rejoined, and a lone character, which matches as the prefix
 * of countless words, is left out.
 */
function finerParts(parts: string[]): string[] {
  const out: string[] = [];
  let singles = '';
  for (const part of [...parts, '']) {
    if (part && isSingleHan(part)) {
      singles += part;
      continue;
    }
    if ([...singles].length > 1) out.push(singles);
    singles = '';
    if (part) out.push(part);
  }
  return out;
}

/** Full-width letters, digits and punctuation become half-width; spaces collapse. */
export function normalizeQuery(query: string): string {
  return query.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * One ranking from several searches for the same thing: a page's score is the sum of its scores,
 * so a page that names the term in both languages ranks above one that only shares a word of it.
 */
export function sumScores<T extends { id: string; score: number }>(lists: readonly (readonly T[])[]): T[] {
  const total = new Map<string, { item: T; score: number; first: number }>();
  let seen = 0;
  for (const list of lists)
    for (const item of list) {
      const entry = total.get(item.id);
      if (entry) entry.score += item.score;
      else total.set(item.id, { item, score: item.score, first: seen++ });
    }
  // Each item carries its summed score, so a later ranking (mergeTermResults) sees the sum too.
  return [...total.values()].sort((a, b) => b.score - a.score || a.first - b.first).map((e) => ({ ...e.item, score: e.score }));
}

/**
 * Question words carry no subject, but they tell which kind of question was asked: 谈谈你对 X 的理解
 * is best answered by the page that asks for 理解 of X, Pod 有哪几种常见状态 by the page that
 * lists them. They only order pages that contain the same subject terms (mergeTermResults).
 * Words of a kind are written as titles write them (差别, 对比 → 区别).
 */
const QUESTION_KIND = new Map<string, string>([
  ['差别', '区别'], ['差异', '区别'], ['异同', '区别'], ['对比', '区别'], ['比较', '区别'],
  ['为何', '为什么'], ['为啥', '为什么'], ['介绍', '是什么'],
]);

/** English question shapes, as the Chinese titles word them. */
const ENGLISH_KIND: readonly [RegExp, string][] = [
  [/\bwhy\b/i, '为什么'],
  [/\bwhat(?:'s| is| are)\b/i, '是什么'],
  [/\b(?:difference|differences|vs|versus|compare)\b/i, '区别'],
];

/**
 * What readers paste when something is broken: a pod status or event reason (CrashLoopBackOff,
 * OOMKilled, Evicted, FailedScheduling, ErrImagePull, DiskPressure) or a log or event phrase
 * (connection refused, 0/3 nodes are available, exit code 137). The page that troubleshoots it
 * answers, not the one that mentions the status.
 */
const STATUS =
  /[a-z]*(?:backoff|killed|error|failed|pressure|notready|evicted)\b|\b(?:err|failed)[A-Z]|\b(?:refused|timed? ?out|unhealthy|insufficient|(?:is|are) available|exit code|not ready)\b/i;
/** A troubleshooting question: asked (排查, 原因, debug, 起不来) or a pasted status. */
const SYMPTOM = new RegExp(`排查|报错|错误|失败|异常|起不来|一直|卡住|卡在|不通|挂了|原因|\\b(?:debug|troubleshoot|stuck|fail|crash)|${STATUS.source}`, 'i');

export const isSymptom = (query: string) => SYMPTOM.test(normalizeQuery(query));

/** The question words of a query worth ranking by: stopwords of two or more Chinese characters, once each. */
export function questionWords(query: string): string[] {
  const found = new Set<string>();
  for (const [shape, kind] of ENGLISH_KIND) if (shape.test(normalizeQuery(query))) found.add(kind);
  // A pasted status asks how to troubleshoot it, whether or not the reader wrote 排查.
  if (STATUS.test(normalizeQuery(query))) found.add('排查');
  for (const [chunk] of normalizeQuery(query).matchAll(CHUNK)) {
    if (!HAN.test(chunk)) continue;
    for (const word of words(chunk)) if (isStopword(word) && [...word].length > 1) found.add(QUESTION_KIND.get(word) ?? word);
  }
  return [...found];
}

/**
 * The segmenter's dictionary lacks common technical words (监控 comes out as 监/控) and a run of
 * single characters then holds a trailing particle too (监控用); its two-character windows are
 * what is left to try when the index knows neither the run nor its words.
 */
export function hanWindows(text: string): string[] {
  const chars = [...text];
  if (!HAN.test(text) || chars.length < 3 || chars.some((c) => !HAN.test(c))) return [];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

/**
 * The meaningful terms of a query, in order and without duplicates. Chinese runs are segmented
 * into words; consecutive non-stopwords stay together as one term (无头服务, 集群高可用方案) so
 * the index's own segmentation decides how to match them.
 */
export function queryTerms(query: string, splitChunk: (chunk: string) => string[] = (c) => [c]): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const push = (parts: string[]) => {
    const text = parts.join('');
    const key = text.toLowerCase();
    if (!text || seen.has(key) || isStopword(text)) return;
    seen.add(key);
    terms.push({ text, parts: parts.length > 1 ? finerParts(parts) : [] });
  };
  for (const [chunk] of normalizeQuery(query).matchAll(CHUNK)) {
    if (!HAN.test(chunk)) {
      // A lone letter (the f of kubectl apply -f) matches every word starting with it.
      for (const piece of splitChunk(chunk)) if (!isStopword(piece) && piece.length > 1) push([piece]);
      continue;
    }
    let run: string[] = [];
    for (const word of words(chunk)) {
      if (isStopword(word)) {
        push(run);
        run = [];
      } else run.push(word);
    }
    push(run);
  }
  return terms.filter((t) => !(isSingleHan(t.text) && terms.length > 1));
}

/**
 * The terms to search for: queryTerms, with lists of names split (pv/pvc) and neighbouring English
 * words that together form a glossary name joined (persistent volume claim), so the name
 * is searched as one term under all its names instead of word by word.
 */
export function planTerms(query: string, lexicon: Lexicon): QueryTerm[] {
  const terms = queryTerms(query, (chunk) => splitNameList(chunk, lexicon));
  const out: QueryTerm[] = [];
  for (let i = 0; i < terms.length; i++) {
    let joined: QueryTerm | undefined;
    for (let n = Math.min(3, terms.length - i); n > 1 && !joined; n--) {
      const run = terms.slice(i, i + n);
      // English words only: 无头 + Service would also join, but Pod + 状态 would then rank as one
      // vague term instead of a rare word (状态) and a common one (Pod).
      if (run.every((t) => !HAN.test(t.text)) && namesOneTerm(run.map((t) => t.text), lexicon)) {
        joined = { text: run.map((t) => t.text).join(' '), parts: [] };
        i += n - 1;
      }
    }
    out.push(joined ?? terms[i]!);
  }
  return out;
}

/**
 * Whether English words written apart are one glossary name: persistent volume, or, misspelt,
 * deamon set (DaemonSet), when some word is no word the glossary knows on its own.
 */
function namesOneTerm(words: string[], lexicon: Lexicon): boolean {
  const key = nameKey(words.join(''));
  if (lexicon.names.has(key)) return true;
  if (words.every((w) => lexicon.vocabulary.has(nameKey(w)))) return false;
  const corrected = correctSpelling(key, lexicon);
  return corrected !== undefined && lexicon.names.has(nameKey(corrected));
}

export interface ScoredPage {
  id: string;
  score: number;
}

/** Terms on more than this share of all pages tell little about what the reader wants. */
export const COMMON_SHARE = 0.5;


export interface TermResults {
  term: string;
  results: ScoredPage[];
}

export interface PartialMatch {
  id: string;
  /** The terms this page contains, in query order. */
  matched: string[];
  /** Ranking key: informative terms count 1, terms found on most pages count less. */
  weight: number;
  /** Tie-breaker: Pagefind's score for each matched term, normalised to that term's best page. */
  score: number;
}

/**
 * Ranks pages by how many of the query's terms they contain. A term found on more than half of
 * all pages (Kubernetes, Pod) tells little about what the reader wants, so it counts a quarter.
 * Terms without results are ignored: they are words the index does not know.
 */
export function mergeTermResults(perTerm: TermResults[], totalPages: number, kinds: TermResults[] = []): PartialMatch[] {
  const pages = new Map<string, PartialMatch>();
  for (const { term, results } of perTerm) {
    if (results.length === 0) continue;
    const best = Math.max(...results.map((r) => r.score)) || 1;
    const weight = totalPages > 0 && results.length > totalPages * COMMON_SHARE ? 0.25 : 1;
    for (const r of results) {
      const page = pages.get(r.id) ?? { id: r.id, matched: [], weight: 0, score: 0 };
      if (page.matched.includes(term)) continue;
      page.matched.push(term);
      page.weight += weight;
      // Scaled like the weight: how well a page matches “Kubernetes” says little about it.
      page.score += (weight * r.score) / best;
      pages.set(r.id, page);
    }
  }
  // Question words (questionWords) break ties between pages with the same terms; they add no page.
  for (const { results } of kinds) {
    const best = Math.max(0, ...results.map((r) => r.score)) || 1;
    const weight = totalPages > 0 && results.length > totalPages * COMMON_SHARE ? 0.25 : 1;
    for (const r of results) {
      const page = pages.get(r.id);
      if (page) page.score += (0.5 * weight * r.score) / best;
    }
  }
  return [...pages.values()].sort((a, b) => b.weight - a.weight || b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Whether a title is about one of the given terms (any of their names): a page that only mentions
 * every word of the question is not an answer to it.
 */
export function titleNamesAny(title: string, names: readonly string[]): boolean {
  const key = nameKey(title);
  return names.some((n) => nameKey(n).length > 0 && key.includes(nameKey(n)));
}

export interface CombinedResults {
  ids: string[];
  /** How many leading ids matched the whole query; the rest contain only some of its terms. */
  exactCount: number;
}

/** Whole-query matches first, in Pagefind's order, then partial matches not already listed. */
export function combineResults(exact: string[], partial: PartialMatch[]): CombinedResults {
  const listed = new Set(exact);
  const rest = partial.filter((p) => !listed.has(p.id)).map((p) => p.id);
  return { ids: [...exact, ...rest], exactCount: exact.length };
}

/**
 * What a title looks like when it answers the kind of question asked: “X 是什么” and “介绍一下 X”
 * are answered by the page defining X, “why …” by the page asking 为什么, “A 和 B 的区别” by the
 * comparison. English question shapes map to the Chinese the titles are written in.
 */
const DEFINITION =
  /是什么|什么是|是啥|啥是|介绍|说说|说下|谈谈|讲讲|讲一下|聊聊|理解|概述|干嘛|干什么|什么用|作用|\bwhat(?:'s| is| are)\b|\bexplain\b|\boverview\b|\bintroduc|\btell me about\b|\bused for\b/i;

const INTENTS: readonly { asked: RegExp; cues: readonly string[] }[] = [
  { asked: DEFINITION, cues: ['是什么', '什么是', '理解', '有什么用', '作用', '用途', '概述', '干什么'] },
  { asked: /为什么|为何|为啥|\bwhy\b/i, cues: ['为什么'] },
  {
    asked: /区别|关系|差别|差异|不同|异同|对比|比较|\bvs\b|\bversus\b|\bdifferen|\bcompar/i,
    cues: ['区别', '对比', '不同', '关系'],
  },
  { asked: SYMPTOM, cues: ['排查', '原因', '失败'] },
  { asked: /怎么|如何|怎样|\bhow (?:to|do|can)\b/i, cues: ['如何', '怎么', '怎样'] },
];

/** The title words that show a page answers the kind of question the query asks. */
export function titleCues(query: string): string[] {
  return INTENTS.filter((i) => i.asked.test(normalizeQuery(query))).flatMap((i) => i.cues);
}

/**
 * Asking what X is (介绍一下 X, X 是啥, what is X), for an overview of X (X 有哪些组件, X 架构,
 * X architecture), or typing X alone (`bare`): the page whose title defines or surveys X answers
 * it (src/lib/search-title-subject.ts marks those pages at build time).
 */
export const asksAbout = (query: string, { bare }: { bare: boolean }) =>
  bare || DEFINITION.test(normalizeQuery(query)) || /架构|组件|总览|\barchitecture|\bcomponents?\b/i.test(normalizeQuery(query));

/**
 * The order in which to show results, by their titles: each group (the first `exactCount`, whole-
 * query matches, and the rest) keeps its place, and within it a title naming more of the query's
 * informative terms comes first (a common term such as Pod counts a third), then one carrying a cue
 * of the question's kind; otherwise the search's own order. When the reader asks what a term is,
 * a title about it (`about`, per title) counts as much as naming two more terms, so the page
 * defining Service outranks the pages that only name it. Returns indexes into `titles`.
 */
export function orderByTitle(
  titles: readonly string[],
  query: { informative: readonly (readonly string[])[]; common: readonly (readonly string[])[]; cues: readonly string[] },
  exactCount: number,
  about: readonly boolean[] = [],
): number[] {
  const score = (title: string, i: number) =>
    3 * query.informative.filter((names) => titleNamesAny(title, names)).length +
    query.common.filter((names) => titleNamesAny(title, names)).length +
    (query.cues.some((cue) => title.includes(cue)) ? 1 : 0) +
    (about[i] ? 2 : 0);
  const scores = titles.map(score);
  const group = (i: number) => (i < exactCount ? 0 : 1);
  return titles.map((_, i) => i).sort((a, b) => group(a) - group(b) || scores[b]! - scores[a]! || a - b);
}
