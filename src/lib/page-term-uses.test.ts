import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../content-model/glossary';
import { pageTermUses } from './page-term-uses';
import { findTermUses } from './search-glossary';

const term = (id: string, en: string, zh: string, aka: string[] = []): GlossaryTerm => ({ id, en, zh, aka });

describe('pageTermUses', () => {
  it('gives what findTermUses gives, for the glossary it is asked about', () => {
    const body = '节点上的污点会排斥 Pod，容忍度允许调度。';
    const taints = [term('taint', 'Taint', '污点')];
    const tolerations = [term('toleration', 'Toleration', '容忍度')];
    expect(pageTermUses(taints, '', body)).toEqual(findTermUses(taints, '', body));
    expect(pageTermUses(tolerations, '', body)).toEqual(findTermUses(tolerations, '', body));
    expect(pageTermUses(tolerations, '', body)[0]?.term.id).toBe('toleration');
  });

  it('tells questions apart by title as well as body', () => {
    const glossary = [term('pod', 'Pod', '容器组')];
    expect(pageTermUses(glossary, 'Pod 是什么', '正文')).toHaveLength(1);
    expect(pageTermUses(glossary, 'Service 是什么', '正文')).toEqual([]);
  });
});
