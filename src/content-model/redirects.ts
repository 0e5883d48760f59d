import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import { ID_PATTERN } from './question.ts';
import { questionHref } from './permalink.ts';

/** Renamed or merged questions: the old id keeps working as a redirect to the new one. */
export const REDIRECTS_FILE = 'content/redirects.yaml';

export interface Redirect {
  from: string;
  to: string;
  /** 1-based line of the entry in content/redirects.yaml. */
  line: number;
}

export class RedirectsError extends Error {
  readonly reason: string;
  readonly line: number;

  constructor(reason: string, line: number) {
    super(`${REDIRECTS_FILE}:${line}: ${reason}`);
    this.reason = reason;
    this.line = line;
  }
}

export function parseRedirects(text: string): Redirect[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const [firstError] = doc.errors;
  if (firstError) throw new RedirectsError(`不是合法的 YAML：${firstError.message.split('\n')[0]}`, lineAt(firstError.pos[0]));
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) throw new RedirectsError('应为列表，每项是 - from: 旧 id / to: 新 id', 1);
  return doc.contents.items.map((item) => {
    const line = lineAt(isMap(item) ? item.range?.[0] : undefined);
    const from: unknown = isMap(item) ? item.get('from') : undefined;
    const to: unknown = isMap(item) ? item.get('to') : undefined;
    if (typeof from !== 'string' || typeof to !== 'string' || !ID_PATTERN.test(from) || !ID_PATTERN.test(to)) {
      throw new RedirectsError('每一项都需要 from 和 to，两者都是问题 id（kebab-case）', line);
    }
    return { from, to, line };
  });
}

export function readRedirects(root = '.'): Redirect[] {
  let text: string;
  try {
    text = readFileSync(join(root, REDIRECTS_FILE), 'utf8');
  } catch {
    return [];
  }
  return parseRedirects(text);
}

/** Astro `redirects` config: /q/<old>/ → /q/<new>/. */
export function astroRedirects(redirects: Redirect[], base = '/'): Record<string, string> {
  return Object.fromEntries(redirects.map((r) => [questionHref(r.from, '/'), questionHref(r.to, base)]));
}
