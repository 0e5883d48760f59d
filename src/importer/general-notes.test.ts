import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importNote } from './pipeline.ts';
import { expandRanges, unaccountedLines } from './report.ts';
import { importNotes, reportPath } from './write.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const load = (name: string) => importNote(readFileSync(join(FIXTURES, name)), name);
const body = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');

/** Hand-written notes in the forms people copy (none taken from anyone's notes). */
describe('notes of families the five seed notes never showed', () => {
  it('`###  1.简述…？` headings with CRLF line ends', () => {
    const r = load('crlf-headings.md');
    expect(r.entries.map((e) => e.title)).toEqual(['简述 Pod 的重启策略有哪些？', '简述 kubelet 的主要职责？', '简述 Service 的 ClusterIP 是怎么工作的？']);
    // `# 查看 kubelet 日志` inside the fence is a shell comment, not a question.
    expect(body(r.entries[1]!.mdx)).toContain('```bash\n# 查看 kubelet 日志\njournalctl -u kubelet -f\n```');
    expect(r.report.warnings.some((w) => /CRLF/.test(w.message))).toBe(true);
  });

  it('问：/答： with `## 一、` topic sections: headings restated by 问： are one question; sections are topic hints', () => {
    const r = load('qa-sections.txt');
    expect(r.entries.map((e) => e.title)).toEqual(['同一个集群里，不同节点上的 Pod 之间怎么通信？', 'Service 的 NodePort 范围是多少？', 'docker 镜像分层有什么好处？']);
    expect(r.entries[2]!.topic).toBe('runtime');
    const first = body(r.entries[0]!.mdx);
    expect(first).not.toMatch(/答：/);
    expect(first).toContain('```bash\nkubectl get pods -n kube-system -o wide\n```');
    expect(body(r.entries[2]!.mdx)).toContain('```console\n$ docker history nginx:latest\n```');
    expect(r.report.dropped['duplicate-title']).toBe('3');
  });

  it('a CSDN copy where every line is a `* ` bullet', () => {
    const r = load('csdn-bullets.txt');
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 etcd？它在 Kubernetes 中存什么？', 'etcd 集群为什么建议奇数个节点？', '怎么备份 etcd？']);
    expect(body(r.entries[2]!.mdx)).toContain('```bash\netcdctl snapshot save /backup/etcd.db\n```');
  });

  it('a web paste with `- ##### • ` on every line', () => {
    const r = load('web-paste.txt');
    expect(r.entries).toHaveLength(3);
    expect(body(r.entries[2]!.mdx)).toContain('- ingress-nginx\n- Traefik\n- HAProxy Ingress');
  });

  it('front matter, `**问题：**`/`**答案：**`, fenced YAML fragments and tables: YAML stays YAML, schema advice is a warning', () => {
    const r = load('markdown-labelled.md');
    expect(r.entries.map((e) => e.title)).toEqual(['Deployment 滚动更新时，maxSurge 和 maxUnavailable 分别控制什么？', '怎么把 Deployment 回滚到上一个版本？']);
    expect(r.entries.map((e) => e.frontmatter.status)).toEqual(['answered', 'answered']);
    const first = body(r.entries[0]!.mdx);
    expect(first).toContain('```yaml\n# 只写了 strategy 部分的片段\napiVersion: apps/v1');
    expect(first).toContain('| maxSurge | 可超出的 Pod 数 |');
    expect(r.report.warnings.some((w) => /selector/.test(w.message))).toBe(true);
    expect(r.report.dropped.structure).toContain('1-4');
  });

  it('numbered questions with indented answers, numbering restarting per `##` section, commands unfenced', () => {
    const r = load('numbered-indented.md');
    expect(r.entries.map((e) => e.title)).toEqual(['什么是污点和容忍？', 'nodeSelector 和节点亲和性有什么区别？', 'PV 的回收策略有哪些？', 'StorageClass 的作用是什么？']);
    expect(body(r.entries[0]!.mdx)).toContain('```bash\nkubectl taint nodes node1 key=value:NoSchedule\n```');
    expect(body(r.entries[1]!.mdx)).toContain('1. requiredDuringSchedulingIgnoredDuringExecution');
    expect(r.entries.map((e) => e.topic)).toEqual(['scheduling', 'scheduling', 'storage-config', 'storage-config']);
  });

  it.each(['crlf-headings.md', 'qa-sections.txt', 'csdn-bullets.txt', 'web-paste.txt', 'markdown-labelled.md', 'numbered-indented.md'])(
    '%s: every line accounted for, deterministic',
    (name) => {
      const r = load(name);
      expect(unaccountedLines(r.report)).toEqual([]);
      const dropped = new Set(Object.values(r.report.dropped).flatMap((s) => expandRanges(s ?? '')));
      for (const e of r.report.entries) for (const n of expandRanges(e.lines)) expect(dropped.has(n)).toBe(false);
      expect(load(name).entries.map((e) => e.mdx)).toEqual(r.entries.map((e) => e.mdx));
    },
  );
});

describe('importing into a living site', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists likely duplicates with their URL and score, and classifies into existing topics', () => {
    root = mkdtempSync(join(tmpdir(), 'living-'));
    cpSync(join(import.meta.dirname, '../../content/topics.yaml'), join(root, 'topics.yaml'));
    mkdirSync(join(root, 'docs/ingress'), { recursive: true });
    writeFileSync(
      join(root, 'docs/ingress/what-is-ingress.mdx'),
      '---\nid: what-is-ingress\ntitle: 什么是 Ingress？\ntopic: ingress\nstatus: answered\n---\n\nIngress 是集群外部访问集群内服务的七层入口，需要 Ingress Controller。\n',
    );
    const note = join(root, 'web-paste.txt');
    cpSync(join(FIXTURES, 'web-paste.txt'), note);
    const { ok, log } = importNotes([note], { outDir: join(root, 'docs'), dryRun: true });
    expect(ok).toBe(true);
    const text = log.join('\n');
    expect(text).toMatch(/疑似重复：\/q\/what-is-ingress\/ 0\.\d\d/);
    expect(text).toMatch(/结构：编号行（1\. …），3 个问题；各 pass 处理数：.*strip-line-prefix 10/);
    // A dry run writes nothing, not even the report.
    expect(() => readFileSync(reportPath(note))).toThrow();
  });
});
