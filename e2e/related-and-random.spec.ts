import { expect, test, KNOWN } from './fixtures';
import { hasQuestions, questions, smallestTopic, type Question } from './content';

const LIMIT = 5;
const byId = new Map(questions.map((q) => [q.id, q]));
/** Questions that may be suggested for q without the author naming them: a shared tag or the same topic. */
const akin = (q: Question) =>
  questions.filter((o) => o.id !== q.id && !q.related.includes(o.id) && (o.topic === q.topic || o.tags.some((t) => q.tags.includes(t))));

test('a question lists its related questions, then ones from shared tags, and they open', async ({ page }) => {
  // One whose author named a few related questions, leaving room for tag-based suggestions.
  const q = questions.find((x) => x.related.some((id) => byId.has(id)) && x.related.length < LIMIT && akin(x).length > 0);
  test.skip(!q, 'no question names fewer than five related questions');
  const named = [...new Set(q!.related)].flatMap((id) => byId.get(id) ?? []).filter((r) => r.id !== q!.id);
  const suggested = new Set(akin(q!).map((o) => o.id));

  await page.goto(q!.href);
  const related = page.getByRole('navigation', { name: '相关问题' });
  const links = related.getByRole('listitem').getByRole('link');
  await expect(links).toHaveCount(Math.min(LIMIT, named.length + suggested.size));
  // The author's choices come first, in their order…
  for (const [i, r] of named.entries()) await expect(links.nth(i)).toHaveText(r.title);
  // …then questions sharing a tag or the topic; never the question itself.
  const rest = (await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).slice(named.length);
  expect(rest.length).toBeGreaterThan(0);
  for (const href of rest) expect(suggested.has(href.replace(/^\/q\/|\/$/g, '')), `${href} is akin to ${q!.id}`).toBe(true);
  await expect(related.locator(`a[href="${q!.href}"]`)).toHaveCount(0);

  const next = byId.get(rest[0]!.replace(/^\/q\/|\/$/g, ''))!;
  await links.nth(named.length).click();
  await expect(page).toHaveURL(new RegExp(`${next.href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);
  await expect(page.getByRole('navigation', { name: '相关问题' }).locator(`a[href="${next.href}"]`)).toHaveCount(0);
});

test('“随机来一题” opens some other question, never the one you are on', async ({ page }) => {
  // Chance is made to point at the page the reader came from: a draw that did not leave that page
  // out would land right back on it, every time.
  await page.addInitScript(() => {
    Math.random = () => {
      const pool = [...document.querySelectorAll<HTMLAnchorElement>('.random-pool li a')].map((a) => new URL(a.href).pathname);
      const i = pool.indexOf(document.referrer ? new URL(document.referrer).pathname : '');
      return i < 0 ? 0 : (i + 0.5) / pool.length;
    };
  });
  await page.goto(KNOWN.probes);
  await page.getByRole('navigation', { name: '相关问题' }).getByRole('link', { name: '随机来一题' }).click();
  await expect(page).toHaveURL(/\/q\/[a-z0-9-]+\/$/);
  expect(new URL(page.url()).pathname).not.toBe(KNOWN.probes);
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
});

test('random within a topic stays in the topic', async ({ page }) => {
  const topic = smallestTopic('two questions', hasQuestions(2));
  await page.goto(topic.href);
  await page.getByRole('link', { name: '随机一题' }).click();
  await expect(page).toHaveURL(new RegExp(`/q/(${topic.questions.map((q) => q.id).join('|')})/$`));
  // “练习本专题” from a question leads to a practice session limited to its topic.
  await page.getByRole('navigation', { name: '相关问题' }).getByRole('link', { name: '练习本专题' }).click();
  // Wait for the load event: the topic filter is applied by the practice script.
  await page.waitForURL(new RegExp(`/practice/\\?topic=${topic.id}$`), { waitUntil: 'load' });
  await expect(page.getByLabel('专题')).toHaveValue(topic.id);
  await expect(page.locator('[data-position]')).toHaveText(`第 1 / ${topic.questions.length} 题`);
});
