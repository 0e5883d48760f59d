/**
 * Pages that carry full answers (printable topics, practice pages, practice answer fragments) are
 * split into parts of bounded size, so no page grows with the content: a topic of 200 questions
 * becomes several pages instead of one heavy one. Pure, so it is unit-tested without a build.
 */

/**
 * Rough gzip bytes an answer adds to a page, fitted on this site's built answers: rendered text
 * (markup, code highlighting) gzips to about half the MDX bytes; every Mermaid diagram is inlined
 * twice (light and dark SVG), about 6 KiB after gzip. Erring high only makes parts smaller.
 */
export function estimateAnswerBytes(body: string): number {
  const diagrams = body.match(/^\s*```mermaid\b/gm)?.length ?? 0;
  return Math.round(Buffer.byteLength(body, 'utf8') * 0.55) + diagrams * 6000 + 1000;
}

/**
 * Content budget of one part, in estimated gzip bytes. Site chrome (header, sidebar, styles) comes
 * on top, so a part page stays well below 60 KiB of gzip HTML.
 */
export const PART_BUDGET = 30 * 1024;

/**
 * Greedy split in the given order: a part takes items while their weights fit the budget; an item
 * heavier than the budget gets a part of its own. Never returns an empty part.
 */
export function splitByWeight<T>(items: readonly T[], weight: (item: T) => number, budget = PART_BUDGET): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && used + w > budget) {
      parts.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += w;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** `/all/<topic>/` for part 1, `/all/<topic>/<n>/` after it; likewise under `/practice/`. */
export function partHref(base: string, section: 'all' | 'practice', topic: string, part: number): string {
  const root = `${base.replace(/\/?$/, '/')}${section}/${topic}/`;
  return part === 1 ? root : `${root}${part}/`;
}

/** The bare HTML fragment with the answers of one practice part, fetched by /practice/ on demand. */
export function answersHref(base: string, topic: string, part: number): string {
  return `${base.replace(/\/?$/, '/')}practice-answers/${topic}/${part}/`;
}
