import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { headingIds } from './links.ts';

describe('headingIds', () => {
  it('predicts the anchors the build gives headings that start with an emoji', () => {
    const tree = unified().use(remarkParse).parse('## 🔹 总结\n\n## Pod 的 QoS\n');
    const ids = headingIds(tree);
    expect(ids.has('总结')).toBe(true);
    expect(ids.has('-总结')).toBe(false);
    expect(ids.has('pod-的-qos')).toBe(true);
  });
});
