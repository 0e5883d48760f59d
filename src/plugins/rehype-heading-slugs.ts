import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Emoji and their joiners/variation selectors: decoration, not words a reader would type in a link. */
const DECORATION = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;

/**
 * The anchor of a heading: github-slugger (as Astro uses) on the text without emoji, so
 * “🔹 总结” becomes `#总结` rather than `#-总结`.
 */
export function headingSlug(slugger: GithubSlugger, text: string): string {
  const words = text.replace(DECORATION, '').trim();
  return slugger.slug(words || text);
}

/**
 * Give every heading without an id its slug. Astro's own heading pass (which also feeds the table
 * of contents) runs after user rehype plugins and keeps ids that are already set.
 */
export function rehypeHeadingSlugs() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!/^h[1-6]$/.test(node.tagName)) return;
      if (typeof node.properties.id === 'string') {
        slugger.slug(node.properties.id); // reserve it, as Astro's slugger would
        return;
      }
      node.properties.id = headingSlug(slugger, toString(node));
    });
  };
}
