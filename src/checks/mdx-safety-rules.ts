import type { Nodes } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { error, type Diagnostic } from './diagnostics.ts';

/**
 * Inert HTML that Markdown cannot express. Content comes from strangers' pull requests, so
 * nothing here may run code at build time (imports, expressions) or in a reader's browser
 * (scripts, event handlers, javascript: URLs), and no component can be pulled in.
 */
export const ALLOWED_ELEMENTS = new Set(['br', 'kbd', 'sub', 'sup', 'mark', 'abbr', 'details', 'summary', 'small']);
const ALLOWED_ATTRIBUTES = new Set(['title', 'open']);

/** The node types whose presence or attributes can be unsafe; every other node is inert. */
export const UNSAFE_NODE_TYPES = ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'link', 'image'] as const;

/** The problems of one node, not of its children: the build's Markdown plugin calls it from per-type visitors. */
export function checkNodeSafety(file: string, node: Readonly<Nodes>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }, rule: string, message: string) =>
    out.push(error(file, node.position?.start.line ?? 1, node.position?.start.column ?? 1, rule, message));

  switch (node.type) {
    case 'mdxjsEsm':
      at(node, 'mdx/no-esm', '内容文件里不能使用 import / export：内容只写 Markdown，不能执行代码');
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      at(node, 'mdx/no-expression', '内容文件里不能使用 {…} 表达式：要显示花括号请写成 \\{ \\}，或放进 `代码` 里');
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (name.toLowerCase() === 'script') {
        at(node, 'mdx/no-script', '内容文件里不能有 <script>：读者的浏览器不能执行来自内容的脚本');
        break;
      }
      // A disallowed element is one mistake: its attributes go with it.
      if (!ALLOWED_ELEMENTS.has(name)) {
        at(
          node,
          'mdx/element-not-allowed',
          name
            ? `不允许使用 <${name}>：只能用 Markdown 和 ${[...ALLOWED_ELEMENTS].map((e) => `<${e}>`).join(' ')}；要显示尖括号请写成 \\< 或放进 \`代码\` 里`
            : '不允许使用 <> 片段',
        );
        break;
      }
      for (const attr of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) checkAttribute(attr, node, at);
      break;
    }
    case 'link':
    case 'image':
      if (/^\s*(javascript|vbscript|data):/i.test(node.url)) at(node, 'mdx/unsafe-url', `不允许 ${node.url.split(':')[0]}: 链接`);
      break;
  }
  return out;
}

function checkAttribute(
  attr: MdxJsxAttribute | MdxJsxExpressionAttribute,
  element: { position?: { start: { line: number; column: number } } },
  at: (node: typeof element, rule: string, message: string) => void,
) {
  const where = attr.position ? attr : element;
  if (attr.type === 'mdxJsxExpressionAttribute') {
    at(where, 'mdx/no-expression', '不允许 {...} 展开属性');
    return;
  }
  if (/^on/i.test(attr.name)) {
    at(where, 'mdx/no-event-handler', `不允许事件处理属性 ${attr.name}=：内容不能在读者浏览器里执行代码`);
    return;
  }
  if (attr.value !== null && typeof attr.value === 'object') {
    at(where, 'mdx/no-expression', `属性 ${attr.name} 不能使用 {…} 表达式`);
    return;
  }
  if (!ALLOWED_ATTRIBUTES.has(attr.name)) {
    at(where, 'mdx/attribute-not-allowed', `不允许属性 ${attr.name}=（只允许 ${[...ALLOWED_ATTRIBUTES].join('、')}）`);
  }
}

