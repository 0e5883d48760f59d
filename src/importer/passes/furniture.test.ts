import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeNote } from '../decode.ts';
import { importNote } from '../pipeline.ts';
import { readSiteQuestions } from '../roundtrip/site-questions.ts';
import type { Doc } from '../types.ts';
import { furnitureKind, markFurniture } from './furniture.ts';

describe('a copied site’s furniture, recognised by family', () => {
  it.each([
    ['点赞 12 收藏 30 评论 5', 'counter'],
    ['​赞同 1.2 万​​356 条评论', 'counter'],
    ['展开阅读全文', 'counter'],
    ['Reply · Share', 'counter'],
    ['👍 12 🚀 3', 'counter'],
    ['1,024 人赞同了该回答', 'counter'],
    ['发布于 2024-03-01 09:12・IP 属地上海', 'stamp'],
    ['Posted by u/kube_fan 3 hours ago', 'stamp'],
    ['carol commented on Jan 2, 2026 • edited', 'stamp'],
    ['已于 2024-05-01 10:21:33 修改', 'stamp'],
    ['版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。', 'boilerplate'],
    ['扫码关注公众号，回复“k8s”领取资料', 'call'],
    ['内容由 AI 生成，仅供参考', 'disclaimer'],
    ['@kube-admin', 'handle'],
    ['[图片]', 'picture'],
  ])('%s → %s', (line, kind) => {
    expect(furnitureKind(line)).toBe(kind);
  });

  it.each([
    '分享一个排查思路：先看事件。',
    '编辑 Deployment 的模板会触发滚动更新。',
    '关注 Pod 的重启次数和 OOMKilled 事件。',
    '评论区有人问 Service 为什么 ping 不通。',
    'Follow the steps below to drain the node.',
    'kubectl get events --sort-by=.lastTimestamp',
    '2 个副本',
    '1.24 起移除了 dockershim。',
    '图：调度流程',
    'Delete',
    'Kubernetes v1.37 发布于 2026-08-26',
    'Retain',
  ])('keeps the author’s “%s”', (line) => {
    expect(furnitureKind(line)).toBeNull();
  });

  it('sets a thread’s furniture aside in the report, with its line and reason, never in an answer', () => {
    const note = [
      '1. 什么是 Pod？',
      '最小的调度单位。',
      '编辑于 2025-01-02 10:00',
      '赞同 3 · 1 条评论',
      '2. 什么是 Service？',
      '一组 Pod 的稳定入口。',
      '图片',
      '图：Service 示意',
      '3. kubelet 做什么？',
      '管理本节点上的 Pod。',
    ].join('\n');
    const r = importNote(new TextEncoder().encode(note), 'thread.txt');
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Pod？', '什么是 Service？', 'kubelet 做什么？']);
    expect(r.entries.map((e) => e.mdx).join('\n')).not.toMatch(/编辑于|赞同|图片|Service 示意/);
    expect(r.report.dropped.furniture).toBe('3-4');
    expect(r.report.dropped['lost-image']).toBe('7-8');
    expect(r.report.setAside?.map((a) => a.text)).toEqual(expect.arrayContaining(['编辑于 2025-01-02 10:00', '图：Service 示意']));
  });
});

describe('posts of a thread', () => {
  it('a lone edit stamp inside an answer starts no new post: the answer keeps the text after it', () => {
    const note = ['1. 什么是 Pod？', '最小的调度单位。', '编辑于 2025-01-02 10:00', '同一个 Pod 的容器共享网络。', '2. 什么是 Service？', '一组 Pod 的稳定入口。'].join('\n');
    const r = importNote(new TextEncoder().encode(note), 'stamp.txt');
    expect(r.entries[0]!.mdx).toContain('同一个 Pod 的容器共享网络。');
    expect(r.report.dropped.preface).toBeUndefined();
  });
});

describe('the author’s own text is never furniture', () => {
  // Every line of the site's reviewed answers and of the five seed notes: thousands of lines of real answers.
  const root = join(import.meta.dirname, '../../..');
  const raw = readdirSync(join(root, 'content/raw')).filter((f) => f.endsWith('.txt'));

  it('no line of the site’s answers is taken for a site’s furniture', () => {
    const flagged = readSiteQuestions(join(root, 'content/docs')).flatMap((q) => q.body.filter((l) => furnitureKind(l) !== null).map((l) => `${q.title}: ${l}`));
    expect(flagged).toEqual([]);
  });

  it('no line of the seed notes is marked, by any family or by its neighbours', () => {
    for (const note of raw) {
      const bytes = readFileSync(join(root, 'content/raw', note));
      const doc: Doc = { note, format: 'general', lines: decodeNote(bytes, note).lines, sections: [], drops: [], warnings: [], yaml: { blocks: 0, reindented: 0, validated: 0, failed: 0 } };
      expect(markFurniture(doc).lines.filter((l) => l.aside || l.postStart).map((l) => `${note}:${l.src[0]} ${l.text}`)).toEqual([]);
    }
  });
});
