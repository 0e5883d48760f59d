import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, setTheme } from './fixtures';

const MARKS_KEY = 'k8s-notes:marks:v1';
const storedMarks = (page: import('@playwright/test').Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"marks":{}}').marks as Record<string, { grade: string }>, MARKS_KEY);

const visibleCard = (page: import('@playwright/test').Page) => page.locator('.practice-card:visible');

test('keyboard: space reveals, 1/2/3 grade and advance, j/k move', async ({ page }) => {
  await page.goto('/practice/?topic=workloads');
  const card = visibleCard(page);
  await expect(card).toHaveCount(1);
  await expect(page.locator('[data-position]')).toHaveText(/第 1 \/ 2 题/);
  const firstId = await card.getAttribute('data-id');
  const answer = card.locator('.practice-answer-body');
  await expect(answer).toBeHidden();

  await page.keyboard.press('Space');
  await expect(answer).toBeVisible();

  await page.keyboard.press('2');
  await expect(page.locator('[data-position]')).toHaveText(/第 2 \/ 2 题/);
  const secondId = await visibleCard(page).getAttribute('data-id');
  expect(secondId).not.toBe(firstId);
  // The next question starts with its answer hidden again, and focus follows it for screen readers.
  await expect(visibleCard(page).locator('.practice-answer-body')).toBeHidden();
  await expect(visibleCard(page).locator('.practice-title')).toBeFocused();

  await page.keyboard.press('k');
  await expect(visibleCard(page)).toHaveAttribute('data-id', firstId!);
  await expect(visibleCard(page).getByRole('button', { name: /不熟/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('j');
  await expect(visibleCard(page)).toHaveAttribute('data-id', secondId!);

  await page.keyboard.press('1');
  await expect(page.locator('[data-position]')).toContainText('本轮完成');
  expect(await storedMarks(page)).toMatchObject({ [firstId!]: { grade: 'shaky' }, [secondId!]: { grade: 'know' } });
});

test('marks survive a reload and drive the 不熟 session and progress', async ({ page }) => {
  await page.goto('/practice/?topic=workloads');
  const id = await visibleCard(page).getAttribute('data-id');
  await visibleCard(page).getByRole('button', { name: /不熟/ }).click();
  await page.reload();
  await expect(page.locator(`.practice-card[data-id="${id}"] [data-my-mark]`)).toHaveText('上次：不熟');

  await page.getByLabel('范围').selectOption('shaky');
  await page.getByRole('button', { name: '开始练习' }).click();
  await expect(page).toHaveURL(/scope=shaky/);
  await expect(visibleCard(page)).toHaveAttribute('data-id', id!);
  await expect(page.locator('[data-position]')).toHaveText(/第 1 \/ 1 题/);

  await page.goto('/topics/workloads/');
  const progress = page.locator('.progress');
  await expect(progress).toBeVisible();
  await expect(progress.locator('[data-count="shaky"]')).toHaveText('1');
  await expect(progress.locator('[data-count="unmarked"]')).toHaveText('1');
  // The bar shows the same: half of the topic's two questions is 不熟, nothing is 会.
  await expect(progress.locator('[data-bar="shaky"]')).toHaveAttribute('style', /inline-size:\s*50%/);
  await expect(progress.locator('[data-bar="know"]')).toHaveAttribute('style', /inline-size:\s*0(%|;|$)/);
  await page.goto('/');
  await expect(page.getByRole('group', { name: '总进度' }).locator('[data-count="shaky"]')).toHaveText('1');
});

test('export, reset and import round-trip through a JSON file', async ({ page }, testInfo) => {
  await page.goto('/practice/?topic=workloads');
  await page.keyboard.press('3');
  await page.keyboard.press('1');
  const before = await storedMarks(page);
  expect(Object.keys(before)).toHaveLength(2);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出标记' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^k8s-notes-marks-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('marks.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, marks: before });

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '清除全部标记' }).click();
  await expect(page.getByRole('status')).toHaveText('已清除全部标记。');
  expect(await storedMarks(page)).toEqual({});

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标记…' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByRole('status')).toContainText('已导入 2 条标记');
  expect(await storedMarks(page)).toEqual(before);

  // A file that is not ours is refused with a message, and nothing changes.
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标记…' }).click()]);
  await again.setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.getByRole('status')).toContainText('导入失败');
  expect(await storedMarks(page)).toEqual(before);
});

test('an “还没标记的” session shrinks as questions are marked, and says so when empty', async ({ page }) => {
  await page.goto('/practice/?scope=unmarked&order=shuffle');
  const total = await page.locator('.practice-card').count();
  await expect(page.locator('[data-position]')).toHaveText(new RegExp(`第 1 / ${total} 题`));
  await expect(page.getByLabel('顺序')).toHaveValue('shuffle');
  await page.evaluate(
    ([key, ids]) =>
      localStorage.setItem(key, JSON.stringify({ version: 1, marks: Object.fromEntries(ids.map((id) => [id, { grade: 'know', at: new Date().toISOString() }])) })),
    [MARKS_KEY, await page.locator('.practice-card').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''))] as const,
  );
  await page.reload();
  await expect(page.locator('[data-empty]')).toHaveText(/没有题目/);
  await expect(visibleCard(page)).toHaveCount(0);
});

test('a session can be limited to 常考和高频 questions and shuffled', async ({ page }) => {
  await page.goto('/practice/?topic=autoscaling');
  await expect(page.locator('[data-position]')).toHaveText(/第 1 \/ 2 题/);
  await page.getByLabel('范围').selectOption('important');
  await page.getByLabel('顺序').selectOption('shuffle');
  await page.getByRole('button', { name: '开始练习' }).click();
  await expect(page).toHaveURL(/topic=autoscaling&scope=important&order=shuffle/);
  // Only the HPA question is 常考 in this topic; metrics-server is 一般.
  await expect(page.locator('[data-position]')).toHaveText(/第 1 \/ 1 题/);
  await expect(visibleCard(page)).toHaveAttribute('data-id', 'hpa-configuration');
});

test('keys do nothing while typing in a form control', async ({ page }) => {
  await page.goto('/practice/?topic=workloads');
  await page.getByLabel('范围').focus();
  await page.keyboard.press('j');
  await expect(page.locator('[data-position]')).toHaveText(/第 1 \/ 2 题/);
  expect(await storedMarks(page)).toEqual({});
});

for (const theme of ['light', 'dark'] as const) {
  test(`practice page has no serious accessibility violations (${theme})`, async ({ page }) => {
    await setTheme(page, theme);
    await page.goto('/practice/');
    await page.keyboard.press('Space');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const severe = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(severe).toEqual([]);
  });
}
