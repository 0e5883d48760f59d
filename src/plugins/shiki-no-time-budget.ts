import type { ShikiTransformer } from 'shiki';

/**
 * Lines at least this long are left unhighlighted (in every theme alike) instead of tokenized:
 * the same bound VS Code uses (`editor.maxTokenizationLineLength`), so a minified one-line blob
 * cannot stall the build now that tokenizing has no time limit.
 */
export const MAX_TOKENIZED_LINE_LENGTH = 20_000;

/**
 * Makes syntax colours depend on the code alone, not on how busy the build machine is.
 *
 * Shiki gives each line a wall-clock budget (`tokenizeTimeLimit`, 500 ms by default); when a line
 * runs over, vscode-textmate stops and Shiki silently emits the rest of the line as one plain
 * token. Expressive Code tokenizes every block once per theme with separate budgets, so a GC pause
 * or a descheduled process under load leaves one line plain in one theme and coloured in the
 * other, in a different block on every build (either theme; the light pass runs first and also
 * pays for compiling the grammar's regexes, so it has more to lose). Expressive Code passes the
 * same options object to `preprocess` and to the tokenizer: the one place a transformer can lift
 * the budget.
 */
export const shikiWithoutTimeBudget: ShikiTransformer = {
  name: 'k8s-notes:shiki-without-time-budget',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
    options.tokenizeMaxLineLength = MAX_TOKENIZED_LINE_LENGTH;
  },
};
