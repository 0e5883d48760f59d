import { fenceRanges } from '../evidence.ts';
import { hasCjk, isBlank, isCommandLine, isYamlLine } from '../text.ts';
import type { Doc, Drop, Line, Pass } from '../types.ts';
import { codeLanguage } from './build-blocks.ts';
import { counted } from './note-lines.ts';

/**
 * Markup of the page or app a note was copied from, undone before the questions are looked for.
 * Each rewrite keeps the raw line numbers of what it touches, and each acts only where its own
 * evidence is in the note: HTML residue, Obsidian callouts and wiki links, a Q | A table, the
 * `<details>` wrappers of a README.
 */

const ENTITIES: Record<string, string> = { nbsp: ' ', gt: '>', lt: '<', amp: '&', quot: '"', apos: "'", ldquo: '“', rdquo: '”', hellip: '…', mdash: '—' };
const ENTITY = /&(?:([a-z]+)|#(\d{1,6})|#x([0-9a-f]{1,6}));/gi;
const BR = /<br\s*\/?>/gi;
/** What a code block's toolbar leaves behind when a page is copied as text. */
const COPY_BUTTON = /^(?:复制代码|复制|已复制|Copy(?: code)?|Copied!?|运行|Run|代码解读|AI\s*代码解读|登录后复制|体验AI代码助手)$/i;
const LANG_LABEL = /^(yaml|yml|bash|shell|sh|zsh|console|dockerfile|docker|go|golang|json|python|java|text|plaintext|ini|toml|nginx|sql|javascript|js|typescript|ts|makefile|xml|properties|conf|mermaid|diff|hcl|rust|c|cpp)$/i;

export const decodeEntities = (s: string) =>
  s.replace(ENTITY, (all, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return ENTITIES[name.toLowerCase()] ?? all;
    const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
  });

const isTableRow = (t: string) => /^\s*\|.*\|\s*$/.test(t);
const looksLikeCode = (t: string) => {
  const s = t.trim();
  if (s === '') return false;
  return isCommandLine(s) || isYamlLine(t) || !hasCjk(s.replace(/#.*$|\/\/.*$/, '').replace(/"[^"]*"|'[^']*'/g, ''));
};

function dropAll(drops: Drop[], line: Line, reason: Drop['reason']) {
  drops.push(...line.src.map((n) => ({ line: n, reason })));
}

/**
 * A page copied as text from a browser's HTML: entities (`&nbsp;`, `&gt;`), `<br>` line breaks, and
 * code blocks reduced to their language label, toolbar (`复制代码`, `Copy`) and line-number gutter
 * (`1 2 3` one per line) above the bare code. The label and the gutter give the code's language
 * and exact length: the block is fenced again.
 */
export const unwrapHtmlResidue: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  // `<br>` is also plain Markdown (and Mermaid's line break): it breaks lines only in a note that shows other residue of HTML.
  // An app's export that carried HTML anchors carries its `<br />` too.
  const html = (doc.passCounts?.['export-markup'] ?? 0) > 0 || doc.lines.some((l, i) => {
    if (inFence[i]) return false;
    ENTITY.lastIndex = 0;
    return ENTITY.test(l.text) || COPY_BUTTON.test(l.text.trim());
  });
  ENTITY.lastIndex = 0;
  const drops = [...doc.drops];
  const out: Line[] = [];
  let changed = 0;
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    if (inFence[i]) {
      out.push(line);
      continue;
    }
    const t = line.text.trim();
    // `yaml` / `复制代码` / `1 2 3 …` / code: a code block whose fence the copy lost.
    const label = LANG_LABEL.exec(t);
    let j = i + (label ? 1 : 0);
    const chrome: number[] = [];
    while (j < doc.lines.length && COPY_BUTTON.test(doc.lines[j]!.text.trim())) chrome.push(j++);
    const gutter: number[] = [];
    while (j < doc.lines.length && doc.lines[j]!.text.trim() === String(gutter.length + 1)) gutter.push(j++);
    const fenced = (label !== null && (chrome.length > 0 || gutter.length > 0)) || gutter.length >= 2;
    // A gutter counts the block's lines, whatever they say; without one the next line must read as code.
    // A language label with the copy button under it says a block follows, whatever its lines say (a text diagram in Chinese).
    const announced = label !== null && chrome.length > 0;
    if (fenced && j < doc.lines.length && (gutter.length > 0 || looksLikeCode(doc.lines[j]!.text) || (announced && !isBlank(doc.lines[j]!.text)))) {
      const code: Line[] = [];
      // The gutter counts the block's lines; without it the block runs while the lines read as code, or, announced, to the next blank line.
      if (gutter.length > 0) code.push(...doc.lines.slice(j, j + gutter.length));
      else for (let k = j; k < doc.lines.length && !inFence[k] && (announced ? !isBlank(doc.lines[k]!.text) : looksLikeCode(doc.lines[k]!.text)); k++) code.push(doc.lines[k]!);
      const body = code.map((l) => decodeEntities(l.text));
      const lang = label ? label[1]!.toLowerCase().replace(/^(docker)$/, 'dockerfile').replace(/^(yml)$/, 'yaml') : codeLanguage(body);
      for (const k of chrome) dropAll(drops, doc.lines[k]!, 'page-chrome');
      for (const k of gutter) dropAll(drops, doc.lines[k]!, 'gutter');
      out.push({ text: '', src: [] }, { text: `\`\`\`${lang}`, src: label ? line.src : [] }, ...code.map((l, k) => ({ ...l, text: body[k]! })), { text: '```', src: [] }, { text: '', src: [] });
      i = j + code.length - 1;
      changed++;
      continue;
    }
    // A toolbar label with no code after it is still the page's, not the author's.
    if (COPY_BUTTON.test(t) && (label === null) && out.length > 0 && /^```/.test(out.at(-2)?.text ?? '')) {
      dropAll(drops, line, 'page-chrome');
      changed++;
      continue;
    }
    let text = decodeEntities(line.text);
    if (html && !isTableRow(text) && BR.test(text)) {
      BR.lastIndex = 0;
      const parts = text.split(BR).map((p) => p.replace(/\s+$/, ''));
      out.push(...parts.filter((p, k) => k === 0 || p.trim() !== '').map((p) => ({ ...line, text: p })));
      changed++;
      continue;
    }
    BR.lastIndex = 0;
    if (text !== line.text) changed++;
    text = text.replace(/\u00a0/g, ' ');
    out.push(text === line.text ? line : { ...line, text });
  }
  return { ...doc, lines: out, drops, passCounts: counted(doc, 'html-residue', changed) };
};

const QUESTION_CALLOUT = /^(?:question|faq|help|q|问题|面试题)$/i;

/**
 * Obsidian: `> [!question] 问题` with the answer quoted below it is one question; other callouts
 * (`> [!note] 补充`) stay quotes with a bold title; `[[页面|别名]]` links become `别名（页面）`.
 */
export const unwrapCallouts: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  let changed = 0;
  const out: Line[] = [];
  const drops = [...doc.drops];
  let inQuestion = false;
  const obsidian = doc.lines.some((l, i) => !inFence[i] && (/^>\s*\[![^\]]+\]/.test(l.text) || /\[\[[^\]]+\]\]/.test(l.text)));
  doc.lines.forEach((line, i) => {
    let text = line.text;
    // `#k8s #存储`: the note's tags (Obsidian, social posts), not a heading and not an answer's text. One tag
    // alone counts only in a note that shows Obsidian's other marks.
    const tags = inFence[i] || !/^\s*#[\p{L}\p{N}_/-]+(\s+#[\p{L}\p{N}_/-]+)*\s*$/u.test(text) ? 0 : text.trim().split(/\s+/).length;
    if (tags >= 2 || (tags === 1 && obsidian)) {
      dropAll(drops, line, 'structure');
      changed++;
      return;
    }
    const callout = inFence[i] ? null : /^>\s*\[!([^\]]+)\]([-+]?)\s*(.*)$/.exec(text);
    if (callout) {
      changed++;
      inQuestion = QUESTION_CALLOUT.test(callout[1]!.trim());
      text = inQuestion ? `问：${callout[3]}` : `> **${callout[3] || callout[1]}**`;
    } else if (/^>/.test(text) && inQuestion) {
      text = text.replace(/^>\s?/, '');
    } else inQuestion = false;
    if (!inFence[i] && /\[\[[^\]]+\]\]/.test(text)) {
      // The alias is what the reader saw; the page it named is the author's words too, so it stays beside it.
      text = text.replace(/\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]/g, (_all, target: string, alias?: string) =>
        alias && alias.trim() !== target.trim() ? `${alias}（${target}）` : target,
      );
      changed++;
    }
    out.push(text === line.text ? line : { ...line, text });
  });
  return { ...doc, lines: out, drops, passCounts: counted(doc, 'callouts', changed) };
};

