import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Code, Nodes } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { MARKDOWN_FEATURES } from './markdown-features.ts';

/**
 * The source of every ```mermaid block in one Markdown/MDX text, parsed by the same parser with
 * the same syntax features as the build, so the strings equal what the plugin later receives.
 * A text that does not parse yields nothing here; its page compile reports the error.
 */
export function mermaidSourcesIn(text: string, format: 'md' | 'mdx' = 'mdx'): string[] {
  let tree: Nodes;
  try {
    tree = (format === 'mdx' ? mdxToMdast : markdownToMdast)(text, { features: MARKDOWN_FEATURES }) as Nodes;
  } catch {
    return [];
  }
  const sources: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'code' && (node as Code).lang === 'mermaid') sources.push((node as Code).value);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return sources;
}

/**
 * Every Mermaid diagram under `dir` (.md/.mdx, recursively). Sätteri parses the whole content in
 * tens of milliseconds, so nothing is remembered between builds.
 */
export async function mermaidSourcesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && /\.mdx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
  const texts = await Promise.all(files.map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
  return texts
    .filter(({ text }) => text.includes('```mermaid') || text.includes('~~~mermaid'))
    .flatMap(({ file, text }) => mermaidSourcesIn(text, file.endsWith('.md') ? 'md' : 'mdx'));
}
