import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { removedApiOf } from '../lib/k8s-validate.ts';
import { checkContent } from './check-content.ts';
import { parseDeprecations, readDeprecations, type Deprecations } from './deprecations-data.ts';
import { findTerms, sentenceAround, statesVersionedStatus } from './deprecations-matcher.ts';
import { checkReviewedFor } from './deprecations-reviewed-for.ts';
import { checkOutdated } from './deprecations.ts';
import { formatPlain } from './diagnostics.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const data = readDeprecations();
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);

/** Outdated-content diagnostics of one page body (no frontmatter), as `line:col rule`. */
function check(body: string, with_: Deprecations = data) {
  return checkOutdated({ file: 'x.mdx', body, tree: parser.parse(body), reviewedFor: '1.37', lineOf: () => 1 }, with_).map(
    (d) => `${d.line}:${d.column} ${d.rule}`,
  );
}

const term = (id: string) => data.terms.filter((t) => t.id === id);

describe('term matcher', () => {
  it('treats Chinese characters as word boundaries but not Latin letters', () => {
    expect(findTerms('推荐ipvs模式', term('ipvs-recommended')).map((m) => m.text)).toEqual(['ipvs']);
    expect(findTerms('推荐用 ipvsadm 查看', term('ipvs-recommended'))).toEqual([]);
    expect(findTerms('PSP、PodSecurityPolicy', term('pod-security-policy')).map((m) => m.text)).toEqual(['PSP', 'PodSecurityPolicy']);
    expect(findTerms('GPSP 与 PSPs', term('pod-security-policy'))).toEqual([]);
  });

  it('matches terms that start or end with punctuation', () => {
    expect(findTerms('加上 --cascade=false 选项', term('cascade-false')).map((m) => m.text)).toEqual(['--cascade=false']);
    expect(findTerms('hostPath: /var/lib/docker/containers', term('var-lib-docker')).map((m) => m.index)).toEqual([10]);
  });

  it('honours case rules', () => {
    expect(findTerms('psp 是缩写', term('pod-security-policy'))).toEqual([]);
    expect(findTerms('USERSPACE 模式', term('kube-proxy-userspace'))).toHaveLength(1);
  });

  it('requires the context words in the same sentence only', () => {
    expect(findTerms('IPVS 是一种模式。我们推荐 nftables。', term('ipvs-recommended'))).toEqual([]);
    expect(findTerms('我们推荐 IPVS。', term('ipvs-recommended'))).toHaveLength(1);
  });

  it('finds a command continued over lines', () => {
    const text = 'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 \\\n  snapshot restore snap.db';
    expect(findTerms(text, term('etcdctl-snapshot-restore')).map((m) => m.index)).toEqual([14]);
    expect(findTerms('etcdctl snapshot save snap.db', term('etcdctl-snapshot-restore'))).toEqual([]);
  });

  it('keeps dotted versions and file names inside one sentence', () => {
    const text = '旧镜像 k8s.gcr.io 自 2023 起冻结。下一句 1.26 版。';
    const [from, to] = sentenceAround(text, 4, 14);
    expect(text.slice(from, to)).toBe('旧镜像 k8s.gcr.io 自 2023 起冻结');
  });

  it('accepts a status word with a version, not either alone', () => {
    expect(statesVersionedStatus('userspace 模式已在 1.26 移除', 0, 9)).toBe(true);
    expect(statesVersionedStatus('deprecated in 1.33: kubectl get endpoints', 20, 41)).toBe(true);
    expect(statesVersionedStatus('userspace 模式已移除', 0, 9)).toBe(false);
    expect(statesVersionedStatus('userspace 模式在 1.26 很常见', 0, 9)).toBe(false);
    // The version must not come from the term itself (an image tag).
    expect(statesVersionedStatus('已冻结：k8s.gcr.io/pause:3.2', 4, 26)).toBe(false);
  });
});

