import { fileURLToPath } from 'node:url';
import { DeprecationsError, DEPRECATIONS_FILE, readDeprecations } from './deprecations-data.ts';
import { checkOutdated, type OutdatedInput } from './deprecations.ts';
import { error, type Diagnostic } from './diagnostics.ts';

/** The repository this checker belongs to: its content/deprecations.yaml defines the rules. */
const CHECKER_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let reportedDataError = false;

/**
 * Entry point for check-content.ts. The data is read once per process; a broken data file is
 * reported once, against the data file, instead of on every page.
 */
export function checkOutdatedFile(input: OutdatedInput): Diagnostic[] {
  let data;
  try {
    data = readDeprecations(CHECKER_ROOT);
  } catch (e) {
    if (!(e instanceof DeprecationsError) || reportedDataError) return [];
    reportedDataError = true;
    return [error(DEPRECATIONS_FILE, 1, 1, 'deprecations/invalid', e.message)];
  }
  return checkOutdated(input, data);
}
