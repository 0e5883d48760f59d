import { describe, expect, it } from 'vitest';
import { readGlossary, type GlossaryTerm } from '../content-model/glossary';
import { findTermUses, pageTerms, termNames } from './search-glossary';

const term = (id: string, en: string, zh: string, aka: string[] = []): GlossaryTerm => ({ id, en, zh, aka });
const headless = term('headless-service', 'Headless Service', '无头服务', ['无头 Service']);
const pv = term('persistent-volume', 'PersistentVolume', '持久卷', ['PV']);
const taint = term('taint', 'Taint', '污点');

describe('findTermUses', () => {
  it('finds an English name in any case and spacing, and lists the names the page never uses', () => {
    const [use] = findTermUses([headless], '什么是 headless service？', '创建一个 Headless  Service 即可。');
    expect(use?.count).toBe(2);
    expect(use?.inTitle).toBe(true);
    expect(use?.missing).toEqual(['无头服务', '无头 Service']);
  });

  it('finds a Chinese name inside a sentence without spaces', () => {
    const [use] = findTermUses([taint], '调度', '节点上的污点会排斥 Pod。');
    expect(use?.missing).toEqual(['Taint']);
    expect(use?.inTitle).toBe(false);
  });

  it('matches Latin abbreviations only as whole words', () => {
    expect(findTermUses([pv], '', '创建 PVC 和 StorageClass')).toEqual([]);
    expect(findTermUses([pv], '', '先创建 PV，再创建 PVC')).toHaveLength(1);
    expect(findTermUses([pv], '', 'PersistentVolumes 由管理员创建')).toHaveLength(1);
  });

  it('ignores terms the page does not use', () => {
    expect(findTermUses([headless, taint], 'Pod 的 QoS', '与调度无关')).toEqual([]);
  });
});

describe('pageTerms', () => {
  it('lists each used term with all its names, the ones named in the title first and weighing most', () => {
    const terms = pageTerms(findTermUses([taint, headless, pv], 'Headless Service 是什么', '污点 '.repeat(8) + 'PV'));
    expect(terms[0]).toEqual({
      id: 'headless-service',
      names: ['Headless Service', '无头服务', '无头 Service'],
      missing: ['无头服务', '无头 Service'],
      weight: 10,
    });
    const weightOf = (id: string) => terms.find((t) => t.id === id)?.weight ?? 0;
    expect(weightOf('taint')).toBeGreaterThan(weightOf('persistent-volume'));
    expect(weightOf('persistent-volume')).toBeGreaterThan(0);
  });

  it('is empty for a page that uses no glossary term', () => {
    expect(pageTerms(findTermUses([taint], '其他', '无关'))).toEqual([]);
  });
});

describe('content/glossary.yaml', () => {
  const glossary = readGlossary();

  it('holds at least 100 terms, each with distinct English and Chinese names', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(100);
    for (const t of glossary) {
      expect(t.zh, t.id).toMatch(/\p{Script=Han}/u);
      expect(t.en, t.id).toMatch(/[A-Za-z]/);
    }
  });

  it('gives no name to two terms, so a name expands to one meaning', () => {
    const owner = new Map<string, string>();
    for (const t of glossary) {
      for (const name of termNames(t)) {
        const key = name.toLowerCase();
        expect(owner.get(key), `“${name}” 同时属于 ${owner.get(key)} 和 ${t.id}`).toBeUndefined();
        owner.set(key, t.id);
      }
    }
  });

  it('has no single-character Chinese name, which would match inside unrelated words', () => {
    for (const t of glossary) for (const name of termNames(t)) expect([...name].length, `${t.id}: ${name}`).toBeGreaterThan(1);
  });
});
