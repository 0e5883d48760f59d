/**
 * `npm run bench`: a report, not a test. Builds from clean (cold diagram cache) and once more
 * warm, then measures what readers download: per-page HTML/CSS/JS (gzip) and the search index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const MERMAID_CACHE = 'node_modules/.cache/mermaid-svg';

function build(label: string): { ms: number; log: string } {
  const started = performance.now();
  const run = spawnSync('npx', ['astro', 'build'], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const ms = performance.now() - started;
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`${label} build failed`);
  }
  return { ms, log: run.stdout + run.stderr };
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
const gz = (buf: Buffer | string) => gzipSync(buf).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

rmSync(DIST, { recursive: true, force: true });
rmSync('.astro', { recursive: true, force: true });
rmSync(MERMAID_CACHE, { recursive: true, force: true });

const cold = build('cold');
const timings = existsSync(`${MERMAID_CACHE}/timings.jsonl`)
  ? readFileSync(`${MERMAID_CACHE}/timings.jsonl`, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { start: number; end: number })
  : [];
// Diagrams render concurrently, so the wall-clock span is what they add to the build.
const diagramSpanMs = timings.length ? Math.max(...timings.map((t) => t.end)) - Math.min(...timings.map((t) => t.start)) : 0;
const pagefindMs = Number(/Finished building search index in (\d+)ms/.exec(cold.log)?.[1] ?? NaN);
const warm = build('warm');
const warmPagefindMs = Number(/Finished building search index in (\d+)ms/.exec(warm.log)?.[1] ?? NaN);

const files = walk(DIST);
const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith(join(DIST, 'pagefind')));
const assetBytes = (url: string): Buffer | undefined => {
  const path = join(DIST, url.replace(/^\//, '').split(/[?#]/)[0] ?? '');
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path) : undefined;
};

interface PageWeight { page: string; html: number; css: number; js: number }
const weights: PageWeight[] = pages.map((file) => {
  const html = readFileSync(file, 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)]
    .map((m) => assetBytes(m[1]!))
    .reduce((n, b) => n + (b ? gz(b) : 0), 0);
  const externalJs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)]
    .map((m) => assetBytes(m[1]!))
    .reduce((n, b) => n + (b ? gz(b) : 0), 0);
  const inlineJs = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .filter((code) => code.trim() !== '')
    .reduce((n, code) => n + gz(code), 0);
  return { page: relative(DIST, file), html: gz(html), css, js: externalJs + inlineJs };
});

const sizeOf = (paths: string[]) => paths.reduce((n, f) => n + statSync(f).size, 0);
const pagefindFiles = files.filter((f) => f.startsWith(join(DIST, 'pagefind')));
const indexFiles = pagefindFiles.filter((f) => /\/(index|fragment)\/|pagefind-entry\.json$|\.pf_meta$/.test(f));

const row = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
const stat = (key: keyof Omit<PageWeight, 'page'>) => {
  const xs = weights.map((w) => w[key]);
  const max = weights.reduce((a, b) => (b[key] > a[key] ? b : a));
  return `median ${kb(median(xs))}, max ${kb(Math.max(...xs))} (${max.page})`;
};

console.log('\n== build ==');
row('cold build (clean, no diagram cache)', `${(cold.ms / 1000).toFixed(1)} s`);
row('  diagrams (Mermaid → SVG)', `${(diagramSpanMs / 1000).toFixed(1)} s wall, ${timings.length} SVGs (light + dark)`);
row('  pagefind index', `${(pagefindMs / 1000).toFixed(2)} s`);
row('  astro (the rest)', `${((cold.ms - pagefindMs - diagramSpanMs) / 1000).toFixed(1)} s`);
row('warm rebuild (diagram cache hit)', `${(warm.ms / 1000).toFixed(1)} s (pagefind ${(warmPagefindMs / 1000).toFixed(2)} s)`);
console.log('\n== output ==');
row('pages', String(pages.length));
row('dist size', kb(sizeOf(files)));
row('search index (pagefind/)', `${kb(sizeOf(pagefindFiles))} total, ${kb(sizeOf(indexFiles))} index+fragments, ${indexFiles.length} files`);
console.log('\n== per page, gzip ==');
row('HTML', stat('html'));
row('CSS', stat('css'));
row('JS (excl. search, loaded on demand)', stat('js'));
