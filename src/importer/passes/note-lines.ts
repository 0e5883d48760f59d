import type { Doc, Drop, Line } from '../types.ts';
import { isBlank } from '../text.ts';

/** Add `n` to a pass's count in the document (what `--dry-run` reports). */
export function counted(doc: Doc, name: string, n: number): Record<string, number> {
  return { ...(doc.passCounts ?? {}), [name]: (doc.passCounts?.[name] ?? 0) + n };
}

/**
 * A Markdown note may open with front matter (`---` … `---`): it describes the file, not a
 * question. Only a block that starts on the first line and closes within 40 lines counts.
 */
export function stripFrontMatter(doc: Doc): Doc {
  const first = doc.lines.findIndex((l) => !isBlank(l.text));
  if (first === -1 || doc.lines[first]!.text.trim() !== '---') return { ...doc, passCounts: counted(doc, 'front-matter', 0) };
  const close = doc.lines.findIndex((l, i) => i > first && i <= first + 40 && l.text.trim() === '---');
  if (close === -1 || !doc.lines.slice(first + 1, close).every((l) => isBlank(l.text) || /^[\w-]+:|^\s+|^- /.test(l.text))) {
    return { ...doc, passCounts: counted(doc, 'front-matter', 0) };
  }
  const drops: Drop[] = [...doc.drops];
  for (const l of doc.lines.slice(0, close + 1)) drops.push(...l.src.map((line) => ({ line, reason: isBlank(l.text) ? ('blank' as const) : ('structure' as const) })));
  return { ...doc, lines: doc.lines.slice(close + 1), drops, passCounts: counted(doc, 'front-matter', close + 1 - first) };
}

const DECORATION = /^(?:[-*+•·]\s+|#{1,6}\s+|>\s?)+/;

/**
 * Some web pages copy with the same decoration on every line (`- ##### • `, or a `* ` bullet from
 * a CSDN list view). When most lines carry one identical prefix, it is page markup, not content:
 * remove it everywhere it occurs. A note whose lines vary (real lists, real headings) is untouched.
 */
export function stripLinePrefix(doc: Doc): Doc {
  const counts = new Map<string, number>();
  let text = 0;
  for (const l of doc.lines) {
    if (isBlank(l.text)) continue;
    text++;
    const m = DECORATION.exec(l.text);
    if (m) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  // A line may carry more decoration than the common prefix (`- ##### • • 子项`): count by prefix, not exact match.
  const covering = [...counts.keys()].map((p) => [p, [...counts].reduce((n, [q, c]) => n + (q.startsWith(p) ? c : 0), 0)] as const);
  const [prefix, n] = covering.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0] ?? ['', 0];
  if (text < 6 || n < 0.7 * text) return { ...doc, passCounts: counted(doc, 'strip-line-prefix', 0) };
  let changed = 0;
  const lines: Line[] = doc.lines.map((l) => {
    if (!l.text.startsWith(prefix)) return l;
    changed++;
    return { ...l, text: l.text.slice(prefix.length) };
  });
  return { ...doc, lines, passCounts: counted(doc, 'strip-line-prefix', changed) };
}
