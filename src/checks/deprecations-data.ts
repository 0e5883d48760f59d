import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { parse } from 'yaml';

/**
 * The versioned list of deprecated and removed Kubernetes terms, removed API versions and
 * companion rules that `npm run check` enforces. Data, not code: a reviewer adds a term by
 * editing content/deprecations.yaml.
 */
export const DEPRECATIONS_FILE = 'content/deprecations.yaml';

const MINOR = /^1\.\d{1,2}$/;

const patternSchema = z
  .object({
    literal: z.string().min(1).optional(),
    regex: z.string().min(1).optional(),
    caseSensitive: z.boolean().default(false),
    /** Companion conditions only: how many matches the page needs before the rule applies. */
    minCount: z.number().int().positive().default(1),
  })
  .refine((p) => (p.literal === undefined) !== (p.regex === undefined), { message: '每个 pattern 要么写 literal，要么写 regex' });

/**
 * Where on a page a term is looked for: prose (paragraphs, lists, tables, headings), code blocks,
 * Mermaid diagram source, and the frontmatter fields a reader sees (title, description, aliases).
 */
export const PLACES = ['prose', 'code', 'diagram', 'frontmatter'] as const;
export type Place = (typeof PLACES)[number];

const termSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id 只能包含小写字母、数字和连字符'),
    patterns: z.array(patternSchema).min(1),
    context: z.array(z.string().min(1)).default([]),
    /** Words that, in the same sentence (in a diagram: anywhere in it), show the statement is current. */
    unless: z.array(z.string().min(1)).default([]),
    in: z.array(z.enum(PLACES)).min(1).default([...PLACES]),
    scope: z.enum(['occurrence', 'page']).default('occurrence'),
    what: z.string().min(1),
    deprecatedIn: z.string().min(1).optional(),
    removedIn: z.string().min(1).optional(),
    /** For a claim rather than an API: the release since which it no longer holds. */
    changedIn: z.string().min(1).optional(),
    replacement: z.string().min(1),
    replacements: z.record(z.string(), z.string()).default({}),
    message: z.string().min(1).optional(),
    doc: z.url(),
  })
  .refine((t) => t.deprecatedIn || t.removedIn || t.changedIn, { message: '至少写 deprecatedIn、removedIn 或 changedIn 之一' });

const removedApiSchema = z.object({
  apiVersion: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'apiVersion 应形如 group/version'),
  /** Only these kinds are gone; other kinds of the same group/version are still served. */
  kinds: z.array(z.string().regex(/^\w+$/)).optional(),
  removedIn: z.string().regex(MINOR, 'removedIn 应为 Kubernetes 次版本号，例如 "1.25"'),
  replacement: z.string().min(1),
});

const companionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Every condition must hold for the page to be "about" the subject. */
  when: z.array(patternSchema).min(1),
  require: z.string().min(1),
  message: z.string().min(1),
  doc: z.url(),
});

export const deprecationsSchema = z.object({
  currentKubernetes: z.string().regex(MINOR, 'currentKubernetes 应为 Kubernetes 次版本号，例如 "1.37"'),
  reviewedForRequired: z.boolean(),
  terms: z.array(termSchema),
  removedApis: z.array(removedApiSchema).default([]),
  companions: z.array(companionSchema).default([]),
});

export type PatternSpec = z.infer<typeof patternSchema>;
export type TermSpec = z.infer<typeof termSchema>;
export type RemovedApi = z.infer<typeof removedApiSchema>;
export type CompanionSpec = z.infer<typeof companionSchema>;

export interface Term extends TermSpec {
  /** One global regex over all patterns; matches are found with matchAll. */
  regexes: RegExp[];
  contextRegexes: RegExp[];
  unlessRegexes: RegExp[];
}

export interface Companion extends CompanionSpec {
  conditions: { regex: RegExp; minCount: number }[];
  requireRegex: RegExp;
}

export interface Deprecations {
  currentKubernetes: string;
  reviewedForRequired: boolean;
  terms: Term[];
  removedApis: RemovedApi[];
  companions: Companion[];
}

