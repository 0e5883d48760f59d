/**
 * A throwaway copy of the project with its questions multiplied (new ids, same text), for
 * `npm run bench -- --scale N`: shows whether build time and page size grow linearly.
 * node_modules is linked, not copied, so the diagram cache is shared and diagrams stay cheap.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report']);

/** Copies of one MDX file: `id:` in the frontmatter gets a suffix; everything else stays byte for byte. */
export function multiplyEntry(mdx: string, copy: number): string {
  if (copy === 1) return mdx;
  return mdx.replace(/^(---\r?\n[\s\S]*?^id:\s*)(\S+)/m, (_, head: string, id: string) => `${head}${id}-x${copy}`);
}

export function scaledCopy(factor: number, project = process.cwd()): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `k8s-notes-x${factor}-`));
  cpSync(project, dir, {
    recursive: true,
    filter: (src) => !SKIP.has(relative(project, src).split(/[\\/]/)[0] ?? ''),
  });
  symlinkSync(resolve(project, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const docs = join(dir, 'content/docs');
  for (const topic of readdirSync(docs, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(docs, topic.name)).filter((f) => f.endsWith('.mdx'))) {
      const source = readFileSync(join(docs, topic.name, file), 'utf8');
      for (let copy = 2; copy <= factor; copy++) {
        writeFileSync(join(docs, topic.name, file.replace(/\.mdx$/, `-x${copy}.mdx`)), multiplyEntry(source, copy));
      }
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
