import AxeBuilder from '@axe-core/playwright';
import { expect, test, setTheme } from './fixtures';

const items = (page: import('@playwright/test').Page) => page.locator('#topic-questions > li:visible');

test('filters narrow the list and keep the choice in the URL', async ({ page }) => {
  await page.goto('/topics/autoscaling/');
  await expect(items(page)).toHaveCount(2);

  await page.getByLabel('状态').selectOption('partial');
  await expect(page).toHaveURL(/\?status=partial$/);
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText('HPA');
  await expect(page.locator('[data-filter-count]')).toHaveText('显示 1 / 2 题');

  await page.getByLabel('状态').selectOption('');
  await page.getByLabel('标签').selectOption('kubelet');
  await expect(page).toHaveURL(/\?tag=kubelet$/);
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText('metrics-server');

  await page.getByLabel('重要程度').selectOption('2');
  await expect(items(page)).toHaveCount(0);
  await expect(page.getByText('没有符合条件的题目')).toBeVisible();

  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(items(page)).toHaveCount(2);
  await expect(page).toHaveURL(/\/topics\/autoscaling\/$/);
});

test('a shared filter URL opens already filtered; unknown values are ignored', async ({ page }) => {
  await page.goto('/topics/autoscaling/?importance=2&tag=no-such-tag');
  await expect(page.getByLabel('重要程度')).toHaveValue('2');
  await expect(page.getByLabel('标签')).toHaveValue('');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText('HPA');
});

test('“我的标记” filters by the local marks', async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('k8s-notes:marks:v1', JSON.stringify({ version: 1, marks: { probes: { grade: 'dont', at: '2025-01-01T00:00:00.000Z' } } })),
  );
  await page.goto('/topics/workloads/?mark=dont');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText('探针');
  await expect(items(page).locator('[data-my-mark]')).toHaveText('我的标记：不会');
  await expect(page.getByRole('link', { name: '练习本专题' })).toHaveAttribute('href', '/practice/?topic=workloads');
});

for (const theme of ['light', 'dark'] as const) {
  test(`topic page with filters has no serious accessibility violations (${theme})`, async ({ page }) => {
    await setTheme(page, theme);
    await page.goto('/topics/workloads/?status=answered');
    await expect(page.locator('.q-filters')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const severe = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(severe).toEqual([]);
  });
}
