import { GLUED_LANG, hasCjk, isBlank } from '../text.ts';
import type { Doc, Drop, Line, Pass, Section } from '../types.ts';

const MAX_BLOCK = 80;

/** Code, not prose: Chinese only in comments or strings. */
const codeLike = (text: string) => !isBlank(text) && !hasCjk(text.replace(/\s#.*$|^#.*$/, '').replace(/"[^"]*"|'[^']*'/g, ''));

const LANG_NAMES: Record<string, string> = { shell: 'bash', sh: 'bash', yml: 'yaml', golang: 'go', plaintext: 'text', conf: 'text' };

/**
 * The blog's copy button made every code block appear twice, the first copy prefixed with its
 * language (`bashkubectl apply -f pod.yaml` then `kubectl apply -f pod.yaml`). Keep the first copy
 * as a fenced block of that language; the second is recorded as a dropped duplicate.
 */
export function dedupeSection(section: Section): { section: Section; drops: Drop[] } {
  const lines = section.lines;
  const out: Line[] = [];
  const drops: Drop[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const glued = GLUED_LANG.exec(line.text);
    const first = glued ? line.text.slice(glued[0].length) : line.text;
    let size = 0;
    if (codeLike(first)) {
      for (let k = 1; k <= MAX_BLOCK && i + 2 * k <= lines.length; k++) {
        if (lines[i + k]!.text !== first) continue;
        let same = true;
        for (let j = 1; j < k && same; j++) same = lines[i + j]!.text === lines[i + k + j]!.text && !isBlank(lines[i + j]!.text);
        if (same) {
          size = k;
          break;
        }
      }
    }
    if (size === 0) {
      out.push(line);
      i++;
      continue;
    }
    const lang = glued ? (LANG_NAMES[glued[1]!.toLowerCase()] ?? glued[1]!.toLowerCase()) : '';
    out.push({ ...line, text: first, fence: { lang, length: size } }, ...lines.slice(i + 1, i + size));
    for (const dup of lines.slice(i + size, i + 2 * size)) drops.push(...dup.src.map((n) => ({ line: n, reason: 'duplicate-block' as const })));
    i += 2 * size;
  }
  return { section: { ...section, lines: out }, drops };
}

export const dedupeDoubledBlocks: Pass = (doc: Doc) => {
  const drops = [...doc.drops];
  const sections = doc.sections.map((s) => {
    const r = dedupeSection(s);
    drops.push(...r.drops);
    return r.section;
  });
  return { ...doc, sections, drops };
};
