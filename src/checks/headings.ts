import type { Heading } from 'mdast';
import { visit } from 'unist-util-visit';
import { error, type Diagnostic } from './diagnostics.ts';
import type { ContentCheck } from './page.ts';

/** The page title is the frontmatter title (the page's only <h1>); sections start at ##. */
export const headingsCheck: ContentCheck = {
  name: 'heading/h1',
  page({ file, tree }) {
    if (!tree) return [];
    const out: Diagnostic[] = [];
    visit(tree, 'heading', (node: Heading) => {
      if (node.depth !== 1) return;
      const at = node.position?.start;
      out.push(error(file, at?.line ?? 1, at?.column ?? 1, 'heading/h1', '正文里不能用一级标题（# 标题）：页面标题就是 frontmatter 的 title，小节请从 ## 开始'));
    });
    return out;
  },
};
