import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import { expandRanges, type ImportReport } from '../importer/report.ts';
import { error, type Diagnostic } from './diagnostics.ts';
import { fuzzyIndexOf } from './fuzzy-find.ts';
import type { ContentCheck, Page, Site } from './page.ts';

export const RAW_DIR = 'content/raw';
export const ERRATA_FILE = `${RAW_DIR}/errata.yaml`;

/** Sentences shorter than this (in Chinese characters) are too generic to prove anything. */
const MIN_SENTENCE = 4;

/**
 * How many characters of a kept sentence may differ from the note: a typo fix needs no erratum.
 * Short sentences get less slack, or a deleted one would “match” some unrelated phrase.
 */
export const allowedEdits = (length: number) => (length >= 6 ? 2 : 1);

/** Only the Chinese characters: edits may move markup, code and punctuation, never the words. */
const isChinese = (code: number) => code >= 0x3400 && code <= 0x9fff;
const chinese = (text: string) => text.replace(/[^\u3400-\u9fff]/g, '');

interface Erratum {
  note: string;
  line: number;
  from: string;
  to: string;
  /** Line of the entry in errata.yaml. */
  at: number;
}

/** A page's Chinese characters with, for each, the file line it stands on. */
interface PageText {
  page: Page;
  chars: string;
  lines: Int32Array;
}

/**
 * Editors merge, move and rewrite imported entries; this holds them to the promise that nothing a
 * note said is lost on the way: every Chinese sentence of every note line the import report kept
 * must still be in content/docs (question titles excepted: editors reword those). A loss is
 * reported once per passage, in the page it was in, right after the last sentence still there.
 */
export const notesCoverageCheck: ContentCheck = {
  name: 'notes/*',
  site(site) {
    const rawDir = join(site.root, RAW_DIR);
    if (!existsSync(rawDir)) return [];
    const out: Diagnostic[] = [];
    const errata = readErrata(site.root, out);
    const texts = site.pages.filter((p) => p.text !== undefined).map(indexPage);
    const all = texts.map((t) => t.chars).join('\n');
    const byFile = new Map(texts.map((t) => [t.page.file, t]));
    for (const note of readdirSync(rawDir).filter((f) => /\.(?:txt|md|markdown)$/.test(f)).sort()) {
      const reportFile = join(rawDir, note.replace(/\.(?:txt|md|markdown)$/, '.report.json'));
      if (!existsSync(reportFile)) continue;
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReport;
      out.push(...checkNote(site, note, report, errata, all, byFile));
    }
    return out;
  },
};

