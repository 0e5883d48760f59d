import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
 * Parsing is most of the cost, so with `memoFile` the sources of each text are remembered by the
 * text's hash and a file is parsed again only when it changed.
 */
export async function mermaidSourcesUnder(dir: string, memoFile?: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && /\.mdx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
  const texts = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).filter(
    (t) => t.includes('```mermaid') || t.includes('~~~mermaid'),
  );
  const known = memoFile ? await readMemo(memoFile) : {};
  const memo: Record<string, string[]> = {};
  const sources = texts.flatMap((text) => {
    const hash = createHash('sha256').update(text).digest('hex');
    return (memo[hash] = known[hash] ?? mermaidSourcesIn(text));
  });
  // Rewritten only when a file changed, and then with the current texts only, so it never grows.
  // A memo from an older parser can only cost a diagram its prefetch: the plugin asks for what it finds.
  if (memoFile && Object.keys(memo).sort().join() !== Object.keys(known).sort().join()) {
    await mkdir(dirname(memoFile), { recursive: true });
    await writeFile(memoFile, JSON.stringify(memo));
  }
  return sources;
}

async function readMemo(file: string): Promise<Record<string, string[]>> {
  try {
    const memo: unknown = JSON.parse(await readFile(file, 'utf8'));
    const valid =
      typeof memo === 'object' && memo !== null && Object.values(memo).every((v) => Array.isArray(v) && v.every((s) => typeof s === 'string'));
    return valid ? (memo as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}
