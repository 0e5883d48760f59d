import { checkOutdatedFile } from './deprecations-hook.ts';
import type { FrontmatterField } from './deprecations.ts';
import type { ContentCheck, Page } from './page.ts';

/** Outdated content (content/deprecations.yaml): deprecated terms, removed APIs, companions, reviewedFor. */
export const outdatedCheck: ContentCheck = {
  name: 'deprecated/* companion/* reviewed/*',
  page: (page) => {
    const { file, body, tree, data, frontmatter } = page;
    return tree && body !== undefined
      ? checkOutdatedFile({
          file,
          body,
          tree,
          reviewedFor: data?.reviewedFor,
          lineOf: data && frontmatter ? frontmatter.lineOf : undefined,
          fields: readerFields(page),
        })
      : [];
  },
};

/** Title, description and aliases: what a reader sees of the frontmatter, with where each starts. */
export function readerFields(page: Pick<Page, 'data' | 'frontmatter' | 'text'>): FrontmatterField[] {
  const { data, frontmatter, text } = page;
  if (!data || !frontmatter) return [];
  const lines = (text ?? '').split('\n').slice(0, frontmatter.lineCount);
  const field = (name: string, value: string, path: (string | number)[]): FrontmatterField => {
    const line = frontmatter.lineOf(path);
    // A folded or quoted value may continue over lines: look for the words from its first line on.
    const columnOf = (found: string) => {
      for (let n = line; n <= lines.length; n++) {
        const at = lines[n - 1]?.indexOf(found) ?? -1;
        if (at >= 0) return { line: n, column: at + 1 };
        if (n > line && /^[\w-]+:/.test(lines[n - 1] ?? '')) break;
      }
      return { line, column: 1 };
    };
    return { name, value, line, columnOf };
  };
  const out = [field('title', data.title, ['title'])];
  if (data.description) out.push(field('description', data.description, ['description']));
  (data.aliases ?? []).forEach((alias, i) => out.push(field(`aliases[${i}]`, alias, ['aliases', i])));
  return out;
}
