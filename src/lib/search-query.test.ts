import { describe, expect, it } from 'vitest';
import { buildLexicon } from './query-lexicon';
import { nearestWord } from './query-spelling';
import {
  asksAbout,
  combineResults,
  isSymptom,
  hanWindows,
  mergeTermResults,
  normalizeQuery,
  orderByTitle,
  planTerms,
  queryTerms,
  questionWords,
  sumScores,
  titleCues,
} from './search-query';

const texts = (q: string) => queryTerms(q).map((t) => t.text);

describe('queryTerms', () => {
  it('drops Chinese question words and keeps the subject words', () => {
    expect(texts('Secret是什么?有哪些类型')).toEqual(['Secret', '类型']);
    expect(texts('为什么需要 Operator？')).toEqual(['Operator']);
    expect(texts('如何排查节点故障')).toEqual(['排查节点故障']);
  });

  it('drops English question words, vs and function words', () => {
    expect(texts('What is the difference between a DaemonSet and a ReplicaSet?')).toEqual(['DaemonSet', 'ReplicaSet']);
    expect(texts('Service vs Endpoints')).toEqual(['Service', 'Endpoints']);
  });

  it('splits where the script changes and at punctuation of either width', () => {
    expect(texts('etcd备份，恢复')).toEqual(['etcd', '备份', '恢复']);
    expect(texts('etcd备份,恢复')).toEqual(texts('etcd备份，恢复'));
    expect(texts('Pod的IP（地址）')).toEqual(['Pod', 'IP', '地址']);
  });

  it('reads full-width letters as half-width and keeps dashes and dots inside names', () => {
    expect(texts('ｋｕｂｅ－ｐｒｏｘｙ的原理')).toEqual(['kube-proxy', '原理']);
    expect(texts('metrics.k8s.io 是什么')).toEqual(['metrics.k8s.io']);
  });

  it('reduces whole English sentences to their subject words', () => {
    expect(texts('how does kube-proxy work')).toEqual(['kube-proxy']);
    expect(texts('what happens when you run kubectl apply')).toEqual(['kubectl', 'apply']);
    expect(texts('why should I use a headless service?')).toEqual(['headless', 'service']);
  });

  it('drops colloquial Chinese question shapes', () => {
    expect(texts('说说你对 ingress 的理解')).toEqual(['ingress']);
    expect(texts('etcd 在集群里是干嘛的')).toEqual(['etcd', '集群']);
    expect(texts('kubelet 的作用是什么')).toEqual(['kubelet']);
  });

  it('lists each term once however it is cased', () => {
    expect(texts('Pod pod POD 的 Pod')).toEqual(['Pod']);
  });

  it('keeps consecutive subject words together and offers their finer words as a fallback', () => {
    const [term] = queryTerms('滚动更新策略是什么');
    expect(term?.text).toBe('滚动更新策略');
    expect(term?.parts.length).toBeGreaterThan(1);
    expect(term?.parts.join('')).toBe('滚动更新策略');
  });

  it('leaves out single letters and lone Chinese characters, which match almost anything', () => {
    expect(texts('kubectl apply -f 后发生了什么')).not.toContain('f');
    expect(texts('Pod 和 Node 的 区别')).toEqual(['Pod', 'Node']);
  });

  it('returns nothing for a query made only of question words', () => {
    expect(texts('是什么？有哪些？为什么')).toEqual([]);
    expect(texts('  ')).toEqual([]);
  });
});

describe('normalizeQuery', () => {
  it('turns full-width characters half-width and collapses spaces', () => {
    expect(normalizeQuery('  ＨＰＡ　 怎么 配置？ ')).toBe('HPA 怎么 配置?');
  });
});

