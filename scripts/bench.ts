/**
 * `npm run bench`: a report, not a test. Builds from clean (cold diagram cache) and once more
 * warm, then measures what readers download: per-page HTML/CSS (gzip), the JS each kind of page
 * fetches in a real browser before any interaction, and the search index.
 *   --no-build   only measure the existing dist/ (seconds instead of a minute)
 *   --scale N    also build throwaway copies with the content ×1 and ×N (new ids, same text) and
 *                report build time, its growth and the largest pages: growth must stay linear
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { pagefindMs } from './bench-log.ts';
import { bareStarlightCopy, scaledCopy } from './bench-scale.ts';
import { benchImport } from './bench-import.ts';
import { benchSearch } from './bench-search.ts';
import { measureInBrowser } from './browser-weight.ts';
import { pageWeight, type PageWeight } from './page-weight.ts';

const MERMAID_CACHE = 'node_modules/.cache/mermaid-svg';
/** Cold/warm build pairs; their medians give the cold cost of a diagram. */
const COLD_ROUNDS = 3;

function readTimings(): { start: number; end: number }[] {
  const file = `${MERMAID_CACHE}/timings.jsonl`;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { start: number; end: number });
}

const { values: args } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, scale: { type: 'string' } },
});
const scale = args.scale === undefined ? undefined : Number(args.scale);
if (scale !== undefined && !(Number.isInteger(scale) && scale >= 2)) throw new Error(`--scale 需要一个 ≥ 2 的整数，收到 “${args.scale}”`);

function build(label: string, cwd = '.'): { ms: number; log: string } {
  rmSync(join(cwd, 'dist'), { recursive: true, force: true });
  const started = performance.now();
  const run = spawnSync('npx', ['astro', 'build'], { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const ms = performance.now() - started;
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`${label} build failed`);
  }
  return { ms, log: run.stdout + run.stderr };
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[m]! : ((sorted[m - 1] ?? 0) + (sorted[m] ?? 0)) / 2;
};
const row = (label: string, value: string) => console.log(`${label.padEnd(36)} ${value}`);

