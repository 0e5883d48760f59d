import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { compileProblems } from './mdx-compile.ts';
import { checkNodeSafety } from './mdx-safety-rules.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { ContentCheck } from './page.ts';

/** Every unsafe node of a page; the rules themselves live in mdx-safety-rules.ts, which the build also runs. */
export function checkMdxSafety(file: string, tree: Root): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(tree, (node) => {
    out.push(...checkNodeSafety(file, node as Nodes));
  });
  return out;
}

export const mdxSafetyCheck: ContentCheck = {
  name: 'mdx/*',
  async page(page) {
    if (!page.tree) return [];
    const unsafe = checkMdxSafety(page.file, page.tree);
    // Compiling unsafe MDX would fail for the wrong reason (an import it cannot resolve), so only compile clean pages.
    return unsafe.length > 0 ? unsafe : compileProblems(page);
  },
};
