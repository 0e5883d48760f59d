import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SITE } from '../src/site.config.ts';
import { onTodoPage, questions, topics } from './content';
import { expect, test } from './fixtures';

/**
 * How Markdown turns into what a reader sees: emphasis next to Chinese punctuation, spacing,
 * anchors, descriptions, collapsed answers from other notes, and the pages that list the gaps.
 */

const body = (file: string) => readFileSync(file, 'utf8');
const withOtherAnswers = questions.filter((q) => /^::::other-answer\[/m.test(body(q.file)));

/** What the checks below read from one built page, parsed in the browser from its HTML. */
interface PageReading {
  href: string;
  status: number;
  /** Text as a reader sees it (not code, diagrams or scripts), one string per block. */
  blocks: string[];
  description: string;
  og: string;
  /** Topic-page summaries of the questions. */
  cards: string[];
  /** Ids of the answer's headings, and the table of contents' targets. */
  ids: string[];
  toc: string[];
}

/**
 * Fetches and parses every page inside the browser in a single call: one round trip for the
 * whole site instead of one per page and check.
 */
async function readPages(page: Page, hrefs: string[]): Promise<PageReading[]> {
  // Any page of the site gives the browser its origin, so it may fetch the others.
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  return page.evaluate(
    (list) =>
      Promise.all(
        list.map(async (href) => {
          const response = await fetch(href);
          const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
          const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content') ?? '';
          const reading = {
            href,
            status: response.status,
            description: meta('meta[name="description"]'),
            og: meta('meta[property="og:description"]'),
            cards: [...doc.querySelectorAll('main li p')].map((p) => p.textContent ?? ''),
            ids: [...doc.querySelectorAll('.sl-markdown-content :is(h2, h3, h4)[id]')].map((h) => h.id),
            toc: [...doc.querySelectorAll('starlight-toc a[href^="#"]')]
              .map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)))
              .filter((h) => h !== '_top'),
          };
          doc.querySelectorAll('script, style, svg, template').forEach((el) => el.remove());
          // Code keeps its place (a private-use character) so the text around it is not glued together.
          doc.querySelectorAll('pre, code, kbd').forEach((el) => el.replaceWith('\ue000'));
          const root = doc.querySelector('.sl-markdown-content') ?? doc.body;
          const blocks = [...root.querySelectorAll('p, li, td, th, h2, h3, h4, summary, blockquote')]
            .filter((el) => !el.querySelector('p, li, td, th'))
            .map((el) => el.textContent ?? '');
          return { ...reading, blocks };
        }),
      ),
    hrefs,
  );
}

/**
 * Every question page (and the home and topic pages where they show text of their own), read once
 * for four checks. Soft assertions: each check reports its own findings even when another fails.
 */
test('rendered text is clean: no literal Markdown, no stray spaces, plain summaries, working anchors, one site name in the home title', async ({ page }) => {
  test.slow();
  const withQuestions = topics.filter((x) => x.questions.length > 0);
  const read = await readPages(page, ['/', ...questions.map((q) => q.href), ...withQuestions.map((t) => t.href)]);
  for (const r of read) expect(r.status, r.href).toBe(200);
  const home = read.filter((r) => r.href === '/');
  const questionPages = read.filter((r) => r.href.startsWith('/q/'));
  const topicPages = read.filter((r) => withQuestions.some((t) => t.href === r.href));
  expect(questionPages).toHaveLength(questions.length);
  expect(questionPages.filter((r) => r.blocks.length === 0).map((r) => r.href), 'pages with no text').toEqual([]);

  await test.step('the home page title names the site once', async () => {
    // readPages left the browser on the home page.
    const title = await page.title();
    expect.soft(title).toContain(SITE.title);
    expect.soft(title.split(SITE.title).length - 1, title).toBe(1);
  });

  await test.step('no literal ** or ~~ is left in the rendered text of any question', () => {
    const leftovers: string[] = [];
    for (const { href, blocks } of questionPages) {
      for (const text of blocks) for (const m of text.matchAll(/.{0,12}(\*\*|~~).{0,12}/g)) leftovers.push(`${href}: ${m[0]}`);
    }
    expect.soft(leftovers).toEqual([]);
  });

  await test.step('no space follows full-width punctuation inside a sentence', () => {
    const stray: string[] = [];
    for (const { href, blocks } of [...home, ...questionPages]) {
      for (const text of blocks) {
        for (const m of text.matchAll(/.{0,8}[，。；：！？、）」』》】”][ \t\u00a0\u3000]+[^\s|→\ue000].{0,6}/g)) stray.push(`${href}: ${m[0]}`);
      }
    }
    expect.soft(stray).toEqual([]);
  });

  await test.step('meta descriptions and topic-page summaries carry no Markdown syntax', () => {
    const markdown = /\]\(|\*\*|`|^#|:::/;
    for (const { href, description, og } of questionPages) {
      expect.soft(description, href).toBeTruthy();
      expect.soft(description, `${href} meta description`).not.toMatch(markdown);
      expect.soft(og, `${href} og:description`).not.toMatch(markdown);
    }
    for (const { href, cards } of topicPages) for (const text of cards) expect.soft(text, `${href} summary`).not.toMatch(markdown);
  });

  await test.step('heading anchors have no leading hyphen and the table of contents points at them', () => {
    for (const { href, ids, toc } of questionPages) {
      for (const id of ids) expect.soft(id, `${href}#${id}`).not.toMatch(/^-|-$/);
      for (const target of toc) expect.soft(ids, `${href} TOC link #${target}`).toContain(target);
    }
  });
});