/**
 * Word and WPS indent the first line of a paragraph with ideographic spaces (`　　`): layout of the
 * page, and in Markdown an indent that could turn prose into code. It goes; other indents stay.
 */
export const stripIdeographicIndent: Pass = (doc) => {
  let changed = 0;
  // After segmentation: the indent told questions (flush left) from the lists inside answers (indented).
  const sections = doc.sections.map((s) => {
    const inFence = fenceRanges(s.lines);
    const lines = s.lines.map((l, i) => {
      if (inFence[i] || !/^[ \t]*\u3000/.test(l.text)) return l;
      changed++;
      return { ...l, text: l.text.replace(/^[\s\u3000]+/, '') };
    });
    return { ...s, lines };
  });
  return { ...doc, sections, passCounts: counted(doc, 'ideographic-indent', changed) };
};

const Q_HEADER = /^(?:问题?|题目|面试题|question|q)$/i;
const A_HEADER = /^(?:答案?|回答|解答|参考答案|answer|a)$/i;

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/**
 * A note kept as a table with a question column and an answer column: every row is a question.
 * Rows become `问：` / `答：` lines (on the row's line number); `<br>` in a cell breaks its lines;
 * other columns that say more than a row number are kept under the answer.
 */
export const tableRowsToQuestions: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  const drops = [...doc.drops];
  const out: Line[] = [];
  let changed = 0;
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    const sep = doc.lines[i + 1]?.text ?? '';
    if (inFence[i] || !isTableRow(line.text) || !/^\s*\|?\s*:?-{3,}/.test(sep)) {
      out.push(line);
      continue;
    }
    const header = cells(line.text).map((c) => c.replace(/\*\*/g, ''));
    const q = header.findIndex((h) => Q_HEADER.test(h));
    const a = header.findIndex((h) => A_HEADER.test(h));
    let end = i + 2;
    while (end < doc.lines.length && isTableRow(doc.lines[end]!.text)) end++;
    if (q === -1 || a === -1 || end - (i + 2) < 2) {
      out.push(line);
      continue;
    }
    dropAll(drops, line, 'structure');
    dropAll(drops, doc.lines[i + 1]!, 'structure');
    for (const row of doc.lines.slice(i + 2, end)) {
      const c = cells(row.text);
      const answer = (c[a] ?? '').split(BR);
      const extra = header.flatMap((h, k) => (k === q || k === a || !c[k] || /^\d+$/.test(c[k]!) ? [] : [`${h}：${c[k]}`]));
      out.push(
        { ...row, text: `问：${c[q] ?? ''}` },
        ...answer.map((part, k) => ({ ...row, text: k === 0 ? `答：${part.trim()}` : part.trim() })),
        ...extra.map((text) => ({ ...row, text })),
        { text: '', src: [] },
      );
      changed++;
    }
    i = end - 1;
  }
  return { ...doc, lines: out, drops, passCounts: counted(doc, 'table-rows', changed) };
};

