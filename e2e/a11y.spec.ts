import { expect, test, KNOWN, pickTheme, serveWithoutScripts, setTheme } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { hasDiagram, hasQuestions, incomplete, smallestTopic } from './content';

/** The printable pages all share one layout (table of contents, answers, diagrams, page breaks): scan a small one. */
const printTopic = smallestTopic('two questions and a diagram', (t) => hasQuestions(2)(t) && hasDiagram(t));

const pages: Record<string, string | undefined> = {
  home: '/',
  topic: '/topics/workloads/',
  question: KNOWN.podCreation,
  'question with labelled flowchart': '/q/metrics-server-pipeline/',
  // The status notice has its own colours; any question with a missing or partial answer shows it.
  'question with notice': incomplete()[0]?.href,
  todo: '/todo/',
  'print index': '/all/',
  'printable topic': `/all/${printTopic.id}/`,
  'topic practice (answers without JavaScript)': `/practice/${printTopic.id}/`,
  'not found': '/q/no-such-question/',
};

// The 404 page logs its own status as a console error; that is expected there.
test.use({ allowedConsoleErrors: [/status of 404/] });

/**
 * Kinds whose dark colours no other scan covers. The print pages, the per-topic practice page and
 * the 404 are built from the same chrome, lists, answers and diagrams as the pages above, so their
 * dark scan would repeat the question and topic scans.
 */
const ownDarkColours = new Set(['home', 'topic', 'question', 'question with labelled flowchart', 'question with notice', 'todo']);

for (const [kind, path] of Object.entries(pages)) {
  const dark = ownDarkColours.has(kind);
  test(`${kind} page has no serious accessibility violations (light${dark ? ' and dark' : ''})`, async ({ page }) => {
    test.skip(!path, 'no such page in the current content');
    await setTheme(page, 'light');
    await page.goto(path!);
    if (kind === 'question with notice') await expect(page.locator('.status-notice')).toBeVisible();
    await test.step('light theme', () => expectNoSeriousViolations(page));
    // The dark scan needs only another set of colours, not another page load: the reader's own theme picker provides them.
    if (dark) await test.step('dark theme', async () => {
      await pickTheme(page, 'dark');
      await expectNoSeriousViolations(page, { coloursOnly: true });
    });
  });
}

test.describe('without JavaScript', () => {
  // With JS the random page leaves at once; its no-JS list is what a reader can actually see.
  for (const [kind, path] of Object.entries({ random: '/random/', practice: '/practice/' })) {
    test(`${kind} page has no serious accessibility violations`, async ({ page }) => {
      await serveWithoutScripts(page);
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expectNoSeriousViolations(page);
    });
  }
});
