import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'astro/zod';
import { error, type Diagnostic } from './diagnostics.ts';
import { questionFields } from '../content-model/question.ts';

export interface Frontmatter {
  data: Record<string, unknown>;
  /** Line of a top-level or nested key, for pointing at the field a problem is in. */
  lineOf(path: (string | number)[]): number;
  /** Number of lines the frontmatter block takes, including both --- fences. */
  lineCount: number;
}

/** Question frontmatter as a contributor writes it: Starlight's title plus our fields. */
export const contributorSchema = (topicIds: readonly [string, ...string[]]) =>
  questionFields(topicIds).extend({
    title: z.string({ error: '缺少 title（问题的中文标题）' }).min(1, 'title 不能为空'),
    description: z.string().max(200, 'description 最长 200 字').optional(),
  });

export function parseFrontmatter(file: string, text: string): { frontmatter?: Frontmatter; diagnostics: Diagnostic[] } {
  if (!text.startsWith('---\n')) {
    return { diagnostics: [error(file, 1, 1, 'frontmatter/missing', '文件必须以 --- 开头的 frontmatter 开始（id、title、topic、status 等字段）')] };
  }
  const end = text.indexOf('\n---', 3);
  if (end === -1 || !/^\n---[ \t]*(\n|$)/.test(text.slice(end, end + 6) + '\n')) {
    return { diagnostics: [error(file, 1, 1, 'frontmatter/unclosed', 'frontmatter 没有用单独一行的 --- 结束')] };
  }
  const yamlText = text.slice(4, end + 1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + 1; // +1 for the opening ---
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return error(file, pos.line + 1, pos.col, 'frontmatter/yaml', `frontmatter 不是合法的 YAML：${e.message.split('\n')[0]}`);
      }),
    };
  }
  const data = doc.toJS() as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { diagnostics: [error(file, 2, 1, 'frontmatter/yaml', 'frontmatter 应该是 “键: 值” 的映射')] };
  }
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return toLine(node.range[0]);
      // A missing leaf: point at its parent key instead.
    }
    return 1;
  };
  const lineCount = text.slice(0, end + 4).split('\n').length;
  return { frontmatter: { data: data as Record<string, unknown>, lineOf, lineCount }, diagnostics: [] };
}

export function validateFrontmatter(
  file: string,
  fm: Frontmatter,
  topicIds: readonly [string, ...string[]],
): { data?: z.infer<ReturnType<typeof contributorSchema>>; diagnostics: Diagnostic[] } {
  const result = contributorSchema(topicIds).safeParse(fm.data);
  if (result.success) return { data: result.data, diagnostics: [] };
  return {
    diagnostics: result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.') || 'frontmatter';
      return error(file, fm.lineOf(issue.path as (string | number)[]), 1, 'frontmatter/schema', `${field}: ${issue.message}`);
    }),
  };
}
