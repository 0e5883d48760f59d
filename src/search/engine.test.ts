import { describe, expect, it } from 'vitest';
import { runSearch, type Pagefind, type PagefindResult } from './engine';

/**
 * A stand-in for Pagefind over a few pages: a query matches pages containing all of its words,
 * a quoted query only whole words; an unknown word falls back to any word sharing its first
 * letter, as Pagefind does.
 */
function fakePagefind(pages: Record<string, string[]>, about: Record<string, string[]> = {}): Pagefind & { queries: string[] } {
  const queries: string[] = [];
  const result = (id: string, score: number): PagefindResult => ({
    id,
    score,
    data: async () => ({ url: `/q/${id}/`, content: pages[id]!.join(' '), excerpt: '', meta: { title: id }, sub_results: [] }),
  });
  return {
    queries,
    options: async () => {},
    init: async () => {},
    search: async (raw, options) => {
      if (raw === null) {
        // A filter-only search: the pages the build marked with that subject (Search.astro).
        const [[key, value]] = Object.entries(options?.filters ?? {}) as [[string, string]];
        queries.push(`${key}:${value}`);
        return { results: Object.keys(pages).filter((id) => about[id]?.includes(value)).map((id) => result(id, 1)) };
      }
      queries.push(raw);
      const quoted = /^".*"$/.test(raw);
      const words = raw.replace(/"/g, '').toLowerCase().split(/[\s?？,，]+/).filter(Boolean);
      const has = (page: string[], w: string) =>
        page.some((p) => (quoted ? p === w : p.startsWith(w))) || (!quoted && !Object.values(pages).flat().some((p) => p.startsWith(w)) && page.some((p) => p[0] === w[0]));
      const ids = Object.entries(pages)
        .filter(([, page]) => words.every((w) => has(page, w)))
        .map(([id]) => id);
      return { results: ids.map((id, i) => result(id, 10 - i)) };
    },
  };
}

const pages = {
  ingress: ['ingress', '功能', 'controller', 'nginx'],
  service: ['service', 'nodeport', 'ingress'],
  probes: ['探针', '存活', '就绪'],
  quota: ['quota', 'namespace'],
};

describe('runSearch', () => {
  it('lists the pages holding a one-word query as full matches', async () => {
    const pf = fakePagefind({ a: ['pod'], b: ['pod'], c: ['pod'], d: ['node'] });
    const outcome = await runSearch(pf, 'pod', 10);
    expect(outcome.hits.map((h) => h.result.id)).toEqual(['a', 'b', 'c']);
    expect(outcome.exactCount).toBe(3);
  });

  it('ranks pages holding every term of a whole English sentence first, as full matches', async () => {
    const outcome = await runSearch(fakePagefind(pages), 'how does an ingress controller work?', 10);
    expect(outcome.hits.map((h) => h.result.id)).toEqual(['ingress', 'service']);
    expect(outcome.exactCount).toBe(1);
    expect(outcome.hits[1]?.matched).toEqual(['ingress']);
  });

  it('says results are partial when a word of the query is on no page at all', async () => {
    const outcome = await runSearch(fakePagefind(pages), 'openshift 的 ingress', 10);
    expect(outcome.hits.map((h) => h.result.id)).toEqual(['ingress', 'service']);
    expect(outcome.exactCount).toBe(0);
    expect(outcome.hits[0]?.matched).toEqual(['ingress']);
  });

  it('finds the word the reader is still typing by its beginning, but not an unknown word in the middle', async () => {
    const typing = await runSearch(fakePagefind(pages), 'nodep', 10);
    expect(typing.hits.map((h) => h.result.id)).toEqual(['service']);
    expect(typing.exactCount).toBe(1);
    const finished = await runSearch(fakePagefind(pages), 'nodep 的 ingress', 10);
    expect(finished.exactCount).toBe(0);
  });

  it('fetches the glossary only for a query that needs it: Chinese words, or a Latin word on few pages', async () => {
    const glossary = [['Ingress', '入口'], ['NodePort', '节点端口']];
    let loads = 0;
    const load = async () => (loads++, glossary);
    // Titles (the fake's page ids) name the term: the answer is strong and needs nothing more.
    const many = fakePagefind({ 'ingress-a': ['ingress'], 'ingress-b': ['ingress'], 'ingress-c': ['ingress'], nodeport: ['nodeport'] });
    expect((await runSearch(many, 'ingress', 10, load)).exactCount).toBe(3);
    expect(loads).toBe(0);
    await runSearch(many, '入口', 10, load);
    expect(loads).toBe(1);
    const typo = await runSearch(fakePagefind(pages), 'ingres controller', 10, load);
    expect(loads).toBe(2);
    expect(typo.corrections).toEqual([{ from: 'ingres', to: 'Ingress' }]);
  });

  it('searches a corrected word under its Chinese name too, so pages writing the term in Chinese are found', async () => {
    const outcome = await runSearch(fakePagefind({ 调度: ['调度器'], other: ['scheduler'], x: ['scheduling'] }), 'schedular', 10, [['kube-scheduler', '调度器', 'Scheduler']]);
    expect(outcome.corrections).toEqual([{ from: 'schedular', to: 'Scheduler' }]);
    expect(outcome.hits.map((h) => h.result.id)).toContain('调度');
  });

  it('searches a misspelt word as the glossary word it most likely means, and says so', async () => {
    const glossary = [['Ingress', '入口'], ['NodePort', '节点端口']];
    const outcome = await runSearch(fakePagefind(pages), 'ingres controller', 10, glossary);
    expect(outcome.hits[0]?.result.id).toBe('ingress');
    expect(outcome.exactCount).toBe(1);
    expect(outcome.corrections).toEqual([{ from: 'ingres', to: 'Ingress' }]);
  });

  it('says when the pages holding every word only mention them: none has one in its title', async () => {
    // The fake's titles are the page ids.
    const about = await runSearch(fakePagefind(pages), 'ingress 有哪些功能', 10);
    expect(about.exactCount).toBe(1);
    expect(about.mentionsOnly).toBeUndefined();
    const mentions = await runSearch(fakePagefind(pages), 'nginx 功能', 10);
    expect(mentions.hits.map((h) => h.result.id)).toEqual(['ingress']);
    expect(mentions.mentionsOnly).toBe(true);
  });

  it('finds nothing, rather than near matches, for a query of unknown words', async () => {
    const outcome = await runSearch(fakePagefind(pages), 'qzxwvy', 10);
    expect(outcome.hits).toEqual([]);
  });

  it('falls back to the meaningful terms and ranks pages by how many they contain', async () => {
    const outcome = await runSearch(fakePagefind(pages), 'Ingress 有哪些功能？和 NodePort 的区别', 10);
    expect(outcome.exactCount).toBe(0);
    expect(outcome.hits.map((h) => h.result.id)).toEqual(['ingress', 'service']);
    expect(outcome.hits[0]?.matched).toEqual(['Ingress', '功能']);
  });

  it('ignores a term the index does not know instead of counting Pagefind’s near match', async () => {
    const outcome = await runSearch(fakePagefind(pages), 'quota qzxwvy 是什么', 10);
    expect(outcome.hits.map((h) => h.result.id)).toEqual(['quota']);
    expect(outcome.hits[0]?.matched).toEqual(['quota']);
  });

  it('tries the words of a Chinese phrase the index does not hold as a whole', async () => {
    const outcome = await runSearch(fakePagefind(pages), '存活探针失败会怎样', 10);
    expect(outcome.hits[0]?.result.id).toBe('probes');
  });

  it('finds nothing for an empty query or one made only of question words', async () => {
    expect((await runSearch(fakePagefind(pages), '   ', 10)).hits).toEqual([]);
    expect((await runSearch(fakePagefind(pages), '是什么？有哪些？', 10)).hits).toEqual([]);
  });

  it('ranks a glossary term by all its names, so the page naming it in both languages comes first', async () => {
    const glossary = [['Headless Service', '无头服务', '无头 Service']];
    // The Chinese name alone ranks a page that merely shares its words first; the English name settles it.
    const pf: Pagefind = {
      options: async () => {},
      init: async () => {},
      search: async (raw: string) => {
        const scores: Record<string, Record<string, number>> = {
          无头服务: { sts: 9.2, dns: 9.1, headless: 9 },
          'Headless Service': { headless: 25, dns: 10, sts: 8 },
          '无头 Service': {},
        };
        const q = raw.replace(/"/g, '');
        // A quoted word only tells whether the index holds it.
        if (raw.startsWith('"')) {
          const known = Object.keys(scores).some((k) => k.split(' ').includes(q) && Object.keys(scores[k]!).length > 0);
          return { results: known ? [{ id: 'any', score: 1, data: async () => ({ url: '', excerpt: '', meta: {}, sub_results: [] }) }] : [] };
        }
        const hits = Object.entries(scores[q] ?? {});
        return { results: hits.map(([id, score]) => ({ id, score, data: async () => ({ url: `/q/${id}/`, excerpt: '', meta: {}, sub_results: [] }) })) };
      },
    };
    expect((await runSearch(pf, '无头服务', 10)).hits[0]?.result.id).toBe('sts');
    const outcome = await runSearch(pf, '无头服务', 10, glossary);
    expect(outcome.hits.map((h) => h.result.id)).toEqual(['headless', 'dns', 'sts']);
    expect(outcome.exactCount).toBe(3);
  });

  it('asks a weak query again as the feature its task words ask for, loading the concepts only then', async () => {
    const pf = fakePagefind({ policy: ['networkpolicy', 'pod'], unreachable: ['pod', '访问'], other: ['pod'] });
    let loads = 0;
    const concepts = async () => (
      loads++,
      {
        english: [],
        match: (q: string) =>
          q.includes('互相访问')
            ? { matches: [{ concept: { search: ['NetworkPolicy'], when: ['互相访问'] }, covered: ['互相访问'] }], rest: q.replace('互相访问', ' ') }
            : { matches: [], rest: q },
      }
    );
    const outcome = await runSearch(pf, '怎么禁止 pod 互相访问', 10, [], concepts);
    expect(loads).toBe(1);
    expect(outcome.hits[0]?.result.id).toBe('policy');
    expect(outcome.concepts).toEqual(['NetworkPolicy']);
    expect(outcome.query).toBe('怎么禁止 pod 互相访问');
    // A query the plain search answers (a page titled after its term holds every word) never loads them,
    await runSearch(fakePagefind({ 'pod-a': ['pod'], 'pod-b': ['pod'] }), 'pod', 10, [], concepts);
    expect(loads).toBe(1);
    // nor does a weak one made only of feature names: it has no task words to translate.
    const weak = await runSearch(fakePagefind({ a: ['networkpolicy', 'pod'] }), 'networkpolicy pod', 10, [['NetworkPolicy'], ['Pod']], concepts);
    expect(weak.mentionsOnly).toBe(true);
    expect(loads).toBe(1);
  });

  it('keeps the plain answer when the concept search answers worse', async () => {
    // The index knows no NetworkPolicy: asked as that feature, the query finds nothing.
    const pf = fakePagefind({ a: ['禁止', '互相访问'] });
    const concepts = async () => ({
      english: [],
      match: (q: string) => ({ matches: [{ concept: { search: ['NetworkPolicy'], when: ['禁止互相访问'] }, covered: [q] }], rest: '' }),
    });
    const outcome = await runSearch(pf, '禁止互相访问', 10, [], concepts);
    expect(outcome.hits.map((h) => h.result.id)).toEqual(['a']);
    expect(outcome.concepts).toBeUndefined();
  });

  it('asks a weak English query again with the glossary: a term of several words is also searched in Chinese', async () => {
    const pf = fakePagefind({ 'deployment-滚动更新': ['滚动更新'], 'statefulset-hands-on': ['rolling', 'update'], x: ['rolling'], y: ['update'], z: ['rolling', 'update'] });
    let loads = 0;
    const load = async () => (loads++, [['Rolling Update', '滚动更新']]);
    const outcome = await runSearch(pf, 'how to do a rolling update', 10, load);
    expect(loads).toBe(1);
    expect(outcome.hits.map((h) => h.result.id)).toContain('deployment-滚动更新');
    expect(outcome.mentionsOnly).toBeUndefined();
  });

  it('asks a weak English query again with its everyday words also in the Chinese the pages use', async () => {
    const pf = fakePagefind({ 'pending 的原因': ['pending', '排查'], 'x': ['debug', 'pending'], y: ['debug'], z: ['pending'] });
    const task = async () => ({ english: [['debug', '排查']] as const, match: (q: string) => ({ matches: [], rest: q }) });
    const plain = await runSearch(pf, 'debug pending', 10, [], task);
    expect(plain.hits[0]?.result.id).toBe('pending 的原因');
    expect(plain.mentionsOnly).toBeUndefined();
  });

  it('shows first, among the first results, the page whose title names the term and asks the question’s kind', async () => {
    const pf = fakePagefind({ 'pod 的健康检查': ['pod'], 'pod 的调度': ['pod'], 'pod 是什么': ['pod'], 'service 是什么': ['service'] });
    const outcome = await runSearch(pf, '介绍一下 pod', 10);
    expect(outcome.hits[0]?.result.id).toBe('pod 是什么');
  });

  // Eight pages name Kubernetes; the fake ranks them in this order, the overview last.
  const product = {
    'kubernetes api 是什么': ['kubernetes', 'api'],
    'kubernetes 的 qos 等级有哪些': ['kubernetes', 'qos'],
    'kubernetes 的调度流程': ['kubernetes', '调度'],
    'k8s 集群怎样扩容': ['kubernetes', '扩容'],
    'kubernetes 的服务发现': ['kubernetes', '服务'],
    'kubernetes 的网络模型': ['kubernetes', '网络'],
    '谈谈你对 kubernetes 的理解': ['kubernetes', '容器编排'],
    'docker 和容器': ['docker'],
  };
  const overview = { '谈谈你对 kubernetes 的理解': ['kubernetes'] };

  it('brings the page whose title is about a common term into view when the query is that term alone or asks what it is', async () => {
    for (const query of ['k8s', '介绍一下 kubernetes', 'what is kubernetes']) {
      const pf = fakePagefind(product, overview);
      const outcome = await runSearch(pf, query, 8);
      expect(outcome.hits[0]?.result.id, query).toBe('谈谈你对 kubernetes 的理解');
      expect(pf.queries).toContain('about:kubernetes');
    }
    // Without the build's mark the overview stays out of the first five: the mark is what brings it.
    const unmarked = await runSearch(fakePagefind(product), 'k8s', 8);
    expect(unmarked.hits.slice(0, 5).map((h) => h.result.id)).not.toContain('谈谈你对 kubernetes 的理解');
  });

  it('asks for the marked pages only for a definition or overview, and for a term typed alone only when it is on most pages', async () => {
    // A question about something else entirely: no subject lookup.
    const asked = fakePagefind(product, overview);
    await runSearch(asked, 'kubernetes 调度流程怎么排查', 8);
    expect(asked.queries.filter((q) => q.startsWith('about:'))).toEqual([]);
    // A rare term: Pagefind's own order already puts the pages naming it first.
    const rare = fakePagefind(product, overview);
    await runSearch(rare, 'qos', 8);
    expect(rare.queries.filter((q) => q.startsWith('about:'))).toEqual([]);
  });

  it('ranks the page that troubleshoots a pasted status above pages that only mention it', async () => {
    const pf = fakePagefind({ x: ['oomkilled', 'cgroup'], y: ['oomkilled', '内存'], z: ['oomkilled', '排查'] });
    const outcome = await runSearch(pf, 'OOMKilled', 10);
    expect(outcome.hits[0]?.result.id).toBe('z');
    // The same word typed as a definition request is no symptom: the order stays Pagefind's.
    expect((await runSearch(fakePagefind({ x: ['cgroup', '排查'], y: ['cgroup'] }), 'cgroup', 10)).hits[0]?.result.id).toBe('x');
  });
});
