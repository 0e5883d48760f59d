import { describe, expect, it } from 'vitest';
import type { Doc } from '../types.ts';
import { setextHeadings } from './note-markup.ts';
import { joinHardWraps, stripPageChrome } from './page-layout.ts';

const doc = (text: string): Doc => ({
  note: 't.txt',
  format: 'general',
  lines: text.split('\n').map((t, i) => ({ text: t, src: [i + 1] })),
  sections: [],
  drops: [],
  warnings: [],
  yaml: { blocks: 0, reindented: 0, validated: 0, failed: 0 },
});
const texts = (d: Doc) => d.lines.map((l) => l.text);

describe('page layout of a PDF copy', () => {
  it('drops page numbers that count up and the header beside each of them, nothing else', () => {
    const pages = Array.from({ length: 4 }, (_, p) => ['运维手册 v2', `第 ${p * 2 + 1} 行正文。`, 'spec:', `第 ${p * 2 + 2} 行正文。`, `- ${p + 1} -`]).flat();
    const out = stripPageChrome(doc(pages.join('\n')));
    expect(texts(out)).toEqual(Array.from({ length: 4 }, (_, p) => [`第 ${p * 2 + 1} 行正文。`, 'spec:', `第 ${p * 2 + 2} 行正文。`]).flat());
    expect(out.drops.filter((d) => d.reason === 'page-chrome')).toHaveLength(8);
  });

  it('keeps a line that stands beside a page number only now and then', () => {
    const lines: string[] = [];
    for (let p = 1; p <= 6; p++) lines.push(p % 3 === 0 ? 'spec:' : `第 ${p} 页的最后一句。`, `第 ${p} 页`);
    const out = stripPageChrome(doc(lines.join('\n')));
    expect(texts(out).filter((t) => t === 'spec:')).toHaveLength(2);
  });

  it('touches nothing without page numbers in order', () => {
    const note = '第 3 页\n正文。\n第 1 页\n正文。';
    expect(texts(stripPageChrome(doc(note)))).toEqual(note.split('\n'));
  });

  it('joins lines broken at the page width, and only where the note shows that evidence', () => {
    const wrapped = [
      '1. 容器的退出码 137 表示什么？',
      '137 = 128 + 9，表示进程收到了 SIGKILL 信号。最常见的原因是内',
      '存超过 limits 被内核的 OOM killer 杀掉，也可能是 kubelet 在优',
      '雅终止期过后强制杀掉了容器。另外，退出码 143 表示进程收到了',
      'SIGTERM 后自己退出，这是正常的停止，容器会按重启策略再被拉起。',
      '2. 怎么看退出码？',
    ];
    expect(texts(joinHardWraps(doc(wrapped.join('\n'))))).toEqual([
      wrapped[0],
      '137 = 128 + 9，表示进程收到了 SIGKILL 信号。最常见的原因是内存超过 limits 被内核的 OOM killer 杀掉，也可能是 kubelet 在优雅终止期过后强制杀掉了容器。另外，退出码 143 表示进程收到了 SIGTERM 后自己退出，这是正常的停止，容器会按重启策略再被拉起。',
      wrapped[5],
    ]);
    // Lines of a hand-written note end where their sentences end: no evidence, no joins.
    const written = ['Pod 是最小的调度单位，一个 Pod 里可以有多个容器，它们共享网络和存储', 'Service 给一组 Pod 一个稳定的入口', 'Deployment 管理 ReplicaSet，ReplicaSet 再管理 Pod。'];
    expect(texts(joinHardWraps(doc(written.join('\n'))))).toEqual(written);
  });
});

describe('Setext headings', () => {
  it('become ATX headings; a sentence over a rule stays a sentence and a rule', () => {
    const out = setextHeadings(doc('笔记\n===\n\n什么是 Pod？\n---\n\n最小的调度单位，可以放多个容器。\n---\n\nname: web\n---'));
    expect(texts(out)).toEqual(['# 笔记', '', '## 什么是 Pod？', '', '最小的调度单位，可以放多个容器。', '---', '', 'name: web', '---']);
  });
});
