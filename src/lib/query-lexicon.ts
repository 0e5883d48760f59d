/**
 * What the search knows about words before it asks the index: the glossary's names for each term
 * (content/glossary.yaml: English, Chinese, abbreviations such as svc or sts), a few colloquial
 * Chinese words and the written words pages use for them, and a vocabulary to correct misspelt
 * English against. Pure, so the dialog, the benchmark and unit tests share it.
 */

/** Case, spaces, dashes and dots do not tell names apart: kube-proxy = kubeproxy = Kube Proxy. */
export const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\s._-]+/g, '');

const HAN = /\p{Script=Han}/u;

/**
 * Words readers say and the words answers are written in. Each group is searched as one term, so a
 * page that says 流程 answers 过程. Only general equivalences of technical Chinese belong here,
 * never a word chosen to reach one page.
 */
const COLLOQUIAL: readonly (readonly string[])[] = [
  ['k8s', 'Kubernetes'],
  ['过程', '流程'],
  ['原理', '机制'],
  ['排查', '排障', '故障排查'],
  ['设置', '配置'],
  ['搭建', '部署'],
  ['删掉', '删除'],
  ['扩容', '扩缩容'],
  ['通讯', '通信'],
  ['报错', '错误'],
  ['卡住', '一直处于'],
];

export interface Lexicon {
  /** Every glossary name by its key → the term's English name (none for the English name itself). */
  readonly names: ReadonlyMap<string, readonly string[]>;
  /** Every glossary name by its key → all names of its term. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** Colloquial words by key → the written words searched with them. */
  readonly equivalents: ReadonlyMap<string, readonly string[]>;
  /** Latin words the correction may propose, by key → how to write them. */
  readonly vocabulary: ReadonlyMap<string, string>;
  /** The vocabulary word a misspelt key most likely means (query-spelling.ts), once that code is loaded. */
  nearest?: (key: string) => string | undefined;
}

/**
 * Builds the lexicon from the glossary's name groups ([en, zh, ...aka] per term, as
 * /search-synonyms.json serves them) and, optionally, English words with the Chinese word pages
 * use for them (concept-lexicon.ts). A term is searched under its query wording and its English
 * name: pages carry every other name of a term they use as indexed text, so the English name
 * reaches pages written in either language without one search per alias.
 */
export function buildLexicon(
  groups: readonly (readonly string[])[],
  englishWords: readonly (readonly [string, string])[] = [],
  nearestWord?: (key: string, vocabulary: ReadonlyMap<string, string>) => string | undefined,
): Lexicon {
  const names = new Map<string, string[]>();
  const groupsByKey = new Map<string, string[]>();
  const equivalents = new Map<string, string[]>();
  const vocabulary = new Map<string, string>();
  const add = (key: string, list: string[]) => {
    if (!key || names.has(key)) return; // the first term to claim a name keeps it
    names.set(key, list);
  };
  for (const group of groups) {
    const english = group.find((n) => !HAN.test(n));
    for (const name of group) add(nameKey(name), english && nameKey(english) !== nameKey(name) ? [english] : []);
    for (const name of group) if (!groupsByKey.has(nameKey(name))) groupsByKey.set(nameKey(name), [...group]);
    for (const name of group) {
      if (HAN.test(name)) continue;
      // Whole names (kube-proxy → kubeproxy) and their words (persistent, volume) can be corrected to.
      if (nameKey(name).length >= 4) vocabulary.set(nameKey(name), name);
      for (const word of name.split(/[\s/_-]+/)) if (word.length >= 4 && !/\d/.test(word)) vocabulary.set(nameKey(word), word);
    }
  }
  for (const group of COLLOQUIAL) for (const word of group) equivalents.set(nameKey(word), group.filter((w) => w !== word));
  // Everyday English words (debug) searched as the Chinese word pages write (排查): one way only.
  for (const [english, chinese] of englishWords) if (!names.has(english)) equivalents.set(english, [chinese]);
  return { names, groups: groupsByKey, equivalents, vocabulary, ...(nearestWord ? { nearest: (key: string) => nearestWord(key, vocabulary) } : {}) };
}

