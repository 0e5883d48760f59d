import { describe, expect, it } from 'vitest';
import { answerExcerpt, mergeHead, shareMetaTags, type HeadTag } from './share-meta.ts';

const content = (head: HeadTag[], key: string) =>
  head.filter((t) => t.attrs?.property === key || t.attrs?.name === key).map((t) => t.attrs?.content);

describe('answerExcerpt', () => {
  it('keeps the answer prose and drops headings, code, diagrams, directives and Markdown syntax', () => {
    const body = [
      '## 探针类型',
      '',
      '```mermaid',
      'flowchart LR',
      '  A --> B',
      '```',
      '',
      '- **Liveness** 探针：检查容器是否[存活](https://kubernetes.io)。',
      ':::tip[编者补充]',
      '用 `kubectl describe` 查看 \\<事件\\>。',
      ':::',
      '',
      '```yaml',
      'livenessProbe: {}',
      '```',
    ].join('\n');
    expect(answerExcerpt(body)).toBe('Liveness 探针：检查容器是否存活。用 kubectl describe 查看 <事件>。');
  });

  it('cuts at max characters, counting a CJK character as one', () => {
    expect(answerExcerpt('一'.repeat(130))).toBe(`${'一'.repeat(120)}…`);
    expect(answerExcerpt('短答案', 120)).toBe('短答案');
  });

  it('does not swallow the rest of the answer after an unclosed fence', () => {
    expect(answerExcerpt('先说结论。\n```yaml\na: 1')).toBe('先说结论。');
  });
});

describe('shareMetaTags', () => {
  const input = {
    title: '探针有哪些？',
    description: '手写的摘要',
    body: '## 类型\n\n存活探针检查容器是否存活。',
    topicTitle: 'Pod 与工作负载',
    tags: ['probe', 'liveness-probe'],
  };

  it('uses the question as title and the first lines of the answer as description', () => {
    const head = shareMetaTags(input);
    expect(content(head, 'og:title')).toEqual(['探针有哪些？']);
    expect(content(head, 'twitter:title')).toEqual(['探针有哪些？']);
    expect(content(head, 'og:description')).toEqual(['存活探针检查容器是否存活。']);
    expect(content(head, 'twitter:description')).toEqual(['存活探针检查容器是否存活。']);
    expect(content(head, 'twitter:card')).toEqual(['summary']);
    expect(content(head, 'article:tag')).toEqual(['probe', 'liveness-probe']);
  });

  it('falls back to the summary, then the title, when there is no answer yet', () => {
    expect(content(shareMetaTags({ ...input, body: ':::caution[待补充]\n:::' }), 'og:description')).toEqual(['手写的摘要']);
    expect(content(shareMetaTags({ ...input, body: '', description: undefined }), 'og:description')).toEqual(['探针有哪些？']);
  });

  it('gives the page a meta description without Markdown syntax', () => {
    const description = '在[上一章节](/q/service-hands-on/)中提到，**NodePort** 和 `LoadBalancer` 都有缺点';
    expect(content(shareMetaTags({ ...input, description }), 'description')).toEqual([
      '在上一章节中提到，NodePort 和 LoadBalancer 都有缺点',
    ]);
    expect(content(shareMetaTags({ ...input, description: undefined }), 'description')).toEqual(['存活探针检查容器是否存活。']);
  });
});

describe('mergeHead', () => {
  it('replaces Starlight’s meta of the same name instead of duplicating it, and keeps repeated tags', () => {
    const head: HeadTag[] = [
      { tag: 'meta', attrs: { property: 'og:description', content: '站点简介' } },
      { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
      { tag: 'link', attrs: { rel: 'canonical', href: '/q/x/' } },
    ];
    mergeHead(head, shareMetaTags({ title: 'T', body: '答案。', tags: ['a', 'b'] }));
    expect(content(head, 'og:description')).toEqual(['答案。']);
    expect(content(head, 'twitter:card')).toEqual(['summary']);
    expect(content(head, 'article:tag')).toEqual(['a', 'b']);
    expect(head.filter((t) => t.tag === 'link')).toHaveLength(1);
  });
});
