import { describe, expect, it } from 'vitest';
import { importNote } from '../pipeline.ts';

const body = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
const load = (note: string) => importNote(new TextEncoder().encode(note), 'rows.txt');

describe('rows of tab-separated fields', () => {
  it('are questions when their first fields ask, with tags set aside and quoted fields unquoted', () => {
    const r = load(['什么是 Pod？\t最小的调度单位。\tbasics', '"什么是 ""Service""？"\t一组 Pod 的稳定入口。\tnetwork', 'kubelet 做什么？\t管理本节点上的 Pod。\tnode'].join('\n'));
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Pod？', '什么是 "Service"？', 'kubelet 做什么？']);
    expect(body(r.entries[1]!.mdx)).toContain('一组 Pod 的稳定入口。');
    expect(r.entries.map((e) => e.mdx).join('\n')).not.toMatch(/basics|network/);
    expect(r.report.setAside?.filter((a) => a.reason === 'metadata').map((a) => a.text)).toEqual(['basics', 'network', 'node']);
  });

  it('are a Markdown table inside an answer when they ask nothing', () => {
    const r = load(['1. 探针有哪几种？', '三种：', '探针\t作用', 'liveness\t失败就重启容器', 'readiness\t失败就摘掉流量', '2. 什么是 Pod？', '最小的调度单位。'].join('\n'));
    expect(body(r.entries[0]!.mdx)).toContain('| 探针 | 作用 |\n| --- | --- |\n| liveness | 失败就重启容器 |');
  });

  it('leave addresses and numbers pasted without a fence to the code repairs', () => {
    const r = load(['1. 怎么让节点互相解析主机名？', '写进每台机器的 /etc/hosts：', '192.168.1.10\tmaster', '192.168.1.11\tnode1', '2. 什么是 Pod？', '最小的调度单位。'].join('\n'));
    expect(body(r.entries[0]!.mdx)).not.toContain('|');
    expect(body(r.entries[0]!.mdx)).toContain('192.168.1.11');
  });

  it('leave a single line with a tab in it alone', () => {
    const r = load(['1. 什么是 Pod？', 'Pod\t最小的调度单位。', '2. 什么是 Service？', '稳定入口。'].join('\n'));
    expect(body(r.entries[0]!.mdx)).not.toContain('|');
  });
});
