import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { GlossaryTerm } from './glossary.ts';
import { deriveId, idWords, sameTitle, scaffoldEntry, similarQuestions } from './new-entry.ts';
import { questionFields } from './question.ts';

/** A test glossary, so these tests do not depend on what content/glossary.yaml holds today. */
const term = (id: string, en: string, zh: string, aka: string[] = []): GlossaryTerm => ({ id, en, zh, aka });
const GLOSSARY = [
  term('canary-release', 'Canary Release', '金丝雀发布', ['灰度发布']),
  term('rolling-update', 'Rolling Update', '滚动更新'),
  term('probe', 'Probe', '探针'),
  term('liveness-probe', 'Liveness Probe', '存活探针'),
  term('headless-service', 'Headless Service', '无头服务'),
  term('scheduler', 'Scheduler', '调度器'),
];

describe('deriveId', () => {
  it('translates the glossary terms a Chinese title names', () => {
    expect(deriveId('Kubernetes 中如何做金丝雀发布？', new Set(), GLOSSARY)).toEqual({ id: 'canary-release' });
    expect(deriveId('存活探针和滚动更新有什么关系？', new Set(), GLOSSARY)).toEqual({ id: 'liveness-probe-rolling-update' });
  });
  it('uses Latin words in title order and drops words that name no question', () => {
    expect(deriveId('Pod 的 QoS 等级有哪些？', new Set(), GLOSSARY)).toEqual({ id: 'pod-qos' });
    expect(deriveId('什么是 Headless Service？', new Set(), GLOSSARY)).toEqual({ id: 'headless-service' });
    expect(idWords('Kubernetes 的 Pod 是什么', GLOSSARY)).toEqual(['pod']);
  });
  it('never returns an id that is taken', () => {
    expect(deriveId('Headless Service', new Set(['headless-service', 'headless-service-2']), GLOSSARY)).toEqual({ id: 'headless-service-3' });
  });
  it('gives no id but a suggestion when the title yields nothing meaningful', () => {
    const noTerms = deriveId('Kubernetes 的架构是怎样的？', new Set(), GLOSSARY, { topic: 'architecture' });
    expect(noTerms.id).toBeUndefined();
    expect(noTerms).toHaveProperty('suggestion', 'architecture-<英文关键词>');
    expect(deriveId('调度的打分算法是怎样的？', new Set(), GLOSSARY)).toEqual({ suggestion: 'scheduler' });
    expect(deriveId('调度的打分算法是怎样的？', new Set(), GLOSSARY, { tags: ['scoring'] })).toEqual({ suggestion: 'scoring' });
  });
});

describe('similarQuestions', () => {
  const existing = [
    { id: 'qos-classes', title: 'Kubernetes 的 QoS 等级有哪些？' },
    { id: 'canary', title: '如何实现灰度发布？' },
    { id: 'probes', title: '启动、存活、就绪三种探针如何配置？' },
    { id: 'etcd-tuning', title: 'etcd 如何调优？' },
  ];
  it('finds a question worded differently, synonyms included', () => {
    expect(similarQuestions('Pod 的 QoS 等级有哪些？', existing, GLOSSARY)[0]?.id).toBe('qos-classes');
    expect(similarQuestions('Kubernetes 中如何做金丝雀发布？', existing, GLOSSARY)[0]?.id).toBe('canary');
  });
  it('lists at most three, and nothing for an unrelated title', () => {
    expect(similarQuestions('探针如何配置？存活探针呢？', existing, GLOSSARY).length).toBeLessThanOrEqual(3);
    expect(similarQuestions('Helm Chart 的目录结构', existing, GLOSSARY)).toEqual([]);
  });
  it('treats width, case, spaces and punctuation as the same title', () => {
    expect(sameTitle('Pod 的 QoS 等级有哪些？', 'pod的qos等级有哪些?')).toBe(true);
    expect(sameTitle('Pod 的 QoS 等级有哪些？', 'Pod 的 QoS 等级是什么？')).toBe(false);
  });
});

describe('scaffoldEntry', () => {
  it('writes frontmatter that passes the question schema', () => {
    const mdx = scaffoldEntry({ id: 'pod-qos', title: 'Pod 的 QoS 等级有哪些？', topic: 'workloads' });
    const fm = parse(mdx.split('---\n')[1] ?? '') as Record<string, unknown>;
    const result = questionFields(['workloads']).safeParse(fm);
    expect(result.success).toBe(true);
    expect(fm.status).toBe('needs-answer');
    expect(mdx).toContain(':::note[待补充]');
  });
});

/** `npm run new` itself, in a copy of the fixture site (topics, two questions, the test glossary). */
describe('npm run new', () => {
  const fixture = async () => {
    const root = await mkdtemp(join(tmpdir(), 'new-'));
    await cp(resolve('src/checks/__fixtures__/site'), root, { recursive: true });
    await cp(resolve('src/content-model/__fixtures__/glossary.yaml'), join(root, 'content/glossary.yaml'));
    return root;
  };
  const run = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [resolve('scripts/new.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, SITE_URL: 'https://example.org', SITE_BASE: '/notes/' } });
  const created = async (root: string) => (await readdir(join(root, 'content/docs'), { recursive: true })).filter((f) => f.endsWith('.mdx')).sort();

  it('names the existing question, with its URL, for a near-duplicate title', async () => {
    const root = await fixture();
    const r = run(root, 'Pod 生命周期的阶段有哪些？', '--topic', 'workloads');
    expect(r.stderr).toContain('Pod 的生命周期有哪些阶段？');
    expect(r.stderr).toContain('https://example.org/notes/q/pod-lifecycle/');
    expect(r.status).toBe(0);
  });

  it('refuses the same question twice unless --force', async () => {
    const root = await fixture();
    const before = await created(root);
    const r = run(root, 'Pod 的生命周期有哪些阶段?', '--topic', 'workloads');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('已经存在');
    expect(await created(root)).toEqual(before);
    expect(run(root, 'Pod 的生命周期有哪些阶段?', '--topic', 'workloads', '--force').status).toBe(0);
    expect(await created(root)).toContain('workloads/pod-lifecycle-2.mdx');
  });

  it('derives the id from the glossary, or asks for --id with a suggestion', async () => {
    const root = await fixture();
    const r = run(root, 'Kubernetes 中如何做金丝雀发布？', '--topic', 'workloads');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('/q/canary-release/');
    const none = run(root, '架构是怎样的？', '--topic', 'networking');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('--id networking-<英文关键词>');
  });
});