describe('acceptance rule on MDX structure', () => {
  it('reports an occurrence in inline code and in a code block with its line and column', () => {
    expect(check('查看后端：`kubectl get ep web`。\n\n```bash\nkubectl get endpoints\n```\n')).toEqual([
      '1:7 deprecated/endpoints-api',
      '4:1 deprecated/endpoints-api',
    ]);
  });

  it('accepts a correction after the whole list, not after a later block', () => {
    const list = '- 镜像 k8s.gcr.io/pause\n- 其他\n\n';
    const fix = ':::caution[编者更正]\n改用 registry.k8s.io。\n:::\n';
    expect(check(list + fix)).toEqual([]);
    expect(check(list + '中间的段落。\n\n' + fix)).toEqual(['1:6 deprecated/k8s-gcr-io']);
  });

  it('judges blocks among their siblings inside a section container such as ::::other-answer', () => {
    const section = (inner: string) => `::::other-answer[笔记 001]\n## 另一份笔记的回答\n\n${inner}::::\n`;
    const fix = ':::caution[编者更正]\n改用 registry.k8s.io。\n:::\n';
    expect(check(section('镜像 k8s.gcr.io/pause。\n\n' + fix))).toEqual([]);
    expect(check(section('镜像 k8s.gcr.io/pause。\n\n中间的段落。\n\n' + fix))).toEqual(['4:4 deprecated/k8s-gcr-io']);
  });

  it('does not accept a tip or a correction whose title is not 编者更正 as a following correction', () => {
    expect(check('PSP 限制特权。\n\n:::tip[小结]\n无。\n:::\n')).toEqual(['1:1 deprecated/pod-security-policy']);
  });

  it('accepts anything inside an aside titled 编者…, including nested blocks', () => {
    expect(check(':::note[编者注]\n- 旧的 `--cascade=false`\n:::\n')).toEqual([]);
  });

  it('accepts a heading whose section paragraph is corrected', () => {
    expect(check('## userspace 模式\n\n性能差。\n\n:::caution[编者更正]\n1.26 已移除。\n:::\n')).toEqual([]);
  });

  it('ignores link targets', () => {
    expect(check('详见 [这一页](/q/psp-and-k8s.gcr.io/)。\n')).toEqual([]);
  });

  it('checks only the first mention of a page-scoped term', () => {
    expect(check('ingress-nginx 很流行。\n\n再装 ingress-nginx。\n')).toEqual(['1:1 deprecated/ingress-nginx']);
    expect(check(':::tip[编者补充]\nIngress-NGINX 已于 2026 年 3 月退役。\n:::\n\n安装 ingress-nginx。\n')).toEqual([]);
  });

  it('reports a removed apiVersion in prose, and in a manifest only for the removed kinds', () => {
    expect(check('HPA 用 autoscaling/v2beta2 写。\n')).toEqual(['1:7 deprecated/removed-api']);
    const manifest = (kind: string) => `\`\`\`yaml\napiVersion: networking.k8s.io/v1beta1\nkind: ${kind}\nmetadata:\n  name: x\n\`\`\`\n`;
    expect(check(manifest('Ingress'))).toEqual(['2:13 deprecated/removed-api']);
    expect(check(manifest('ServiceCIDR'))).toEqual([]);
  });
});

describe('outdated statements as other people’s notes phrase them', () => {
  // Written the way interview notes found on the web put them, not copied from our own pages.
  it.each([
    ['简述 kube-proxy 的三种工作模式和原理。', 'kube-proxy-mode-count'],
    ['K8s 默认使用 Docker 作为容器运行时。', 'docker-default-runtime'],
    ['Pod 异常时到对应节点上 docker logs 容器 ID 查看日志。', 'docker-cli-on-node'],
    ['通过 kubectl run nginx --image=nginx --replicas=2 快速创建一个 Deployment。', 'kubectl-run-deployment'],
    ['用 kubectl get cs 查看 scheduler、controller-manager 和 etcd 是否健康。', 'component-statuses'],
    ['监控方案一般是 Heapster + InfluxDB + Grafana。', 'heapster'],
    ['Helm 由客户端和服务端 Tiller 两部分组成。', 'helm-tiller'],
    ['集群 DNS 默认使用 kube-dns。', 'kube-dns-addon'],
    ['预选策略有 PodFitsResources、PodFitsHostPorts、NoDiskConflict 等。', 'scheduler-legacy-predicates'],
    ['k8s 不支持 swap，所以部署前必须 swapoff -a。', 'swap-unsupported'],
    ['我们可以看到创建 sa 后自动生成了一个 secret，里面就是 token。', 'service-account-token-secret'],
    ['apiserver 默认监听 8080 非安全端口和 6443 安全端口。', 'apiserver-insecure-port'],
  ])('%s', (sentence, id) => expect(check(sentence + '\n').map((d) => d.split('/')[1])).toContain(id));
});

