/**
 * `npm run bench`: a report, not a test. Builds from clean (cold diagram cache) and once more
 * warm, then measures what readers download: per-page HTML/CSS/JS (gzip) and the search index.
 * `npm run bench -- --no-build` only measures the existing dist/ (seconds instead of a minute).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pageWeight, type PageWeight } from './page-weight.ts';

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
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const skipBuild = process.argv.includes('--no-build');
let cold = { ms: NaN, log: '' };
let warm = { ms: NaN, log: '' };
let timings: { start: number; end: number }[] = [];
if (skipBuild) {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run npm run build first, or drop --no-build');
} else {
  rmSync(DIST, { recursive: true, force: true });
  rmSync('.astro', { recursive: true, force: true });
  rmSync(MERMAID_CACHE, { recursive: true, force: true });
  cold = build('cold');
  timings = existsSync(`${MERMAID_CACHE}/timings.jsonl`)
    ? readFileSync(`${MERMAID_CACHE}/timings.jsonl`, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { start: number; end: number })
    : [];
  warm = build('warm');
}
// Diagrams render concurrently, so the wall-clock span is what they add to the build.
const diagramSpanMs = timings.length ? Math.max(...timings.map((t) => t.end)) - Math.min(...timings.map((t) => t.start)) : 0;
const pagefindMs = Number(/Finished building search index in (\d+)ms/.exec(cold.log)?.[1] ?? NaN);
const warmPagefindMs = Number(/Finished building search index in (\d+)ms/.exec(warm.log)?.[1] ?? NaN);

const files = walk(DIST);
const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith(join(DIST, 'pagefind')));
const assetBytes = (url: string): Buffer | undefined => {
  const path = join(DIST, url.replace(/^\//, '').split(/[?#]/)[0] ?? '');
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path) : undefined;
};

const weights: (PageWeight & { page: string })[] = pages.map((file) => ({
  page: relative(DIST, file),
  ...pageWeight(readFileSync(file, 'utf8'), assetBytes),
}));

const sizeOf = (paths: string[]) => paths.reduce((n, f) => n + statSync(f).size, 0);
const pagefindFiles = files.filter((f) => f.startsWith(join(DIST, 'pagefind')));
const indexFiles = pagefindFiles.filter((f) => /\/(index|fragment)\/|pagefind-entry\.json$|\.pf_meta$/.test(f));

const row = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
const stat = (key: 'html' | 'css' | 'js') => {
  const xs = weights.map((w) => w[key]);
  const max = weights.reduce((a, b) => (b[key] > a[key] ? b : a));
  return `median ${kb(median(xs))}, max ${kb(Math.max(...xs))} (${max.page})`;
};

if (!skipBuild) {
  console.log('\n== build ==');
  row('cold build (clean, no diagram cache)', `${(cold.ms / 1000).toFixed(1)} s`);
  row('  diagrams (Mermaid → SVG)', `${(diagramSpanMs / 1000).toFixed(1)} s wall, ${timings.length} SVGs (light + dark)`);
  row('  pagefind index', `${(pagefindMs / 1000).toFixed(2)} s`);
  row('  astro (the rest)', `${((cold.ms - pagefindMs - diagramSpanMs) / 1000).toFixed(1)} s`);
  row('warm rebuild (diagram cache hit)', `${(warm.ms / 1000).toFixed(1)} s (pagefind ${(warmPagefindMs / 1000).toFixed(2)} s)`);
}
console.log('\n== output ==');
row('pages', String(pages.length));
row('dist size', kb(sizeOf(files)));
row('search index (pagefind/)', `${kb(sizeOf(pagefindFiles))} total, ${kb(sizeOf(indexFiles))} index+fragments, ${indexFiles.length} files`);
console.log('\n== per page, gzip ==');
row('HTML', stat('html'));
row('CSS', stat('css'));
row('JS (excl. search, loaded on demand)', stat('js'));

/*
 * The pages with practice features (marks, progress, filters, practice) next to a plain question
 * page: each feature's script is only on the pages that use it, and this shows what it costs.
 */
const FEATURE_PAGES: [string, string][] = [
  ['home (progress)', 'index.html'],
  ['topic (progress, filters)', 'topics/workloads/index.html'],
  ['practice', 'practice/index.html'],
  ['question (copy link, related)', 'q/probes/index.html'],
  ['all questions (print)', 'all/index.html'],
  ['random', 'random/index.html'],
];
// Chunks built from this site's practice features (src/components/{practice,progress,filters}, src/lib/marks).
const OURS = /^(Practice|Progress|QuestionFilters)\.astro_|^(marks|progress|filters|practice)\./;
console.log('\n== JS per page, gzip (static imports included; search UI excluded, loaded on demand) ==');
console.log('   * = practice-feature code; the rest is Starlight (search button, ToC, theme, code copy) and inline helpers');
for (const [label, page] of FEATURE_PAGES) {
  const w = weights.find((x) => x.page === page);
  if (!w) continue;
  const ours = w.scripts.filter((x) => OURS.test(x.name)).reduce((n, x) => n + x.bytes, 0);
  row(label, `${kb(w.js).padStart(9)} total, ${kb(ours)} practice features  (HTML ${kb(w.html)})`);
  for (const x of [...w.scripts].sort((a, b) => b.bytes - a.bytes)) {
    console.log(`${''.padEnd(33)}${OURS.test(x.name) ? '*' : ' '}  ${String(x.bytes).padStart(6)} B  ${x.name}`);
  }
}