/**
 * The other wordings to search together with a query term. A Chinese or several-word name of a
 * glossary term adds its English name (pages that only write 服务 must not outrank the page about
 * 无头服务). A single English word needs none: pages carry every name of the terms they use as
 * indexed text, and widening dockershim to Docker would only blur it; but a plural the index does
 * not hold (configmaps) is searched as its singular.
 */
export function alternativesOf(term: string, lexicon: Lexicon): readonly string[] {
  const key = nameKey(term);
  const out = [...(lexicon.equivalents.get(key) ?? [])];
  // Inside a Chinese phrase too: 调度过程 is also searched as 调度流程.
  if (HAN.test(term) && out.length === 0) {
    for (const [word, others] of lexicon.equivalents) {
      if (HAN.test(word) && key.includes(word) && key !== word) out.push(...others.filter((o) => HAN.test(o)).map((o) => key.replace(word, o)));
    }
  }
  if (HAN.test(term) || /\s/.test(term.trim())) out.push(...(lexicon.names.get(key) ?? []));
  else if (!lexicon.names.has(key)) {
    const singular = [key.replace(/es$/, ''), key.replace(/s$/, '')].find((k) => k !== key && lexicon.names.has(k));
    if (singular) out.push(lexicon.vocabulary.get(singular) ?? singular);
  }
  // A name of several English words (rolling update) is ranked by its words one by one, so pages
  // writing the term in Chinese (滚动更新), where it is one word, are searched under that too.
  if (!HAN.test(term) && /\s/.test(term.trim())) out.push(...(lexicon.groups.get(key) ?? []).filter((n) => HAN.test(n)).slice(0, 1));
  return out.filter((w) => nameKey(w) !== key);
}

/** Every way a query term may be written in a title: itself, its singular, all its glossary names. */
export function namesOf(term: string, lexicon: Lexicon): string[] {
  const key = nameKey(term);
  const singular = [key.replace(/es$/, ''), key.replace(/s$/, '')].filter((k) => k !== key && k.length >= 2);
  const group = [key, ...singular].flatMap((k) => lexicon.groups.get(k) ?? []);
  return [...new Set([term, ...singular, ...group, ...alternativesOf(term, lexicon)])];
}

/**
 * Splits a Latin chunk written as a list (pv/pvc, svc/ep) into its names, when every piece is a
 * name the lexicon knows; other slashes (v1/pod, metrics.k8s.io/v1beta1) are kept.
 */
export function splitNameList(chunk: string, lexicon: Lexicon): string[] {
  const pieces = chunk.split('/');
  if (pieces.length < 2 || pieces.some((p) => !lexicon.names.has(nameKey(p)))) return [chunk];
  return pieces;
}

/**
 * The vocabulary word a misspelt English word most likely means (statefullset → StatefulSet,
 * schedular → Scheduler), or nothing when no word is close enough or two are equally close.
 * Only for words the index does not know: a real word is never “corrected”. The search for a
 * near word (query-spelling.ts) is `lexicon.nearest`, which the dialog fetches only when a query
 * has a word the glossary does not know.
 */
export function correctSpelling(word: string, lexicon: Lexicon): string | undefined {
  const key = nameKey(word);
  if (HAN.test(key) || !/^[a-z0-9]+$/.test(key)) return undefined;
  if (lexicon.vocabulary.has(key)) return lexicon.vocabulary.get(key);
  // A plural or -ing of a known word is not a typo to pay for: configmaps → ConfigMap.
  for (const suffix of ['es', 's']) {
    const stem = key.endsWith(suffix) ? key.slice(0, -suffix.length) : '';
    if (stem.length >= 3 && lexicon.vocabulary.has(stem)) return lexicon.vocabulary.get(stem);
  }
  return lexicon.nearest?.(key);
}