describe('current statements that mention an old term are not claims', () => {
  // Sentences a note written today would contain: none of them is outdated, so none is reported.
  it.each([
    '集群 DNS 的 Service 仍叫 kube-dns，后端是 CoreDNS。',
    '节点上的容器用 crictl ps 查看，docker ps 看不到它们。',
    'kubectl run 只创建 Pod，要创建 Deployment 用 kubectl create deployment。',
    '现在默认的容器运行时不是 Docker，而是 containerd 或 CRI-O。',
    'ServiceAccount 的令牌由 TokenRequest API 签发，不再自动创建 Secret。',
    'Helm 3 没有 Tiller，直接用 kubeconfig 的权限。',
    'kube-proxy 在 Linux 上有 iptables 和 nftables 两种模式。',
    'kube-apiserver 不再提供非安全端口。',
    '构建完镜像用 docker images 查看本地镜像。',
    '推荐使用 cgroup v2，cgroup v1 已进入维护模式。',
    '节点的 swap 可以按需开启 LimitedSwap。',
  ])('%s', (sentence) => expect(check(sentence + '\n')).toEqual([]));
});

describe('Mermaid diagrams', () => {
  const diagram = (src: string) => '```mermaid\nflowchart LR\n' + src + '\n```\n';
  it('reports a label that is only wrong in a diagram, and accepts a correction right after the diagram', () => {
    const d = diagram('  S[Service] --> E[Endpoints] --> P[Pod]');
    expect(check(d)).toEqual(['3:20 deprecated/endpoints-label']);
    expect(check(d + '\n:::caution[编者更正]\n应为 EndpointSlice。\n:::\n')).toEqual([]);
    // The same word in prose is not a diagram claim.
    expect(check('Service 的 Endpoints 对象。\n')).toEqual([]);
  });
  it('takes nftables anywhere in the diagram as showing it is current', () => {
    expect(check(diagram('  KP[kube-proxy] --> R[iptables 规则]'))).toEqual(['3:24 deprecated/kube-proxy-modes-in-diagram']);
    expect(check(diagram('  KP[kube-proxy] --> R[iptables 规则]\n  N[或 nftables 规则]'))).toEqual([]);
    // iptables with no kube-proxy in the diagram (a CNI diagram) is not about proxy modes.
    expect(check(diagram('  P[Pod] --> R[iptables SNAT]'))).toEqual([]);
  });
  it('judges context words per label, so a word in another box does not make a claim', () => {
    expect(check(diagram('  N["nameserver（kube-dns 的 ClusterIP）"]\n  D["default 命名空间"]'))).toEqual([]);
    expect(check(diagram('  D["默认 DNS 插件 kube-dns"]'))).toEqual(['3:16 deprecated/kube-dns-addon']);
  });
});

describe('tables', () => {
  it('reads a row as one statement, so a version in another cell states the status', () => {
    expect(check('| 版本 | 变化 |\n| --- | --- |\n| 1.20 | 移除 PodPreset |\n')).toEqual([]);
    expect(check('| 组件 | 作用 |\n| --- | --- |\n| PodPreset | 注入环境变量 |\n')).toEqual(['3:3 deprecated/pod-preset']);
  });
});