function checkNote(site: Site, note: string, report: ImportReport, errata: Erratum[], all: string, byFile: Map<string, PageText>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const skipped = new Set(Object.values(report.dropped).flatMap((spec) => expandRanges(spec ?? '')));
  // A question's title is worded by the editors (its permalink does not depend on it).
  for (const e of report.entries) skipped.add(e.line);
  const lines = readFileSync(join(site.root, RAW_DIR, note), 'utf8').split('\n');
  for (const e of errata.filter((x) => x.note === note)) {
    const original = lines[e.line - 1];
    // A stale erratum would silently excuse a real loss: it must still match the note.
    if (original === undefined || !original.includes(e.from)) {
      out.push(error(ERRATA_FILE, e.at, 1, 'notes/stale-erratum', `${RAW_DIR}/${note} 第 ${e.line} 行里没有 “${e.from}”：请核对 line 和 from`));
      continue;
    }
    lines[e.line - 1] = original.replace(e.from, e.to);
  }

  const entryOfLine = new Map(report.entries.flatMap((e) => expandRanges(e.lines).map((l) => [l, e] as const)));
  /** The page a note line belongs to: one whose `sources` cover it, else where the import report put it. */
  const pageOf = (line: number): PageText | undefined => {
    for (const t of byFile.values()) {
      if (t.page.data?.sources.some((s) => s.note === note && line >= s.line && line <= (s.endLine ?? s.line))) return t;
    }
    const entry = entryOfLine.get(line);
    return entry ? byFile.get(`content/docs/${entry.coveredBy ?? entry.path}`) : undefined;
  };

  interface Passage {
    page?: PageText;
    /** Where the import report put the line, for a page that no longer exists. */
    formerFile?: string;
    first: number;
    last: number;
    sentences: string[];
    /** Page line of the closest earlier sentence of the note still in the page. */
    after?: number;
  }
  const passages: Passage[] = [];
  let lastKept: { page?: PageText; line: number } | undefined;
  let open: Passage | undefined;
  lines.forEach((text, i) => {
    const n = i + 1;
    if (skipped.has(n)) return;
    const sentences = text
      .replace(/^\s*[一二三四五六七八九十]{1,3}、/, '')
      .split(/[。！？!?；;]/)
      .map((raw) => ({ raw: raw.trim(), s: chinese(raw) }))
      .filter(({ s }) => s.length >= MIN_SENTENCE);
    if (sentences.length === 0) return;
    const page = pageOf(n);
    for (const { raw, s } of sentences) {
      const inPage = page ? fuzzyIndexOf(page.chars, s, allowedEdits(s.length)) : -1;
      if (inPage !== -1) {
        lastKept = { page, line: page!.lines[inPage]! };
        open = undefined;
        continue;
      }
      if (fuzzyIndexOf(all, s, allowedEdits(s.length)) !== -1) continue; // moved to another page: still kept
      if (open && open.page === page) {
        open.last = n;
        open.sentences.push(raw);
        continue;
      }
      const entry = entryOfLine.get(n);
      const formerFile = entry ? `content/docs/${entry.coveredBy ?? entry.path}` : undefined;
      open = { page, formerFile, first: n, last: n, sentences: [raw], after: lastKept?.page === page ? lastKept?.line : undefined };
      passages.push(open);
    }
  });

  for (const p of passages) {
    const range = p.first === p.last ? `第 ${p.first} 行` : `第 ${p.first}–${p.last} 行`;
    const first = p.sentences[0]!.length > 40 ? `${p.sentences[0]!.slice(0, 40)}…` : p.sentences[0]!;
    const quote = p.sentences.length === 1 ? `“${first}”` : `“${first}”等 ${p.sentences.length} 句`;
    const todo =
      `如果是误删，请把这段话放回来；如果是改错别字且一句里改了超过 ${allowedEdits(99)} 个字，请在 ${ERRATA_FILE} 登记（note、line、from、to）；` +
      `如果确实要删（例如与别处重复），也在 ${ERRATA_FILE} 登记，to 写 ""。`;
    const source = `${RAW_DIR}/${note}:${p.first}`;
    if (!p.page) {
      const former = p.formerFile ? `它原来在 ${p.formerFile}，这个文件已经不在了（删掉或改名了）` : '也找不到它原来所在的页面';
      out.push(error(`${RAW_DIR}/${note}`, p.first, 1, 'notes/lost', `原笔记${range}的 ${quote} 在 content/docs 里找不到了：${former}。${todo}`));
      continue;
    }
    const sourceIndex = p.page.page.data?.sources.findIndex((s) => s.note === note) ?? -1;
    const line = p.after ?? p.page.page.frontmatter?.lineOf(sourceIndex === -1 ? ['sources'] : ['sources', sourceIndex]) ?? 1;
    const where = p.after ? '这里（上一句原文之后）' : '这个页面（这一行是它的出处）';
    out.push(error(p.page.page.file, line, 1, 'notes/lost', `原笔记 ${source}（${range}）的 ${quote} 原来在${where}，现在找不到了：“不丢内容”要求原笔记的每句话都留在页面里。${todo}`));
  }
  return out;
}

function indexPage(page: Page): PageText {
  const text = page.text!;
  const lines = new Int32Array(text.length);
  let chars = '';
  let line = 1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) line++;
    else if (isChinese(code)) {
      chars += text[i];
      lines[count++] = line;
    }
  }
  return { page, chars, lines: lines.subarray(0, count) };
}

function readErrata(root: string, out: Diagnostic[]): Erratum[] {
  const file = join(root, ERRATA_FILE);
  if (!existsSync(file)) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    out.push(error(ERRATA_FILE, lineCounter.linePos(first.pos[0]).line, 1, 'notes/errata', `不是合法的 YAML：${first.message.split('\n')[0]}`));
    return [];
  }
  if (!isSeq(doc.contents)) return [];
  const errata: Erratum[] = [];
  for (const item of doc.contents.items) {
    const at = isMap(item) && item.range ? lineCounter.linePos(item.range[0]).line : 1;
    const get = (key: string): unknown => (isMap(item) ? item.get(key) : undefined);
    const [note, line, from, to] = [get('note'), get('line'), get('from'), get('to')];
    if (typeof note !== 'string' || typeof line !== 'number' || typeof from !== 'string' || typeof to !== 'string') {
      out.push(error(ERRATA_FILE, at, 1, 'notes/errata', '每一项都需要 note（原笔记文件名）、line（行号）、from（原文）、to（改正后，可以是 ""）'));
      continue;
    }
    errata.push({ note, line, from, to, at });
  }
  return errata;
}
