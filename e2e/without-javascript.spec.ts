import { expect, test, KNOWN } from './fixtures';
import { question, questions, topics } from './content';

/** Every feature is progressive enhancement: with JavaScript off the content is all there. */
test.use({ javaScriptEnabled: false });

test('a question reads fully without JavaScript: answer, diagram, related questions; no dead copy button', async ({ page }) => {
  const q = question('pod-creation-flow');
  await page.goto(KNOWN.podCreation);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q.title);
  await expect(page.locator('.sl-markdown-content h2').first()).toBeVisible();
  // One theme's rendering of each diagram is shown.
  expect(q.diagrams).toBeGreaterThan(0);
  await expect(page.locator('.mermaid-diagram svg:visible')).toHaveCount(q.diagrams);
  await expect(page.getByRole('button', { name: '复制本题链接' })).toHaveCount(0);
  const related = page.getByRole('navigation', { name: '相关问题' });
  await expect(related.getByRole('link').first()).toBeVisible();
});

test('the practice page without JavaScript: every question with a native “查看答案”, no grading controls', async ({ page }) => {
  await page.goto('/practice/');
  // Chromium under Playwright does not render <noscript> with JS off (playwright#32542), so read it.
  expect(await page.locator('.practice noscript').innerHTML()).toContain('逐题练习、打分和记录进度需要启用 JavaScript');
  const cards = page.locator('.practice-card');
  await expect(cards).toHaveCount(questions.length);
  await expect(cards.filter({ visible: true })).toHaveCount(questions.length);
  // Answers start hidden and open with the browser's own <details>.
  const first = cards.first();
  await expect(first.locator('.practice-answer-body')).toBeHidden();
  await first.getByText('查看答案').click();
  await expect(first.locator('.practice-answer-body')).toBeVisible();
  // Nothing that would need a script is shown.
  await expect(page.getByRole('button', { name: /^会/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '开始练习' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导出标记' })).toHaveCount(0);
  await expect(page.locator('.progress')).toBeHidden();
});

test('a topic page without JavaScript lists every question; filters and progress are absent', async ({ page }) => {
  // A shared filter URL still shows the whole list rather than an empty or half-filtered one.
  // Ask for a status that would hide questions if filters ran: one that is not 已解答, in a topic that mixes statuses if any does.
  const topic = [...topics].sort((a, b) => new Set(b.questions.map((q) => q.status)).size - new Set(a.questions.map((q) => q.status)).size)[0]!;
  const status = topic.questions.map((q) => q.status).find((s) => s !== 'answered') ?? 'answered';
  await page.goto(`${topic.href}?status=${status}`);
  await expect(page.locator('#topic-questions > li:visible')).toHaveCount(topic.questions.length);
  await expect(page.getByRole('search', { name: '筛选题目' })).toHaveCount(0);
  await expect(page.locator('.progress')).toBeHidden();
  await expect(page.getByRole('link', { name: '练习本专题' })).toBeVisible();
});

test('the random page without JavaScript offers the list to pick from', async ({ page }) => {
  await page.goto('/random/');
  await expect(page).toHaveURL(/\/random\/$/);
  await expect(page.locator('.random-pool a')).toHaveCount(questions.length);
  await page.locator('.random-pool a').first().click();
  await expect(page).toHaveURL(/\/q\/[a-z0-9-]+\/$/);
});
