import { defineHastPlugin } from 'satteri';

/**
 * Content links are written site-absolute (`/q/probes/`), which is what contributors and the
 * content check understand. When the site is served under a sub-path (GitHub Pages project
 * sites), prefix them with the base so they still resolve.
 */
export function baseLinks({ base }: { base: string }) {
  const prefix = base.replace(/\/+$/, '');
  if (!prefix) return null;
  return defineHastPlugin({
    name: 'base-links',
    element: {
      filter: ['a', 'img', 'source', 'video', 'audio', 'iframe', 'link', 'script'],
      visit(node, ctx) {
        for (const attr of ['href', 'src'] as const) {
          const value = node.properties?.[attr];
          if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(`${prefix}/`)) {
            ctx.setProperty(node, attr, `${prefix}${value}`);
          }
        }
      },
    },
  });
}
