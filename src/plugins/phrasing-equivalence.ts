/**
 * Test support: the inline content of every paragraph, heading and table cell of a document, as
 * the site's former unified pipeline and as Sätteri with our plugins read it, in a form where two
 * readings are equal exactly when they render the same HTML.
 */
import type { Nodes, Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { defineMdastPlugin, markdownToHtml, mdxToJs, type MdastPluginEntry } from 'satteri';
import { unified, type PluggableList } from 'unified';
import { closeFencesAfterTables } from './table-fence.ts';

type Shape = string | { type: string; value?: string; url?: string; children?: Shape[] };

/** Adjacent text merged and positions, data and ids dropped: what reaches the reader. */
function shape(node: Readonly<Nodes>): Shape {
  if (node.type === 'text') return node.value;
  const out: { type: string; value?: string; url?: string; children?: Shape[] } = { type: node.type };
  if ('value' in node && typeof node.value === 'string') out.value = node.value;
  if ('url' in node) out.url = node.url;
  if ('children' in node) {
    const children: Shape[] = [];
    for (const child of node.children as Nodes[]) {
      const s = shape(child);
      const last = children.at(-1);
      if (typeof s === 'string' && typeof last === 'string') children[children.length - 1] = last + s;
      else children.push(s);
    }
    out.children = children;
  }
  return out;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function blocks(root: Readonly<Root>): string[] {
  const out: string[] = [];
  const walk = (node: Readonly<Nodes>) => {
    // MDX unwraps a paragraph holding only JSX (as @mdx-js/mdx does), so the element is flow content there.
    if (node.type === 'paragraph' && node.children.every((c) => c.type === 'mdxJsxTextElement' || (c.type === 'text' && !c.value.trim()))) {
      for (const child of node.children) if (child.type === 'mdxJsxTextElement') walk(child);
      return;
    }
    if (BLOCKS.has(node.type)) out.push(JSON.stringify((shape(node) as { children: Shape[] }).children));
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}

export function unifiedBlocks(source: string, { mdx = true, smartypants = true } = {}): string[] {
  const plugins: PluggableList = [...(mdx ? [remarkMdx] : []), remarkGfm, remarkDirective, remarkCjkFriendly, remarkCjkFriendlyGfmStrikethrough];
  const processor = unified().use(remarkParse).use(plugins);
  if (smartypants) processor.use(remarkSmartypants);
  const tree = processor.runSync(processor.parse(source)) as Root;
  return blocks(tree);
}

export async function satteriBlocks(source: string, plugins: MdastPluginEntry[], { mdx = true } = {}): Promise<string[]> {
  let result: string[] = [];
  const capture = defineMdastPlugin({
    name: 'capture',
    before(root) {
      result = blocks(root as Readonly<Root>);
    },
  });
  const options = { features: { gfm: true, directive: true, smartPunctuation: false }, mdastPlugins: [...plugins, capture] };
  // As the site's processor does (withTableFenceFix).
  const fixed = closeFencesAfterTables(source, mdx, options.features);
  await (mdx ? mdxToJs(fixed, options) : markdownToHtml(fixed, options));
  return result;
}