const SETEXT = /^ {0,3}(=+|-+)\s*$/;

/**
 * A Setext heading (`问题` over a line of `===` or `---`) is a heading to Markdown but shows no `#`
 * the question finder could see: it is written as the ATX heading it is (`=` → `#`, `-` → `##`).
 * Only a one-line paragraph counts (a blank line or the start above it), and never a line that reads
 * as YAML or a list, table, quote or heading of its own: there `---` is a rule or a document separator.
 */
export const setextHeadings: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  const drops = [...doc.drops];
  const out: Line[] = [];
  let changed = 0;
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    const under = doc.lines[i + 1];
    const m = under && !inFence[i] && !inFence[i + 1] ? SETEXT.exec(under.text) : null;
    const t = line.text;
    // A heading is short and ends no sentence: a long line ending in `。` over `---` is an answer above a rule.
    const heading = t.trim().length <= 80 && !/[。；;，,：:、]$/.test(t.trim());
    if (!m || !(i === 0 || isBlank(doc.lines[i - 1]!.text)) || isBlank(t) || !heading || /^\s{4}|^\s*(?:[-*+]\s|\d{1,3}[.)]\s|>|#{1,6}\s|\||<)/.test(t) || isYamlLine(t)) {
      out.push(line);
      continue;
    }
    out.push({ ...line, text: `${m[1]![0] === '=' ? '#' : '##'} ${t.trim()}` });
    dropAll(drops, under!, 'structure');
    changed++;
    i++;
  }
  return { ...doc, lines: out, drops, passCounts: counted(doc, 'setext-headings', changed) };
};

