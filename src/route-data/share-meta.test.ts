import { describe, expect, it } from 'vitest';
import { answerExcerpt } from './share-meta.ts';

describe('answerExcerpt', () => {
  it('drops code, diagrams, JSX and Markdown syntax', () => {
    const body = [
      "import Aside from './x.astro';",
      '',
      '## 探针类型',
      '',
      '```mermaid',
      'flowchart LR',
      '  A --> B',
      '```',
      '',
      '- **Liveness** 探针：检查容器是否[存活](https://kubernetes.io)。',
      '<Aside>提示</Aside>',
    ].join('\n');
    expect(answerExcerpt(body)).toBe('探针类型 Liveness 探针：检查容器是否存活。 提示');
  });

  it('cuts at max characters, counting CJK characters as one', () => {
    expect(answerExcerpt('一'.repeat(130))).toBe(`${'一'.repeat(120)}…`);
    expect(answerExcerpt('短答案', 120)).toBe('短答案');
  });
});
