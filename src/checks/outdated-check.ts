import { checkOutdatedFile } from './deprecations-hook.ts';
import type { ContentCheck } from './page.ts';

/** Outdated content (content/deprecations.yaml): deprecated terms, removed APIs, companions, reviewedFor. */
export const outdatedCheck: ContentCheck = {
  name: 'deprecated/* companion/* reviewed/*',
  page: ({ file, body, tree, data, frontmatter }) =>
    tree && body !== undefined
      ? checkOutdatedFile({ file, body, tree, reviewedFor: data?.reviewedFor, lineOf: data && frontmatter ? frontmatter.lineOf : undefined })
      : [],
};
