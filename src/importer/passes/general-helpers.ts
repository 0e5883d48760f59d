import { fenceRanges } from '../evidence.ts';
import type { Doc, Line, Pass, Section } from '../types.ts';
import { counted } from './note-lines.ts';

/** Run a pass and record how many lines of the answers it changed (for `--dry-run`). */
export function counting(name: string, pass: Pass): Pass {
  return (doc) => {
    const before = doc.sections.reduce((n, s) => n + s.lines.length, 0);
    const beforeText = doc.sections.map((s) => s.lines.map((l) => l.text).join('\n'));
    const after = pass(doc);
    let changed = Math.abs(after.sections.reduce((n, s) => n + s.lines.length, 0) - before);
    if (changed === 0) after.sections.forEach((s, i) => (changed += s.lines.map((l) => l.text).join('\n') === beforeText[i] ? 0 : 1));
    return { ...after, passCounts: counted(doc, name, changed) };
  };
}

/**
 * A line-level repair written for plain-text copies must not touch the inside of a real fence:
 * run it on the stretches between fences only.
 */
export function outsideFences(name: string, pass: Pass): Pass {
  return (doc) => {
    let changed = 0;
    const drops = [...doc.drops];
    const sections = doc.sections.map((s): Section => {
      const inFence = fenceRanges(s.lines);
      const out: Line[] = [];
      let run: Line[] = [];
      const flush = () => {
        if (run.length === 0) return;
        const result = pass({ ...doc, drops: [], sections: [{ ...s, lines: run }] });
        drops.push(...result.drops);
        const fixed = result.sections[0]!.lines;
        if (fixed.length !== run.length || fixed.some((l, k) => l.text !== run[k]!.text)) changed++;
        out.push(...fixed);
        run = [];
      };
      s.lines.forEach((l, i) => {
        if (inFence[i]) {
          flush();
          out.push(l);
        } else run.push(l);
      });
      flush();
      return { ...s, lines: out };
    });
    return { ...doc, sections, drops, passCounts: counted(doc, name, changed) };
  };
}

/** A run of lines a repair knows to be one code block (`Line.fence`) becomes a real fenced block. */
export const materializeFences: Pass = (doc: Doc) => ({
  ...doc,
  sections: doc.sections.map((s) => {
    if (!s.lines.some((l) => l.fence)) return s;
    const out: Line[] = [];
    for (let i = 0; i < s.lines.length; ) {
      const l = s.lines[i]!;
      if (!l.fence) {
        out.push(l);
        i++;
        continue;
      }
      const { fence: _f, ...first } = l;
      const body = [first, ...s.lines.slice(i + 1, i + l.fence.length)];
      out.push({ text: '', src: [] }, { text: `\`\`\`${l.fence.lang || 'text'}`, src: [] }, ...body, { text: '```', src: [] }, { text: '', src: [] });
      i += l.fence.length;
    }
    return { ...s, lines: out };
  }),
});
