import { expect, test, pickTheme, setTheme } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { hasQuestions, smallestTopic, topics, type Question, type Status, type Topic } from './content';

const items = (page: import('@playwright/test').Page) => page.locator('#topic-questions > li:visible');
/** The ids of the questions the list shows, sorted, to compare with what the content says should match. */
const shownIds = (page: import('@playwright/test').Page) =>
  items(page).evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id ?? '').sort());
const ids = (qs: readonly Question[]) => qs.map((q) => q.id).sort();

const STATUS_LABELS: Record<Status, string> = { answered: '已解答', partial: '部分缺失', 'needs-answer': '待补充' };

/**
 * A topic where every filter really narrows the list: a status (the rarest, so the list shrinks
 * whenever the topic has more than one), a tag some but not all questions carry, and an
 * importance that no question with that tag has (tag + importance → nothing left).
 * Topics with more than one status come first.
 */
function filterCase() {
  const ranked = [...topics].sort(
    (a, b) => new Set(b.questions.map((q) => q.status)).size - new Set(a.questions.map((q) => q.status)).size || a.order - b.order,
  );
  for (const t of ranked) {
    const qs = t.questions;
    const count = (pred: (q: Question) => boolean) => qs.filter(pred).length;
    const statuses = [...new Set(qs.map((q) => q.status))];
    const status = statuses.sort((a, b) => count((q) => q.status === a) - count((q) => q.status === b))[0];
    for (const tag of new Set(qs.flatMap((q) => q.tags))) {
      const tagged = qs.filter((q) => q.tags.includes(tag));
      if (tagged.length === qs.length) continue;
      const importance = [...new Set(qs.map((q) => q.importance))].find((i) => !tagged.some((q) => q.importance === i));
      if (status && importance !== undefined) return { topic: t, status, tag, tagged, importance };
    }
  }
  throw new Error('content has no topic where the tag and importance filters narrow the list');
}

/** A topic with an importance some but not all of its questions have. */
function importanceCase(): { topic: Topic; importance: number; matching: Question[] } {
  for (const t of topics) {
    for (const importance of [3, 2, 1]) {
      const matching = t.questions.filter((q) => q.importance === importance);
      if (matching.length > 0 && matching.length < t.questions.length) return { topic: t, importance, matching };
    }
  }
  throw new Error('content has no topic with questions of different importance');
}

test('filters narrow the list and keep the choice in the URL', async ({ page }) => {
  const { topic, status, tag, tagged, importance } = filterCase();
  const total = topic.questions.length;
  const withStatus = topic.questions.filter((q) => q.status === status);
  await page.goto(topic.href);
  await expect(items(page)).toHaveCount(total);

  await page.getByLabel('状态').selectOption(status);
  await expect(page).toHaveURL(new RegExp(`\\?status=${status}$`));
  await expect(items(page)).toHaveCount(withStatus.length);
  expect(await shownIds(page)).toEqual(ids(withStatus));
  const one = withStatus[0]!;
  await expect(items(page).and(page.locator(`[data-id="${one.id}"]`))).toContainText(one.title);
  if (status !== 'answered') await expect(items(page).locator('.q-badge[data-status]')).toHaveText(withStatus.map(() => STATUS_LABELS[status]));
  await expect(page.locator('[data-filter-count]')).toHaveText(`显示 ${withStatus.length} / ${total} 题`);

  await page.getByLabel('状态').selectOption('');
  await page.getByLabel('标签').selectOption(tag);
  await expect(page).toHaveURL(new RegExp(`\\?tag=${tag}$`));
  await expect(items(page)).toHaveCount(tagged.length);
  expect(await shownIds(page)).toEqual(ids(tagged));

  await page.getByLabel('重要程度').selectOption(String(importance));
  await expect(items(page)).toHaveCount(0);
  await expect(page.getByText('没有符合条件的题目')).toBeVisible();

  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(items(page)).toHaveCount(total);
  await expect(page).toHaveURL(new RegExp(`${topic.href}$`));
});

test('a shared filter URL opens already filtered; unknown values are ignored', async ({ page }) => {
  const { topic, importance, matching } = importanceCase();
  await page.goto(`${topic.href}?importance=${importance}&tag=no-such-tag`);
  await expect(page.getByLabel('重要程度')).toHaveValue(String(importance));
  await expect(page.getByLabel('标签')).toHaveValue('');
  await expect(items(page)).toHaveCount(matching.length);
  expect(await shownIds(page)).toEqual(ids(matching));
});

test('“我的标记” filters by the local marks', async ({ page }) => {
  const topic = smallestTopic('two questions', hasQuestions(2));
  const marked = topic.questions.at(-1)!;
  await page.addInitScript(
    (id) => localStorage.setItem('k8s-notes:marks:v1', JSON.stringify({ version: 1, marks: { [id]: { grade: 'dont', at: '2025-01-01T00:00:00.000Z' } } })),
    marked.id,
  );
  await page.goto(`${topic.href}?mark=dont`);
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText(marked.title);
  await expect(items(page).locator('[data-my-mark]')).toHaveText('我的标记：不会');
  await expect(page.getByRole('link', { name: '练习本专题' })).toHaveAttribute('href', `/practice/?topic=${topic.id}`);
});

test('topic page with filters has no serious accessibility violations (light and dark)', async ({ page }) => {
  await setTheme(page, 'light');
  await page.goto('/topics/workloads/?status=answered');
  await expect(page.locator('.q-filters')).toBeVisible();
  await test.step('light theme', () => expectNoSeriousViolations(page));
  await test.step('dark theme', async () => {
    await pickTheme(page, 'dark');
    await expectNoSeriousViolations(page, { coloursOnly: true });
  });
});

test('the topic counts read with even spacing: a space between every label and its number', async ({ page }) => {
  const topic = smallestTopic('two questions', hasQuestions(2));
  await page.goto(topic.href);
  const count = (s: Status) => topic.questions.filter((q) => q.status === s).length;
  const stats = (await page.locator('.topic-stats').innerText()).replace(/\s+/g, ' ');
  for (const s of ['answered', 'partial', 'needs-answer'] as const) expect(stats).toContain(`${STATUS_LABELS[s]} ${count(s)}`);
  // No Chinese label runs straight into a digit anywhere in the line.
  expect(stats).not.toMatch(/[\u4e00-\u9fff]\d/);
});
