import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function search(page: Page, query: string) {
  await page.goto('/');
  await page.getByRole('button', { name: '搜索' }).click();
  const input = page.getByRole('dialog').getByRole('textbox', { name: '搜索' });
  await input.fill(query);
  const results = page.locator('.pagefind-ui__result');
  await expect(results.first()).toBeVisible();
  return results;
}

/**
 * Pagefind only matches word prefixes, so without Chinese word segmentation 探针 could never
 * match inside 存活探针: a highlight that starts right after 存活/就绪 proves the index segments words.
 */
test('搜索“探针”找到只写了“存活探针 / 就绪探针”的段落', async ({ page }) => {
  const results = await search(page, '探针');
  await expect(results.filter({ has: page.locator('a[href$="/q/probes/"]') })).toHaveCount(1);
  const excerpts = await page.locator('.pagefind-ui__result-excerpt').evaluateAll((els) => els.map((e) => e.innerHTML));
  expect(excerpts.some((html) => /(存活|就绪|启动)<mark>探/.test(html))).toBe(true);
});

test('搜索“调度”找到写着“调度器”的题目', async ({ page }) => {
  const results = await search(page, '调度');
  await expect(results.filter({ has: page.locator('a[href*="/q/pod-creation-flow/"]') }).first()).toBeVisible();
  const excerpts = await page.locator('.pagefind-ui__result-excerpt').evaluateAll((els) => els.map((e) => e.innerHTML));
  expect(excerpts.some((html) => html.includes('<mark>调度</mark>器'))).toBe(true);
});

test('a search result links to the question page', async ({ page }) => {
  const results = await search(page, 'Headless');
  const link = results.first().locator('a.pagefind-ui__result-link').first();
  await link.click();
  await expect(page).toHaveURL(/\/q\/headless-service\/(#.*)?$/);
});