/** Reader-facing HTML pages of a build (not Pagefind's files, not the bare answer fragments). */
function pageWeights(dist: string): (PageWeight & { page: string })[] {
  const pages = walk(dist).filter((f) => f.endsWith('.html') && !f.startsWith(join(dist, 'pagefind')));
  const assetBytes = (url: string): Buffer | undefined => {
    const path = join(dist, url.replace(/^\//, '').split(/[?#]/)[0] ?? '');
    return existsSync(path) && statSync(path).isFile() ? readFileSync(path) : undefined;
  };
  return pages.map((file) => ({ page: relative(dist, file), ...pageWeight(readFileSync(file, 'utf8'), assetBytes) }));
}

function largest(weights: (PageWeight & { page: string })[], n: number): string[] {
  return [...weights]
    .sort((a, b) => b.html - a.html)
    .slice(0, n)
    .map((w) => `${kb(w.html).padStart(10)}  ${w.page}`);
}

// ---------------------------------------------------------------- build
let cold = { ms: NaN, log: '' };
let warm = { ms: NaN, log: '' };
let timings: { start: number; end: number }[] = [];
if (args['no-build']) {
  if (!existsSync('dist')) throw new Error('dist/ is missing: run npm run build first, or drop --no-build');
} else {
  // A single build varies by a second or more on a shared 2-core machine, and the cold cost of a
  // diagram is the difference of two builds: cold and warm builds alternate, and medians are used.
  const colds: number[] = [];
  const warms: number[] = [];
  for (let round = 0; round < COLD_ROUNDS; round++) {
    rmSync('.astro', { recursive: true, force: true });
    rmSync(MERMAID_CACHE, { recursive: true, force: true });
    const c = build('cold');
    colds.push(c.ms);
    if (round === 0) {
      cold = c;
      timings = readTimings();
    }
    const w = build('warm');
    warms.push(w.ms);
    if (round === 0) warm = w;
  }
  cold = { ...cold, ms: median(colds) };
  warm = { ...warm, ms: median(warms) };
  const each = (xs: number[]) => xs.map((x) => s(x)).join(', ');
  // Diagrams render concurrently, so the wall-clock span is what they add to the build.
  const diagramSpanMs = timings.length ? Math.max(...timings.map((t) => t.end)) - Math.min(...timings.map((t) => t.start)) : 0;
  const coldPagefind = pagefindMs(cold.log);
  console.log('\n== build ==');
  row('cold build (clean, no diagram cache)', `${s(cold.ms)} (median of ${colds.length}: ${each(colds)})`);
  row('  diagrams (Mermaid → SVG)', `${s(diagramSpanMs)} wall, ${timings.length} SVGs (light + dark), first cold build`);
  row('  pagefind index', s(coldPagefind));
  row('  astro (the rest)', s(cold.ms - coldPagefind - diagramSpanMs));
  row('warm rebuild (diagram cache hit)', `${s(warm.ms)} (median of ${warms.length}: ${each(warms)}; pagefind ${s(pagefindMs(warm.log))})`);
  row(
    'cold cost per diagram SVG',
    timings.length ? `${((cold.ms - warm.ms) / timings.length / 1000).toFixed(2)} s (median cold − median warm, ÷ SVGs)` : 'no diagrams rendered',
  );

  // Interleaved with more warm builds of ours, so both see the same machine load; medians.
  const bare = bareStarlightCopy();
  try {
    const ours = [...warms];
    const theirs: number[] = [];
    build('bare Starlight (first run)', bare.dir);
    for (let round = 0; round < 2; round++) {
      theirs.push(build('bare Starlight', bare.dir).ms);
      ours.push(build('warm').ms);
    }
    theirs.push(build('bare Starlight', bare.dir).ms);
    row('bare Starlight, same questions', `${s(median(theirs))} (median of ${theirs.length}; Mermaid left as code)`);
    row('warm build vs bare Starlight', `${(median(ours) / median(theirs)).toFixed(2)}× (${s(median(ours))} vs ${s(median(theirs))})`);
  } finally {
    bare.remove();
  }
}

// ---------------------------------------------------------------- output
const files = walk('dist');
const weights = pageWeights('dist');
const sizeOf = (paths: string[]) => paths.reduce((n, f) => n + statSync(f).size, 0);
const pagefindFiles = files.filter((f) => f.startsWith(join('dist', 'pagefind')));
const indexFiles = pagefindFiles.filter((f) => /\/(index|fragment)\/|pagefind-entry\.json$|\.pf_meta$/.test(f));
const stat = (key: 'html' | 'css') => {
  const max = weights.reduce((a, b) => (b[key] > a[key] ? b : a));
  return `median ${kb(median(weights.map((w) => w[key])))}, max ${kb(max[key])} (${max.page})`;
};
console.log('\n== output ==');
row('pages', String(weights.length));
row('dist size', kb(sizeOf(files)));
row(
  'search index (pagefind/)',
  `${kb(sizeOf(pagefindFiles))} total, ${kb(sizeOf(indexFiles))} index+fragments, ${indexFiles.length} files`,
);
console.log('\n== per page, gzip ==');
row('HTML', stat('html'));
row('CSS', stat('css'));
console.log('largest HTML pages:');
for (const line of largest(weights, 5)) console.log(`  ${line}`);

// ---------------------------------------------------------------- JS in a real browser
/*
 * What each kind of page fetches before the reader touches anything, in Chromium: scripts in the
 * HTML, their imports, and whatever loads at idle (Starlight's search UI). Inline scripts count too.
 */
const FEATURE_PAGES: [string, string][] = [
  ['home (progress)', '/'],
  ['topic (progress, filters)', '/topics/workloads/'],
  ['practice', '/practice/'],
  ['question (copy link, related)', '/q/probes/'],
  ['printable topic', '/all/workloads/'],
  ['random', '/random/'],
];
// Chunks built from this site's practice features (src/components/{practice,progress,filters}, src/lib/marks).
const OURS = /^(Practice|Progress|QuestionFilters)\.astro_|^(marks|progress|filters|practice|answers)\./;
console.log('\n== JS per page before any interaction, gzip (real browser: load, idle, network idle) ==');
console.log('   * = practice-feature code; the rest is Starlight (search, ToC, theme, code copy) and inline helpers');
const inBrowser = await measureInBrowser(
  'dist',
  FEATURE_PAGES.map(([, p]) => p),
);
for (const [label, path] of FEATURE_PAGES) {
  const measured = inBrowser.get(path);
  const w = weights.find((x) => `/${x.page}` === `${path}index.html`);
  if (!measured || !w) continue;
  const inline = w.scripts.find((x) => x.name.endsWith(' inline)'));
  const js = [...measured.js.map((f) => ({ name: f.path.split('/').pop() ?? f.path, bytes: f.bytes })), ...(inline ? [inline] : [])];
  const total = js.reduce((n, x) => n + x.bytes, 0);
  const ours = js.filter((x) => OURS.test(x.name)).reduce((n, x) => n + x.bytes, 0);
  const other = measured.other.reduce((n, x) => n + x.bytes, 0);
  const inlineBytes = inline?.bytes ?? 0;
  row(
    label,
    `${kb(total).padStart(9)} JS = files ${kb(total - inlineBytes)} + inline ${kb(inlineBytes)}; ${kb(ours)} practice features  (HTML ${kb(w.html)}, other requests ${kb(other)})`,
  );
  for (const x of [...js].sort((a, b) => b.bytes - a.bytes)) {
    console.log(`${''.padEnd(35)}${OURS.test(x.name) ? '*' : ' '}  ${String(x.bytes).padStart(6)} B  ${x.name}`);
  }
}

// ---------------------------------------------------------------- growth
if (scale !== undefined) {
  console.log(`\n== growth: content ×1 vs ×${scale} (throwaway copies, warm diagram cache, no git history) ==`);
  const results: { factor: number; ms: number; pages: number; top: string[] }[] = [];
  for (const factor of [1, scale]) {
    const copy = scaledCopy(factor);
    try {
      const { ms } = build(`×${factor}`, copy.dir);
      const ws = pageWeights(join(copy.dir, 'dist'));
      results.push({ factor, ms, pages: ws.length, top: largest(ws, 5) });
    } finally {
      copy.remove();
    }
  }
  for (const r of results) {
    row(`×${r.factor} build`, `${s(r.ms)}, ${r.pages} pages; largest HTML (gzip):`);
    for (const line of r.top) console.log(`  ${line}`);
  }
  const [one, many] = results;
  if (one && many) row(`build time ×${scale} / ×1`, `${(many.ms / one.ms).toFixed(2)}× (linear would be ≤ ${scale}×)`);
}

// ---------------------------------------------------------------- importer and search quality
// Each section returns its report lines; they live in their own modules so each also runs alone.
const SECTIONS: [title: string, run: () => Promise<string[]>][] = [
  ['importer throughput (generated notes of growing size)', benchImport],
  ['search quality (titles, 其他问法 and reader queries, typed into the real search dialog)', () => benchSearch('dist')],
];
for (const [title, run] of SECTIONS) {
  console.log(`\n== ${title} ==`);
  for (const line of await run()) console.log(line);
}
