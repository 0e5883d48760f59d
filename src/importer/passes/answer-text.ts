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
  return { lines: s.lines.map((l) => (isBlank(l.text) ? l : { ...l, text: dedentBy(l.text, common) })), changed: text.length };
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
  if (yamlFragment(lines, i)) return true;
  // `# 查看日志` right above a command is that command's comment.
  if (/^#+\s/.test(s) && i + 1 < lines.length && !/^#/.test(lines[i + 1]!.text.trim())) return codeStart(lines, i + 1);
  return false;
}

/**
 * `securityContext:` flush left with at least two deeper `key: value` lines under it: a fragment of a
 * manifest (a field and its children) pasted without a fence.
 */
function yamlFragment(lines: readonly Line[], i: number): boolean {
  const t = lines[i]!.text;
  if (indentOf(t) > 0 || !/^[a-z][\w.-]*:\s*$/i.test(t.trim())) return false;
  let k = i + 1;
  while (k < lines.length && indentOf(lines[k]!.text) > 0 && isYamlLine(lines[k]!.text)) k++;
  return k - i - 1 >= 2;
}

/** Removes up to `width` columns of leading indentation, a tab counting as 4. */
function dedentBy(t: string, width: number): string {
  let cut = 0;
  let w = 0;
  while (cut < t.length && w < width && (t[cut] === ' ' || t[cut] === '\t')) {
    w += t[cut] === '\t' ? 4 : 1;
    cut++;
  }
  return t.slice(cut);
}

/**
 * A manifest or command indented by a tab or four spaces directly under a line of prose or a list
 * item (no blank line between, so Markdown would run it into that text): the paste of a word processor.
 */