describe('frontmatter fields', () => {
  const withFields = (body: string, fields: { name: string; value: string }[]) =>
    checkOutdated(
      { file: 'x.mdx', body, tree: parser.parse(body), reviewedFor: '1.37', lineOf: () => 1, fields: fields.map((f, i) => ({ ...f, line: i + 2 })) },
      data,
    ).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message.slice(0, 12)}`);
  it('reports a term in the title, description or aliases with the field named', () => {
    expect(withFields('讲讲它。\n', [{ name: 'title', value: 'dockershim 是什么？' }])).toEqual(['2:1 deprecated/dockershim 标题（title）里的“']);
    expect(withFields('讲讲它。\n', [{ name: 'aliases[0]', value: 'PSP 怎么用？' }])).toEqual(['2:1 deprecated/pod-security-policy 其他问法（aliases']);
  });
  it('accepts it when the body explains the same term, or the field itself states status and version', () => {
    const explained = ':::caution[编者更正]\ndockershim 已移除。\n:::\n';
    expect(withFields(explained, [{ name: 'title', value: 'dockershim 是什么？' }])).toEqual([]);
    expect(withFields('讲讲它。\n', [{ name: 'description', value: 'dockershim 已在 1.24 移除' }])).toEqual([]);
    // A mention in the body that is itself unexplained does not explain the title.
    expect(withFields('kubelet 调用 dockershim。\n', [{ name: 'title', value: 'dockershim 是什么？' }])).toHaveLength(2);
  });
});

describe('companion rules', () => {
  it('apply only when every condition holds, and are satisfied by a mention anywhere', () => {
    expect(check('存活探针只讲概念。\n')).toEqual([]);
    expect(check('存活探针用 httpGet 检查。\n')).toEqual(['1:1 companion/probes-grpc']);
    expect(check('存活探针用 httpGet 检查。\n\n:::tip[编者补充]\n还有 gRPC 探针。\n:::\n')).toEqual([]);
  });
  it('does not take the READINESS GATES column of kubectl output for a probe', () => {
    const output = '```console\n$ kubectl get pod -o wide\nNAME  READY  NOMINATED NODE   READINESS GATES\n$ kubectl exec -it web -- sh\n```\n';
    expect(check(output)).toEqual([]);
    expect(check('Readiness Probe 可以用 exec 命令。\n')).toEqual(['1:1 companion/probes-grpc']);
  });
});

describe('reviewedFor', () => {
  const at = () => 3;
  const config = { currentKubernetes: '1.37', reviewedForRequired: true };
  it('is an error when missing while required, silent when not required', () => {
    expect(checkReviewedFor('x.mdx', undefined, at, config).map((d) => d.severity)).toEqual(['error']);
    expect(checkReviewedFor('x.mdx', undefined, at, { ...config, reviewedForRequired: false })).toEqual([]);
  });
  it('warns when more than one minor behind the configured release', () => {
    expect(checkReviewedFor('x.mdx', '1.36', at, config)).toEqual([]);
    const lag = checkReviewedFor('x.mdx', '1.35', at, config);
    expect(lag.map((d) => `${d.line} ${d.severity} ${d.rule}`)).toEqual(['3 warning reviewed/outdated']);
  });
});

describe('data file', () => {
  it('names a replacement, a version and a document for every term', () => {
    for (const t of data.terms) {
      expect(t.replacement.length, t.id).toBeGreaterThan(0);
      // The version facts are what a reader acts on: every term cites a release (or a date).
      const status = [t.deprecatedIn, t.removedIn, t.changedIn].filter(Boolean).join(' ');
      expect(status, t.id).toMatch(/\d+\.\d+|20\d\d/);
      expect(t.doc, t.id).toMatch(/^https:\/\//);
    }
  });
  it('rejects a broken pattern with the data file named', () => {
    const text = 'currentKubernetes: "1.37"\nreviewedForRequired: true\nterms:\n  - { id: x, patterns: [{ regex: "(" }], what: x, removedIn: "1.2", replacement: y, doc: "https://e.x" }\n';
    expect(() => parseDeprecations(text)).toThrow(/content\/deprecations\.yaml: x 的正则写错了/);
  });
  it('knows which kinds of a group/version were removed, relative to the target release', () => {
    expect(removedApiOf({ apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler' }, data.removedApis, '1.37')?.removedIn).toBe('1.26');
    expect(removedApiOf({ apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler' }, data.removedApis, '1.25')).toBeUndefined();
    expect(removedApiOf({ apiVersion: 'storage.k8s.io/v1beta1', kind: 'VolumeAttributesClass' }, data.removedApis, '1.37')).toBeUndefined();
  });
});

describe('accepted forms pass the whole content check', async () => {
  const cases = (await readdir(join(FIXTURES, 'good-outdated'))).sort();
  for (const name of cases) {
    it(name, async () => {
      const root = await mkdtemp(join(tmpdir(), 'outdated-'));
      await cp(join(FIXTURES, 'site'), root, { recursive: true });
      await cp(join(FIXTURES, 'good-outdated', name, 'content'), join(root, 'content'), { recursive: true });
      const { diagnostics } = await checkContent({ root });
      expect(diagnostics.map(formatPlain)).toEqual([]);
      // The fixture really contains a term the check would otherwise report.
      const page = await readFile(join(root, 'content/docs/networking/case-x.mdx'), 'utf8');
      if (!name.startsWith('links')) expect(data.terms.some((t) => findTerms(page, [t]).length > 0)).toBe(true);
      // terms.txt: the rules this fixture proves accept a noted mention; each rule's words must be in it.
      const listed = await readFile(join(FIXTURES, 'good-outdated', name, 'terms.txt'), 'utf8').catch(() => '');
      for (const id of listed.split('\n').filter(Boolean)) {
        const rules = data.terms.filter((t) => t.id === id);
        expect(rules.length, `terms.txt 里的 ${id} 不是 content/deprecations.yaml 里的规则`).toBeGreaterThan(0);
        expect(
          rules.some((t) => t.regexes.some((r) => new RegExp(r.source, r.flags.replace('g', '')).test(page))),
          `${name} 里没有 ${id} 要找的词`,
        ).toBe(true);
      }
    });
  }
});
