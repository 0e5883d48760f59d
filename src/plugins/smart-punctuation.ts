import type { Nodes, Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { defineMdastPlugin, type PluginFactoryContext } from 'satteri';

/**
 * Curly quotes, dashes and ellipses exactly as the site's unified pipeline made them (Astro's
 * default `remark-smartypants`, whose `--` is an em dash and whose quotes pair across inline
 * markup). Sätteri's own smart punctuation follows CommonMark's rules instead (`--` → en dash),
 * so readers would see different punctuation. remark-smartypants reads and rewrites only
 * text-like nodes; it runs here on a light copy of them, and the text that changed is written
 * back to Sätteri's tree.
 */
type Mirror = { type: string; name?: string | null; value?: string; children?: Mirror[] };

const CANDIDATE = /["'`]|--|\.\.\./;

export function smartPunctuation({ source }: Pick<PluginFactoryContext, 'source'>) {
  if (!CANDIDATE.test(source)) return null;
  const transform = (remarkSmartypants as unknown as () => (tree: Mirror) => void)();
  return defineMdastPlugin({
    name: 'smart-punctuation',
    before(root, ctx) {
      const texts: [Readonly<Nodes>, Mirror][] = [];
      const mirror = (node: Readonly<Nodes>): Mirror => {
        const copy: Mirror = { type: node.type };
        if ('name' in node) copy.name = node.name;
        if ('value' in node && typeof node.value === 'string') {
          copy.value = node.value;
          if (node.type === 'text') texts.push([node, copy]);
        }
        if ('children' in node) copy.children = node.children.map((child) => mirror(child as Nodes));
        return copy;
      };
      const tree = mirror(root as Readonly<Root>);
      transform(tree);
      for (const [node, copy] of texts) {
        if (copy.value !== (node as { value: string }).value) ctx.setProperty(node as Readonly<Text>, 'value', copy.value ?? '');
      }
    },
  });
}
