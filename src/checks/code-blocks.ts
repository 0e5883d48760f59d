import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { LineCounter, parseAllDocuments, isNode } from 'yaml';
import { error, warning, type Diagnostic } from './diagnostics.ts';
import type { ContentCheck } from './page.ts';
import { isManifest, validateManifest } from '../lib/k8s-validate.ts';
import { explainYamlError } from './frontmatter.ts';
import { parseMermaid } from './mermaid-syntax.ts';

const SHELL_ALIASES = new Set(['sh', 'shell', 'zsh']);
/** A prompt at line start: `$ `, `# ` after a user@host, `[root@master ~]# `. */
const PROMPT = /^(\$ |\[[^\]]+\][#$] ?|[\w.-]+@[\w.-]+[^\s]*[#$] )/;

/** First line of a code block's content (the line after the opening fence). */
const contentLine = (node: Code) => (node.position?.start.line ?? 1) + 1;

export async function checkCodeBlocks(file: string, tree: Root): Promise<Diagnostic[]> {
  const blocks: Code[] = [];
  visit(tree, 'code', (node) => {
    blocks.push(node);
  });
  const results = await Promise.all(blocks.map((node) => checkBlock(file, node)));
  return results.flat();
}

export const codeBlocksCheck: ContentCheck = {
  name: 'code/* yaml/* mermaid/syntax',
  page: (page) => (page.tree ? checkCodeBlocks(page.file, page.tree) : []),
};

async function checkBlock(file: string, node: Code): Promise<Diagnostic[]> {
  const line = node.position?.start.line ?? 1;
  const lang = node.lang?.toLowerCase();
  if (!lang) {
    return [warning(file, line, 1, 'code/no-language', '代码块没有标注语言：命令用 bash，终端记录用 console，YAML 用 yaml，纯文本用 text')];
  }
  if (lang === 'yaml' || lang === 'yml') return checkYaml(file, node);
  if (lang === 'mermaid') return checkMermaid(file, node);
  if (SHELL_ALIASES.has(lang)) {
    return [error(file, line, 1, 'code/shell-language', `请把 \`\`\`${lang} 改成 \`\`\`bash（命令）或 \`\`\`console（带提示符和输出的终端记录）`)];
  }
  if (lang === 'bash') {
    const lines = node.value.split('\n');
    const prompt = lines.findIndex((l) => PROMPT.test(l));
    if (prompt !== -1) {
      return [error(file, contentLine(node) + prompt, 1, 'code/bash-with-prompt', '这段 bash 里有命令提示符（如 $ 或 [root@host ~]#）：带提示符和输出的终端记录请标成 console')];
    }
  }
  return [];
}

async function checkYaml(file: string, node: Code): Promise<Diagnostic[]> {
  const first = contentLine(node);
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(node.value, { lineCounter, prettyErrors: false });
  if (!Array.isArray(docs)) return []; // an empty block: nothing to parse
  const out: Diagnostic[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = lineCounter.linePos(e.pos[0]);
        out.push(error(file, first + pos.line - 1, pos.col, 'yaml/parse', `YAML 解析失败：${explainYamlError(e.code, e.message.split('\n')[0] ?? '')}`));
      }
      continue;
    }
    const data: unknown = doc.toJS();
    if (!isManifest(data)) continue; // a fragment (e.g. just a livenessProbe) is checked for syntax only
    const verdict = await validateManifest(data);
    if (verdict.kind !== 'invalid') continue;
    for (const problem of verdict.problems) {
      let offset = doc.range[0];
      for (let n = problem.path.length; n >= 0; n--) {
        const target = n === 0 ? doc.contents : doc.getIn(problem.path.slice(0, n), true);
        // Point at the key of the offending field when there is one, else at its value.
        const pair = n > 0 ? findKeyOffset(doc, problem.path.slice(0, n)) : undefined;
        if (pair !== undefined) {
          offset = pair;
          break;
        }
        if (isNode(target) && target.range) {
          offset = target.range[0];
          break;
        }
      }
      const pos = lineCounter.linePos(offset);
      out.push(
        error(file, first + pos.line - 1, pos.col, 'yaml/kubernetes-schema', `${data.kind}（${data.apiVersion}）不符合 Kubernetes API：${problem.message}`),
      );
    }
  }
  return out;
}

function findKeyOffset(doc: ReturnType<typeof parseAllDocuments>[number] & object, path: (string | number)[]): number | undefined {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  if (!parent || typeof parent !== 'object' || !('items' in parent) || !Array.isArray(parent.items)) return undefined;
  if (typeof key === 'number') {
    const item = parent.items[key] as { range?: [number, number, number] } | undefined;
    return item?.range?.[0];
  }
  for (const pair of parent.items as { key?: { value?: unknown; range?: [number, number, number] } }[]) {
    const k = pair.key;
    if (k && k.value === key && k.range) return k.range[0];
  }
  return undefined;
}

async function checkMermaid(file: string, node: Code): Promise<Diagnostic[]> {
  const problem = await parseMermaid(node.value);
  if (!problem) return [];
  return [error(file, contentLine(node) + problem.line - 1, 1, 'mermaid/syntax', `Mermaid 图语法错误：${problem.message}`)];
}
