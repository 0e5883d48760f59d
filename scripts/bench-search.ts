/**
 * Search-quality and search-cost benchmark over an existing dist/ (run `npm run build` first):
 *
 *   node scripts/bench-search.ts          (or import { benchSearch } from scripts/bench.ts)
 *
 * Every question's title and each of its 其他问法 is typed into the site's own search dialog in
 * headless Chromium, so the figures cover exactly what readers get (query rewriting, partial-match
 * fallback, the real Pagefind index). Titles and 其他问法 come from our own pages; the reader set
 * (scripts/search-queries/reader.yaml) is written the way readers type, independently of them, and
 * reports its held-out part separately; the two further held-out sets each get a line of their own. Also measured: the JavaScript a question page loads before
 * any interaction, and what the first search downloads.
 *
 *   node scripts/bench-search.ts dist --reader    only the reader set (quick, while tuning search)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from 'playwright';
import { parseFrontmatter } from '../src/checks/frontmatter.ts';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { serveDir } from './browser-weight.ts';
import { isJavaScript } from './page-weight.ts';
import { readReaderQueries, SECOND_HELDOUT_FILE, THIRD_HELDOUT_FILE, type ReaderQuery } from './search-queries/reader-queries.ts';

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
  return (await queryWithStatus(page, text)).hrefs;
}

/** The result links and the dialog's summary line (which says when results are partial). */
async function queryWithStatus(page: Page, text: string): Promise<{ hrefs: string[]; status: string }> {
  const input = page.locator('site-search dialog input');
  await input.fill(text);
  // attached, not visible: a query with no results renders an empty (hidden) list.
  await page.locator(`site-search[data-state="done"] .search-results[data-query="${cssString(text)}"]`).waitFor({ state: 'attached' });
  const hrefs = await page
    .locator('.search-results .search-hit > a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { hrefs, status: (await page.locator('site-search .search-status').textContent()) ?? '' };
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

export async function benchSearch(dist = 'dist', { readerOnly = false } = {}): Promise<string[]> {
  const questions = readQuestions();
  const pageIds = new Set(questions.map((q) => q.id));
  const readerQueries = readReaderQueries(pageIds);
  const secondHeldout = readReaderQueries(pageIds, SECOND_HELDOUT_FILE);
  const thirdHeldout = readReaderQueries(pageIds, THIRD_HELDOUT_FILE);
  if (questions.length === 0) throw new Error('bench-search: content/docs 里没有题目');
  try {
    statSync(join(dist, 'pagefind', 'pagefind.js'));
  } catch {
    throw new Error(`bench-search: ${dist}/pagefind/pagefind.js 不存在，请先运行 npm run build`);
  }
  const { url: origin, close } = await serveDir(dist);
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
    for (const q of readerOnly ? [] : [...FIRST_SEARCHES, questions[0]!.title]) visits.push({ q, ...(await firstVisit(q)) });
    if (visits.length > 0) {
      const { fileBytes, files, inlineBytes } = visits[0]!;
      lines.push(
        `question page JS before any interaction (gzip): ${kib(fileBytes + inlineBytes)} = ${files} files ${kib(fileBytes)} + inline scripts ${kib(inlineBytes)} (${sample})`,
      );
    }
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
    for (const q of readerOnly ? [] : questions) {
      const href = `/q/${q.id}/`;
      record(tallies.titles, await query(page, q.title), href, q.title);
      for (const alias of q.aliases) record(tallies.aliases, await query(page, alias), href, alias);
    }
    if (readerOnly) Object.assign(tallies, { titles: undefined, aliases: undefined });

    for (const [name, t] of Object.entries(tallies)) {
      if (!t) continue;
      lines.push(
        `${name === 'titles' ? 'titles' : '其他问法'}: ${t.total} queries · zero results ${pct(t.zero, t.total)} · first place ${pct(t.first, t.total)} · top 5 ${pct(t.top5, t.total)}`,
      );
      for (const miss of t.misses) lines.push(`  not in top 5: ${miss}`);
    }

    const reader = { tuned: readerTally(), heldout: readerTally(), heldout2: readerTally(), heldout3: readerTally() };
    for (const rq of readerQueries) recordReader(reader[rq.heldout ? 'heldout' : 'tuned'], rq, await queryWithStatus(page, rq.q));
    for (const rq of secondHeldout) recordReader(reader.heldout2, rq, await queryWithStatus(page, rq.q));
    for (const rq of thirdHeldout) recordReader(reader.heldout3, rq, await queryWithStatus(page, rq.q));
    const label = {
      tuned: 'tuned',
      heldout: 'held-out',
      heldout2: 'held-out set 2 (reader-heldout-2.yaml)',
      heldout3: 'held-out set 3 (reader-heldout-3.yaml)',
    };
    for (const [name, t] of Object.entries(reader) as [keyof typeof reader, ReaderTally][]) {
      const answered = t.answered;
      lines.push(
        `reader queries, ${label[name]}: ${answered.total} with an answer · zero results ${pct(answered.zero, answered.total)} · first place ${pct(answered.first, answered.total)} · top 5 ${pct(answered.top5, answered.total)}`,
      );
      lines.push(
        `  ${t.unanswered.total} without an answer on the site · honest (nothing found, partial or mentions only) ${pct(t.unanswered.honest, t.unanswered.total)} · answered queries summarised as such ${pct(t.hedged, answered.total)}`,
      );
      const kinds = [...t.byKind].map(([kind, k]) => `${kind} ${k.top5}/${k.total}`).join(' · ');
      lines.push(`  top 5 by kind: ${kinds}`);
      // Held-out misses stay out of the default report so tuning cannot look at them.
      if (name === 'tuned' || process.env.BENCH_SEARCH_VERBOSE) {
        for (const miss of answered.misses) lines.push(`  not in top 5: ${miss}`);
        for (const miss of t.unanswered.misses) lines.push(`  confident answer to an unanswered question: ${miss}`);
      }
    }
  } finally {
    await browser.close();
    await close();
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

interface ReaderTally {
  answered: Tally;
  /** Answered queries whose summary still said nothing, partial or mentions only. */
  hedged: number;
  unanswered: { total: number; honest: number; misses: string[] };
  byKind: Map<string, { total: number; top5: number }>;
}

function readerTally(): ReaderTally {
  return { answered: tally(), hedged: 0, unanswered: { total: 0, honest: 0, misses: [] }, byKind: new Map() };
}

/**
 * The dialog's summary is honest when it says 没有找到, that results are partial (没有完全匹配), or
 * that the pages only mention the words (顺带提到).
 */
const saysPartialOrNothing = (status: string) => /没有找到|没有完全匹配|顺带提到/.test(status);

function recordReader(t: ReaderTally, rq: ReaderQuery, { hrefs, status }: { hrefs: string[]; status: string }) {
  const kind = t.byKind.get(rq.kind) ?? { total: 0, top5: 0 };
  t.byKind.set(rq.kind, kind);
  kind.total++;
  if (rq.expect.length === 0) {
    t.unanswered.total++;
    if (hrefs.length === 0 || saysPartialOrNothing(status)) {
      t.unanswered.honest++;
      kind.top5++;
    } else t.unanswered.misses.push(`${rq.q} → ${hrefs[0]} (“${status}”)`);
    return;
  }
  const a = t.answered;
  a.total++;
  // The honest summary costs something when the site does have the answer: count it.
  if (saysPartialOrNothing(status)) t.hedged++;
  if (hrefs.length === 0) a.zero++;
  const rank = Math.min(...rq.expect.map((id) => hrefs.indexOf(`/q/${id}/`)).map((r) => (r < 0 ? Infinity : r)));
  if (rank === 0) a.first++;
  if (rank < 5) {
    a.top5++;
    kind.top5++;
  } else a.misses.push(`${rq.q} → ${rq.expect.join(' | ')} (${rank === Infinity ? (hrefs.length ? `got ${hrefs.slice(0, 3).join(' ')}` : 'no results') : `#${rank + 1}`})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const args = process.argv.slice(2);
  const lines = await benchSearch(args.find((a) => !a.startsWith('--')) ?? 'dist', { readerOnly: args.includes('--reader') });
  console.log('== Search ==');
  for (const line of lines) console.log(line);
}
