import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { questionEntryId } from './permalink.ts';

/**
 * Starlight validates `<StarlightPage>` frontmatter (home, topic pages) with the same schema as
 * the docs collection, so question-only fields must be optional there. This loader restores
 * the contract for files under content/docs: each one is checked against the strict question
 * schema first, and a failure names the file and every bad field.
 */
export function questionsLoader(options: { base: string; schema: z.ZodType }): Loader {
  const inner = glob({
    pattern: '**/*.{md,mdx}',
    base: options.base,
    generateId: ({ entry, data }) => questionEntryId(entry, data),
  });
  return {
    name: 'questions-loader',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          const result = options.schema.safeParse(props.data);
          if (!result.success) {
            const file = relative(process.cwd(), props.filePath ?? props.id);
            const source = await readFile(file, 'utf8').catch(() => '');
            throw new Error(formatFrontmatterError(file, result.error, source));
          }
          return context.parseData(props);
        },
      }),
  };
}

/** One `file:line: field: message` per problem, so editors and CI logs can jump to it. */
export function formatFrontmatterError(file: string, error: z.ZodError, source = ''): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.join('.') || '(frontmatter)';
    return `${file}:${fieldLine(source, String(issue.path[0] ?? ''))}: ${field}: ${issue.message}`;
  });
  return `frontmatter 不符合问题条目的格式：\n${lines.join('\n')}`;
}

/** Line of a top-level frontmatter key, or 1 (the opening ---) when the key is missing. */
export function fieldLine(source: string, key: string): number {
  if (!key) return 1;
  const at = source.split(/\r?\n/).findIndex((line) => line.startsWith(`${key}:`));
  return at === -1 ? 1 : at + 1;
}
