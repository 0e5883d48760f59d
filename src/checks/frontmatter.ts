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

/**
 * The id a file declares, read from the raw text even when its frontmatter is not valid YAML or
 * not closed: other pages keep linking to it, so only the file itself should report the mistake.
 */
export function rawFrontmatterId(text: string): string | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const close = text.indexOf('\n---', 3);
  const head = close === -1 ? text.slice(0, 4000) : text.slice(0, close);
  return /^id:[ \t]*['"]?([a-z0-9-]+)['"]?[ \t]*(?:#.*)?$/m.exec(head)?.[1];
}

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
      // One broken line often makes the parser complain several times; the first complaint is the mistake.
      diagnostics: doc.errors.slice(0, 1).map((e) => {
        const pos = unclosedQuote(yamlText) ?? lineCounter.linePos(e.pos[0]);
        return error(file, pos.line + 1, pos.col, 'frontmatter/yaml', `frontmatter 不是合法的 YAML：${explainYamlError(e.code, e.message.split('\n')[0] ?? '')}`);
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
  const result = contributorSchema(topicIds).safeParse(fm.data, { error: chineseIssue });
  if (result.success) return { data: result.data, diagnostics: [] };
  return {
    diagnostics: result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.') || 'frontmatter';
      return error(file, fm.lineOf(issue.path as (string | number)[]), 1, 'frontmatter/schema', `${field}: ${issue.message}`);
    }),
  };
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（[a, b] 或每行一个 - 项）',
  object: '“键: 值” 的映射',
};

/** Zod's own messages are English; fields without a message of their own get a Chinese one here. */
function chineseIssue(issue: { code?: string; input?: unknown; expected?: unknown; minimum?: unknown; maximum?: unknown; origin?: unknown }): string | undefined {
  if (issue.code === 'invalid_type') {
    const want = TYPE_NAMES[String(issue.expected)] ?? String(issue.expected);
    if (issue.input === undefined) return `缺少这个必填字段（应为${want}）`;
    const got = Array.isArray(issue.input) ? '列表' : issue.input === null ? '空值' : (TYPE_NAMES[typeof issue.input] ?? typeof issue.input);
    return `应为${want}，实际写的是${got}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') return `不能小于 ${String(issue.minimum)}`;
  if (issue.code === 'too_small') return '不能为空';
  if (issue.code === 'too_big') return `太长了（最多 ${String(issue.maximum)}）`;
  return undefined;
}

/** An opening quote never closed: YAML reports it at the end of the block, the mistake is where it opened. */
function unclosedQuote(yamlText: string): { line: number; col: number } | undefined {
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*(?:-\s+)?[\w-]+:\s*|\s*-\s+)(["'])/.exec(lines[i]!);
    if (!m) continue;
    const quote = m[2]!;
    const rest = lines[i]!.slice(m[0].length);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : rest.includes("'");
    if (!closed) return { line: i + 1, col: m[1]!.length + 1 };
  }
  return undefined;
}

const YAML_EXPLANATIONS: Record<string, string> = {
  MISSING_CHAR: '引号或括号没有闭合',
  DUPLICATE_KEY: '同一个字段写了两次，请删掉一个',
  BAD_INDENT: '缩进不对：字段要顶格写，列表项和嵌套字段用两个空格缩进',
  MULTILINE_IMPLICIT_KEY: '缩进或冒号不对：每个字段写成一行 “键: 值”',
  BLOCK_AS_IMPLICIT_KEY: '缩进或冒号不对：每个字段写成一行 “键: 值”',
  UNEXPECTED_TOKEN: '这里有 YAML 不认识的符号；值里有 : # [ ] { } 等字符时请用引号把整个值括起来',
  TAB_AS_INDENT: 'YAML 不能用 Tab 缩进，请改用空格',
};

export function explainYamlError(code: string, message: string): string {
  const bracket = /end with an? ([\]}])/.exec(message)?.[1];
  if (bracket) return `${bracket === ']' ? '方括号 [ ]' : '花括号 { }'} 没有闭合，或者续行缩进不够（解析器原文：${message}）`;
  const explanation = YAML_EXPLANATIONS[code] ?? '请检查这一行的冒号、缩进和引号；值里有特殊字符时用引号括起来';
  return `${explanation}（解析器原文：${message}）`;
}