describe('mergeTermResults', () => {
  const page = (id: string, score = 1) => ({ id, score });

  it('ranks pages by how many terms they contain, then by score', () => {
    const ranked = mergeTermResults(
      [
        { term: 'a', results: [page('x', 5), page('y', 1), page('z', 9)] },
        { term: 'b', results: [page('y', 2)] },
        { term: 'c', results: [page('y', 1), page('x', 1)] },
      ],
      100,
    );
    expect(ranked.map((p) => p.id)).toEqual(['y', 'x', 'z']);
    expect(ranked[0]?.matched).toEqual(['a', 'b', 'c']);
  });

  it('ignores terms the index does not know', () => {
    const ranked = mergeTermResults([{ term: 'unknown', results: [] }, { term: 'b', results: [page('y')] }], 10);
    expect(ranked).toEqual([{ id: 'y', matched: ['b'], weight: 1, score: 1 }]);
  });

  it('counts a term found on most pages for less than an informative one', () => {
    const everywhere = Array.from({ length: 8 }, (_, i) => page(`p${i}`));
    const ranked = mergeTermResults(
      [
        { term: 'common', results: everywhere },
        { term: 'other', results: everywhere.slice(0, 3) },
        { term: 'rare', results: [page('q')] },
      ],
      10,
    );
    // q has one informative term; p7 only the ubiquitous one.
    expect(ranked.findIndex((p) => p.id === 'q')).toBeLessThan(ranked.findIndex((p) => p.id === 'p7'));
    expect(ranked[0]?.matched).toEqual(['common', 'other']);
  });
});

describe('combineResults', () => {
  it('lists whole-query matches first and partial matches after, without repeats', () => {
    const partial = mergeTermResults([{ term: 't', results: [{ id: 'b', score: 1 }, { id: 'c', score: 2 }] }], 10);
    expect(combineResults(['b'], partial)).toEqual({ ids: ['b', 'c'], exactCount: 1 });
  });
});

