import { cutSections } from '../section.ts';
import type { Doc, Line } from '../types.ts';
import { isBlank } from '../text.ts';

/**
 * In the tutorial copy (note 004) every heading level was flattened to `# `, and shell comments
 * of lost code blocks also start with `# `. A heading stands alone between blank lines (prose
 * around it); a comment sits right above a command or its output.
 */
export function isFlattenedHeading(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  if (!line || !/^# \S/.test(line.text)) return false;
  const before = lines[i - 1];
  const after = lines[i + 1];
  return (before === undefined || isBlank(before.text)) && (after === undefined || isBlank(after.text));
}

/**
 * Entries start at the headings named in the note's provenance record (`entryHeadings`), since
 * which heading was a chapter is exactly what the flattening lost; without that list every
 * heading starts an entry. The remaining headings become sub-headings inside their entry.
 */
export function segmentTutorial(doc: Doc, entryHeadings?: readonly string[]): Doc {
  const headings = doc.lines.flatMap((line, index) => (isFlattenedHeading(doc.lines, index) ? [{ index, title: line.text.slice(2).trim() }] : []));
  const wanted = entryHeadings ? new Set(entryHeadings) : null;
  const titles = wanted ? headings.filter((h) => wanted.has(h.title)) : headings;
  if (wanted) {
    const missing = [...wanted].filter((t) => !headings.some((h) => h.title === t));
    if (missing.length > 0) {
      return { ...cutSections(doc, titles), warnings: [...doc.warnings, { message: `来源记录 entryHeadings 里有找不到的标题：${missing.join('、')}` }] };
    }
  }
  return cutSections(doc, titles);
}
