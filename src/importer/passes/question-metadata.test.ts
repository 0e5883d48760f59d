import { describe, expect, it } from 'vitest';
import { importNote } from '../pipeline.ts';

const body = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
const load = (note: string) => importNote(new TextEncoder().encode(note), 'bank.md');

describe('fields that open most answers under the same names', () => {
  it('are set aside whatever they are called, and a frequency gives the importance', () => {
    const r = load(['## 1. 什么是 Pod？', '', 'Level: easy', '频次：低', '', '最小的调度单位。', '', '## 2. 什么是 Service？', '', 'Level: medium', '频次：高', '', '一组 Pod 的稳定入口。'].join('\n'));
    expect(r.entries.map((e) => body(e.mdx).trim())).toEqual(['最小的调度单位。', '一组 Pod 的稳定入口。']);
    expect(r.entries.map((e) => e.frontmatter.importance)).toEqual([1, 3]);
    expect(r.report.dropped.metadata).toBe('3-4,10-11');
  });

  it('stay in the answer when they say what the answer says (`定义：…`), however many answers open with them', () => {
    const r = load(['## 1. 什么是 Pod？', '', '定义：最小的调度单位', '', '一个 Pod 可以有多个容器。', '', '## 2. 什么是 Service？', '', '定义：一组 Pod 的稳定入口', '', '有 ClusterIP。'].join('\n'));
    expect(body(r.entries[0]!.mdx)).toContain('定义：最小的调度单位');
    expect(r.report.dropped.metadata).toBeUndefined();
  });

  it('stay in the answer when only one answer opens with them', () => {
    const r = load(['## 1. Pod 为什么 Pending？', '', '原因：资源不够', '', '看事件。', '', '## 2. 什么是 Service？', '', '一组 Pod 的稳定入口。'].join('\n'));
    expect(body(r.entries[0]!.mdx)).toContain('原因：资源不够');
    expect(r.report.dropped.metadata).toBeUndefined();
  });
});