function lazilyIndentedCode(lines: readonly Line[], i: number): number {
  const t = lines[i]!.text;
  const prev = lines[i - 1]?.text;
  if (indentOf(t) < 4 || prev === undefined || isBlank(prev) || indentOf(prev) >= 4) return 0;
  const s = t.trim();
  if (/^(apiVersion|kind):\s*\S/.test(s)) return 1;
  // `spec:` with a deeper YAML line under it: a manifest fragment.
  const next = lines[i + 1]?.text ?? '';
  if (/^[\w.-]+:$/.test(s) && indentOf(next) > indentOf(t) && isYamlLine(next)) return 1;
  return (SHELL.test(s) || PROMPT.test(s) || isCommandLine(s)) && !hasCjk(s.replace(/#.*$/, '').replace(/"[^"]*"|'[^']*'/g, '')) ? 1 : 0;
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
    const lazy = inFence[i] ? 0 : lazilyIndentedCode(s.lines, i);
    if (lazy > 0) {
      // Code a word processor indented with a tab right under a sentence: Markdown would run it into the sentence.
      const base = indentOf(s.lines[i]!.text);
      const run: Line[] = [];
      while (i < s.lines.length && !inFence[i] && (indentOf(s.lines[i]!.text) >= base && !isBlank(s.lines[i]!.text))) run.push(s.lines[i++]!);
      const body = run.map((l) => ({ ...l, text: dedentBy(l.text, base).replace(/\s+$/, '') }));
      const lang = /^\s*(apiVersion|kind|[\w.-]+):\s*$|^\s*(apiVersion|kind):/.test(body[0]!.text) ? 'yaml' : codeLanguage(body.map((l) => l.text)) === 'console' ? 'console' : 'bash';
      out.push({ text: '', src: [] }, { text: `\`\`\`${lang}`, src: [] }, ...body, { text: '```', src: [] }, { text: '', src: [] });
      changed += run.length;
      continue;
    }
    if (inFence[i] || !codeStart(s.lines, i)) {
      out.push(s.lines[i++]!);
      continue;
    }
    const yaml = /^\s*(apiVersion|kind):/.test(s.lines[i]!.text) || yamlFragment(s.lines, i);
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

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * `①…；②…；③…` at the start of lines is a numbered list that Markdown does not know: it would run
 * the points into one paragraph. Each becomes an item of an ordered list.
 */
export const circledLists = sectionPass('circled-lists', (s) => {
  const inFence = fenceRanges(s.lines);
  let changed = 0;
  const out: Line[] = [];
  s.lines.forEach((l, i) => {
    const m = inFence[i] ? null : /^\s*([①-⑳])\s*(\S.*)$/.exec(l.text);
    if (!m) return void out.push(l);
    const prev = out.at(-1);
    // A list needs a blank line above it when a paragraph comes first.
    if (prev && !isBlank(prev.text) && !/^\d{1,2}\. /.test(prev.text)) out.push({ text: '', src: [] });
    out.push({ ...l, text: `${CIRCLED.indexOf(m[1]!) + 1}. ${m[2]}` });
    changed++;
  });
  return { lines: out, changed };
});

/**
 * A word processor wraps a long sentence where the page ended: the line stops at `，` or `、`
 * and the sentence goes on, flush left, on the next. Markdown would show the break as a space
 * inside Chinese text: the two lines are one.
 */
export const joinSoftBreaks = sectionPass('soft-breaks', (s) => {
  const inFence = fenceRanges(s.lines);
  let changed = 0;
  const out: Line[] = [];
  s.lines.forEach((l, i) => {
    const prev = out.at(-1);
    if (
      prev &&
      !inFence[i] &&
      !inFence[i - 1] &&
      prev.src.length > 0 &&
      /[\u3400-\u9fff][，、]$/.test(prev.text) &&
      (/^[\u3400-\u9fff]/.test(l.text) || (/^[A-Za-z]/.test(l.text) && !isCommandLine(l.text) && hasCjk(l.text.slice(0, 20)))) &&
      !/^\s*\|/.test(prev.text)
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + l.text, src: [...prev.src, ...l.src] };
      changed++;
      return;
    }
    out.push(l);
  });
  return { lines: out, changed };
});

const THEMATIC_BREAK = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const lastText = (lines: readonly Line[]) => {
  for (let k = lines.length - 1; k >= 0; k--) if (!isBlank(lines[k]!.text)) return k;
  return -1;
};

/** The last line of an answer that is a rule standing on its own (a blank line above it: not a setext underline). */
function closingRule(s: Section): number {
  const k = lastText(s.lines);
  return k >= 0 && THEMATIC_BREAK.test(s.lines[k]!.text) && (k === 0 || isBlank(s.lines[k - 1]!.text)) ? k : -1;
}

/** In the last answer, a rule followed by a few lines of prose: the page's sign-off after the last answer. */
function epilogueRule(s: Section): number {
  const inFence = fenceRanges(s.lines);
  for (let k = lastText(s.lines); k >= 0; k--) {
    if (inFence[k]) return -1;
    if (THEMATIC_BREAK.test(s.lines[k]!.text) && (k === 0 || isBlank(s.lines[k - 1]!.text))) {
      const after = s.lines.slice(k + 1).filter((l) => !isBlank(l.text));
      return after.length > 0 && after.length <= 3 && after.every((l) => hasCjk(l.text) && !/^\s*(#|[-*+]\s|\d+\.|>|\|)/.test(l.text)) ? k : -1;
    }
  }
  return -1;
}

/**
 * Blog exports (掘金, 知乎) put a `---` rule after every answer, and quote every answer whole with
 * `>`. Where most answers show the same layout it is the page's, not the answer's: the rules are
 * dropped as structure (with the sign-off after the last one, set aside in the report) and the
 * quote marks go. An answer that only quotes part of itself keeps them.
 */
export function unwrapAnswerLayout(doc: Doc): Doc {
  const answered = doc.sections.filter((s) => lastText(s.lines) >= 0);
  const last = doc.sections.at(-1);
  const quotedWhole = (lines: readonly Line[]) => {
    const inFence = fenceRanges(lines);
    const body = lines.filter((l, i) => !isBlank(l.text) && !inFence[i]);
    return body.length > 0 && body.every((l) => /^\s{0,3}>/.test(l.text));
  };
  const withoutRule = (s: Section) => {
    const k = s === last && epilogueRule(s) >= 0 ? epilogueRule(s) : closingRule(s);
    return k >= 0 ? s.lines.slice(0, k) : s.lines;
  };
  const rules = answered.filter((s) => closingRule(s) >= 0 || (s === last && epilogueRule(s) >= 0)).length;
  const quotes = answered.filter((s) => quotedWhole(withoutRule(s))).length;
  const dropRules = answered.length >= 2 && rules >= answered.length * 0.6;
  const unquote = answered.length >= 2 && quotes >= answered.length * 0.6;
  if (!dropRules && !unquote) return { ...doc, passCounts: counted(doc, 'answer-layout', 0) };
  const drops = [...doc.drops];
  const setAside = [...(doc.setAside ?? [])];
  let changed = 0;
  const sections = doc.sections.map((s) => {
    let lines = s.lines;
    if (dropRules) {
      const epilogue = s === last ? epilogueRule(s) : -1;
      const k = epilogue >= 0 ? epilogue : closingRule(s);
      if (k >= 0) {
        drops.push(...lines[k]!.src.map((line) => ({ line, reason: 'structure' as const })));
        for (const l of lines.slice(k + 1)) {
          drops.push(...l.src.map((line) => ({ line, reason: isBlank(l.text) ? ('blank' as const) : ('epilogue' as const) })));
          if (!isBlank(l.text)) setAside.push(...l.src.map((line) => ({ line, text: l.text })));
        }
        lines = lines.slice(0, k);
        changed++;
      }
    }
    if (unquote && quotedWhole(lines)) {
      lines = lines.map((l) => (/^\s{0,3}>/.test(l.text) ? { ...l, text: l.text.replace(/^\s{0,3}>\s?/, '') } : l));
      changed++;
    }
    return lines === s.lines ? s : { ...s, lines };
  });
  return { ...doc, sections, drops, setAside, passCounts: counted(doc, 'answer-layout', changed) };
}
