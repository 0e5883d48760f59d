import AxeBuilder from '@axe-core/playwright';
import { expect, test, KNOWN, serveWithoutScripts } from './fixtures';
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
  for (const theme of ownDarkColours.has(kind) ? (['light', 'dark'] as const) : (['light'] as const)) {
    test(`${kind} page has no serious accessibility violations (${theme})`, async ({ page }) => {
      test.skip(!path, 'no such page in the current content');
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(path!);
      if (kind === 'question with notice') await expect(page.locator('.status-notice')).toBeVisible();
      // A theme changes colours only, so the dark scan checks contrast; the light scan checks everything.
      const axe = new AxeBuilder({ page });
      if (theme === 'dark') axe.withRules(['color-contrast']);
      const { violations } = await axe.analyze();
      const severe = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      expect(severe).toEqual([]);
    });
  }
}

test.describe('without JavaScript', () => {
  // With JS the random page leaves at once; its no-JS list is what a reader can actually see.
  for (const [kind, path] of Object.entries({ random: '/random/', practice: '/practice/' })) {
    test(`${kind} page has no serious accessibility violations`, async ({ page }) => {
      await serveWithoutScripts(page);
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      const { violations } = await new AxeBuilder({ page }).analyze();
      const severe = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      expect(severe).toEqual([]);
    });
  }
});
