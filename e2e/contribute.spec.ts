import { existsSync, readFileSync } from 'node:fs';
import { expect, test, KNOWN } from './fixtures';
import { onTodoPage, question, questions, topics } from './content';

/** The repository path an edit URL opens (…/edit/main/content/docs/x.mdx → content/docs/x.mdx). */
const repoPath = (href: string | null) => /\/edit\/[^/]+\/(.+)$/.exec(href ?? '')?.[1] ?? '';

test('“在 GitHub 上编辑此页” opens the exact MDX file of the question', async ({ page }) => {
  await page.goto(KNOWN.probes);
  const edit = page.getByRole('link', { name: '在 GitHub 上编辑此页' });
  const path = repoPath(await edit.getAttribute('href'));
  expect(path).toBe(question('probes').file);
  expect(existsSync(path)).toBe(true);
  await expect(page.getByText('最近更新')).toBeVisible();
});

test('the 待补充 page lists incomplete answers with edit links to real files', async ({ page }) => {
  const todo = onTodoPage();
  test.skip(todo.length === 0, 'every question in content/docs is answered');
  await page.goto('/');
  await page.getByRole('link', { name: /待补充的题目/ }).first().click();
  await expect(page).toHaveURL(/\/todo\/$/);
  // Exactly the incomplete questions, each with an edit link to its own file.
  const items = page.locator('.todo-list li');
  await expect(items).toHaveCount(todo.length);
  for (const q of todo) {
    const item = items.filter({ has: page.locator(`a[href="${q.href}"]`) });
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('link', { name: q.title, exact: true })).toBeVisible();
    const path = repoPath(await item.getByRole('link', { name: '补充答案' }).getAttribute('href'));
    expect(path).toBe(q.file);
    expect(existsSync(path)).toBe(true);
  }
  // Nothing fully answered is listed as missing.
  const answered = questions.find((q) => onTodoPage([q]).length === 0);
  if (answered) await expect(page.locator(`.todo-list a[href="${answered.href}"]`)).toHaveCount(0);
});

test('“编辑此页” on a topic page opens that topic’s entry in content/topics.yaml', async ({ page }) => {
  const t = topics.find((x) => x.questions.length > 0)!;
  await page.goto(t.href);
  const href = await page.getByRole('link', { name: '在 GitHub 上编辑此页' }).getAttribute('href');
  const [path, anchor] = repoPath(href).split('#');
  expect(path).toBe('content/topics.yaml');
  // The anchor is the line that starts this topic's entry, so the editor lands on its title and description.
  const line = Number(/^L(\d+)$/.exec(anchor ?? '')?.[1]);
  expect(readFileSync(path!, 'utf8').split('\n')[line - 1]).toMatch(new RegExp(`^-\\s+id:\\s*['"]?${t.id}['"]?\\s*$`));
});
