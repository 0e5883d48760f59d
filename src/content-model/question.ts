import { z } from 'astro/zod';

/** Permalink slugs: readable ASCII kebab-case, short enough to share. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const STATUSES = ['answered', 'partial', 'needs-answer'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  answered: '已解答',
  partial: '部分缺失',
  'needs-answer': '待补充',
};

/** 1 一般, 2 常考 (☆ in the notes), 3 高频 (asked in several notes). */
export const IMPORTANCE_LABELS = { 1: '一般', 2: '常考', 3: '高频' } as const;
export type Importance = keyof typeof IMPORTANCE_LABELS;

const slug = (what: string) =>
  z
    .string()
    .max(60, `${what}最长 60 个字符`)
    .regex(ID_PATTERN, `${what}只能包含小写字母、数字和连字符（kebab-case），例如 pod-creation-flow`);

export const sourceSchema = z
  .object({
    // Notes come as plain text or Markdown exports (Obsidian, Notion, 掘金…): the importer takes both.
    note: z.string().regex(/^[\w.-]+\.(?:txt|md|markdown)$/, 'note 应为 content/raw/ 下的原始笔记文件名'),
    line: z.number().int().positive(),
    endLine: z.number().int().positive().optional(),
  })
  .refine((s) => s.endLine === undefined || s.endLine >= s.line, {
    message: 'endLine 不能小于 line',
    path: ['endLine'],
  });

/**
 * Frontmatter of a question entry, on top of Starlight's own docs fields.
 * `topicIds` comes from content/topics.yaml so an unknown topic is a schema error
 * that names the file, not a broken page discovered later.
 */
export function questionFields(topicIds: readonly [string, ...string[]]) {
  return z.object({
    id: slug('id '),
    topic: z.enum(topicIds, {
      error: (issue) => `未知专题 “${String(issue.input)}”，可选值见 content/topics.yaml：${topicIds.join(', ')}`,
    }),
    tags: z.array(slug('标签')).default([]),
    importance: z
      .union([z.literal(1), z.literal(2), z.literal(3)], { error: 'importance 只能是 1（一般）、2（常考）或 3（高频）' })
      .default(1),
    status: z.enum(STATUSES, { error: `status 只能是 ${STATUSES.join(' | ')}` }),
    sources: z.array(sourceSchema).default([]),
    related: z.array(slug('related 中的 id ')).default([]),
    /** 其他问法: how other notes (or readers) word the same question; shown on the page and indexed for search. */
    aliases: z.array(z.string().trim().min(1, '其他问法不能为空字符串')).default([]),
    /** The Kubernetes minor release this answer was last checked against, e.g. "1.37". */
    reviewedFor: z
      .string({ error: 'reviewedFor 应为带引号的 Kubernetes 次版本号，例如 "1.37"' })
      .regex(/^1\.\d{1,2}$/, 'reviewedFor 应为 Kubernetes 次版本号，例如 "1.37"')
      .optional(),
  });
}

export const topicSchema = z.object({
  id: slug('专题 id '),
  title: z.string().min(1),
  description: z.string().min(1),
  order: z.number().int(),
});
export type Topic = z.infer<typeof topicSchema>;
