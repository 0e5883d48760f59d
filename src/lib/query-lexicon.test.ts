import { describe, expect, it } from 'vitest';
import { alternativesOf, buildLexicon, correctSpelling, nameKey, splitNameList } from './query-lexicon';
import { editDistance, nearestWord } from './query-spelling';

const lexicon = buildLexicon([
  ['StatefulSet', '有状态集', 'sts'],
  ['DaemonSet', '守护进程集', 'ds'],
  ['Service', '服务', 'svc'],
  ['Headless Service', '无头服务', '无头 Service'],
  ['Ingress', '入口'],
  ['Ingress Controller', 'Ingress 控制器'],
  ['kube-proxy', '网络代理 kube-proxy', '服务代理'],
  ['kube-scheduler', '调度器', 'Scheduler'],
  ['ConfigMap', '配置字典', 'cm'],
  ['Namespace', '命名空间'],
  ['PersistentVolume', '持久卷', 'PV', 'Persistent Volume'],
  ['Liveness Probe', '存活探针', 'livenessProbe'],
  ['etcd', 'etcd 键值存储'],
  ['Helm', 'Helm 包管理器'],
], [], nearestWord);

describe('nameKey', () => {
  it('ignores case, spaces, dashes and full-width forms', () => {
    expect(nameKey('Kube Proxy')).toBe(nameKey('kube-proxy'));
    expect(nameKey('ＫＵＢＥＰＲＯＸＹ')).toBe('kubeproxy');
  });
});

describe('alternativesOf', () => {
  it('adds the English name to a Chinese name of a glossary term', () => {
    expect(alternativesOf('无头服务', lexicon)).toEqual(['Headless Service']);
    expect(alternativesOf('有状态集', lexicon)).toEqual(['StatefulSet']);
  });

  it('leaves single English words and abbreviations alone: pages already carry all names of their terms', () => {
    expect(alternativesOf('svc', lexicon)).toEqual([]);
    expect(alternativesOf('StatefulSet', lexicon)).toEqual([]);
  });

  it('adds the Chinese name to a glossary name of several English words, which pages write as one Chinese word', () => {
    const rolling = buildLexicon([['Rolling Update', '滚动更新', 'RollingUpdate']]);
    expect(alternativesOf('rolling update', rolling)).toEqual(['滚动更新']);
    expect(alternativesOf('RollingUpdate', rolling)).toEqual([]);
  });

  it('searches a plural the glossary does not list as its singular', () => {
    expect(alternativesOf('configmaps', lexicon)).toEqual(['ConfigMap']);
    expect(alternativesOf('services', lexicon)).toEqual(['Service']);
  });

  it('adds the written word for a colloquial one, also inside a longer phrase', () => {
    expect(alternativesOf('过程', lexicon)).toContain('流程');
    expect(alternativesOf('调度过程', lexicon)).toContain('调度流程');
    expect(alternativesOf('k8s', lexicon)).toEqual(['Kubernetes']);
  });

  it('adds the Chinese word pages write for an everyday English word, and not the other way round', () => {
    const words = buildLexicon([['Service', '服务']], [['debug', '排查'], ['logs', '日志'], ['service', '服务']]);
    expect(alternativesOf('debug', words)).toEqual(['排查']);
    expect(alternativesOf('logs', words)).toEqual(['日志']);
    expect(alternativesOf('排查', words)).not.toContain('debug');
    // A glossary name keeps its glossary meaning.
    expect(alternativesOf('service', words)).toEqual([]);
  });

  it('has nothing for a word it does not know', () => {
    expect(alternativesOf('openshift', lexicon)).toEqual([]);
    expect(alternativesOf('集群', lexicon)).toEqual([]);
  });
});

describe('splitNameList', () => {
  it('splits a slash list of known names only', () => {
    expect(splitNameList('pv/svc', lexicon)).toEqual(['pv', 'svc']);
    expect(splitNameList('apps/v1', lexicon)).toEqual(['apps/v1']);
  });
});

describe('editDistance', () => {
  it('counts swapped neighbours as one edit', () => {
    expect(editDistance('deamonset', 'daemonset')).toBe(1);
    expect(editDistance('ingres', 'ingress')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});

describe('correctSpelling', () => {
  it('corrects common misspellings of Kubernetes words to the glossary spelling', () => {
    expect(correctSpelling('statefullset', lexicon)).toBe('StatefulSet');
    expect(correctSpelling('deamonset', lexicon)).toBe('DaemonSet');
    expect(correctSpelling('ingres', lexicon)).toBe('Ingress');
    expect(correctSpelling('schedular', lexicon)).toBe('Scheduler');
    expect(correctSpelling('namspace', lexicon)).toBe('Namespace');
    expect(correctSpelling('persistant', lexicon)).toBe('Persistent');
  });

  it('reads a name written without its dash as the name', () => {
    expect(correctSpelling('kubeproxy', lexicon)).toBe('kube-proxy');
  });

  it('reads a four-letter word with two neighbouring letters swapped as the word, and nothing else in one that short', () => {
    expect(correctSpelling('etdc', lexicon)).toBe('etcd');
    expect(correctSpelling('hlem', lexicon)).toBe('Helm');
    expect(correctSpelling('etcf', lexicon)).toBeUndefined();
    expect(correctSpelling('hemm', lexicon)).toBeUndefined();
  });

  it('does not guess for short words, unrelated words or Chinese', () => {
    expect(correctSpelling('svx', lexicon)).toBeUndefined();
    expect(correctSpelling('openshift', lexicon)).toBeUndefined();
    expect(correctSpelling('terraform', lexicon)).toBeUndefined();
    expect(correctSpelling('服务', lexicon)).toBeUndefined();
  });

  it('knows plurals of vocabulary words without the near-word search, which is only there once loaded', () => {
    const unloaded = buildLexicon([['ConfigMap', '配置字典'], ['StatefulSet', '有状态集']]);
    expect(correctSpelling('configmaps', unloaded)).toBe('ConfigMap');
    expect(correctSpelling('statefullset', unloaded)).toBeUndefined();
  });

  it('does not guess between two equally close words', () => {
    const tied = buildLexicon([['Taint', '污点'], ['Paint', '油漆']], [], nearestWord);
    expect(correctSpelling('Xaint', tied)).toBeUndefined();
  });
});
