import { spawnSync } from 'node:child_process';

let cache: Map<string, Date> | undefined;

/**
 * Last commit date of every file under `dir`, from one `git log` call. Starlight's own
 * lastUpdated only looks in src/content/docs, and our content lives in top-level content/.
 * Without git (a tarball, a shallow CI checkout) this is simply empty.
 */
export function lastCommitDates(dir = 'content'): Map<string, Date> {
  if (cache) return cache;
  cache = new Map();
  const log = spawnSync('git', ['log', '--format=t:%ct', '--name-only', '--', dir], {
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  if (log.status !== 0 || log.error) return cache;
  let date: Date | undefined;
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('t:')) date = new Date(Number(line.slice(2)) * 1000);
    // Newest commits come first, so the first date seen for a file is its last change.
    else if (line && date && !cache.has(line)) cache.set(line, date);
  }
  return cache;
}
