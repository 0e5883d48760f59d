/** Parsing what the build prints, for `npm run bench`. Pure, so it is unit-tested (bench-log.test.ts). */

/** Milliseconds from a duration as Astro and Pagefind print it: “530ms”, “1.09s”, “2m 3s”. */
export function durationMs(text: string): number {
  const m = /^(?:(\d+)m\s*)?(?:(\d+(?:\.\d+)?)(ms|s))?$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return NaN;
  const minutes = Number(m[1] ?? 0) * 60_000;
  const rest = m[2] ? Number(m[2]) * (m[3] === 's' ? 1000 : 1) : 0;
  return minutes + rest;
}

/** Pagefind's own indexing time from the build log; NaN when the log does not say. */
export function pagefindMs(log: string): number {
  const m = /Finished building search index in ((?:\d+m\s*)?\d+(?:\.\d+)?m?s)\b/.exec(log);
  return m ? durationMs(m[1]!) : NaN;
}
