/**
 * Which terms a question's title is *about*: it defines the term (X 是什么, 什么是 X, 谈谈你对 X 的理解,
 * X 有什么用), surveys it (X 有哪些…, X 集群架构是怎样的), teaches its use (X 怎么用) or relates it
 * to others (A、B、C 的关系).
 * A reader who types 介绍一下 X, what is X or only X wants that page, and a page that merely names
 * X among other things (Kubernetes API 是什么, Headless Service) is not it. Pure: the build marks
 * each page with the terms its title and 其他问法 are about (a Pagefind filter), and the search
 * dialog asks the same question of the titles it shows.
 */
import { nameKey } from './query-lexicon';

/** The product itself has no glossary entry (every page is about it in passing), but readers ask about it. */
export const PRODUCT_NAMES: readonly string[] = ['Kubernetes', 'K8s'];
export const PRODUCT_KEY = 'kubernetes';

/** The Pagefind filter that lists, per page, the subject keys of its title. */
export const SUBJECT_FILTER = 'about';

const LATIN_WORD = /[A-Za-z0-9]/;

/** Clauses of a title: each question mark, colon or semicolon ends one. */
const CLAUSE_END = /[？?：:；;。！!，,]/;

/**
 * Frames that make a clause a definition or survey of its subject span (named group s).
 * Only the span's *last* name (or each name of a list) counts: 调度流程 is about the flow, not 调度.
 */
const FRAMES: readonly RegExp[] = [
  /^(?:请)?(?:简述|描述|介绍(?:一下)?|谈谈|说说|讲讲|什么是|何为)\s*(?<s>.+?)\s*(?:是什么|是啥)?$/,
  /^(?<s>.+?)\s*(?:是什么|是啥|是干什么的|是做什么的|有什么用|有什么作用|有何作用|的作用是什么|的用途|概述|简介|总览)$/,
  /对\s*(?<s>.+?)\s*的理解/,
  /^(?<s>.+?)\s*(?:是怎样的|有哪些|有哪几种)/,
  // A usage page teaches X too: 标签（Label）和选择器（Selector）怎么用.
  /^(?<s>.+?)\s*(?:怎么用|如何使用|怎么使用|的用法)$/,
];

/**
 * Generic nouns a span may end with after its subject: Kubernetes 集群架构, Harbor 组件, Pod 的关系,
 * Calico 的网络原理 (how X works explains X).
 */
const SPAN_SUFFIX =
  /\s*(?:的)?\s*(?:集群架构|整体架构|核心架构|架构|核心组件|组件|总览|等级|类型|种类|常见状态|状态|关系|(?:网络|工作)?原理)$/;

/** What may stand before the subject in its piece: Kubernetes 的 Service, 原生 Sidecar 容器. */
const CONTEXT_PREFIX = /^(?:(?:Kubernetes|K8s)\s*(?:中|里)?\s*的|原生|普通|常见的?)?\s*$/i;

/** A parenthetical gloss after the subject: 存储卷（Volume）. */
const GLOSS = /\s*[（(][^）)]*[）)]\s*$/;
/** A Latin name may add 容器: Pause 容器, Sidecar 容器. */
const CONTAINER_WORD = /\s*容器$/;

const LIST_SEPARATOR = /\s*(?:和|与|及|、|以及)\s*/;

/**
 * The names (from `names`) the title is about. With every glossary name given, the longest name
 * ending a piece wins (Kubernetes API, not Kubernetes); with a few names only (the dialog knows the
 * query's), a Latin name directly after or before another Latin word is a part of a longer name
 * (Headless Service, Helm Chart) and does not count.
 */
export function titleSubjects(title: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const raw of title.normalize('NFKC').split(CLAUSE_END)) {
    const clause = raw.trim();
    if (!clause) continue;
    for (const frame of FRAMES) {
      const span = frame.exec(clause)?.groups?.s;
      if (!span) continue;
      const core = span.replace(SPAN_SUFFIX, '').trim();
      for (const piece of core.split(LIST_SEPARATOR)) {
        const name = subjectOf(piece.trim(), sorted);
        if (name) found.add(name);
      }
    }
  }
  return [...found];
}

function subjectOf(piece: string, names: readonly string[]): string | undefined {
  const glossed = piece.replace(GLOSS, '');
  // Pause 容器 may be a name of its own, or Pause one with 容器 added.
  for (const text of new Set([glossed, glossed.replace(CONTAINER_WORD, '')])) {
    const folded = text.toLowerCase();
    for (const name of names) {
      if (!folded.endsWith(name.toLowerCase())) continue;
      const before = text.slice(0, text.length - name.length);
      // A Latin name must start a word: the “Service” of “Headless Service” or “out-of-service” is not one.
      if (LATIN_WORD.test(name) && /[A-Za-z0-9-]\s?$/.test(before)) continue;
      if (CONTEXT_PREFIX.test(before)) return name;
    }
  }
  return undefined;
}

/** The filter value for a term: the key of its English (first Latin) name, or the product's. */
export function subjectKey(names: readonly string[]): string | undefined {
  if (names.some((n) => PRODUCT_NAMES.some((p) => nameKey(p) === nameKey(n)))) return PRODUCT_KEY;
  const english = names.find((n) => LATIN_WORD.test(n) && !/\p{Script=Han}/u.test(n));
  return english ? nameKey(english) : undefined;
}

/**
 * The subject keys of a page (its title and 其他问法), for the build's filter: `groups` are the
 * glossary's name groups ([en, zh, ...aka]); every name of every term is tried, so the longest wins.
 */
export function pageSubjectKeys(titles: readonly string[], groups: readonly (readonly string[])[]): string[] {
  const keyOf = new Map<string, string>();
  for (const p of PRODUCT_NAMES) keyOf.set(nameKey(p), PRODUCT_KEY);
  for (const group of groups) {
    const key = subjectKey(group);
    if (key) for (const name of group) if (!keyOf.has(nameKey(name))) keyOf.set(nameKey(name), key);
  }
  const names = [...PRODUCT_NAMES, ...groups.flat()];
  const keys = titles.flatMap((t) => titleSubjects(t, names)).map((n) => keyOf.get(nameKey(n)));
  return [...new Set(keys.filter((k): k is string => k !== undefined))];
}
