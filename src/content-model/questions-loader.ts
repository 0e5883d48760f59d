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
            throw new Error(formatFrontmatterError(props.filePath ?? props.id, result.error));
          }
          return context.parseData(props);
        },
      }),
  };
}

export function formatFrontmatterError(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.join('.') || '(frontmatter)';
    return `  - ${field}: ${issue.message}`;
  });
  return `${file}: frontmatter 不符合问题条目的格式：\n${lines.join('\n')}`;
}