/**
 * Compile one pattern. Word boundaries are ASCII-only on purpose: a Chinese character next to a
 * term must count as a boundary (“ipvs模式”), a Latin letter or digit must not (“ipvsadm”), and
 * JavaScript's \b would also refuse terms that start or end with punctuation (“--cascade=false”).
 */
export function compilePattern(p: { literal?: string; regex?: string; caseSensitive?: boolean }): RegExp {
  const source = p.literal !== undefined ? p.literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : p.regex!;
  return new RegExp(`(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`, p.caseSensitive ? 'gu' : 'giu');
}

/**
 * The data file that defines the rules: the one beside this checker. Fixture sites in tests are
 * checked against the same rules as the real content.
 */
export const DEFAULT_DEPRECATIONS_PATH = fileURLToPath(new URL(`../../${DEPRECATIONS_FILE}`, import.meta.url));

export class DeprecationsError extends Error {}

export function parseDeprecations(text: string, file = DEPRECATIONS_FILE): Deprecations {
  const result = deprecationsSchema.safeParse(parse(text));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DeprecationsError(`${file}: ${issue.path.join('.') || '（根）'}: ${issue.message}`);
  }
  const data = result.data;
  const compile = (where: string, p: Parameters<typeof compilePattern>[0]) => {
    try {
      return compilePattern(p);
    } catch (e) {
      throw new DeprecationsError(`${file}: ${where} 的正则写错了：${(e as Error).message}`);
    }
  };
  const plain = (id: string, field: string, source: string) => {
    try {
      return new RegExp(source, 'iu');
    } catch (e) {
      throw new DeprecationsError(`${file}: ${id} 的 ${field} 正则写错了：${(e as Error).message}`);
    }
  };
  const seen = new Set<string>();
  const terms: Term[] = data.terms.map((t) => {
    if (seen.has(t.id)) throw new DeprecationsError(`${file}: 术语 id “${t.id}” 重复`);
    seen.add(t.id);
    return {
      ...t,
      regexes: t.patterns.map((p) => compile(t.id, p)),
      // Context words sit anywhere in the sentence, glued to Chinese or Latin text alike: no boundaries.
      contextRegexes: t.context.map((c) => plain(t.id, 'context', c)),
      unlessRegexes: t.unless.map((c) => plain(t.id, 'unless', c)),
    };
  });
  // An apiVersion removed as a whole is wrong wherever it is written, prose included.
  for (const api of data.removedApis) {
    if (api.kinds) continue;
    terms.push({
      id: 'removed-api',
      patterns: [{ literal: api.apiVersion, caseSensitive: true, minCount: 1 }],
      context: [],
      unless: [],
      in: [...PLACES],
      scope: 'occurrence',
      what: `API 版本 ${api.apiVersion}`,
      removedIn: api.removedIn,
      replacement: api.replacement,
      replacements: {},
      doc: 'https://kubernetes.io/zh-cn/docs/reference/using-api/deprecation-guide/',
      regexes: [compilePattern({ literal: api.apiVersion, caseSensitive: true })],
      contextRegexes: [],
      unlessRegexes: [],
    });
  }
  const companions: Companion[] = data.companions.map((c) => ({
    ...c,
    conditions: c.when.map((p) => ({ regex: compile(c.id, p), minCount: p.minCount })),
    requireRegex: compile(`${c.id} 的 require`, { regex: c.require }),
  }));
  return { currentKubernetes: data.currentKubernetes, reviewedForRequired: data.reviewedForRequired, terms, removedApis: data.removedApis, companions };
}

const cache = new Map<string, Deprecations>();

export function readDeprecations(path: string = DEFAULT_DEPRECATIONS_PATH): Deprecations {
  let data = cache.get(path);
  if (!data) {
    data = parseDeprecations(readFileSync(path, 'utf8'));
    cache.set(path, data);
  }
  return data;
}

/** "1.37" → 37; the checks only compare minors of Kubernetes 1.x. */
export const minorOf = (version: string): number => Number(version.split('.')[1]);
