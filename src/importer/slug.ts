import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readGlossary, type GlossaryTerm } from '../content-model/glossary.ts';
import { ASPECT_WORDS, idTokens } from '../content-model/new-entry.ts';
import { ID_PATTERN } from '../content-model/question.ts';

const GLOSSARY_PATH = fileURLToPath(new URL('../../content/glossary.yaml', import.meta.url));
let siteGlossary: GlossaryTerm[] | undefined;

/** The site's term list (content/glossary.yaml), the one `npm run new` names ids after; none outside a checkout. */
export function defaultGlossary(): GlossaryTerm[] {
  siteGlossary ??= existsSync(GLOSSARY_PATH) ? readGlossary(GLOSSARY_PATH) : [];
  return siteGlossary;
}

/** Enough words to tell one question from another; more makes a permalink hard to read. */
const MAX_WORDS = 4;
const MAX_LENGTH = 48;
/** `A 和 B 的区别`, `between A and B`: where the two things compared meet. */
const COMPARES = /和|与|跟|同|\band\b|\bvs\.?(?=\s)|\bversus\b/i;
/** Words of an English question that name nothing it asks about. */
const ENGLISH_FILLER = new Set(
  'what whats how why when where which who whom does do did is are was were be been can could would should will shall may might must you your we our i my me it its they their them this that these those there here a an the of to for in on at by with from into about as between and or not t s many much happens happen run use used using explain describe difference differences mean means work works talk'.split(' '),
);

/**
 * A readable, stable ASCII id for a question title, from the same words `npm run new` uses (the
 * glossary's terms and the Latin words of the title, in title order) plus the words that say what
 * is asked about them (流程 → flow, 原理 → internals): `简述Pod创建过程` → `pod-create-flow`.
 * `Kubernetes` names no question, unless nothing else does; a title that names nothing gives ''.
 */
export function slugFromTitle(title: string, glossary: readonly GlossaryTerm[] = defaultGlossary()): string {
  const text = title.normalize('NFKC');
  const compares = /difference|differ|区别|对比|差异/i.test(text);
  const found = idTokens(text, glossary, ASPECT_WORDS)
    .map((t) => ({ at: t.at, word: t.word.replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') }))
    .filter((t) => t.word && !ENGLISH_FILLER.has(t.word) && t.word !== 'vs');
  // `Headless Service … 普通 Service`: a word already said as part of a term adds nothing.
  const kept = found.filter((t, i) => !t.word.split('-').every((part) => found.slice(0, i).some((prev) => prev.word.split('-').includes(part))));
  let words = kept.map((t) => t.word);
  if (compares) {
    // `Calico 和 Flannel 有什么区别？` → calico-vs-flannel: `vs` stands where the title joins the two things compared.
    const join = COMPARES.exec(text);
    const after = join ? kept.findIndex((t) => t.at > join.index) : -1;
    // Only where both sides survive the length limit: a trailing `vs` compares with nothing.
    if (after > 0 && after < MAX_WORDS - 1) words = [...words.slice(0, after), 'vs', ...words.slice(after)];
  }
  if (words.length === 0) words = /kubernetes|k8s/i.test(title) ? ['kubernetes'] : [];
  let slug = '';
  for (const w of words.slice(0, MAX_WORDS)) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug;
}

/** The id of a new entry: from its title, or, where the title names nothing (`你怎么看？`), from its topic. */
export const entryId = (title: string, topic: string) => slugFromTitle(title) || `${topic}-question`;

/** Unique among `taken`: a second `pod-create-flow` becomes `pod-create-flow-2`. */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

export function uniqueId(base: string, taken: Set<string>): string {
  // `taken` only grows, so counting on from the last suffix given for this base finds the same id, in constant time.
  const suffixes = nextSuffix.get(taken) ?? nextSuffix.set(taken, new Map()).get(taken)!;
  let id = base;
  if (taken.has(base)) {
    let n = suffixes.get(base) ?? 2;
    while (taken.has(`${base}-${n}`)) n++;
    id = `${base}-${n}`;
    suffixes.set(base, n + 1);
  }
  if (!ID_PATTERN.test(id)) throw new Error(`generated id “${id}” is not a valid slug`);
  taken.add(id);
  return id;
}