/** `[TOC]` (Typora, 语雀, 有道), `[[toc]]` (VuePress), `@[toc](目录)` (CSDN): where the editor drew a table of contents. */
const TOC = /^\s*(?:\[\[?toc\]\]?|@\[toc\](?:\([^)]*\))?)\s*$/i;
/** An empty anchor an editor puts above or inside a heading: `<a name="x"></a>`, `<a id="x"></a>`, `<span id="x"></span>`. */
const ANCHOR = /<(a|span)\s+(?:name|id)=["'][^"']*["']\s*(?:\/>|>\s*<\/\1>)/gi;
/** `{#custom-id}` after a heading (Typora, Pandoc, Hexo). */
const HEADING_ID = /^(#{1,6}\s.*?)\s*\{#[\w-]+\}\s*$/;
/** 语雀 and Notion add the picture's size and paste source to its address as a fragment: metadata, not the picture. */
const IMAGE_FRAGMENT = /(!\[[^\]]*\]\([^)\s#]+)#(?:[\w-]+=[^&)\s]*&?)+(?=[)\s])/g;

/**
 * What a note app's Markdown export adds for its own reader: a `[TOC]` marker, empty anchors above
 * headings, `{#id}` after them, and size metadata on picture addresses. The site draws its own
 * table of contents and anchors; the markers go (reported as structure), the text around them stays.
 */
export const stripExportMarkup: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  const drops = [...doc.drops];
  const out: Line[] = [];
  let changed = 0;
  doc.lines.forEach((line, i) => {
    // Every mark this pass knows starts with one of these characters.
    if (inFence[i] || !/[<\[{]/.test(line.text)) return void out.push(line);
    if (TOC.test(line.text) || (ANCHOR.test(line.text) && line.text.replace(ANCHOR, '').trim() === '')) {
      ANCHOR.lastIndex = 0;
      dropAll(drops, line, 'structure');
      changed++;
      return;
    }
    ANCHOR.lastIndex = 0;
    const text = line.text.replace(/^(#{1,6}\s+)(.*)$/, (_all, hashes: string, rest: string) => hashes + rest.replace(ANCHOR, '').trimStart()).replace(HEADING_ID, '$1').replace(IMAGE_FRAGMENT, '$1');
    if (text !== line.text) changed++;
    out.push(text === line.text ? line : { ...line, text });
  });
  return { ...doc, lines: out, drops, passCounts: counted(doc, 'export-markup', changed) };
};
