import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { questions } from './content';
import { expect, KNOWN, test } from './fixtures';

const pageSource = (href: string) => readFileSync(questions.find((q) => q.href === href)!.file, 'utf8');
const titleOf = (href: string) => questions.find((q) => q.href === href)!.title;

async function openSearch(page: Page, path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: '搜索' }).click();
  const input = page.getByRole('dialog', { name: '搜索' }).getByRole('searchbox', { name: '搜索' });
  await expect(input).toBeFocused();
  return input;
}

/** Types a query and waits until the dialog has rendered the results for exactly that query. */
async function search(page: Page, query: string, path = '/') {
  const input = await openSearch(page, path);
  await input.fill(query);
  // The first search downloads Pagefind and part of the index: allow for a slow, loaded machine.
  await expect(page.locator('site-search[data-state="done"] .search-results')).toHaveAttribute('data-query', query, {
    timeout: 20_000,
  });
  return page.locator('.search-results .search-hit');
}

const hrefs = (page: Page) =>
  page.locator('.search-hit > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/**
 * Pagefind only matches word prefixes, so without Chinese word segmentation 探针 could never
 * match inside 存活探针: a highlight that starts right after 存活/就绪 proves the index segments words.
 */
test('搜索“探针”找到只写了“存活探针 / 就绪探针”的段落', async ({ page }) => {
  const results = await search(page, '探针');
  await expect(results.filter({ has: page.locator(`a[href$="${KNOWN.probes}"]`) })).toHaveCount(1);
  const excerpts = await page.locator('.search-hit-excerpt').evaluateAll((els) => els.map((e) => e.innerHTML));
  expect(excerpts.some((html) => /(存活|就绪|启动)<mark>探/.test(html))).toBe(true);
});

test('搜索“调度”找到写着“调度器”的题目', async ({ page }) => {
  await search(page, '调度');
  const excerpts = await page.locator('.search-hit-excerpt').evaluateAll((els) => els.map((e) => e.innerHTML));
  expect(excerpts.some((html) => html.includes('<mark>调度</mark>器'))).toBe(true);
});

test('a search result links to the question page', async ({ page }) => {
  const results = await search(page, 'Headless');
  await results.first().locator('a').click();
  await expect(page).toHaveURL(/\/q\/headless-service\/(#.*)?$/);
});

test('搜索“无头服务”找到只写了 Headless Service 的题目', async ({ page }) => {
  await search(page, '无头服务');
  expect((await hrefs(page))[0]).toBe('/q/headless-service/');

  // What makes it findable is on the page for readers too: the term in both languages, linked to the glossary.
  await page.goto('/q/headless-service/');
  await page.getByText(/^本题术语（\d+）$/).click();
  const entry = page.locator('.page-terms a[href$="/glossary/#headless-service"]');
  await expect(entry).toContainText('无头服务');
  await entry.click();
  await expect(page.locator('.term#headless-service')).toBeInViewport();
});

test('一整句问题找不全时，按关键词找到部分匹配的结果并说明', async ({ page }) => {
  // The question's own title plus a word no page contains: Pagefind alone would find nothing.
  const title = titleOf(KNOWN.probes);
  await search(page, `${title}，另外 qzxwvy 又是什么？`);
  await expect(page.getByRole('status')).toHaveText(/没有完全匹配的结果，以下结果包含部分关键词/);
  expect((await hrefs(page)).slice(0, 5)).toContain(KNOWN.probes);
  await expect(page.locator('.search-hit-terms').first()).toContainText('包含：');
});

// Reader queries in the style of scripts/search-queries/reader.yaml (not taken from it): whole
// English sentences, misspelt names, questions the site has no answer to.
test('a whole English question finds the page about its subject first', async ({ page }) => {
  await search(page, 'What does a readiness probe do?');
  expect((await hrefs(page))[0]).toBe(KNOWN.probes);
  await search(page, 'How does the HPA scale pods?');
  expect((await hrefs(page))[0]).toBe(KNOWN.hpa);
});

test('只输入到处都有的词或问“介绍一下 X”时，第一条是讲 X 本身的题目', async ({ page }) => {
  // Kubernetes, Pod and Service are on most pages: the first result must be a page the build marked
  // as about the term (its title defines or surveys it), not one that names it in passing.
  for (const [query, key, name] of [['k8s', 'kubernetes', /Kubernetes|K8s/i], ['介绍一下 service', 'service', /Service/]] as const) {
    await search(page, query);
    const [first] = await hrefs(page);
    const html = await (await page.request.get(first!)).text();
    expect(html, query).toContain(`data-pagefind-filter="about:${key}"`);
    await expect(page.locator('.search-hit-title').first()).toHaveText(name);
  }
});

test('粘贴的报错状态先给出讲排查的题目', async ({ page }) => {
  await search(page, 'OOMKilled');
  await expect(page.locator('.search-hit-title').first()).toHaveText(/排查|坑|原因/);
});

test('拼错的英文术语按最接近的术语搜索，并告诉读者', async ({ page }) => {
  await search(page, 'statefullset 怎么扩容');
  await expect(page.getByRole('status')).toContainText('“statefullset”按“StatefulSet”搜索');
  const first = page.locator('.search-hit-title').first();
  await expect(first).toContainText('StatefulSet');
});

test('站内没有答案的问题不给出“完全匹配”，而说明结果只包含部分关键词', async ({ page }) => {
  // No page mentions OpenShift; pages that share its other words are not an answer to it.
  await search(page, 'openshift 的 route 怎么配置');
  await expect(page.getByRole('status')).toHaveText(/没有完全匹配的结果，以下结果包含部分关键词/);
  await expect(page.locator('.search-hit-terms').first()).not.toContainText('openshift');
  await search(page, 'openshift');
  await expect(page.getByRole('status')).toHaveText('没有找到与“openshift”相关的结果。');
});

test('搜索原笔记的“其他问法”找到合并后的题目，题目页也列出它', async ({ page }) => {
  const merged = questions.find((q) => q.aliases.length > 0);
  expect(merged, 'some question has 其他问法').toBeDefined();
  const alias = merged!.aliases[0]!;
  await search(page, alias);
  expect((await hrefs(page)).slice(0, 5)).toContain(merged!.href);

  await page.goto(merged!.href);
  const wordings = page.locator('.other-wordings');
  await expect(wordings).toContainText('其他问法');
  await expect(wordings.getByText(alias, { exact: true })).toBeVisible();
});

test('搜索界面的文字都是中文', async ({ page }) => {
  await search(page, 'Pod');
  const dialog = page.getByRole('dialog', { name: '搜索' });
  await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条与“Pod”相关的结果/);
  await expect(dialog.getByRole('button', { name: '显示更多结果' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '取消' })).toBeAttached();

  // Letters of a script no page uses: Pagefind has not even a similar word to offer.
  await page.getByRole('searchbox', { name: '搜索' }).fill('ЩЪЫЬ');
  await expect(page.locator('site-search[data-state="done"] .search-results')).toHaveAttribute('data-query', 'ЩЪЫЬ');
  await expect(page.getByRole('status')).toHaveText('没有找到与“ЩЪЫЬ”相关的结果。');
  await expect(dialog).not.toContainText(/results? for|No results|Load more|Search/i);
});

test('按 / 或 Ctrl+K 打开搜索；在输入框里输入 / 不会触发', async ({ page }) => {
  await page.goto(KNOWN.podCreation);
  const dialog = page.getByRole('dialog', { name: '搜索' });
  const input = dialog.getByRole('searchbox', { name: '搜索' });
  await page.keyboard.press('/');
  await expect(dialog).toBeVisible();
  await expect(input).toBeFocused();
  await page.keyboard.type('kube/proxy');
  await expect(input).toHaveValue('kube/proxy');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await expect(input).toBeFocused();
});

test('进入页面、停留时不下载搜索界面和 Pagefind，表示要搜索时才下载', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(KNOWN.probes, { waitUntil: 'networkidle' });
  // Starlight loaded its search UI when the browser went idle; an idle callback has run by now.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null))));
  expect(requested.filter((p) => p.includes('/pagefind/') || /\/_astro\/ui\./.test(p))).toEqual([]);

  const pagefindLoaded = page.waitForRequest((r) => r.url().includes('/pagefind/pagefind.js'));
  await page.getByRole('button', { name: '搜索' }).hover();
  await pagefindLoaded;
});

test('术语表列出 100 多个中英文术语，每个链接都能打开', async ({ page }) => {
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1, name: '术语表' })).toBeVisible();
  const terms = page.locator('.glossary .term');
  expect(await terms.count()).toBeGreaterThanOrEqual(100);

  const headless = page.locator('.term#headless-service');
  await expect(headless).toContainText('无头服务');
  await expect(headless.locator('a[href$="/q/headless-service/"]')).toHaveCount(1);

  const links = await page
    .locator('.glossary a')
    .evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))]);
  expect(links.length).toBeGreaterThan(10);
  for (const href of links) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
  }
});

