import { describe, expect, it } from 'vitest';
import { questionEntryId, questionHref } from './permalink.ts';
import { questionFields } from './question.ts';
import { formatFrontmatterError } from './questions-loader.ts';
import { readTopics } from './topics.ts';

const schema = questionFields(['workloads', 'networking']);
const valid = {
  id: 'pod-creation-flow',
  title: '简述 Pod 的创建过程',
  topic: 'workloads',
  status: 'answered',
  sources: [{ note: '001_b967d5f871e3cef9.txt', line: 86, endLine: 128 }],
};

describe('question frontmatter', () => {
  it('accepts a complete entry and fills defaults', () => {
    const data = schema.parse(valid);
    expect(data.tags).toEqual([]);
    expect(data.importance).toBe(1);
  });

  it('rejects an unknown topic and lists the valid ones', () => {
    const result = schema.safeParse({ ...valid, topic: 'netwroking' });
    expect(result.success).toBe(false);
    const source = '---\nid: pod-creation-flow\ntitle: 简述\ntopic: netwroking\nstatus: answered\n---\n';
    const message = formatFrontmatterError('content/docs/x/a.mdx', result.error!, source);
    expect(message).toContain('content/docs/x/a.mdx:4: topic: 未知专题 “netwroking”');
    expect(message).toContain('workloads, networking');
  });

  it('rejects ids that are not ASCII kebab-case', () => {
    for (const id of ['Pod创建', 'pod_creation', '-pod', 'pod--flow', 'a'.repeat(61)]) {
      expect(schema.safeParse({ ...valid, id }).success, id).toBe(false);
    }
  });

  it('rejects a missing status and an inverted line range', () => {
    const { status: _status, ...noStatus } = valid;
    expect(schema.safeParse(noStatus).success).toBe(false);
    const inverted = { ...valid, sources: [{ note: '000_a.txt', line: 10, endLine: 2 }] };
    const result = schema.safeParse(inverted);
    expect(result.success).toBe(false);
    expect(formatFrontmatterError('f.mdx', result.error!)).toContain('f.mdx:1: sources.0.endLine: endLine 不能小于 line');
  });
});

describe('permalinks', () => {
  it('come from the frontmatter id, not the file name or title', () => {
    expect(questionEntryId('workloads/whatever-file-name.mdx', { id: 'probes', title: '改过的标题' })).toBe('q/probes');
    expect(questionHref('probes')).toBe('/q/probes/');
    expect(questionHref('probes', '/k8s')).toBe('/k8s/q/probes/');
  });

  it('keep a file with a bad id out of the valid id space so the schema reports it', () => {
    expect(questionEntryId('workloads/x.mdx', { id: 'Bad Id' })).toBe('q/invalid-id/workloads/x');
  });
});

describe('topics file', () => {
  it('lists unique topics in study order', () => {
    const topics = readTopics();
    expect(topics.length).toBeGreaterThanOrEqual(10);
    expect(topics.map((t) => t.order)).toEqual([...topics.map((t) => t.order)].sort((a, b) => a - b));
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
  });
});
