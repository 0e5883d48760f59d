import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface SiteQuestion {
  title: string;
  topic: string;
  /** The answer as Markdown, without the site's own markup (asides, MDX escapes). */
  body: string[];
  /** The fenced code blocks of the answer: language and lines. */
  code: { lang: string; lines: string[] }[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;

/** The site's own questions and answers (content/docs), as a note author would have written them. */
export function readSiteQuestions(docsDir: string): SiteQuestion[] {
  const files = readdirSync(docsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort();
  return files.flatMap((file) => {
    const text = readFileSync(join(docsDir, file), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
    if (!m) return [];
    const data = parse(m[1]!) as { title?: string; topic?: string };
    if (!data.title || !data.topic) return [];
    const body: string[] = [];
    const code: SiteQuestion['code'] = [];
    let open: { marker: string; lang: string; lines: string[] } | null = null;
    for (const raw of text.slice(m[0].length).split('\n')) {
      const f = FENCE.exec(raw);
      if (open) {
        if (f && f[2]!.startsWith(open.marker) && raw.trim() === f[2]) {
          code.push({ lang: open.lang, lines: open.lines });
          open = null;
        } else open.lines.push(raw);
        body.push(raw);
        continue;
      }
      if (f) {
        open = { marker: f[2]!, lang: f[3] ?? '', lines: [] };
        body.push(raw);
        continue;
      }
      // Asides and imports are the site's markup, not part of a note.
      if (/^:::/.test(raw) || /^(import|export) /.test(raw)) continue;
      body.push(raw.replace(/\\([<>{}])/g, '$1'));
    }
    while (body.length && body[0]!.trim() === '') body.shift();
    while (body.length && body.at(-1)!.trim() === '') body.pop();
    return [{ title: data.title, topic: data.topic, body: body.map((l) => l.replace(/\s+$/, '')), code }];
  });
}
