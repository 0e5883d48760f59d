import { expect, test, KNOWN } from './fixtures';

test('a question lists related questions from shared tags, and they open', async ({ page }) => {
  await page.goto(KNOWN.hpa);
  const related = page.getByRole('navigation', { name: '相关问题' });
  // metrics-server-pipeline shares the hpa and metrics-server tags: it ranks first.
  const first = related.getByRole('listitem').first().getByRole('link');
  await expect(first).toHaveText(/metrics-server/);
  await expect(related.getByRole('link', { name: /HPA/ })).toHaveCount(0); // never itself
  await first.click();
  await expect(page).toHaveURL(/\/q\/metrics-server-pipeline\/$/);
  await expect(page.getByRole('navigation', { name: '相关问题' }).getByRole('link', { name: /HPA/ })).toBeVisible();
});

test('“随机来一题” opens some other question, never the one you are on', async ({ page }) => {
  // Repeated, since a random pick landing back on the same page 1 time in 6 would go unnoticed once.
  for (let i = 0; i < 8; i++) {
    await page.goto(KNOWN.probes);
    await page.getByRole('navigation', { name: '相关问题' }).getByRole('link', { name: '随机来一题' }).click();
    await expect(page).toHaveURL(/\/q\/[a-z0-9-]+\/$/);
    expect(new URL(page.url()).pathname).not.toBe(KNOWN.probes);
    await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
  }
});

test('random within a topic stays in the topic', async ({ page }) => {
  await page.goto('/topics/autoscaling/');
  await page.getByRole('link', { name: '随机一题' }).click();
  await expect(page).toHaveURL(/\/q\/(hpa-configuration|metrics-server-pipeline)\/$/);
  // “练习本专题” from a question leads to a practice session limited to its topic.
  await page.getByRole('navigation', { name: '相关问题' }).getByRole('link', { name: '练习本专题' }).click();
  await expect(page.getByLabel('专题')).toHaveValue('autoscaling');
  await expect(page.locator('[data-position]')).toHaveText(/第 1 \/ 2 题/);
});
