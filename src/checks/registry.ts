/**
 * Every content check `npm run check` runs, one line each. To add a check, write a module that
 * exports a `ContentCheck` (see page.ts) and add one line here:
 *   export { myCheck } from './my-check.ts';
 * Order does not matter: diagnostics are sorted before they are printed.
 */
export { pageRulesCheck } from './page-rules.ts';
export { idsCheck } from './ids.ts';
export { linksCheck } from './links.ts';
export { mdxSafetyCheck } from './mdx-safety.ts';
export { codeBlocksCheck } from './code-blocks.ts';
export { headingsCheck } from './headings.ts';
export { imagesCheck } from './images.ts';
export { notesCoverageCheck } from './notes-coverage.ts';
export { outdatedCheck } from './outdated-check.ts';
