import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { importNote } from '../pipeline.ts';
import type { SiteQuestion } from './site-questions.ts';

const chinese = (t: string) => t.replace(/[^\u3400-\u9fff]/g, '');
/** The Chinese sentences of an answer (what a reader would miss). */
export const sentences = (text: string) => text.split(/[。！？!?；;\n]/).map(chinese).filter((s) => s.length >= 4);

function codeBlocks(mdx: string): Code[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(mdx) as Root;
  const out: Code[] = [];
  visit(tree, 'code', (n: Code) => void out.push(n));
  return out;
}

export interface RoundTrip {
  questions: number;
  entries: number;
  titlesMatched: number;
  sentenceKeep: number;
  codeBlocks: number;
  codeIntact: number;
  missingTitles: string[];
  brokenCode: string[];
  /** Titles of entries that contain text the note's family says belongs to no answer. */
  leaked: string[];
}

const contains = (hay: readonly string[], needle: readonly string[]) => {
  if (needle.length === 0) return true;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((l, k) => hay[i + k] === l)) return true;
  return false;
};

/** Import a generated note and compare what came back with what went in. */
export function roundTrip(note: string, questions: readonly SiteQuestion[], name: string, fencesLost = false, absent?: RegExp): RoundTrip {
  const result = importNote(new TextEncoder().encode(note), name);
  // Code may quote anything (`echo "<h1>hi</h1>"`): only the prose of an entry is checked.
  const prose = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\2\s*$/gm, '');
  const leaked = absent ? result.entries.filter((e) => absent.test(prose(e.mdx))).map((e) => e.title) : [];
  const byTitle = new Map(result.entries.map((e) => [e.title, e]));
  let kept = 0;
  let total = 0;
  let codeTotal = 0;
  let codeIntact = 0;
  const missingTitles: string[] = [];
  const brokenCode: string[] = [];
  for (const q of questions) {
    const entry = byTitle.get(q.title);
    const wanted = sentences(q.body.join('\n'));
    total += wanted.length;
    if (!entry) {
      missingTitles.push(q.title);
      continue;
    }
    const out = chinese(entry.mdx);
    kept += wanted.filter((s) => out.includes(s)).length;
    const blocks = codeBlocks(entry.mdx).map((c) => c.value.split('\n'));
    for (const c of q.code) {
      // A fence nested in a list item is indented with it; its code is the text without that indent.
      const indent = Math.min(...c.lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
      const lines = c.lines.filter((l) => l.trim() !== '').map((l) => l.slice(indent));
      if (lines.length === 0) continue;
      codeTotal++;
      // Without fences, only what reads as code can come back as a block; the rest must at least keep its lines.
      const recognisable = !fencesLost || c.lang === 'yaml' || c.lang === 'bash';
      const ok = recognisable
        ? blocks.some((b) => contains(b.filter((l) => l.trim() !== '').map((l) => (fencesLost ? l.trim() : l)), fencesLost ? lines.map((l) => l.trim()) : lines))
        : lines.every((l) => entry.mdx.includes(l.trim().replace(/([<>{}])/g, '\\$1')) || entry.mdx.includes(l.trim()));
      if (ok) codeIntact++;
      else brokenCode.push(`${q.title} (${c.lang})`);
    }
  }
  return {
    questions: questions.length,
    entries: result.entries.length,
    titlesMatched: questions.length - missingTitles.length,
    sentenceKeep: total === 0 ? 1 : kept / total,
    codeBlocks: codeTotal,
    codeIntact,
    missingTitles,
    leaked,
    brokenCode,
  };
}
