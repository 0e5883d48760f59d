import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(remarkParse);

/** The source of every ```mermaid block in one Markdown/MDX text, as remark sees it. */
export function mermaidSourcesIn(markdown: string): string[] {
  const sources: string[] = [];
  visit(parser.parse(markdown), 'code', (node: Code) => {
    if (node.lang === 'mermaid') sources.push(node.value);
  });
  return sources;
}

/**
 * Every Mermaid diagram under `dir` (.md/.mdx, recursively). Fenced code parses the same with or
 * without the MDX extensions, so these strings equal what the plugin later receives per file.
 */
export async function mermaidSourcesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && /\.mdx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return texts.flatMap((t) => (t.includes('```mermaid') || t.includes('~~~mermaid') ? mermaidSourcesIn(t) : []));
}
