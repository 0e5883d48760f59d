import { mapSections, normalizeSpaces } from '../text.ts';
import type { Pass } from '../types.ts';

/**
 * Pages copied from a browser carry NBSP, ideographic and zero-width spaces: lines made only of
 * them become blank, trailing ones go, and the rest become plain spaces so later passes can match.
 */
export const normalizeLineSpaces: Pass = (doc) =>
  mapSections(doc, (s) => ({
    ...s,
    lines: s.lines.map((l) => ({ ...l, text: normalizeSpaces(l.text).replace(/\s+$/, '') })),
  }));