/** Pagefind files a page fetched, by kind: index chunks and result fragments (bytes as sent). */
function pagefindTraffic(page: Page) {
  const seen: { kind: 'index' | 'fragment' | 'glossary'; bytes: Promise<number> }[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    const kind = path.endsWith('.pf_index') ? 'index' : path.endsWith('.pf_fragment') ? 'fragment' : path.endsWith('/search-synonyms.json') ? 'glossary' : undefined;
    if (kind) seen.push({ kind, bytes: r.body().then((b) => b.length) });
  });
  return {
    count: (kind: string) => seen.filter((s) => s.kind === kind).length,
    sizes: (kind: string) => Promise.all(seen.filter((s) => s.kind === kind).map((s) => s.bytes)),
  };
}

test('一次搜索只下载前 5 条结果的摘要；“显示更多结果”再取后面的，直到全部显示', async ({ page }) => {
  const traffic = pagefindTraffic(page);
  const results = await search(page, 'Pod');
  await expect(results).toHaveCount(5);
  expect(traffic.count('fragment')).toBe(5);
  const first = await hrefs(page);

  const more = page.getByRole('button', { name: '显示更多结果' });
  await more.click();
  await expect(results).toHaveCount(10);
  expect(traffic.count('fragment')).toBe(10);
  // The next batch continues the ranking instead of repeating it.
  expect((await hrefs(page)).slice(0, 5)).toEqual(first);
  expect(new Set(await hrefs(page)).size).toBe(10);

  while (await more.isVisible()) {
    const before = await results.count();
    await more.click();
    await expect.poll(() => results.count()).toBeGreaterThan(before);
  }
  // The status counts every match; every one of them is reachable.
  const total = Number((await page.locator('.search-status').textContent())?.match(/找到 (\d+) 条/)?.[1]);
  expect(total).toBeGreaterThan(10);
  await expect(results).toHaveCount(total);
});

