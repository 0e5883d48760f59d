import GithubSlugger from 'github-slugger';
import { defineHastPlugin } from 'satteri';

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
 * Gives every heading without an id its slug. Astro's and Starlight's heading-id plugins (which
 * also feed the table of contents) run after user plugins and keep ids that are already set.
 * A plugin factory, so every page starts with a fresh slugger.
 */
export function headingSlugs() {
  const slugger = new GithubSlugger();
  return defineHastPlugin({
    name: 'heading-slugs',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const id = node.properties?.id;
        if (typeof id === 'string') {
          slugger.slug(id); // reserve it, as Astro's slugger would
          return;
        }
        ctx.setProperty(node, 'id', headingSlug(slugger, ctx.textContent(node)));
      },
    },
  });
}
