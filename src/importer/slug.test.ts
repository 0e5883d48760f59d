import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ID_PATTERN } from '../content-model/question.ts';
import { importNote } from './pipeline.ts';
import { slugFromTitle, uniqueId } from './slug.ts';

const DOCS = join(import.meta.dirname, '../../content/docs');
const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Every question on the site, with the id its editors chose: the reference for what an id should name. */
const SITE = readdirSync(DOCS, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(DOCS, f), 'utf8'))![1]!) as { id: string; title: string });

/** `labels` and `label`, `probes` and `probe`: the same word for a reader. */
const stem = (w: string) => w.replace(/s$/, '');
const stems = (id: string) => new Set(id.split('-').map(stem));

/** Words an English question is made of that name nothing it asks about. */
const FUNCTION_WORDS = /(?:^|-)(?:what|how|why|does|do|is|are|the|you|between|can|t)(?:-|$)/;

describe('permalink ids for imported questions', () => {
  const ids = SITE.map((q) => slugFromTitle(q.title));

  it('are readable slugs of a few words for every title on the site', () => {
    expect(SITE.length).toBeGreaterThanOrEqual(70);
    for (const id of ids) {
      expect(id).toMatch(ID_PATTERN);
      expect(id.length).toBeLessThanOrEqual(48);
      expect(id.split('-').length).toBeLessThanOrEqual(8);
      expect(id).not.toBe('');
    }
  });

  it('never give two of the site’s questions the same id', () => {
    const seen = new Map<string, string>();
    const clashes = SITE.flatMap((q, i) => {
      const other = seen.get(ids[i]!);
      seen.set(ids[i]!, q.title);
      return other ? [`${ids[i]}: ${other} / ${q.title}`] : [];
    });
    expect(clashes).toEqual([]);
  });

  it('name what the editors named: every id shares a word with the id the editors chose for the same title', () => {
    const unrelated = SITE.flatMap((q, i) => {
      const mine = stems(ids[i]!);
      const theirs = [...stems(q.id)].map((w) => (w === 'k8' ? 'kubernete' : w));
      return theirs.some((w) => mine.has(w)) ? [] : [`${q.title} → ${ids[i]} (editors: ${q.id})`];
    });
    expect(unrelated).toEqual([]);
  });

  it('take the glossary’s words for Chinese terms, as `npm run new` does, and the words for what is asked', () => {
    // Neither title has a Latin letter: every word comes from the term list or the aspect words.
    expect(slugFromTitle('滚动更新和回滚的流程是怎样的？').split('-')).toEqual(expect.arrayContaining(['rolling', 'update', 'rollback', 'flow']));
    // 时区 is a glossary term (Time Zone), so its English name is used, as for every other term.
    expect(slugFromTitle('容器时区与宿主机不一致如何解决？')).toMatch(/(^|-)time-zone(-|$)/);
  });

  it('put `vs` between the two things a title compares, and leave it out when only one is named', () => {
    const id = slugFromTitle('Calico 和 Flannel 有什么区别？');
    expect(id.split('-vs-')).toHaveLength(2);
    expect(slugFromTitle('What is the difference between a Deployment and a ReplicaSet?').split('-vs-')).toHaveLength(2);
    expect(slugFromTitle('常见的访问模式有什么区别？')).not.toMatch(/(?:^|-)vs(?:-|$)/);
  });

  it('give the questions of every fixture note distinct, meaningful ids', () => {
    const notes = readdirSync(FIXTURES).filter((f) => /\.(?:txt|md)$/.test(f) && f !== 'README.md');
    const weak: string[] = [];
    for (const name of notes) {
      const r = importNote(readFileSync(join(FIXTURES, name)), name);
      const bases = r.entries.map((e) => slugFromTitle(e.title));
      // Two questions of one note share an id only if they ask the same thing.
      expect(new Set(bases).size, name).toBe(new Set(r.entries.map((e) => e.title)).size);
      for (const e of r.entries) {
        if (/question/.test(e.id) || /^(?:kubernetes|k8s)(?:-\d+)?$/.test(e.id) || FUNCTION_WORDS.test(e.id)) weak.push(`${name}: ${e.title} → ${e.id}`);
      }
    }
    expect(weak).toEqual([]);
  });

  it('fall back to the topic where a title names nothing at all', () => {
    const r = importNote(new TextEncoder().encode('1. 你怎么看？\n都可以。\n2. 为什么？\n因为好用。\n'), 'vague.txt', { topics: ['architecture'] });
    expect(r.entries.map((e) => e.id)).toEqual(['architecture-question', 'architecture-question-2']);
  });

  it('count on from the last suffix when an id is taken', () => {
    const taken = new Set(['pod-qos', 'pod-qos-2']);
    expect(uniqueId('pod-qos', taken)).toBe('pod-qos-3');
    expect(uniqueId('pod-qos', taken)).toBe('pod-qos-4');
  });
});
