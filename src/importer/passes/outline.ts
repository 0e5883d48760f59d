import { hasCjk, isBlank, isCommandLine } from '../text.ts';
import type { Line, Pass } from '../types.ts';
import { codeLanguage } from './build-blocks.ts';
import { counted } from './note-lines.ts';

/**
 * A mind map exported as text (XMind, MindManager, FreeMind, 幕布): one node per line, its depth
 * shown only by leading tabs, no list marks. The nodes one level under the root are the questions,
 * their subtrees the answers. Written as the nested list it is (`- 问题` with its answer indented
 * under it) so the question finder sees what a Notion toggle list shows; a node that is a command
 * becomes a code block. A note with fences, list marks or indents that jump is no outline.
 */
export const outlineToList: Pass = (doc) => {
  const text = doc.lines.filter((l) => !isBlank(l.text));
  const depth = (l: Line) => /^\t*/.exec(l.text)![0].length;
  const skip = { ...doc, passCounts: counted(doc, 'outline', 0) };
  if (text.length < 5 || text.some((l) => /^\s*(`{3,}|~{3,})/.test(l.text) || /^ +\S/.test(l.text))) return skip;
  const tabbed = text.filter((l) => depth(l) > 0).length;
  const marked = text.filter((l) => /^\s*(?:[-*+•]\s|\d{1,3}[.)、]\s?)/.test(l.text)).length;
  if (tabbed < text.length * 0.7 || marked > text.length * 0.1) return skip;
  if (text.some((l, k) => k > 0 && depth(l) > depth(text[k - 1]!) + 1)) return skip;
  const top = Math.min(...text.map(depth));
  // One node at the top, first: the map's root (its title), above the questions.
  const atTop = text.filter((l) => depth(l) === top);
  const root = atTop.length === 1 && atTop[0] === text[0] ? atTop[0] : null;
  const questionDepth = root ? top + 1 : top;
  if (text.filter((l) => depth(l) === questionDepth).length < 2) return skip;
  const out: Line[] = [];
  let changed = 0;
  // A command with its arguments; a node that only names a tool (`iptables`) is a point of the answer.
  const isCode = (l: Line) => /\S\s+\S/.test(l.text.trim()) && isCommandLine(l.text.trim()) && !hasCjk(l.text.replace(/"[^"]*"|'[^']*'/g, ''));
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    const d = depth(line);
    if (isBlank(line.text) || line === root || d < questionDepth) {
      out.push(line === root ? { ...line, text: line.text.trim() } : line);
      continue;
    }
    const node = line.text.trim();
    if (d > questionDepth && isCode(line)) {
      // Sibling commands are one block, at the answer's level.
      const run: Line[] = [];
      while (i < doc.lines.length && !isBlank(doc.lines[i]!.text) && depth(doc.lines[i]!) === d && isCode(doc.lines[i]!)) run.push(doc.lines[i++]!);
      i--;
      const body = run.map((l) => l.text.trim());
      out.push({ text: '', src: [] }, { text: `  \`\`\`${codeLanguage(body)}`, src: [] }, ...run.map((l, k) => ({ ...l, text: `  ${body[k]}` })), { text: '  ```', src: [] }, { text: '', src: [] });
      changed += run.length;
      continue;
    }
    out.push({ ...line, text: `${'  '.repeat(d - questionDepth)}- ${node}` });
    changed++;
  }
  return { ...doc, lines: out, passCounts: counted(doc, 'outline', changed) };
};
