import { describe, expect, it } from 'vitest';
import { readGlossary } from '../content-model/glossary';
import { CONCEPTS } from './concept-lexicon';
import { matchConcepts, type Concept } from './concepts';

const nodes: Concept = { search: ['nodeSelector', 'Node Affinity'], when: ['特定节点', '只跑在+节点', 'specific+node'] };
const policy: Concept = { search: ['NetworkPolicy'], when: ['限制+访问', 'restrict+traffic'] };
const lexicon = [nodes, policy];

describe('matchConcepts', () => {
  it('finds the feature a Chinese task phrasing asks for and keeps the words that still narrow it', () => {
    const { matches, rest } = matchConcepts('怎么让 pod 只跑在特定节点上', lexicon);
    expect(matches.map((m) => m.concept)).toEqual([nodes]);
    expect(rest).toBe('怎么让 pod 上');
  });

  it('needs every word of a phrasing, anywhere in the query', () => {
    expect(matchConcepts('怎么限制 pod 之间互相访问', lexicon).matches.map((m) => m.concept)).toEqual([policy]);
    expect(matchConcepts('怎么限制 pod 的内存', lexicon).matches).toEqual([]);
  });

  it('matches an English word at the start of a query word, in any case, and removes the whole word', () => {
    const { matches, rest } = matchConcepts('How do I Restrict TRAFFIC between namespaces', lexicon);
    expect(matches[0]?.concept).toBe(policy);
    expect(matches[0]?.covered).toEqual(['restrict', 'traffic']);
    expect(rest).toBe('how do i between namespaces');
    // Not inside a word: “unrestricted” is not “restrict”.
    expect(matchConcepts('unrestricted traffic', lexicon).matches).toEqual([]);
  });

  it('puts the phrasing covering more of the query first and stops at the limit', () => {
    const { matches } = matchConcepts('只跑在特定节点上，并限制别的 pod 访问', lexicon);
    expect(matches.map((m) => m.concept)).toEqual([nodes, policy]);
    expect(matchConcepts('只跑在特定节点上，并限制别的 pod 访问', lexicon, 1).matches.map((m) => m.concept)).toEqual([nodes]);
  });

  it('finds nothing in a query that names no task', () => {
    expect(matchConcepts('what is a pod', lexicon)).toEqual({ matches: [], rest: 'what is a pod' });
  });
});

describe('concept-lexicon.ts', () => {
  const names = new Set(readGlossary().flatMap((t) => [t.en, t.zh, ...t.aka]));

  it('searches only glossary names, which every page using the term is indexed under', () => {
    const unknown = CONCEPTS.flatMap((c) => c.search).filter((n) => !names.has(n));
    expect(unknown).toEqual([]);
  });

  it('has phrasings of two characters or more per word, in both languages, each once', () => {
    const phrasings = CONCEPTS.flatMap((c) => c.when);
    const words = phrasings.flatMap((p) => p.split('+'));
    expect(words.filter((w) => [...w.trim()].length < 2)).toEqual([]);
    expect(new Set(phrasings).size).toBe(phrasings.length);
    for (const c of CONCEPTS) {
      expect(c.when.some((p) => /\p{Script=Han}/u.test(p)), c.search.join()).toBe(true);
      expect(c.when.some((p) => /^[\x00-\x7f]+$/.test(p)), c.search.join()).toBe(true);
    }
  });
});
