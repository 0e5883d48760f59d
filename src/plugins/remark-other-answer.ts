import type { ElementContent } from 'hast';
import type { Heading, Paragraph, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export const OTHER_ANSWER = 'other-answer';

const span = (className: string, value: string): ElementContent => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [className] },
  children: [{ type: 'text', value }],
});

/**
 * `::::other-answer[笔记 002：Hexo 博客]` … `::::` wraps another note's answer to the same
 * question in a <details>, collapsed so the page leads with the one edited answer. The content
 * stays in the HTML, so search indexes it, print shows it (print.css) and its headings keep their
 * anchors (a small script opens the box when a link points inside).
 */
export function remarkOtherAnswer() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'containerDirective', (node: ContainerDirective, index, parent: Parent | undefined) => {
      if (node.name !== OTHER_ANSWER || !parent || index === undefined) return;
      const first = node.children[0];
      const hasLabel = first?.type === 'paragraph' && (first as Paragraph).data?.directiveLabel === true;
      const note = hasLabel ? toString(first).trim() : '';
      if (!note) {
        file.fail(
          `${OTHER_ANSWER} 需要注明出自哪份笔记，例如 ::::${OTHER_ANSWER}[笔记 002：Hexo 博客《k8s面试题总结》]`,
          node,
          'remark-other-answer:label',
        );
      }
      const body = hasLabel ? node.children.slice(1) : node.children;
      const heading = body.find((c): c is Heading => c.type === 'heading');
      const title = heading ? toString(heading) : '另一份笔记的回答';
      // Unknown node types become the element named in `data`; their mdast children are still
      // converted (and visited by later plugins such as Starlight's asides).
      const summary = {
        type: 'otherAnswerSummary',
        data: {
          hName: 'summary',
          hChildren: [span('other-answer-title', title), span('other-answer-note', `出自${note}`)],
        },
      };
      parent.children[index] = {
        type: 'otherAnswer',
        children: [summary, ...body],
        position: node.position,
        data: { hName: 'details', hProperties: { className: ['other-answer'], dataNote: note } },
      } as unknown as Parent['children'][number];
      return index + 1;
    });
  };
}
