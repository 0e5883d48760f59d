import { expect, test } from './fixtures';
import { question, topics } from './content';

test('home lists topics, a topic lists its questions, a question opens', async ({ page }) => {
  const topic = topics.find((t) => t.questions.length > 0)!;
  const q = topic.questions[0]!;
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('K8s 面试笔记');

  await page.locator('ul.topics').getByRole('link', { name: topic.title }).click();
  await expect(page).toHaveURL(new RegExp(`${topic.href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.title);
  await expect(page.locator('.question-list > li')).toHaveCount(topic.questions.length);

  await page.locator('.question-list').getByRole('link', { name: q.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${q.href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q.title);
  // The topic link in the question header leads back to the overview.
  await expect(page.locator('.question-meta a.topic')).toHaveAttribute('href', topic.href);
});

test('sidebar groups questions by topic and marks the current page', async ({ page }) => {
  const probes = question('probes');
  await page.goto(probes.href);
  const sidebar = page.locator('nav[aria-label] .sidebar-content, #starlight__sidebar').first();
  const current = sidebar.locator('a[aria-current="page"]');
  await expect(current).toContainText(probes.title);
  // Prev/next stay inside the reading order of the sidebar.
  await expect(page.locator('.pagination-links a[rel="prev"], .pagination-links a[rel="next"]').first()).toBeVisible();
});

test.describe('missing pages', () => {
  // The browser logs the 404 status of the document itself; that one is the point of the test.
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test('an unknown path shows the Chinese 404 page', async ({ page }) => {
    const topic = topics.find((t) => t.questions.length > 0)!;
    const response = await page.goto('/q/no-such-question/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('404');
    await expect(page.getByText('找不到这个页面')).toBeVisible();
    await page.locator('main').getByRole('link', { name: topic.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${topic.href}$`));
  });
});
