import { ANSWER_LABEL, fenceRanges } from '../evidence.ts';
import { hasCjk, isBlank, isCommandLine, isOutputLine, isYamlLine } from '../text.ts';
import type { Doc, Line, Pass, Section } from '../types.ts';
import { codeLanguage } from './build-blocks.ts';
import { PROMPT } from './classify-line.ts';
import { counted } from './note-lines.ts';

/** Run a line-level repair over every section and count the lines it changed. */
function sectionPass(name: string, fn: (s: Section, doc: Doc) => { lines: Line[]; changed: number }): Pass {
  return (doc) => {
    let total = 0;
    const sections = doc.sections.map((s) => {
      const r = fn(s, doc);
      total += r.changed;
      return r.changed > 0 ? { ...s, lines: r.lines } : s;
    });
    return { ...doc, sections, passCounts: counted(doc, name, total) };
  };
}

/** `答：`, `A:`, `**答案：**`, `【答案】` open the answer: the label goes, its text stays. */
export const stripAnswerLabels = sectionPass('answer-labels', (s) => {
  const inFence = fenceRanges(s.lines);
  let changed = 0;
  const lines = s.lines.map((l, i) => {
    if (inFence[i]) return l;
    const m = ANSWER_LABEL.exec(l.text);
    if (!m) return l;
    changed++;
    return { ...l, text: l.text.slice(m[0].length) };
  });
  return { lines, changed };
});

const indentOf = (t: string) => /^[ \t]*/.exec(t)![0].replace(/\t/g, '    ').length;

/**
 * Answers written under a numbered question are indented to the question's text (`1. 问题` then
 * three spaces). With the question line gone, that indent would make them a code block: remove
 * the indentation all non-blank lines share, and nothing else.
 */
export const dedentAnswers = sectionPass('dedent', (s) => {
  const text = s.lines.filter((l) => !isBlank(l.text));
  if (text.length === 0) return { lines: s.lines, changed: 0 };
  const common = Math.min(...text.map((l) => indentOf(l.text)));
  if (common === 0) return { lines: s.lines, changed: 0 };
  const strip = (t: string) => {
    let cut = 0;
    let width = 0;
    while (cut < t.length && width < common && (t[cut] === ' ' || t[cut] === '\t')) {
      width += t[cut] === '\t' ? 4 : 1;
      cut++;
    }
    return t.slice(cut);
  };
  return { lines: s.lines.map((l) => (isBlank(l.text) ? l : { ...l, text: strip(l.text) })), changed: text.length };
});

/** `• 点` and `· 点` bullets are not Markdown; `——` on its own line separates paragraphs. */
export const markdownBullets = sectionPass('bullets', (s) => {
  const inFence = fenceRanges(s.lines);
  let changed = 0;
  const lines = s.lines.map((l, i) => {
    if (inFence[i]) return l;
    const bullet = /^(\s*)[•·●▪◦]\s*(\S.*)$/.exec(l.text);
    if (bullet) {
      changed++;
      return { ...l, text: `${bullet[1]}- ${bullet[2]}` };
    }
    if (/^\s*(——+|—{2,}|─{3,})\s*$/.test(l.text)) {
      changed++;
      return { ...l, text: '' };
    }
    return l;
  });
  return { lines, changed };
});

