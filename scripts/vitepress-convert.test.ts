import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { convertBody, convertSite, questionPage, readQuestion, topicPage, type LinkResolver } from './vitepress-convert.ts';

const mdx = (body: string, extra = '') => `---
id: sample
title: 简述 Pod 的创建过程
topic: workloads
${extra}---

${body}`;

const known: LinkResolver = (url) => {
  const m = /^\/q\/(pod-phases|probes)\/?(#.*)?$/.exec(url);
  return m ? `/q/${m[1]}${m[2] ?? ''}` : undefined;
};
const convert = (body: string, resolve = known, unresolved?: Set<string>) =>
  convertBody(readQuestion('content/docs/workloads/sample.mdx', mdx(body)), resolve, unresolved).replace(/^\n/, '');

describe('MDX → VitePress Markdown', () => {
  it('turns the frontmatter title into the page heading and shows aliases under it', () => {
    const q = readQuestion('x.mdx', mdx('正文。\n', 'aliases:\n  - "k8s 创建 pod 的流程 <file>"\n'));
    const page = questionPage(q, known);
    expect(page).toContain('\n# 简述 Pod 的创建过程\n');
    expect(page).toContain('> 其他问法：k8s 创建 pod 的流程 &lt;file&gt;');
    expect(page.trimEnd().endsWith('正文。')).toBe(true);
  });

  it('maps Starlight asides to VitePress containers and keeps their labels', () => {
    const out = convert(':::caution[编者更正]\n按 1.37 已经 GA。\n:::\n\n:::tip[编者补充]\n补充。\n:::\n\n:::note\n注意。\n:::\n');
    expect(out).toBe('::: warning 编者更正\n按 1.37 已经 GA。\n:::\n\n::: tip 编者补充\n补充。\n:::\n\n::: info\n注意。\n:::\n');
  });

  it('keeps asides inside list items indented', () => {
    const out = convert('- 一项\n\n  :::tip[编者补充]\n  补充。\n  :::\n');
    expect(out).toContain('\n  ::: tip 编者补充\n  补充。\n  :::\n');
  });

  it('turns another note’s answer into a collapsed details block titled like ours, with nested asides intact', () => {
    const out = convert(
      '::::other-answer[笔记 002：Hexo 博客]\n## 另一份笔记的回答：按组件梳理\n\n原文。\n\n:::caution[编者更正]\n更正。\n:::\n::::\n',
    );
    expect(out).toBe(
      ':::: details 另一份笔记的回答：按组件梳理（出自笔记 002：Hexo 博客）\n## 另一份笔记的回答：按组件梳理\n\n原文。\n\n::: warning 编者更正\n更正。\n:::\n::::\n',
    );
  });

  it('rejects other-answer without a note and unknown containers, naming file and line', () => {
    expect(() => convert('正文\n\n::::other-answer\n内容\n::::\n')).toThrow('content/docs/workloads/sample.mdx:9: ::::other-answer 需要注明出自哪份笔记');
    expect(() => convert(':::warning\n内容\n:::\n')).toThrow(/sample\.mdx:7: 不认识的容器 :::warning/);
  });

  it('maps question links to VitePress page paths, keeping anchors, and fails on a missing question', () => {
    expect(convert('见[探针](/q/probes/#grpc-探测)和[阶段](/q/pod-phases/)。\n')).toBe('见[探针](/q/probes#grpc-探测)和[阶段](/q/pod-phases)。\n');
    expect(convert('[ref]: /q/probes/\n\n见[探针][ref]。\n')).toBe('[ref]: /q/probes\n\n见[探针][ref]。\n');
    expect(() => convert('第一行\n\n见[旧题](/q/no-such-question/)。\n')).toThrow('sample.mdx:9: 链接 /q/no-such-question/ 指向不存在的问题');
  });

  it('lists other internal links for the dead-link check instead of inventing pages', () => {
    const unresolved = new Set<string>();
    expect(convert('见[术语表](/glossary/#hpa)。\n', known, unresolved)).toBe('见[术语表](/glossary/#hpa)。\n');
    expect([...unresolved]).toEqual(['/glossary/index']);
  });

  it('keeps mermaid fences for the client-side plugin and never edits inside code', () => {
    const body = '```mermaid\nflowchart LR\n  A[":::tip[x]"] --> B\n```\n\n```yaml\nimage: "{{ .Values.image }}"\n# /q/probes/\n```\n';
    expect(convert(body)).toBe(body);
  });

  it('stops Vue from reading {{ outside code as an interpolation', () => {
    expect(convert('Helm 模板 {{ .Values.image }} 和 `{{ .Release.Name }}`。\n')).toBe(
      'Helm 模板 <span v-pre>{{</span> .Values.image }} 和 <span v-pre>`{{ .Release.Name }}`</span>。\n',
    );
  });

  it('lists a topic’s questions as links even when a title holds brackets or tags', () => {
    const q = readQuestion('x.mdx', mdx('正文\n').replace('简述 Pod 的创建过程', '"[必考] kubectl apply -f <file> 之后"'));
    const page = topicPage({ id: 'workloads', title: 'Pod 与工作负载', description: '说明', order: 1 }, [q]);
    expect(page).toContain('- [\\[必考\\] kubectl apply -f &lt;file&gt; 之后](/q/sample)');
  });

  it('reports a missing frontmatter field with its file', () => {
    expect(() => readQuestion('content/docs/a/b.mdx', '---\nid: b\ntopic: a\n---\n正文')).toThrow('content/docs/a/b.mdx:1: frontmatter 缺少字段 title');
  });
});

describe('convertSite', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes one page per question and topic plus a sidebar grouped by topic in study order', () => {
    dir = mkdtempSync(join(tmpdir(), 'vp-convert-'));
    const project = join(dir, 'project');
    const out = join(dir, 'out');
    mkdirSync(join(project, 'content/docs/any-folder'), { recursive: true });
    writeFileSync(
      join(project, 'content/topics.yaml'),
      '- {id: later, title: 后学, description: 第二个专题, order: 2}\n- {id: first, title: 先学, description: 第一个专题, order: 1}\n',
    );
    writeFileSync(join(project, 'content/redirects.yaml'), '- {from: old-id, to: b}\n');
    const page = (id: string, topic: string, importance: number, body: string) =>
      writeFileSync(join(project, `content/docs/any-folder/${id}.mdx`), `---\nid: ${id}\ntitle: 题目${id}\ntopic: ${topic}\nimportance: ${importance}\n---\n\n${body}`);
    page('a', 'first', 1, '见[旧链接](/q/old-id/)。\n');
    page('b', 'first', 3, '```mermaid\nflowchart LR\n  A --> B\n```\n');
    page('c', 'later', 2, '正文。\n');

    const site = convertSite(project, out);
    expect(site).toMatchObject({ questions: 3, topics: 2, pages: 6, diagrams: 1, sample: { withDiagram: 'b', withoutDiagram: 'a' } });
    expect(readFileSync(join(out, 'q/a.md'), 'utf8')).toContain('见[旧链接](/q/b)。');
    expect(readFileSync(join(out, 'topics/first.md'), 'utf8')).toMatch(/题目b[\s\S]*题目a/);
    const config = readFileSync(join(out, '.vitepress/config.mjs'), 'utf8');
    const groups = [...config.matchAll(/"text": "([^"]+)"/g)].map((m) => m[1]);
    expect(groups).toEqual(['先学', '专题概览', '题目b', '题目a', '后学', '专题概览', '题目c']);
    expect(config).toContain("withMermaid(");
    expect(config).toContain('"provider": "local"');
    convertSite(project, out, { search: false });
    expect(readFileSync(join(out, '.vitepress/config.mjs'), 'utf8')).not.toContain('"search"');
  });
});
