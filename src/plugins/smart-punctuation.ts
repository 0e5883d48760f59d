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

/** What SmartyPants can replace; text without any of it comes out unchanged. */
const CANDIDATE = /["'`]|--|\.\.\./;

const transform = (remarkSmartypants as unknown as () => (tree: Mirror) => void)();

export function smartPunctuation({ source }: Pick<PluginFactoryContext, 'source'>) {
  if (!CANDIDATE.test(source)) return null;
  // Code blocks make most pages pass the source test; only prose decides whether the
  // (comparatively slow) whole-page pass is needed.
  let needed = false;
  return defineMdastPlugin({
    name: 'smart-punctuation',
    text(node) {
      if (!needed && CANDIDATE.test(node.value)) needed = true;
    },
    after(root, ctx) {
      if (!needed) return;
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