test.describe('404', () => {
  // The document itself answers 404, which Chromium logs as a console error.
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test('the 404 page does not claim /404/ as its canonical address', async ({ page }) => {
  const response = await page.goto('/q/no-such-question-here/');
  expect(response?.status()).toBe(404);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical ?? '').not.toMatch(/404/);
  expect((await page.locator('meta[property="og:url"]').getAttribute('content')) ?? '').not.toMatch(/404/);
});
});

test('/todo/ lists every question whose answer is missing, incomplete or marked 原文缺失/待补充, its badges apart', async ({ page }) => {
  const expected = onTodoPage();
  expect(expected.length).toBeGreaterThan(0);
  await page.goto('/todo/');
  const listed = await page.locator('.todo-list li > a:first-child').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(new Set(listed)).toEqual(new Set(expected.map((q) => q.href)));

  // Badges on /todo/ do not touch each other.
  const gaps = await page.locator('.todo-list li').evaluateAll((items) =>
    items.flatMap((li) => {
      const badges = [...li.querySelectorAll('.q-badge')].map((b) => b.getBoundingClientRect());
      return badges.slice(1).map((b, i) => b.left - badges[i]!.right);
    }),
  );
  expect(gaps.length).toBeGreaterThan(0);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(4);
});

test.describe('answers from other notes', () => {
  test.beforeAll(() => {
    expect(withOtherAnswers.length, 'content has ::::other-answer sections').toBeGreaterThan(0);
  });

  test('are collapsed by default and labelled with their note', async ({ page }) => {
    for (const q of withOtherAnswers) {
      // Closed <details> hide their content natively: the DOM is all this needs, not the load event.
      await page.goto(q.href, { waitUntil: 'domcontentloaded' });
      const boxes = page.locator('details.other-answer');
      const count = (body(q.file).match(/^::::other-answer\[/gm) ?? []).length;
      await expect(boxes, q.href).toHaveCount(count);
      // One read per page: every box is closed, names its note, and hides its answer.
      const states = await boxes.evaluateAll((els) =>
        els.map((box) => ({
          open: box.hasAttribute('open'),
          summary: box.querySelector(':scope > summary')?.textContent ?? '',
          answerShown: [...box.querySelectorAll('h2, h3, p')].some((el) => (el as HTMLElement).checkVisibility()),
        })),
      );
      for (const state of states) {
        expect(state.open, q.href).toBe(false);
        expect(state.summary, q.href).toMatch(/笔记 \d{3}/);
        expect(state.answerShown, q.href).toBe(false);
      }
    }
  });

  test('a link to a heading inside opens the box', async ({ page }) => {
    const q = withOtherAnswers[0]!;
    await page.goto(q.href);
    const id = await page.locator('details.other-answer :is(h2, h3)[id]').first().getAttribute('id');
    expect(id).toBeTruthy();
    await page.goto(`${q.href}#${encodeURIComponent(id!)}`);
    const heading = page.locator(`[id="${id}"]`);
    await expect(heading).toBeVisible();
    await expect(heading).toBeInViewport();
  });

  test('the table of contents opens the box it points into', async ({ page }) => {
    const q = withOtherAnswers[0]!;
    await page.goto(q.href);
    const id = await page.locator('details.other-answer h2[id]').first().getAttribute('id');
    const hrefs = await page.locator('starlight-toc a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href') ?? '')));
    const index = hrefs.indexOf(`#${id}`);
    expect(index, `TOC links to #${id}`).toBeGreaterThanOrEqual(0);
    await page.locator('starlight-toc a').nth(index).click();
    await expect(page.locator(`[id="${id}"]`)).toBeVisible();
  });

  test('print shows them in full', async ({ page }) => {
    const q = withOtherAnswers[0]!;
    await page.goto(q.href);
    await page.emulateMedia({ media: 'print' });
    for (const box of await page.locator('details.other-answer').all()) {
      await expect(box.locator('h2').first()).toBeVisible();
    }
  });

  test('stay in the search index', async ({ page }) => {
    const q = withOtherAnswers[0]!;
    await page.goto(q.href);
    // A sentence that only the collapsed answer holds, searched with the site's own Pagefind index.
    const sentence = await page.locator('details.other-answer p').first().evaluate((p) => (p.textContent ?? '').split(/[，。：；]/)[0]!.trim());
    expect(sentence.length).toBeGreaterThan(4);
    const base = new URL(page.url()).origin;
    const urls = await page.evaluate(
      async ({ term, pagefind }) => {
        const pf = await import(pagefind);
        await pf.init();
        const found = await pf.search(term);
        return Promise.all(found.results.slice(0, 20).map(async (r: { data: () => Promise<{ url: string }> }) => (await r.data()).url));
      },
      { term: sentence, pagefind: `${base}/pagefind/pagefind.js` },
    );
    expect(urls.map((u) => u.replace(/\.html$/, '/').replace(/\/index\/$/, '/')), sentence).toContain(q.href);
  });
});
