import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '../src/checks/frontmatter.ts';
import { expect, test } from './fixtures';
import { questions } from './content';

/** reviewedFor of each question, read from its frontmatter the way the site reads it. */
const reviewedFor = (file: string) => {
  const value = parseFrontmatter(file, readFileSync(file, 'utf8')).frontmatter?.data.reviewedFor;
  return typeof value === 'string' ? value : undefined;
};

test('a reviewed question says which Kubernetes release it was checked against', async ({ page }) => {
  const reviewed = questions.find((q) => reviewedFor(q.file));
  test.skip(!reviewed, 'no question in content/docs has reviewedFor yet');
  await page.goto(reviewed!.href);
  const badge = page.locator('.question-meta [data-reviewed-for]');
  await expect(badge).toHaveText(`按 Kubernetes ${reviewedFor(reviewed!.file)} 审校`);
});

test('an unreviewed question claims no review', async ({ page }) => {
  const unreviewed = questions.find((q) => !reviewedFor(q.file));
  test.skip(!unreviewed, 'every question in content/docs has reviewedFor');
  await page.goto(unreviewed!.href);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[data-reviewed-for]')).toHaveCount(0);
});