test('搜索下载的是小的索引块，不是 Pagefind 默认的 30 多 KiB 一块', async ({ page }) => {
  const traffic = pagefindTraffic(page);
  await search(page, 'Service');
  const sizes = await traffic.sizes('index');
  expect(sizes.length).toBeGreaterThan(0);
  // Pagefind's own chunks are ~33 KiB; the rechunked index (src/search/pagefind-rechunk.ts) is far smaller.
  for (const bytes of sizes) expect(bytes).toBeLessThan(16 * 1024);
});

test('拆小索引块后，前缀、代码标识符和命令都还能搜到', async ({ page }) => {
  // A prefix is matched inside the chunk holding it: a cut between word families must not lose it.
  await search(page, 'Headl');
  expect(await hrefs(page)).toContain('/q/headless-service/');
  await search(page, 'livenessProbe');
  expect((await hrefs(page)).slice(0, 5)).toContain(KNOWN.probes);
  // Every page whose answer runs `kubectl drain` is found by the command.
  const withDrain = questions.filter((q) => pageSource(q.href).includes('kubectl drain')).map((q) => q.href);
  expect(withDrain.length).toBeGreaterThan(0);
  await search(page, 'kubectl drain');
  expect(await hrefs(page)).toEqual(expect.arrayContaining(withDrain));
});

test('英文查询不下载术语表，中文术语查询才下载（用来补搜英文名）', async ({ page }) => {
  const traffic = pagefindTraffic(page);
  await search(page, 'Service');
  expect(traffic.count('glossary')).toBe(0);
  const input = page.getByRole('dialog', { name: '搜索' }).getByRole('searchbox', { name: '搜索' });
  await input.fill('无头服务');
  await expect(page.locator('site-search[data-state="done"] .search-results')).toHaveAttribute('data-query', '无头服务');
  expect(traffic.count('glossary')).toBe(1);
  expect((await hrefs(page))[0]).toBe('/q/headless-service/');
});

test('搜索结果只有问题页：术语表、专题、练习、打印版不在索引里', async ({ page }) => {
  for (const query of ['术语表', '练习', '打印', 'Service']) {
    await search(page, query);
    for (const href of await hrefs(page)) expect(href, `“${query}”的结果 ${href}`).toMatch(/^\/q\/[^/]+\/$/);
  }
});

test('只说要做的事、不说功能名的问题，按能做这件事的功能搜索并说明；功能词表只在搜索不理想时才下载', async ({ page }) => {
  const lexicon: string[] = [];
  page.on('request', (r) => {
    if (/\/_astro\/concept-lexicon\./.test(new URL(r.url()).pathname)) lexicon.push(r.url());
  });
  await search(page, 'Service');
  expect(lexicon).toEqual([]);

  const input = page.getByRole('dialog', { name: '搜索' }).getByRole('searchbox', { name: '搜索' });
  const query = '怎么禁止别的 pod 访问我的 pod';
  await input.fill(query);
  await expect(page.locator('site-search[data-state="done"] .search-results')).toHaveAttribute('data-query', query, { timeout: 20_000 });
  expect(lexicon).toHaveLength(1);
  await expect(page.getByRole('status')).toContainText('按相关功能“NetworkPolicy”搜索');
  // No page says 禁止…访问; the first result is one that is about network policies.
  const [first] = await hrefs(page);
  expect(pageSource(first!)).toMatch(/NetworkPolicy|Network Policy|网络策略/);
});
