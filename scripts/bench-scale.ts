/**
 * A throwaway copy of the project with its questions multiplied (new ids, same text), for
 * `npm run bench -- --scale N`: shows whether build time and page size grow linearly.
 * The copy lives in the project's .cache/ (git-ignored) so it resolves packages from the project's
 * own node_modules: a symlinked node_modules confuses Vite, which resolves it to its real path.
 * The diagram cache is linked in, so diagrams stay cheap.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', '.cache', 'test-results', 'playwright-report']);
const MERMAID_CACHE = 'node_modules/.cache/mermaid-svg';

/** Copies of one MDX file: `id:` in the frontmatter gets a suffix; everything else stays byte for byte. */
export function multiplyEntry(mdx: string, copy: number): string {
  if (copy === 1) return mdx;
  return mdx.replace(/^(---\r?\n[\s\S]*?^id:\s*)(\S+)/m, (_, head: string, id: string) => `${head}${id}-x${copy}`);
}

export function scaledCopy(factor: number, project = process.cwd()): { dir: string; remove: () => void } {
  mkdirSync(join(project, '.cache'), { recursive: true });
  const dir = mkdtempSync(join(project, '.cache', `bench-x${factor}-`));
  // Entry by entry: the copy sits inside the project, and cpSync refuses to copy a folder into itself.
  for (const entry of readdirSync(project).filter((e) => !SKIP.has(e))) cpSync(join(project, entry), join(dir, entry), { recursive: true });
  if (existsSync(join(project, MERMAID_CACHE))) {
    mkdirSync(join(dir, 'node_modules/.cache'), { recursive: true });
    symlinkSync(resolve(project, MERMAID_CACHE), join(dir, MERMAID_CACHE), 'dir');
  }
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

/**
 * The same questions in a bare Starlight site (default config, Mermaid left as code, no custom
 * pages, plugins or middleware): the yardstick for what this site's extras cost the warm build.
 */
export function bareStarlightCopy(project = process.cwd()): { dir: string; remove: () => void } {
  mkdirSync(join(project, '.cache'), { recursive: true });
  const dir = mkdtempSync(join(project, '.cache', 'bench-bare-'));
  // The project's package.json, so Vite bundles the same dependencies the same way.
  cpSync(join(project, 'package.json'), join(dir, 'package.json'));
  cpSync(join(project, 'content/docs'), join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({ title: 'bare', locales: { root: { label: '简体中文', lang: 'zh-CN' } } })],
});
`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
