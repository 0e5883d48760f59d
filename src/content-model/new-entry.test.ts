import { describe, expect, it } from 'vitest';
import { scaffoldEntry, suggestId } from './new-entry.ts';
import { questionFields } from './question.ts';
import { parse } from 'yaml';

describe('suggestId', () => {
  it('uses the Latin words of the title', () => {
    expect(suggestId('什么是 Headless Service？', new Set())).toBe('headless-service');
    expect(suggestId('Pod 的 QoS 等级', new Set())).toBe('pod-qos');
  });
  it('falls back to a stable short hash for an all-Chinese title', () => {
    const id = suggestId('探针有哪些？', new Set());
    expect(id).toMatch(/^q-[0-9a-f]{6}$/);
    expect(suggestId('探针有哪些？', new Set())).toBe(id);
  });
  it('never returns an id that is taken', () => {
    expect(suggestId('Headless Service', new Set(['headless-service', 'headless-service-2']))).toBe('headless-service-3');
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
