import { expect, test } from './fixtures';

test('home lists topics, a topic lists its questions, a question opens', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('K8s 面试笔记');

  await page.locator('ul.topics').getByRole('link', { name: /Pod 与工作负载/ }).click();
  await expect(page).toHaveURL(/\/topics\/workloads\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pod 与工作负载');

  await page.locator('.question-list').getByRole('link', { name: '简述 Pod 的创建过程' }).click();
  await expect(page).toHaveURL(/\/q\/pod-creation-flow\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('简述 Pod 的创建过程');
  // The topic link in the question header leads back to the overview.
  await expect(page.locator('.question-meta a.topic')).toHaveAttribute('href', '/topics/workloads/');
});

test('sidebar groups questions by topic and marks the current page', async ({ page }) => {
  await page.goto('/q/probes/');
  const sidebar = page.locator('nav[aria-label] .sidebar-content, #starlight__sidebar').first();
  const current = sidebar.locator('a[aria-current="page"]');
  await expect(current).toHaveText(/探针有哪些/);
  // Prev/next stay inside the reading order of the sidebar.
  await expect(page.locator('.pagination-links a[rel="prev"], .pagination-links a[rel="next"]').first()).toBeVisible();
});

test.describe('missing pages', () => {
  // The browser logs the 404 status of the document itself; that one is the point of the test.
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test('an unknown path shows the Chinese 404 page', async ({ page }) => {
  const response = await page.goto('/q/no-such-question/');
  expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('404');
    await expect(page.getByText('找不到这个页面')).toBeVisible();
    await page.locator('main').getByRole('link', { name: 'Pod 与工作负载' }).click();
    await expect(page).toHaveURL(/\/topics\/workloads\/$/);
  });
});
