import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../checks/check-content.ts';
import { body, describeEditorExpectations, type Expected } from './editor-expectations.ts';
import { importNote } from './pipeline.ts';
import { importNotes, reportPath } from './write.ts';

/**
 * Notes written and damaged by other hands: styles the seed notes never showed (see
 * fixtures/README.md for what each imitates). The expectations are what a careful editor would
 * make of each note: its questions, word for word, and its code as blocks in their language.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const load = (name: string) => importNote(readFileSync(join(FIXTURES, name)), name);

const EXPECTED: Record<string, Expected> = {
  'juejin-quotes.md': {
    titles: [
      'Pod 和容器是什么关系？',
      '为什么需要 pause 容器？',
      '怎么查看一个 Pod 为什么一直是 Pending？',
      'ConfigMap 更新后，Pod 里的配置会自动变吗？',
      'Deployment 的 revisionHistoryLimit 有什么用？',
      'kube-proxy 的 iptables 模式和 IPVS 模式有什么区别？',
    ],
    code: ['bash: kubectl describe pod web-0 -n prod', 'yaml: spec:'],
    absent: [/^>/m, /^---$/m, /作者|著作权|点个赞/],
  },
  'obsidian-callouts.md': {
    titles: [
      'PV 和 PVC 是什么关系？',
      'StorageClass 的 volumeBindingMode 有哪两种取值？',
      'Secret 真的安全吗？',
      'emptyDir 的数据什么时候会丢？',
      '怎么把 ConfigMap 里的一个键挂载成文件？',
    ],
    code: ['yaml: apiVersion: storage.k8s.io/v1', 'yaml: volumes:'],
    absent: [/\[!/, /\[\[/, /#k8s/, /^> (PV|默认|Pod)/m],
  },
  'notion-toggles.md': {
    titles: ['Service 的几种类型分别用在什么场景？', 'Headless Service 有什么用？', 'Pod 里的 DNS 解析是怎么配置的？', 'NetworkPolicy 默认是允许还是拒绝？', 'Ingress 和 Service 有什么区别？'],
    code: ['yaml: apiVersion: v1'],
    absent: [/^\t/m],
  },
  'wps-paste.txt': {
    titles: ['requests 和 limits 有什么区别？', 'Pod 的 QoS 等级有哪几种？', '怎么让 Pod 只调度到有 GPU 的节点上？', '节点 NotReady 了，你会怎么排查？', '怎么给节点做维护而不影响业务？', 'etcd 的数据怎么备份？'],
    code: ['yaml: apiVersion: v1', 'bash: kubectl drain node-3 --ignore-daemonsets --delete-emptydir-data'],
    absent: [/\u3000/, /[①②③]/, /上限，\n/, /^ +[\u3400-\u9fff]/m],
  },
  'html-paste.txt': {
    titles: ['Docker 镜像和容器有什么区别？', 'CMD 和 ENTRYPOINT 有什么区别？', '怎么减小镜像体积？', '容器里的进程怎么看宿主机上对应的 PID？', 'Docker 的网络模式有哪些？', '写一个最简单的 Pod 清单？'],
    code: ['dockerfile: FROM alpine:3.20', "bash: docker inspect -f '{{.State.Pid}}' web > /tmp/pid", 'yaml: apiVersion: v1'],
    absent: [/&nbsp;|&gt;|&lt;|<br>|\\<br/, /复制代码|^Copy$/m, /^\d$/m, /阅读 1024/],
  },
  'github-details.md': {
    titles: ['Deployment、StatefulSet、DaemonSet 分别适合什么场景？', 'Job 失败后会重试几次？', 'What does a readiness probe do?', 'ServiceAccount 的 token 现在是怎么发放的？', '怎么禁止容器以 root 运行？'],
    code: ['yaml: apiVersion: batch/v1', 'bash: kubectl create token default --duration=1h'],
    absent: [/details|summary/, /Table of Contents|Stars/],
  },
  'english-qa.md': {
    titles: [
      'What is the difference between a liveness probe and a readiness probe?',
      'How does the HPA decide how many replicas to run?',
      'What happens when you run kubectl apply?',
      'How do you roll back a Deployment?',
      'What is a PodDisruptionBudget for?',
      "Why can't two Pods on the same node both use hostPort 80?",
    ],
    code: ['bash: kubectl rollout history deployment/web'],
    absent: [/^A\d\./m],
  },
  'bold-numbered.md': {
    titles: ['说一下 kubelet 创建一个 Pod 的过程？', '容器运行时为什么从 Docker 换成了 containerd？', '什么是 Operator？', '有哪些方式可以暴露服务到集群外？', '如何实现金丝雀发布？', 'etcd 为什么推荐用 SSD？'],
    code: ['bash: crictl ps', 'yaml: apiVersion: gateway.networking.k8s.io/v1'],
    absent: [/面试时长/],
  },
  'interview-dialogue.txt': {
    titles: ['你们线上用的什么 CNI？为什么选它？', 'Pod 跨节点通信的时候，数据包是怎么走的？', '如果一个 Service 访问不通，你怎么排查？', 'CoreDNS 如果挂了会有什么影响？', '你了解 eBPF 吗？'],
    code: ['bash: kubectl get endpointslices -l kubernetes.io/service-name=web'],
    absent: [/面试官|^我：/m, /自我介绍|想问我的/],
  },
  'table-qa.md': {
    titles: ['Pod 的重启策略有哪些？', 'kube-scheduler 调度分哪两个阶段？', '什么是 Init 容器？', '怎么查看上一次崩溃的容器日志？', 'PV 的访问模式有哪些？', 'Taint 的三种效果是什么？'],
    code: [],
    absent: [/^\|/m, /<br>|\\<br/, /^[问答]：/m],
  },
  'daily-question.txt': {
    titles: ['Pod 的 pause 容器有什么作用？', 'Deployment 怎么回滚到上一个版本？', 'Service 的 ClusterIP 能 ping 通吗？', '什么是 DaemonSet？', '怎么看一个节点上还剩多少可分配资源？'],
    code: ['bash: kubectl rollout undo deployment/web', 'bash: kubectl describe node node-1'],
    absent: [/第.题/, /公众号/],
  },
  'flashcards.md': {
    titles: ['什么是 Pod？', '什么是 Service？', '什么是 Ingress？', '什么是 ConfigMap？', '什么是 Namespace？'],
    code: [],
    absent: [/\bA[:：]/, /速记卡片/],
  },
  'emoji-numbers.md': {
    titles: ['Pod 和 Deployment 的关系是什么？', '为什么 StatefulSet 需要 Headless Service？', '滚动更新时怎么保证服务不中断？', 'Pod 一直 CrashLoopBackOff 怎么办？', '镜像拉取失败有哪些常见原因？'],
    code: ['bash: kubectl logs web-0 --previous'],
    absent: [/\u20e3/, /#k8s|#面试/],
  },
  'html-source.txt': {
    titles: ['PV 的回收策略有哪些？', '怎么给 PVC 扩容？', '常见的访问模式有什么区别？', '写一个动态供给的 StorageClass？', '卷挂载失败一般怎么排查？'],
    code: [`bash: kubectl patch pvc data-0 -p '{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}'`, 'yaml: apiVersion: storage.k8s.io/v1'],
    absent: [/<\/?(?:p|h\d|pre|code|table|thead|tbody|tr|td|th|ul|li|strong|footer|body|html)\b/, /\\</, /&quot;|&lt;/, /作者|转载/],
    contains: ['有 `Retain` 和 `Delete` 两种', '**allowVolumeExpansion**', '| 模式 | 含义 |', '| ReadWriteOncePod | 只有一个 Pod 能读写 |', '- 先看 Pod 事件里的 `FailedMount` 报错；'],
  },
  'setext-headings.md': {
    titles: ['什么是污点和容忍？', 'nodeSelector 和节点亲和性有什么区别？', 'Pod 反亲和性一般用来做什么？', '调度器的打分阶段做了什么？', '优先级和抢占是怎么回事？'],
    code: ['bash: kubectl taint nodes node-1 dedicated=gpu:NoSchedule', 'yaml: apiVersion: scheduling.k8s.io/v1'],
    absent: [/^-{3,}$/m, /^={3,}$/m, /整理自|调度面试题/],
  },
  'bold-quoted-answers.md': {
    titles: ['Pod 为什么会被 OOMKilled？', '怎么看容器上一次退出的原因？', 'kubelet 的驱逐阈值怎么配置？', '为什么有人建议 requests 等于 limits？'],
    code: ["bash: kubectl get pod web-0 -o jsonpath='{.status.containerStatuses[0].lastState}'", 'yaml: evictionHard:'],
    absent: [/^>/m, /面试时间|面经/],
  },
  'multilevel-numbers.txt': {
    titles: ['Pod 里的容器共享哪些资源？', '什么是静态 Pod？', 'ReplicaSet 和 Deployment 是什么关系？', 'Job 的 completions 和 parallelism 分别是什么意思？', 'NodePort 的端口范围是多少？', 'externalTrafficPolicy 设成 Local 有什么用？'],
    code: [],
    absent: [/知识点自测/, /^(?:1 工作负载|1\.1 Pod|1\.2 控制器|2 网络|2\.1 Service)$/m, /^\d+\.\d+\.\d+ /m],
    contains: ['例子', 'completions=6'],
  },
  'answer-subheadings.md': {
    titles: ['Pod 一直处于 ContainerCreating，怎么排查？', '节点磁盘满了会发生什么？', '为什么 kubectl top 没有数据？'],
    code: ['bash: kubectl describe pod web-0', 'bash: kubectl -n kube-system logs deploy/metrics-server'],
    absent: [/^###/m, /故障排查题/],
    contains: ['## 思路', '## 命令', '1. 事件里有没有报错？', '## 处理\n\n1. 哪些镜像可以删？'],
  },
  'yuque-export.md': {
    titles: ['Helm 的三大概念是什么？', 'helm upgrade 失败了怎么回滚？', 'Helm 3 和 Helm 2 最大的区别是什么？', 'values.yaml 的值可以怎么覆盖？', '怎么在安装前看渲染出来的清单？'],
    code: ['bash: helm history web', 'bash: helm template web ./chart -f values-prod.yaml'],
    absent: [/\[TOC\]/, /<a name|\\<a/, /<br|\\<br/, /averageHue/, /语雀导出/],
    contains: ['![image.png](https://cdn.nlark.com/yuque/0/2026/png/12345/helm-arch.png)', '`--set` 参数。\n多个 `-f` 时后面的覆盖前面的。'],
  },
  'english-questions.md': {
    titles: [
      'What is the difference between a Deployment and a ReplicaSet?',
      'Explain how a Service load-balances traffic',
      'Describe the role of etcd in a cluster',
      'When would you use a StatefulSet',
      'How do you limit what a Pod can talk to',
    ],
    code: ['bash: etcdctl snapshot save /backup/etcd.db'],
    absent: [/interview prep/],
  },
  'pdf-text.txt': {
    titles: ['Pod 的 restartPolicy 有哪几种取值？', '容器的退出码 137 表示什么？', 'terminationGracePeriodSeconds 有什么用？', '怎么让容器以非 root 用户运行？', 'Pod 的 hostNetwork 设为 true 会有什么影响？'],
    code: ['yaml: securityContext:'],
    absent: [/第 \d 页/, /内部资料|面试宝典/, /[\u3400-\u9fff]\n[\u3400-\u9fff]/],
    contains: ['Deployment 管理的 Pod 只能用 Always', '最常见的原因是内存超过 limits', '在优雅终止期过后', '退出码 143 表示进程收到了 SIGTERM 后自己退出', '端口会和节点上的其他进程冲突'],
  },
  'tilde-indented-code.md': {
    titles: ['containerd 和 CRI-O 有什么区别？', '怎么看节点上用的是哪个容器运行时？', '不用 Docker 了，怎么在节点上看容器？', 'RuntimeClass 是做什么的？', 'Dockerfile 里的 ENTRYPOINT 用哪种写法更好？'],
    code: ['bash: kubectl get nodes -o wide', 'bash: crictl ps', 'yaml: apiVersion: node.k8s.io/v1', 'dockerfile: FROM alpine:3.20'],
    absent: [/^~~~/m, /^ {4}\S/m, /运行时笔记/],
  },
  'reference-links.md': {
    titles: ['Flannel 的 VXLAN 模式是怎么工作的？', 'CoreDNS 的 Corefile 里常见的插件有哪些？', 'Service 的 sessionAffinity 有什么用？'],
    code: [],
    absent: [/^\[[\w-]+\]:/m, /\]\[/, /never-used/],
    contains: [
      '[官方文档](https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md)',
      '![VXLAN 封包示意](https://example.com/img/vxlan.png "VXLAN 封包")',
      '[CoreDNS 插件列表](https://coredns.io/plugins/)',
      '[flannel 文档](https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md)',
    ],
  },
  'interview-smalltalk.txt': {
    titles: ['你们的集群规模多大？怎么部署的？', 'kubeadm 升级集群的步骤是什么？', '证书过期了怎么处理？'],
    code: ['bash: kubeadm upgrade apply v1.37.0'],
    absent: [/面试官|^我：/m, /住在公司附近|住哪边|说得挺清楚|谢谢|想问的|介绍一下自己|我们继续/],
  },
  'chapter-numbers.md': {
    titles: ['什么是 Pod？', 'Pod 有哪些阶段（phase）？', 'Kubernetes 从 1.24 版本开始有什么变化？', 'Service 有哪些类型？', '什么是 CNI？'],
    code: ['bash: ls /etc/cni/net.d/'],
    absent: [/第.章/, /^\d\.\d 什么/m],
  },
};

describe('notes in styles the seed notes never showed', () => {
  describeEditorExpectations(FIXTURES, EXPECTED);

  it('says in the report what it set aside, and why', () => {
    const r = load('juejin-quotes.md');
    expect(r.report.setAside?.map((a) => a.text)).toEqual(expect.arrayContaining(['作者：云原生小学徒', '觉得有用的话点个赞吧，评论区见！']));
    expect(r.report.dropped.preface).toBe('1,3-6,8');
    expect(r.report.dropped.epilogue).toBe('61');
    expect(r.report.warnings.some((w) => /第一个问题之前有 6 行文字.*setAside/.test(w.message))).toBe(true);
  });

  it.each([
    ['circled numbers', '① 什么是 Pod？\n最小调度单位。\n② 什么是 Service？\nPod 的稳定入口。\n③ kubelet 做什么？\n管理本节点上的 Pod。\n'],
    ['question labels set off as quotes', '> 问：什么是 Pod？\n\n最小调度单位。\n\n> 问：什么是 Service？\n\nPod 的稳定入口。\n\n> 问：kubelet 做什么？\n\n管理本节点上的 Pod。\n'],
  ])('questions marked by %s', (_name, note) => {
    const r = importNote(new TextEncoder().encode(note), 'inline.md');
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Pod？', '什么是 Service？', 'kubelet 做什么？']);
    expect(body(r.entries[2]!.mdx).trim()).toBe('管理本节点上的 Pod。');
  });

  it('writes the report beside a Markdown note, never over it', () => {
    expect(reportPath('notes/obsidian-callouts.md')).toBe('notes/obsidian-callouts.report.json');
    expect(reportPath('content/raw/000_x.txt')).toBe('content/raw/000_x.report.json');
    expect(reportPath('notes/v1.2/README')).toBe('notes/v1.2/README.report.json');
  });

  it('sets small talk in the middle of a transcript aside, with the reply to it, instead of adding it to an answer', () => {
    const r = load('interview-smalltalk.txt');
    const aside = (r.report.setAside ?? []).map((a) => a.text);
    expect(aside).toEqual(expect.arrayContaining(['面试官：好的。对了，你现在住哪边？过来上班方便吗？', '我：住在公司附近，骑车十分钟。', '面试官：嗯，说得挺清楚的。', '我：谢谢。']));
    expect(r.report.dropped['small-talk']).toBe('7-8,14-15');
    // The technical answers around it keep every line of their own.
    expect(body(r.entries[0]!.mdx)).toContain('用 kubeadm 部署，控制平面三台机器。');
    expect(body(r.entries[1]!.mdx)).toContain('升级 kubelet 和 kubectl 后再恢复调度。');
    expect(r.report.warnings.some((w) => /“那我们继续。”没有放进标题/.test(w.message))).toBe(true);
  });

  it('keeps a follow-up that names nothing technical in the answer when the reply does', () => {
    const note = ['面试官：什么是 Pod？', '我：最小的调度单位。', '', '面试官：嗯，为什么这么设计？', '我：同一个 Pod 里的容器共享网络命名空间，可以用 localhost 通信。', '', '面试官：Service 是做什么的？', '我：给一组 Pod 一个稳定的入口。'].join('\n');
    const r = importNote(new TextEncoder().encode(note), 'follow-up.txt');
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Pod？', 'Service 是做什么的？']);
    expect(body(r.entries[0]!.mdx)).toContain('可以用 localhost 通信。');
    expect(r.report.dropped['small-talk']).toBeUndefined();
  });

  it('resolves reference-style links in the entry that uses them, and keeps an unused definition in the report', () => {
    const r = load('reference-links.md');
    const flannel = '(https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md)';
    expect(body(r.entries[0]!.mdx)).toContain(`[官方文档]${flannel}`);
    expect(body(r.entries[2]!.mdx)).toContain(`[flannel 文档]${flannel}`);
    expect(body(r.entries[1]!.mdx)).not.toContain('flannel-io');
    expect(r.report.setAside?.map((a) => a.text)).toContain('[unused]: https://example.com/never-used');
  });

  it('takes a page’s repeated header and page-number footer out of a PDF copy', () => {
    const r = load('pdf-text.txt');
    expect(r.report.dropped['page-chrome']).toBe('1,9-10,21-22,26');
  });

  it('groups Word sections `（一）…` and restarts numbering under them', () => {
    const r = load('wps-paste.txt');
    expect(r.report.dropped.structure).toBe('3,27');
    expect(r.report.warnings.filter((w) => /编号/.test(w.message))).toEqual([]);
  });
});

describe('other hands’ notes imported together into a site', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives each note’s questions their own pages and passes every check the build relies on', async () => {
    root = mkdtempSync(join(tmpdir(), 'other-hands-'));
    mkdirSync(join(root, 'content/raw'), { recursive: true });
    cpSync(join(import.meta.dirname, '../../content/topics.yaml'), join(root, 'content/topics.yaml'));
    const notes = Object.keys(EXPECTED).map((name) => {
      cpSync(join(FIXTURES, name), join(root, 'content/raw', name));
      return join(root, 'content/raw', name);
    });
    const { ok, log } = importNotes(notes, { outDir: join(root, 'content/docs') });
    expect(ok).toBe(true);
    // Two notes asking the same question (`什么是 CNI？`) in one run: both pages are written, neither skipped.
    expect(log.filter((l) => /跳过 [1-9]/.test(l))).toEqual([]);
    const pages = readdirSync(join(root, 'content/docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(pages).toHaveLength(Object.values(EXPECTED).reduce((n, e) => n + e.titles.length, 0));
    const { diagnostics } = await checkContent({ root });
    // Fresh imports are unreviewed: only the review rules may object (see importer.test.ts).
    const isReviewRule = (rule: string) => /^(?:reviewed|deprecated|companion)\//.test(rule);
    expect(diagnostics.filter((d) => d.severity === 'error' && !isReviewRule(d.rule)).map((d) => `${d.file}:${d.line} ${d.rule} ${d.message.slice(0, 80)}`)).toEqual([]);
  }, 120_000);
});
