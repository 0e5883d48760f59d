import { fenceRanges } from '../evidence.ts';
import type { Doc, Drop, Line, Pass } from '../types.ts';
import { counted } from './note-lines.ts';

/** `[id]: https://… "title"`: a link reference definition (CommonMark), alone on its line. */
const DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?(?:\s+("[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;
/** `[text][id]`, `![alt][id]`, `[text][]`, or `[id]` alone; never inside inline code. */
const REFERENCE = /(`+)[\s\S]*?\1|(!?)\[((?:[^\[\]\\]|\\.)*)\](?:\[((?:[^\[\]\\]|\\.)*)\])?(?!\(|:)/g;

const label = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Reference-style links keep their addresses in definitions, usually all at the end of the note.
 * Split into one page per question, a link would point at a definition on another page, and the
 * reader would see `[官方文档][flannel]` as text. Every reference is written as the inline link it
 * stands for, in the entry that uses it; the definitions' lines are accounted as structure, and
 * one nothing used is set aside in the report word for word.
 */
export const resolveReferenceLinks: Pass = (doc) => {
  const defs = new Map<string, { url: string; title?: string }>();
  const at: { s: number; i: number; key: string }[] = [];
  doc.sections.forEach((sec, s) => {
    const inFence = fenceRanges(sec.lines);
    sec.lines.forEach((l, i) => {
      const m = inFence[i] ? null : DEFINITION.exec(l.text);
      if (!m) return;
      const key = label(m[1]!);
      // The first definition of a label wins, as in CommonMark.
      if (!defs.has(key)) defs.set(key, { url: m[2]!, ...(m[3] ? { title: m[3].slice(1, -1) } : {}) });
      at.push({ s, i, key });
    });
  });
  if (defs.size === 0) return { ...doc, passCounts: counted(doc, 'reference-links', 0) };
  const used = new Set<string>();
  const definitionAt = new Set(at.map((d) => `${d.s}:${d.i}`));
  let changed = 0;
  const rewrite = (text: string) =>
    text.replace(REFERENCE, (all, code: string | undefined, bang: string, inner: string, ref: string | undefined) => {
      if (code) return all;
      const key = label(ref === undefined || ref === '' ? inner : ref);
      const def = defs.get(key);
      if (!def) return all;
      used.add(key);
      changed++;
      const title = def.title === undefined ? '' : ` "${def.title.replace(/"/g, '\\"')}"`;
      return `${bang}[${inner}](${def.url}${title})`;
    });
  const sections = doc.sections.map((sec, s) => {
    const inFence = fenceRanges(sec.lines);
    const lines = sec.lines.map((l, i) => (inFence[i] || definitionAt.has(`${s}:${i}`) ? l : { ...l, text: rewrite(l.text) }));
    return { ...sec, lines };
  });
  const drops: Drop[] = [...doc.drops];
  const setAside = [...(doc.setAside ?? [])];
  const remove = new Set<string>();
  for (const d of at) {
    const line = doc.sections[d.s]!.lines[d.i]!;
    remove.add(`${d.s}:${d.i}`);
    drops.push(...line.src.map((n) => ({ line: n, reason: 'structure' as const })));
    if (!used.has(d.key)) setAside.push(...line.src.map((n) => ({ line: n, text: line.text })));
  }
  const trimmed = sections.map((sec, s) => ({ ...sec, lines: sec.lines.filter((_l: Line, i) => !remove.has(`${s}:${i}`)) }));
  return { ...doc, sections: trimmed, drops, setAside, passCounts: counted(doc, 'reference-links', changed) };
};
