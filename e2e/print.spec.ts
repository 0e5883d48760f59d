import { expect, test, setTheme, KNOWN } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { hasDiagram, hasQuestions, question, questions, smallestTopic, topics } from './content';

/** A topic to print: two questions or more (so page breaks between them show) and a diagram; the smallest, for speed. */
const topic = smallestTopic('two questions and a diagram', (t) => hasQuestions(2)(t) && hasDiagram(t));
const diagramsIn = (qs: readonly { diagrams: number }[]) => qs.reduce((n, q) => n + q.diagrams, 0);

/** Chrome a printed page must not carry: header/search, sidebars, ToC, pagination, on-screen tools. */
const CHROME = [
  'header.header',
  'nav.sidebar',
  '.right-sidebar-container',
  '.pagination-links',
  '.copy-permalink',
  '.related-questions',
  '.q-filters',
  '.topic-actions',
  '.all-toc',
];

async function expectNoChrome(page: Page) {
  for (const selector of CHROME) {
    for (const el of await page.locator(selector).all()) await expect(el, selector).toBeHidden();
  }
}

const afterContent = (el: Locator) => el.evaluate((a) => getComputedStyle(a, '::after').content);

test.describe('printing', () => {
  // Dark theme on screen is the hard case: paper must still get the light diagram and dark text.
  test.beforeEach(async ({ page }) => setTheme(page, 'dark'));

  test('a question prints as a clean document: no chrome, light diagram, code intact, permalink as text', async ({ page }) => {
    await page.goto(KNOWN.podCreation);
    // On screen the dark diagram shows and the permalink line does not.
    await expect(page.locator('.mermaid-dark svg').first()).toBeVisible();
    await expect(page.locator('.print-permalink')).toBeHidden();

    await page.emulateMedia({ media: 'print' });
    await expectNoChrome(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('pod-creation-flow').title);
    const light = page.locator('.mermaid-light svg').first();
    await expect(light).toBeVisible();
    expect((await light.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    await expect(page.locator('.mermaid-dark svg').first()).toBeHidden();
    await expect(page.locator('.print-permalink')).toHaveText(/本题链接：https?:\/\/\S+\/q\/pod-creation-flow\/$/);

    const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(body).toBe('rgb(255, 255, 255)');

    // A link in an answer prints its address after the text (content has none yet, so add one).
    const link = await page.evaluateHandle(() => {
      const a = Object.assign(document.createElement('a'), { href: 'https://kubernetes.io/docs/', textContent: '官方文档' });
      document.querySelector('.sl-markdown-content p')!.append(a);
      return a;
    });
    expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('" (https://kubernetes.io/docs/)"');
  });

  test('code blocks wrap instead of being clipped on paper', async ({ page }) => {
    await page.goto(KNOWN.probes);
    await page.emulateMedia({ media: 'print' });
    const pre = page.locator('.expressive-code pre').first();
    await expect(pre).toBeVisible();
    await expect(pre).toContainText('livenessProbe');
    await expect(pre).toHaveCSS('white-space', 'pre-wrap');
    await expect(page.locator('.expressive-code .copy').first()).toBeHidden();
  });

  test('a topic page prints its list without filters or progress; “打印本专题” prints its answers, one per sheet with its address', async ({ page }) => {
    await page.goto(topic.href);
    await expect(page.locator('.q-filters')).toBeVisible();

    await test.step('the topic page prints its question list without filters or progress', async () => {
      await page.emulateMedia({ media: 'print' });
      await expectNoChrome(page);
      await expect(page.locator('.progress')).toBeHidden();
      await expect(page.locator('#topic-questions > li:visible')).toHaveCount(topic.questions.length);
      await expect(page.locator('#topic-questions')).toBeVisible();
      await page.emulateMedia({ media: 'screen' });
    });

    await page.getByRole('link', { name: '打印本专题' }).click();
    await expect(page).toHaveURL(new RegExp(`/all/${topic.id}/$`));
    await page.emulateMedia({ media: 'print' });
    await expectNoChrome(page);
    await expect(page.locator('.all-intro')).toBeHidden();
    const printed = page.locator('.all-question');
    await expect(printed).toHaveCount(topic.questions.length);
    await expect(page.locator('.all-topic-title')).toHaveText([topic.title]);
    // A topic title keeps its first question; each further question starts a new sheet.
    await expect(printed.nth(0)).toHaveCSS('break-before', 'avoid');
    await expect(printed.nth(1)).toHaveCSS('break-before', 'page');
    // Links are shown as text: the question's address is printed, not only clickable.
    const address = printed.first().locator('.all-meta a');
    await expect(address).toHaveText(/^https?:\/\/\S+\/q\/[a-z0-9-]+\/$/);
    expect(await afterContent(address)).toBe('none');
    // Answers are there in full, diagrams included, in their light version.
    await expect(printed.locator('.sl-heading-wrapper h2, h2').first()).toBeVisible();
    const diagrams = page.locator('.all-question .mermaid-light svg');
    await expect(diagrams).toHaveCount(diagramsIn(topic.questions));
    await expect(diagrams.filter({ visible: true })).toHaveCount(diagramsIn(topic.questions));
  });

  test('“全部题目” is an index of printable topic pages that together print every question once', async ({ page }) => {
    await page.goto('/all/');
    // The index itself carries no answers, so it stays light however much content grows.
    await expect(page.locator('.all-question')).toHaveCount(0);
    const withQuestions = topics.filter((t) => t.questions.length > 0);
    const index = page.locator('.all-index');
    for (const t of withQuestions)
      await expect(index.getByRole('link', { name: t.title, exact: true })).toHaveAttribute('href', `/all/${t.id}/`);
    const hrefs = await index.getByRole('link').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname))]);
    const printed: string[] = [];
    for (const href of hrefs) {
      const html = await (await page.request.get(href)).text();
      printed.push(...[...html.matchAll(/<article class="all-question[^"]*" id="all-([a-z0-9-]+)"/g)].map((m) => m[1]!));
    }
    expect(printed.sort()).toEqual(questions.map((q) => q.id).sort());
  });
});

test('hovering links to answer-heavy pages prefetches nothing', async ({ page }) => {
  const topicWithPrint = smallestTopic('two questions', hasQuestions(2));
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(topicWithPrint.href);
  await page.getByRole('link', { name: '打印本专题' }).hover();
  // A light link hovered afterwards is prefetched: by then the print link would have been too.
  const question = topicWithPrint.questions[0]!;
  const prefetched = page.waitForRequest((r) => new URL(r.url()).pathname === question.href);
  await page.locator('#topic-questions').getByRole('link', { name: question.title }).first().hover();
  await prefetched;
  expect(requested.filter((p) => p.startsWith('/all/') || p.startsWith('/practice/'))).toEqual([]);
});
