import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Content links are written site-absolute (`/q/probes/`), which is what contributors and the
 * content check understand. When the site is served under a sub-path (GitHub Pages project
 * sites), prefix them with the base so they still resolve.
 */
export const rehypeBaseLinks: Plugin<[{ base: string }], Root> = ({ base }) => {
  const prefix = base.replace(/\/+$/, '');
  return (tree) => {
    if (!prefix) return;
    visit(tree, 'element', (node) => {
      for (const attr of ['href', 'src'] as const) {
        const value = node.properties[attr];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(`${prefix}/`)) {
          node.properties[attr] = `${prefix}${value}`;
        }
      }
    });
  };
};
