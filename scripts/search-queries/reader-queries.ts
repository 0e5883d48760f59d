/**
 * The reader-query benchmark set (reader.yaml): queries as readers type them, each with the pages
 * that answer it. Read and checked here so a typo in an id fails loudly instead of counting as a
 * search miss.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';

export const READER_QUERIES_FILE = 'scripts/search-queries/reader.yaml';
/**
 * A second held-out set, written before the second round of search work and never tuned against:
 * the bench reports it on a line of its own.
 */
export const SECOND_HELDOUT_FILE = 'scripts/search-queries/reader-heldout-2.yaml';
/**
 * The third held-out set, written before the third round (definition intent, abbreviations,
 * symptoms) and never tuned against; reported on its own line too.
 */
export const THIRD_HELDOUT_FILE = 'scripts/search-queries/reader-heldout-3.yaml';

export const QUERY_KINDS = ['zh', 'interview', 'en', 'mixed', 'abbr', 'misspelt', 'symptom', 'none'] as const;

const entrySchema = z.object({
  q: z.string().min(1, 'q 不能为空'),
  kind: z.enum(QUERY_KINDS),
  expect: z.array(z.string().regex(/^[a-z0-9-]+$/, '页面 id 只能包含小写字母、数字和连字符')),
  heldout: z.boolean().default(false),
});
export type ReaderQuery = z.infer<typeof entrySchema>;

/**
 * Parses the set; `pageIds` (when given) are the ids that exist, and every expected id must be one.
 * A query of kind `none` has no answer on the site, so it must expect nothing, and vice versa.
 */
export function parseReaderQueries(text: string, file: string, pageIds?: ReadonlySet<string>): ReaderQuery[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (offset: number | undefined) => `${file}:${offset === undefined ? 1 : lines.linePos(offset).line}`;
  if (doc.errors.length > 0) throw new Error(`${at(doc.errors[0]!.pos[0])}: YAML 语法错误：${doc.errors[0]!.message}`);
  if (!isSeq(doc.contents)) throw new Error(`${file}:1: 应当是一个列表，每项包含 q、kind、expect`);
  return doc.contents.items.map((node, i) => {
    const line = at(isMap(node) ? node.range?.[0] : undefined);
    const parsed = entrySchema.safeParse((node as { toJSON(): unknown }).toJSON());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${line}: 第 ${i + 1} 条的 ${issue.path.join('.') || '内容'} 不对：${issue.message}`);
    }
    const entry = parsed.data;
    if ((entry.kind === 'none') !== (entry.expect.length === 0)) {
      throw new Error(`${line}: “${entry.q}”：kind 为 none 的条目 expect 必须为空，其他条目至少要有一个页面`);
    }
    const unknown = pageIds && entry.expect.find((id) => !pageIds.has(id));
    if (unknown) throw new Error(`${line}: “${entry.q}” 期望的页面 ${unknown} 不存在（content/docs/ 里没有这个 id）`);
    return entry;
  });
}

export function readReaderQueries(pageIds?: ReadonlySet<string>, file = READER_QUERIES_FILE): ReaderQuery[] {
  return parseReaderQueries(readFileSync(file, 'utf8'), file, pageIds);
}