describe('sumScores', () => {
  it('adds up a page’s scores across searches and keeps first-seen order on ties', () => {
    const ranked = sumScores([
      [{ id: 'a', score: 2 }, { id: 'b', score: 1 }],
      [{ id: 'b', score: 5 }, { id: 'c', score: 1 }],
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('planTerms', () => {
  const lexicon = buildLexicon([
    ['PersistentVolume', '持久卷', 'PV', 'Persistent Volume'],
    ['PersistentVolumeClaim', '持久卷申领', 'PVC', 'Persistent Volume Claim'],
    ['Pod Phase', 'Pod 阶段', 'Pod 状态'],
  ]);
  const planned = (q: string) => planTerms(q, lexicon).map((t) => t.text);

  it('splits a list of names written with slashes, and keeps other slashes', () => {
    expect(planned('pv/pvc 是什么关系')).toEqual(['pv', 'pvc']);
    expect(planned('v1/pod 字段')).toEqual(['v1/pod', '字段']);
  });

  it('joins English words written apart that, misspelt, name one glossary term', () => {
    expect(planTerms('deamon set', buildLexicon([['DaemonSet', '守护进程集']], [], nearestWord)).map((t) => t.text)).toEqual(['deamon set']);
    // Words the glossary knows one by one stay apart even when their join is a near miss (daemonsets).
    const words = buildLexicon([['DaemonSet', '守护进程集'], ['Daemon', '守护进程'], ['Sets', '集合']], [], nearestWord);
    expect(planTerms('daemon sets', words).map((t) => t.text)).toEqual(['daemon', 'sets']);
  });

  it('joins English words that together name one glossary term', () => {
    expect(planned('what is a persistent volume claim')).toEqual(['persistent volume claim']);
    expect(planned('persistent volume')).toEqual(['persistent volume']);
  });

  it('keeps a common word and a Chinese word apart even when together they name a term', () => {
    expect(planned('Pod 有哪几种常见状态')).toEqual(['Pod', '状态']);
  });
});

describe('questionWords', () => {
  it('keeps the question words that say what kind of answer is wanted, in the words titles use', () => {
    expect(questionWords('谈谈你对 k8s 的理解')).toContain('理解');
    expect(questionWords('Deployment 和 StatefulSet 的差别')).toContain('区别');
    expect(questionWords('Pod 常见的状态')).toContain('常见');
  });

  it('ignores single characters and English words that ask nothing', () => {
    expect(questionWords('how to scale a deployment')).toEqual([]);
    expect(questionWords('的 了 吗')).toEqual([]);
  });

  it('words English question shapes as Chinese titles do', () => {
    expect(questionWords('what is the difference between a and b')).toEqual(['是什么', '区别']);
    expect(questionWords('why was dockershim removed')).toEqual(['为什么']);
    expect(questionWords('介绍一下 pod')).toContain('是什么');
  });
});

describe('hanWindows', () => {
  it('offers the two-character windows of a Chinese run', () => {
    expect(hanWindows('监控用')).toEqual(['监控', '控用']);
  });

  it('offers nothing for short runs or runs with Latin letters', () => {
    expect(hanWindows('监控')).toEqual([]);
    expect(hanWindows('pod监控')).toEqual([]);
  });
});

describe('titleCues', () => {
  it('tells a definition, a why, a comparison and a how-to apart, in either language', () => {
    expect(titleCues('介绍一下 pod')).toContain('是什么');
    expect(titleCues('what is a pod')).toContain('是什么');
    expect(titleCues('why was dockershim removed')).toEqual(['为什么']);
    expect(titleCues('calico vs flannel')).toContain('区别');
    // 是什么关系 asks how two things relate, as 区别 does: the page relating them answers.
    expect(titleCues('pod 和 service 是什么关系')).toContain('关系');
    expect(titleCues('pod 一直 pending')).toContain('原因');
    expect(titleCues('pv pvc')).toEqual([]);
  });

  it('reads a pasted status or error as a troubleshooting question', () => {
    expect(titleCues('OOMKilled')).toContain('排查');
    expect(titleCues('0/3 nodes are available: 3 Insufficient cpu')).toContain('原因');
    expect(titleCues('OOMKilled')).not.toContain('是什么');
  });
});

describe('isSymptom', () => {
  it('knows status reasons, event reasons, log phrases and Chinese complaints', () => {
    for (const q of ['CrashLoopBackOff', 'OOMKilled exit code 137', 'Evicted', 'FailedScheduling', 'ErrImagePull', '节点 DiskPressure',
      'Liveness probe failed: connection refused', 'pod keeps crashing', 'pod 起不来', 'dns 报错'])
      expect(isSymptom(q), q).toBe(true);
  });

  it('leaves feature names and plain questions alone', () => {
    for (const q of ['BackOffLimit 是什么', 'pod', 'what is a service', 'ImagePullPolicy', '探针有哪些']) expect(isSymptom(q), q).toBe(false);
  });
});

describe('asksAbout', () => {
  it('is a definition or overview request in either language, or a term typed alone', () => {
    for (const q of ['介绍一下 pod', 'deployment 是啥', '讲讲 etcd', 'what is kubernetes', 'explain kubernetes architecture', 'k8s 有哪些组件', 'k8s 架构图'])
      expect(asksAbout(q, { bare: false }), q).toBe(true);
    expect(asksAbout('k8s', { bare: true })).toBe(true);
    for (const q of ['pod 一直重启怎么排查', 'deployment 回滚怎么操作', 'why was dockershim removed']) expect(asksAbout(q, { bare: false }), q).toBe(false);
  });
});

describe('questionWords', () => {
  it('adds 排查 to a pasted status, so the page troubleshooting it wins ties', () => {
    expect(questionWords('CrashLoopBackOff')).toEqual(['排查']);
    expect(questionWords('pod')).toEqual([]);
  });
});

describe('orderByTitle', () => {
  const query = { informative: [['NetworkPolicy', '网络策略']], common: [['Pod']], cues: ['是什么'] };

  it('puts the title about the query’s informative term first, then a common term, then the question’s kind', () => {
    const titles = ['Pod 之间访问不通怎么排查？', 'Pod 是什么？', '网络策略有哪些使用场景？', '无关的题目'];
    expect(orderByTitle(titles, query, 4)).toEqual([2, 1, 0, 3]);
  });

  it('never moves a partial match above a whole-query match', () => {
    const titles = ['无关的题目', '网络策略是什么？'];
    expect(orderByTitle(titles, query, 1)).toEqual([0, 1]);
    expect(orderByTitle(['无关', 'Pod 是什么', '网络策略'], query, 1)).toEqual([0, 2, 1]);
  });

  it('keeps the search’s order between equally good titles', () => {
    expect(orderByTitle(['甲', '乙', '丙'], query, 3)).toEqual([0, 1, 2]);
  });

  it('puts a title about the term first when the reader asks what it is', () => {
    const service = { informative: [], common: [['Service', '服务']], cues: ['是什么', '什么是', '有什么用'] };
    const titles = ['Service 与 Endpoint 如何工作？', '什么是 Headless Service？', 'Service 有什么用？'];
    // Both other titles name Service too, and one carries a definition cue: only the subject mark tells them apart.
    expect(orderByTitle(titles, service, 3, [false, false, true])[0]).toBe(2);
    expect(orderByTitle(titles, service, 3)[0]).toBe(1);
  });
});
