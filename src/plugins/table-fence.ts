import type { Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';

/**
 * Sätteri 0.10 reads a `:::` closing fence that directly follows a table row as one more row of
 * the table, so the aside (or ::::other-answer box) around the table never closes and swallows
 * the rest of the page. remark-directive, like a reader, closes the box there. Until Sätteri does,
 * the source gets a blank line before such a fence, which every Markdown reader treats the same.
 *
 * The spots are found with Sätteri's own parse (a row inside a container directive whose only text
 * is a fence), so fences in code blocks and tables outside directives are never touched. Line
 * numbers stay those of the file: the blank line after the fence moves before it, and only a fence
 * followed directly by text shifts the lines below it by one.
 */
const FENCE = /^[ \t]*:{3,}[ \t]*\r?$/;
/** A bare fence right under a line with a pipe: the only place the misreading can happen. */
const SUSPECT = /\|[^\n]*\n[ \t]*:{3,}[ \t]*\r?(?:\n|$)/;

export function closeFencesAfterTables(source: string, mdx: boolean, features: Features = {}): string {
  if (!SUSPECT.test(source)) return source;
  let text = source;
  // Each pass fixes the first fence of every broken table; nested boxes can need one more pass.
  for (let pass = 0; pass < 16; pass++) {
    let tree: Root;
    try {
      tree = (mdx ? mdxToMdast : markdownToMdast)(text, { features: { ...features, gfm: features.gfm ?? true, directive: true } }) as Root;
    } catch {
      return text; // Not valid MDX: the real compile reports it at the right line.
    }
    const lines = text.split('\n');
    const fenceLines = brokenFenceLines(tree, lines);
    if (fenceLines.length === 0) return text;
    for (const line of fenceLines.sort((a, b) => b - a)) {
      const next = lines[line + 1];
      if (next !== undefined && next.trim() === '') lines.splice(line + 1, 1);
      lines.splice(line, 0, '');
    }
    text = lines.join('\n');
  }
  return text;
}

/** 0-based lines of fences that Sätteri put into a table inside a container directive. */
function brokenFenceLines(tree: Root, lines: string[]): number[] {
  const found: number[] = [];
  const walk = (node: Nodes, inContainer: boolean) => {
    if (node.type === 'table' && inContainer) {
      const row = node.children.find((r) => {
        const line = r.position ? lines[r.position.start.line - 1] : undefined;
        return line !== undefined && FENCE.test(line);
      });
      if (row?.position) found.push(row.position.start.line - 1);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, inContainer || node.type === 'containerDirective');
  };
  walk(tree, false);
  return found;
}

interface Renderers {
  createRenderer: (...args: never[]) => Promise<{ render: (content: string, ...rest: never[]) => unknown }>;
  createMdxRenderer?: (...args: never[]) => Promise<{ process: (content: string, ...rest: never[]) => unknown }>;
  options: { features: Features };
}

/**
 * Applies closeFencesAfterTables to every page the processor renders. The processor object is
 * changed in place, so integrations (Starlight, Expressive Code) still recognise and extend it.
 */
export function withTableFenceFix<P extends Renderers>(processor: P): P {
  const { createRenderer, createMdxRenderer } = processor;
  processor.createRenderer = (async (...args: never[]) => {
    const renderer = await createRenderer.apply(processor, args);
    return { ...renderer, render: (content: string, ...rest: never[]) => renderer.render(closeFencesAfterTables(content, false, processor.options.features), ...rest) };
  }) as P['createRenderer'];
  if (createMdxRenderer) {
    processor.createMdxRenderer = (async (...args: never[]) => {
      const renderer = await createMdxRenderer.apply(processor, args);
      return { ...renderer, process: (content: string, ...rest: never[]) => renderer.process(closeFencesAfterTables(content, true, processor.options.features), ...rest) };
    }) as P['createMdxRenderer'];
  }
  return processor;
}
