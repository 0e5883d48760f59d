import { DeprecationsError, DEPRECATIONS_FILE, readDeprecations } from './deprecations-data.ts';
import { checkOutdated, type OutdatedInput } from './deprecations.ts';
import { error, type Diagnostic } from './diagnostics.ts';

let reportedDataError = false;

/**
 * Entry point for check-content.ts. The data is read once per process; a broken data file is
 * reported once, against the data file, instead of on every page.
 */
export function checkOutdatedFile(input: OutdatedInput): Diagnostic[] {
  let data;
  try {
    data = readDeprecations();
  } catch (e) {
    if (reportedDataError) return [];
    reportedDataError = true;
    const message = e instanceof DeprecationsError ? e.message : `${DEPRECATIONS_FILE} 读不出来：${(e as Error).message.split('\n')[0]}`;
    return [error(DEPRECATIONS_FILE, 1, 1, 'deprecations/invalid', `${message}（过时内容检查没有运行）`)];
  }
  return checkOutdated(input, data);
}
