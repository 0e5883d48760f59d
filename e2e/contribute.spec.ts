import { existsSync } from 'node:fs';
import { expect, test, KNOWN } from './fixtures';

/** The repository path an edit URL opens (…/edit/main/content/docs/x.mdx → content/docs/x.mdx). */
const repoPath = (href: string | null) => /\/edit\/[^/]+\/(.+)$/.exec(href ?? '')?.[1] ?? '';

test('“在 GitHub 上编辑此页” opens the exact MDX file of the question', async ({ page }) => {
  await page.goto(KNOWN.probes);
  const edit = page.getByRole('link', { name: '在 GitHub 上编辑此页' });
  const path = repoPath(await edit.getAttribute('href'));
  expect(path).toBe('content/docs/workloads/probes.mdx');
  expect(existsSync(path)).toBe(true);
  await expect(page.getByText('最近更新')).toBeVisible();
});

test('the 待补充 page lists incomplete answers with edit links to real files', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /待补充的题目/ }).first().click();
  await expect(page).toHaveURL(/\/todo\/$/);
  const item = page.locator('.todo-list li', { hasText: 'Headless Service' });
  await expect(item).toBeVisible();
  const path = repoPath(await item.getByRole('link', { name: '补充答案' }).getAttribute('href'));
  expect(path).toBe('content/docs/service-dns/headless-service.mdx');
  expect(existsSync(path)).toBe(true);
  // Nothing fully answered is listed as missing.
  await expect(page.locator('.todo-list li', { hasText: '简述 Pod 的创建过程' })).toHaveCount(0);
});