const SHELL = /^(\$ |# (?=kubectl|docker|helm|systemctl)|kubectl |kubeadm |docker |crictl |helm |etcdctl |systemctl |journalctl |curl |ctr )/;

function codeStart(lines: readonly Line[], i: number): boolean {
  const t = lines[i]!.text;
  if (indentOf(t) > 3) return false;
  const s = t.trim();
  if (SHELL.test(s) || PROMPT.test(s)) return !hasCjk(s.replace(/#.*$/, '').replace(/"[^"]*"|'[^']*'/g, ''));
  if (/^(apiVersion|kind):\s*\S/.test(s)) return true;
  // `# 查看日志` right above a command is that command's comment.
  if (/^#+\s/.test(s) && i + 1 < lines.length && !/^#/.test(lines[i + 1]!.text.trim())) return codeStart(lines, i + 1);
  return false;
}

/** Does this line continue a code run (YAML, commands, their output, comments)? */
function continuesCode(t: string, yaml: boolean): boolean {
  if (isBlank(t)) return false;
  const s = t.trim();
  if (/^(`{3,}|~{3,})/.test(s)) return false;
  if (yaml) return isYamlLine(t) || (indentOf(t) > 0 && /^(- )?["']?[\w.\/-]+["']?:(\s|$)/.test(s)) || /^#/.test(s) || (indentOf(t) >= 2 && !/[。！？]$/.test(s));
  if (hasCjk(s.replace(/#.*$/, '').replace(/"[^"]*"|'[^']*'/g, ''))) return false;
  return isCommandLine(s) || PROMPT.test(s) || SHELL.test(s) || isOutputLine(s) || /^#/.test(s) || indentOf(t) >= 2 || /\\$/.test(s);
}

/**
 * Commands and manifests pasted without a fence (`kubectl get pods`, `$ docker ps`, a manifest from
 * `apiVersion:` on) become fenced blocks. Only lines that start like code start a block, and only
 * outside existing fences, so prose that mentions a command stays prose.
 */
export const fenceBareCode = sectionPass('fence-bare-code', (s) => {
  const inFence = fenceRanges(s.lines);
  const out: Line[] = [];
  let changed = 0;
  for (let i = 0; i < s.lines.length; ) {
    if (inFence[i] || !codeStart(s.lines, i)) {
      out.push(s.lines[i++]!);
      continue;
    }
    const yaml = /^\s*(apiVersion|kind):/.test(s.lines[i]!.text);
    const run: Line[] = [s.lines[i++]!];
    while (i < s.lines.length && !inFence[i]) {
      if (continuesCode(s.lines[i]!.text, yaml) || codeStart(s.lines, i)) {
        run.push(s.lines[i++]!);
        continue;
      }
      // A blank line inside a manifest or session, when code goes on right after it.
      if (isBlank(s.lines[i]!.text) && i + 1 < s.lines.length && !inFence[i + 1] && (codeStart(s.lines, i + 1) || (yaml && indentOf(s.lines[i + 1]!.text) > 0 && continuesCode(s.lines[i + 1]!.text, yaml)))) {
        run.push(s.lines[i++]!);
        continue;
      }
      break;
    }
    const body = run.map((l) => l.text.replace(/\s+$/, ''));
    const lang = yaml ? 'yaml' : codeLanguage(body) === 'console' || body.some((b) => /^\$ /.test(b.trim())) ? 'console' : 'bash';
    const fence = '```';
    const before = out.at(-1);
    if (before && !isBlank(before.text)) out.push({ text: '', src: [] });
    out.push({ text: `${fence}${lang}`, src: [] }, ...run.map((l) => ({ ...l, text: l.text.replace(/\s+$/, '') })), { text: fence, src: [] });
    if (i < s.lines.length && !isBlank(s.lines[i]!.text)) out.push({ text: '', src: [] });
    changed += run.length;
  }
  return { lines: out, changed };
});

/**
 * In a note copied as plain text every line was a paragraph of its own on the page. Markdown would
 * join adjacent lines into one paragraph, so separate them — but only where the note shows that
 * evidence (no blank lines between its paragraphs) and never inside fences, lists or tables.
 */
export function splitPlainParagraphs(doc: Doc): Doc {
  // Only the note's own lines are evidence; blank lines the importer inserted around fences are not.
  const all = doc.sections.flatMap((s) => s.lines).filter((l) => l.src.length > 0);
  const text = all.filter((l) => !isBlank(l.text)).length;
  const blank = all.length - text;
  const plain = text > 0 && blank / Math.max(1, all.length) < 0.12;
  if (!plain) return { ...doc, passCounts: counted(doc, 'split-paragraphs', 0) };
  let total = 0;
  const structural = (t: string) => /^\s*([-*+]\s|\d{1,3}[.)]\s|\||>|#{1,6}\s|(`{3,}|~{3,}))/.test(t) || /^\s{4,}\S/.test(t);
  const sections = doc.sections.map((s) => {
    const inFence = fenceRanges(s.lines);
    const out: Line[] = [];
    let changed = 0;
    s.lines.forEach((l, i) => {
      const prev = s.lines[i - 1];
      if (i > 0 && !inFence[i] && !inFence[i - 1] && !isBlank(l.text) && prev && !isBlank(prev.text) && !(structural(l.text) && structural(prev.text))) {
        // A list continues over its items; everything else gets a paragraph break.
        out.push({ text: '', src: [] });
        changed++;
      }
      out.push(l);
    });
    total += changed;
    return changed > 0 ? { ...s, lines: out } : s;
  });
  return { ...doc, sections, passCounts: counted(doc, 'split-paragraphs', total) };
}
