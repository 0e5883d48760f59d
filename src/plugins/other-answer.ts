import type { Heading, Paragraph } from 'mdast';
import { defineMdastPlugin, type PluginFactoryContext } from 'satteri';
import { failAt } from './satteri-fail.ts';

export const OTHER_ANSWER = 'other-answer';

const span = (className: string, value: string) => ({
  type: 'element' as const,
  tagName: 'span',
  properties: { className: [className] },
  children: [{ type: 'text' as const, value }],
});

/**
 * `::::other-answer[笔记 002：Hexo 博客]` … `::::` wraps another note's answer to the same
 * question in a <details>, collapsed so the page leads with the one edited answer. The content
 * stays in the HTML, so search indexes it, print shows it (print.css) and its headings keep their
 * anchors (a small script opens the box when a link points inside).
 *
 * A plugin factory: pages without the directive do not get it at all.
 */
export function otherAnswer({ source }: Pick<PluginFactoryContext, 'source'>) {
  if (!source.includes(`:${OTHER_ANSWER}`)) return null;
  return defineMdastPlugin({
    name: 'other-answer',
    options: { position: true },
    containerDirective(node, ctx) {
      if (node.name !== OTHER_ANSWER) return;
      const first = node.children[0];
      const hasLabel = first?.type === 'paragraph' && (first as Paragraph).data?.directiveLabel === true;
      const note = hasLabel ? ctx.textContent(first, { includeImageAlt: true }).trim() : '';
      if (!note) {
        failAt(
          ctx.fileURL,
          `${OTHER_ANSWER} 需要注明出自哪份笔记，例如 ::::${OTHER_ANSWER}[笔记 002：Hexo 博客《k8s面试题总结》]`,
          node.position,
          'remark-other-answer:label',
        );
      }
      const body = hasLabel ? node.children.slice(1) : [...node.children];
      const heading = body.find((c): c is Heading => c.type === 'heading');
      const title = heading ? ctx.textContent(heading, { includeImageAlt: true }) : '另一份笔记的回答';
      // Unknown node types become the element named in `data`; their mdast children are still
      // converted (and visited by later plugins such as Starlight's asides).
      return {
        type: 'otherAnswer',
        data: { hName: 'details', hProperties: { className: ['other-answer'], dataNote: note } },
        children: [
          {
            type: 'otherAnswerSummary',
            data: { hName: 'summary', hChildren: [span('other-answer-title', title), span('other-answer-note', `出自${note}`)] },
          },
          ...body,
        ],
      } as never;
    },
  });
}
