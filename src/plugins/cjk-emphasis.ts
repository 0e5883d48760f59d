import type { Heading, Nodes, Paragraph, PhrasingContent, Root, Table, TableCell } from 'mdast';
import { defineMdastPlugin, type MdastVisitorContext, type PluginFactoryContext } from 'satteri';

/**
 * CommonMark will not open or close `**`/`~~` next to CJK punctuation (`**复制策略（Replication）**在`
 * stays literal), and Sätteri follows CommonMark. remark-cjk-friendly is the reference for the
 * CJK-aware rules; rather than re-implement them, every phrasing block in which Sätteri left a
 * literal `*`, `_` or `~` is parsed again with the reference parser (unified + remark-gfm +
 * remark-cjk-friendly, + remark-mdx for MDX), and its children are replaced when the reference
 * finds emphasis Sätteri did not. Blocks without a leftover delimiter, which is nearly all of
 * them, cost one scan of their text.
 */
const LEFTOVER_DELIMITER = /[*_~]/;

type Parse = (markdown: string) => Root;

/** Loaded on the first block that needs it, so pages and builds without such a block never load unified. */
let parsers: Promise<{ mdx: Parse; markdown: Parse }> | undefined;
const loadParsers = () =>
  (parsers ??= (async () => {
    const [{ unified }, parse, mdx, gfm, directive, cjk, cjkStrike] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-mdx'),
      import('remark-gfm'),
      import('remark-directive'),
      import('remark-cjk-friendly'),
      import('remark-cjk-friendly-gfm-strikethrough'),
    ]);
    const reference = (withMdx: boolean): Parse => {
      const processor = unified().use(parse.default);
      if (withMdx) processor.use(mdx.default);
      const frozen = processor.use(gfm.default).use(directive.default).use(cjk.default).use(cjkStrike.default).freeze();
      return (markdown) => frozen.parse(markdown) as Root;
    };
    return { mdx: reference(true), markdown: reference(false) };
  })());

type Block = Paragraph | Heading | TableCell;
type Child = { type: string; value?: string; children?: Child[] };

const hasLeftoverDelimiter = (node: Child): boolean =>
  node.type === 'text' ? LEFTOVER_DELIMITER.test(node.value ?? '') : (node.children ?? []).some(hasLeftoverDelimiter);

const EMPHASIS = new Set(['emphasis', 'strong', 'delete']);
const countEmphasis = (nodes: readonly Child[]): number =>
  nodes.reduce((n, c) => n + (EMPHASIS.has(c.type) ? 1 : 0) + countEmphasis(c.children ?? []), 0);

/** Container prefixes (`> `, list indentation) of a continuation line, which the block's own text does not include. */
function continuationLine(line: string, blockquotes: number): string {
  let rest = line;
  for (let i = 0; i < blockquotes; i++) {
    const marker = /^[ \t]*>[ \t]?/.exec(rest);
    if (!marker) break;
    rest = rest.slice(marker[0].length);
  }
  // A paragraph drops the leading whitespace of its continuation lines; four spaces keep a line
  // that read as text in its container (`# x`, `- x` after deep indentation) from starting a block here.
  return `    ${rest.trimStart()}`;
}

function paragraphSource(text: string, blockquotes: number): string {
  const [first = '', ...rest] = text.split('\n');
  return [first, ...rest.map((line) => continuationLine(line, blockquotes))].join('\n');
}

