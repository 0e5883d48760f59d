import { describe, expect, it } from 'vitest';
import { importNote } from '../pipeline.ts';

const body = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
const load = (note: string) => importNote(new TextEncoder().encode(note), 'outline.txt');

describe('a mind map exported as a tab outline', () => {
  it('takes the nodes under the root as questions and their subtrees as nested lists', () => {
    const r = load(['网络', '\t什么是 Service？', '\t\t一组 Pod 的稳定入口', '\t\t\t有 ClusterIP', '\tkube-proxy 做什么？', '\t\t在节点上写转发规则', '\t\t\tiptables', '\t\t\tnftables'].join('\n'));
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Service？', 'kube-proxy 做什么？']);
    expect(body(r.entries[1]!.mdx).trim()).toMatch(/^- 在节点上写转发规则\n\s+- iptables\n\s+- nftables$/);
    expect(r.report.setAside?.map((a) => a.text)).toEqual(['网络']);
  });

  it('leaves a note with tab-indented code under flush-left prose alone', () => {
    const r = load(['1. 怎么看节点？', '用这条命令：', '\tkubectl get nodes', '2. 怎么看 Pod？', '用这条命令：', '\tkubectl get pods', '3. 怎么看事件？', '\tkubectl get events'].join('\n'));
    expect(r.entries.map((e) => e.title)).toEqual(['怎么看节点？', '怎么看 Pod？', '怎么看事件？']);
    expect(r.doc.passCounts?.outline).toBe(0);
  });
});
