/**
 * Search-quality and search-cost benchmark over an existing dist/ (run `npm run build` first):
 *
 *   node scripts/bench-search.ts          (or import { benchSearch } from scripts/bench.ts)
 *
 * Every question's title and each of its 其他问法 is typed into the site's own search dialog in
 * headless Chromium, so the figures cover exactly what readers get (query rewriting, partial-match
 * fallback, the real Pagefind index). Also measured: the JavaScript a question page loads before
 * any interaction, and what the first search downloads.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from 'playwright';
import { parseFrontmatter } from '../src/checks/frontmatter.ts';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { isJavaScript } from './page-weight.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

function serve(dist: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(dist, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

interface Question {
  id: string;
  title: string;
  aliases: string[];
}

function readQuestions(docs = 'content/docs'): Question[] {
  const out: Question[] = [];
  for (const dir of readdirSync(docs, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(docs, dir.name)).filter((n) => n.endsWith('.mdx'))) {
      const file = join(docs, dir.name, name);
      const d = parseFrontmatter(file, readFileSync(file, 'utf8')).frontmatter?.data;
      if (!d) continue;
      out.push({ id: String(d.id), title: String(d.title), aliases: (d.aliases as string[] | undefined) ?? [] });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * What crossed the wire: pre-compressed Pagefind files (.pf_*, .pagefind) as they are, anything
 * else as gzip would send it.
 */
async function transferred(response: Response): Promise<number> {
  const body = await response.body().catch(() => undefined);
  if (!body) return 0;
  return /\.(pf_\w+|pagefind)$/.test(new URL(response.url()).pathname) ? body.length : gzipSync(body).length;
}

function recorder(page: Page, filter: (r: Response) => boolean) {
  const pending: Promise<{ url: string; bytes: number }>[] = [];
  const onResponse = (r: Response) => {
    if (filter(r)) pending.push(transferred(r).then((bytes) => ({ url: r.url(), bytes })));
  };
  page.on('response', onResponse);
  return async () => {
    page.off('response', onResponse);
    return Promise.all(pending);
  };
}

/** Types a query into the open dialog and returns the result links once that query has rendered. */
async function query(page: Page, text: string): Promise<string[]> {
  const input = page.locator('site-search dialog input');
  await input.fill(text);
  await page.locator(`site-search[data-state="done"] .search-results[data-query="${cssString(text)}"]`).waitFor();
  return page.locator('.search-results .search-hit > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

const cssString = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

interface Tally {
  total: number;
  zero: number;
  first: number;
  top5: number;
  misses: string[];
}

/** First searches measured on a cold cache: single words and short queries in both languages. */
const FIRST_SEARCHES = ['Service', '探针', 'HPA', '调度', 'kube-proxy', '持久卷', 'livenessProbe', 'kubectl drain', 'Pod 的创建过程', 'what is a headless service'];

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export async function benchSearch(dist = 'dist'): Promise<string[]> {
  const questions = readQuestions();
  if (questions.length === 0) throw new Error('bench-search: content/docs 里没有题目');
  try {
    statSync(join(dist, 'pagefind', 'pagefind.js'));
  } catch {
    throw new Error(`bench-search: ${dist}/pagefind/pagefind.js 不存在，请先运行 npm run build`);
  }
  const { server, origin } = await serve(dist);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const lines: string[] = [];
  try {
    const sample = `/q/${questions[0]!.id}/`;
    const sum = (xs: { bytes: number }[]) => xs.reduce((n, x) => n + x.bytes, 0);

    // Cold cache each time: a reader's first visit, then that reader's first search.
    const firstVisit = async (firstQuery: string) => {
      const context = await browser.newContext({ baseURL: origin, locale: 'zh-CN' });
      const page = await context.newPage();
      const scripts = recorder(page, (r) => r.request().resourceType() === 'script');
      await page.goto(sample, { waitUntil: 'networkidle' });
      const external = await scripts();
      const inline = await page.locator('script:not([src])').evaluateAll((els) =>
        els.map((e) => ({ attributes: e.getAttribute('type') ? `type="${e.getAttribute('type')}"` : '', code: e.textContent ?? '' })),
      );
      const inlineBytes = inline
        .filter((s) => isJavaScript(s.attributes) && s.code.trim())
        .reduce((n, s) => n + gzipSync(s.code).length, 0);
      const all = recorder(page, () => true);
      await page.keyboard.press('/');
      await query(page, firstQuery);
      const search = await all();
      if (process.env.BENCH_SEARCH_VERBOSE) for (const r of search) console.log(`  ${r.bytes}\t${r.url}`);
      await context.close();
      return { fileBytes: sum(external), files: external.length, inlineBytes, search };
    };
    const visits = [];
    for (const q of [...FIRST_SEARCHES, questions[0]!.title]) visits.push({ q, ...(await firstVisit(q)) });
    const { fileBytes, files, inlineBytes } = visits[0]!;
    lines.push(
      `question page JS before any interaction (gzip): ${kib(fileBytes + inlineBytes)} = ${files} files ${kib(fileBytes)} + inline scripts ${kib(inlineBytes)} (${sample})`,
    );
    // What every first search pays whatever the query (Pagefind's code and wasm, our search UI) and what depends on it.
    const kind = (url: string) => (/\.pf_index$/.test(url) ? 'index' : /\.pf_fragment$/.test(url) ? 'fragments' : 'fixed');
    for (const v of visits) {
      const part = (k: string) => v.search.filter((r) => kind(new URL(r.url).pathname) === k);
      const [index, fragments] = [part('index'), part('fragments')];
      lines.push(
        `first search transferred, “${v.q}”: ${kib(sum(v.search))} in ${v.search.length} files` +
          ` (index ${kib(sum(index))} in ${index.length}, result fragments ${kib(sum(fragments))} in ${fragments.length}, rest ${kib(sum(part('fixed')))})`,
      );
    }

    const context = await browser.newContext({ baseURL: origin, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(sample);
    await page.keyboard.press('/');

    const tallies = { titles: tally(), aliases: tally() };
    for (const q of questions) {
      const href = `/q/${q.id}/`;
      record(tallies.titles, await query(page, q.title), href, q.title);
      for (const alias of q.aliases) record(tallies.aliases, await query(page, alias), href, alias);
    }

    for (const [name, t] of Object.entries(tallies)) {
      lines.push(
        `${name === 'titles' ? 'titles' : '其他问法'}: ${t.total} queries · zero results ${pct(t.zero, t.total)} · first place ${pct(t.first, t.total)} · top 5 ${pct(t.top5, t.total)}`,
      );
      for (const miss of t.misses) lines.push(`  not in top 5: ${miss}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return lines;
}

function tally(): Tally {
  return { total: 0, zero: 0, first: 0, top5: 0, misses: [] };
}

function record(t: Tally, hrefs: string[], expected: string, text: string) {
  t.total++;
  const rank = hrefs.indexOf(expected);
  if (hrefs.length === 0) t.zero++;
  if (rank === 0) t.first++;
  if (rank >= 0 && rank < 5) t.top5++;
  else t.misses.push(`${text} → ${expected} (${rank < 0 ? 'not found' : `#${rank + 1}`})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const lines = await benchSearch(process.argv[2] ?? 'dist');
  console.log('== Search ==');
  for (const line of lines) console.log(line);
}