/** Link and footnote definitions of the page, so `[text][ref]` in a re-parsed block still resolves. */
function definitionsOf(root: Readonly<Root>): string {
  const lines: string[] = [];
  const walk = (node: Readonly<Nodes>) => {
    if (node.type === 'definition') lines.push(`[${node.label ?? node.identifier}]: <${node.url.replace(/[<>]/g, encodeURIComponent)}>`);
    else if (node.type === 'footnoteDefinition') lines.push(`[^${node.label ?? node.identifier}]: -`);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(root);
  return lines.join('\n');
}

/** The reference parse of `node`'s own source, or undefined when the block cannot be isolated. */
async function referenceChildren(node: Readonly<Block>, ctx: MdastVisitorContext, definitions: () => string): Promise<readonly Child[] | undefined> {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const text = ctx.source.slice(start, end);
  let blockquotes = 0;
  for (let p: Readonly<Nodes> | undefined = ctx.parent(node); p; p = ctx.parent(p)) if (p.type === 'blockquote') blockquotes++;

  let markdown: string;
  if (node.type === 'tableCell') {
    // A one-cell table keeps GFM's cell rules (escaped pipes) that a paragraph would not apply.
    let cell = text.trim();
    if (!cell.startsWith('|')) cell = `|${cell}`;
    if (!/(?<!\\)\|$/.test(cell) || cell === '|') cell = `${cell}|`;
    markdown = `${cell}\n|-|\n`;
  } else if (node.type === 'heading' && !/^#/.test(text)) {
    // Setext heading: its text lines, without the underline, read as one paragraph.
    markdown = paragraphSource(text.slice(0, text.lastIndexOf('\n')), blockquotes);
  } else if (node.type === 'paragraph' && node.data?.directiveLabel) {
    markdown = text.replace(/^\[|\]$/g, '');
  } else {
    markdown = node.type === 'heading' ? text : paragraphSource(text, blockquotes);
  }
  if (text.includes('[')) markdown += `\n\n${definitions()}\n`;

  const parse = (await loadParsers())[ctx.sourceFormat === 'mdx' ? 'mdx' : 'markdown'];
  let tree: Root;
  try {
    tree = parse(markdown);
  } catch {
    return undefined; // Not parseable on its own (an MDX construct spanning blocks): keep Sätteri's reading.
  }
  const block = tree.children[0];
  if (node.type === 'tableCell') return block?.type === 'table' ? (block as Table).children[0]?.children[0]?.children : undefined;
  if (node.type === 'heading') return block?.type === 'heading' || block?.type === 'paragraph' ? block.children : undefined;
  return block?.type === 'paragraph' ? block.children : undefined;
}

/** Reference nodes carry positions in the re-parsed snippet and parsed JS for MDX; neither belongs in the page. */
function detach(node: Child): Child {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node) as [string, unknown][]) {
    if (key === 'position') continue;
    if (key === 'data' && value && typeof value === 'object') {
      const { estree: _estree, ...data } = value as Record<string, unknown>;
      if (Object.keys(data).length) copy.data = data;
      continue;
    }
    if (key === 'children') copy.children = (value as Child[]).map(detach);
    else if (key === 'attributes') copy.attributes = (value as Child[]).map(detach);
    else if (value && typeof value === 'object' && 'type' in value) copy[key] = detach(value as Child);
    else copy[key] = value;
  }
  return copy as unknown as Child;
}

/** A plugin factory: Sätteri calls it once per document, so the definitions memo is per page. */
export function cjkFriendlyEmphasis({ source }: Pick<PluginFactoryContext, 'source'>) {
  if (!LEFTOVER_DELIMITER.test(source)) return null;
  let definitions: string | undefined;
  const visit = async (node: Readonly<Block>, ctx: MdastVisitorContext) => {
    if (!node.children.some(hasLeftoverDelimiter)) return;
    const root = () => {
      let top: Readonly<Nodes> = node;
      for (let p: Readonly<Nodes> | undefined = ctx.parent(top); p; p = ctx.parent(p)) top = p;
      return top as Readonly<Root>;
    };
    const found = await referenceChildren(node, ctx, () => (definitions ??= definitionsOf(root())));
    if (!found || countEmphasis(found) <= countEmphasis(node.children)) return;
    ctx.setProperty(node, 'children', found.map(detach) as unknown as PhrasingContent[]);
  };
  return defineMdastPlugin({
    name: 'cjk-friendly-emphasis',
    options: { position: true },
    paragraph: visit,
    heading: visit,
    tableCell: visit,
  });
}
