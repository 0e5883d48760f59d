import { asksQuestion, fenceRanges } from '../evidence.ts';
import { hasCjk, isBlank } from '../text.ts';
import type { Drop, Line, Pass } from '../types.ts';
import { codeLanguage } from './build-blocks.ts';
import { counted } from './note-lines.ts';
import { decodeEntities } from './note-markup.ts';

/**
 * Rows of fields separated by tabs: a flashcard app's export (Anki: `问题<TAB>答案<TAB>标签`, its
 * fields in HTML) or a table copied out of a document editor (飞书, Word, a spreadsheet) as plain
 * text. Rows whose first field asks are questions and become `问：`/`答：` lines; other runs of rows
 * become a Markdown table. A flashcard's tags are its bookkeeping: set aside in the report.
 */

/** Anki's file header (`#separator:tab`, `#html:true`, `#tags column:3`): how to read the rows, not text. */
const ANKI_HEADER = /^#(separator|html|tags column|notetype column|deck column|guid column|columns|notetype|deck):\s*(.*)$/i;
/** A tag field: words without spaces inside, often with `::` levels (`k8s::排错 面试`). */
const TAGS = /^(?:[\p{L}\p{N}_.:-]+)(?:\s+[\p{L}\p{N}_.:-]+)*$/u;

/** `"a ""b"""` → `a "b"`: a field quoted because it holds quotes or separators. */
const unquote = (f: string) => (/^".*"$/s.test(f) ? f.slice(1, -1).replace(/""/g, '"') : f);

const fieldsOf = (t: string) => t.split('\t').map((f) => unquote(f.trim()));

/** A field's HTML (a flashcard's, a rich-text cell's) as Markdown lines; `<pre>` becomes a fenced block. */
export function htmlFieldLines(field: string): string[] {
  const out: string[] = [];
  const parts = field.split(/(<pre[^>]*>[\s\S]*?<\/pre>)/i);
  for (const part of parts) {
    const pre = /^<pre[^>]*>([\s\S]*?)<\/pre>$/i.exec(part);
    if (pre) {
      const code = decodeEntities(pre[1]!.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')).split('\n');
      out.push('', `\`\`\`${codeLanguage(code)}`, ...code, '```', '');
      continue;
    }
    const text = part
      .replace(/<br\s*\/?>|<\/?(?:div|p|li|ul|ol)\b[^>]*>/gi, '\n')
      .replace(/<\/?(?:b|strong)>/gi, '**')
      .replace(/<\/?(?:i|em)>/gi, '*')
      .replace(/<code>([\s\S]*?)<\/code>/gi, '`$1`')
      .replace(/<[^>]+>/g, '');
    out.push(...decodeEntities(text).replace(/\u00a0/g, ' ').split('\n').map((l) => l.trim()));
  }
  // A `<div>` per line leaves empty lines between them: one line per line of the card.
  return out.filter((l, k) => l !== '' || (out[k - 1] ?? '') !== '').filter((l, k, all) => !(l === '' && (k === 0 || k === all.length - 1)));
}

export const delimitedRows: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  const drops: Drop[] = [...doc.drops];
  const setAside = [...(doc.setAside ?? [])];
  const out: Line[] = [];
  let changed = 0;
  let tagsColumn = -1;
  let html = false;
  const isRow = (i: number) => !inFence[i] && /^[^\t\s][^\t]*\t/.test(doc.lines[i]!.text);
  // The header opens the file and rows follow it: a lone `#html:true` elsewhere, or above prose, is the author's.
  const body = doc.lines.findIndex((l, i) => !inFence[i] && !isBlank(l.text) && !ANKI_HEADER.test(l.text.trim()));
  const headed = body > 0 && isRow(body);
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    const header = headed && i < body ? ANKI_HEADER.exec(line.text.trim()) : null;
    if (header) {
      if (/^tags column$/i.test(header[1]!)) tagsColumn = Number(header[2]) - 1;
      if (/^html$/i.test(header[1]!)) html = /true/i.test(header[2]!);
      drops.push(...line.src.map((n) => ({ line: n, reason: 'metadata' as const })));
      setAside.push(...line.src.map((n) => ({ line: n, text: line.text, reason: 'metadata' as const })));
      changed++;
      continue;
    }
    if (!isRow(i)) {
      out.push(line);
      continue;
    }
    let end = i;
    const width = fieldsOf(line.text).length;
    while (end < doc.lines.length && isRow(end) && fieldsOf(doc.lines[end]!.text).length === width) end++;
    const rows = doc.lines.slice(i, end);
    if (rows.length < 2) {
      out.push(line);
      continue;
    }
    const cells = rows.map((r) => fieldsOf(r.text));
    const asking = cells.filter((c) => asksQuestion(c[0]!)).length;
    // `/etc/hosts` or a command's output pasted without a fence is code, not a table: a table has words in its
    // header (or Chinese somewhere), not addresses and numbers.
    const worded = cells.some((c) => c.some((f) => hasCjk(f))) || cells[0]!.every((f) => /^[A-Za-z][A-Za-z _-]*$/.test(f));
    if (asking < rows.length * 0.6 && !worded) {
      out.push(...rows);
      i = end - 1;
      continue;
    }
    const richText = html || cells.some((c) => c.some((f) => /<(?:br|div|b|code|pre)\b[^>]*>/i.test(f)));
    if (asking >= rows.length * 0.6) {
      cells.forEach((c, k) => {
        const row = rows[k]!;
        const answer = richText ? htmlFieldLines(c[1] ?? '') : [c[1] ?? ''];
        const extra: string[] = [];
        c.slice(2).forEach((f, col) => {
          if (f === '') return;
          // A tag field is bookkeeping: the report keeps it, the answer does not.
          if (col + 2 === tagsColumn || (tagsColumn < 0 && TAGS.test(f) && /::|^\S+$/.test(f))) setAside.push(...row.src.map((n) => ({ line: n, text: f, reason: 'metadata' as const })));
          else extra.push(...(richText ? htmlFieldLines(f) : [f]));
        });
        out.push({ ...row, text: `问：${richText ? htmlFieldLines(c[0]!).join(' ') : c[0]}` }, ...answer.map((text, n) => ({ ...row, text: n === 0 ? `答：${text}` : text })), ...extra.map((text) => ({ ...row, text })), { text: '', src: [] });
      });
    } else {
      // Cells of a copied table: a Markdown table, its separator row the importer's own.
      const cell = (f: string) => f.replace(/\|/g, '\\|');
      const before = out.at(-1);
      if (before && !isBlank(before.text)) out.push({ text: '', src: [] });
      out.push({ ...rows[0]!, text: `| ${cells[0]!.map(cell).join(' | ')} |` }, { text: `| ${cells[0]!.map(() => '---').join(' | ')} |`, src: [] });
      cells.slice(1).forEach((c, k) => out.push({ ...rows[k + 1]!, text: `| ${c.map(cell).join(' | ')} |` }));
      out.push({ text: '', src: [] });
    }
    changed += rows.length;
    i = end - 1;
  }
  return changed === 0 ? { ...doc, passCounts: counted(doc, 'delimited-rows', 0) } : { ...doc, lines: out, drops, setAside, passCounts: counted(doc, 'delimited-rows', changed) };
};
