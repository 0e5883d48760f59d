import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEditorExpectations, type Expected } from './editor-expectations.ts';
import { importNote } from './pipeline.ts';
import { unaccountedLines } from './report.ts';

/**
 * Notes pasted from places the other fixtures do not imitate (fixtures/README.md says what each
 * one is): a 公众号 article, a 知乎 question page with two answers, an Anki export, an XMind
 * outline, a chat-assistant transcript, a question bank with per-question metadata, a GitHub issue
 * thread and a 飞书 doc. Written down before the importer was run on them: what a careful editor
 * would make of each, and the platform's furniture set aside in the report, never in an answer.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');

const EXPECTED: Record<string, Expected> = {
  'wechat-article.txt': {
    titles: ['PV 和 PVC 是怎么绑定的？', 'PVC 一直 Pending 怎么排查？', '删除 PVC 之后数据还在吗？'],
    code: ['bash: kubectl describe pvc data-web-0'],
    absent: [/^图片$/m, /图：PV 与 PVC/, /蓝字|星标|在看|阅读原文|往期推荐|二维码|END|阅读 2381/, /^0\d$/m],
    setAside: [/点击上方蓝字/, /^图：PV 与 PVC 的绑定过程$/, /长按识别二维码/, /^阅读原文$/, /^往期推荐$/, /^赞 12在看 5$/],
  },
  'zhihu-answers.txt': {
    titles: ['kube-proxy 是怎么实现 Service 的？', 'Pod 里的容器怎么共享网络？', 'CoreDNS 解析慢一般怎么排查？', 'Service 的 ClusterIP 为什么 ping 不通？', 'Headless Service 有什么用？'],
    code: ['bash: kubectl exec -it web-0 -- cat /etc/resolv.conf'],
    absent: [/\u200b/, /赞同|评论|编辑于|发布于|IP 属地|著作权|收藏|喜欢|收起|匿名用户|补充两个|面了十几家/],
    setAside: [/^编辑于 2025-11-03 21:47・IP 属地浙江$/, /著作权归作者所有/, /赞同 328/, /^匿名用户$/, /^补充两个我被问到的：$/, /面了十几家/],
  },
  'anki-export.txt': {
    titles: ['什么是 Pod？', 'Deployment 和 StatefulSet 有什么区别？', '怎么查看 Pod 上一次崩溃时的日志？', 'HPA 根据什么指标扩缩容？', 'ConfigMap 改了，Pod 里的环境变量会变吗？'],
    code: ['bash: kubectl logs web-0 --previous'],
    absent: [/<\/?(?:br|div|pre|code|b)>|&nbsp;/, /\\</, /#separator|#html|#tags/, /k8s::/, /^"|"$/m],
    contains: ['`--previous`', '**configHash**', '名字是随机的；'],
    setAside: [/^#separator:tab$/, /k8s::基础/, /k8s::配置/],
  },
  'xmind-outline.txt': {
    titles: ['调度器是怎么给 Pod 选节点的？', '污点和容忍有什么用？', '什么是 Pod 拓扑分布约束？'],
    code: ['bash: kubectl taint nodes node-1 dedicated=gpu:NoSchedule'],
    absent: [/^\t/m, /^K8s 调度面试题$/m],
    contains: ['- 过滤（Filter）：去掉不满足条件的节点', '- 资源不够的', '- maxSkew：各拓扑域之间 Pod 数量允许的最大差值'],
    setAside: [/^K8s 调度面试题$/],
  },
  'chatgpt-transcript.md': {
    titles: ['kube-proxy 的 iptables 模式和 nftables 模式有什么区别？', 'Service 没有可用的 Endpoint 的时候，访问它会怎么样？'],
    code: ['bash: kubectl -n kube-system get configmap kube-proxy -o yaml | grep mode', 'yaml: apiVersion: v1'],
    absent: [/You said|ChatGPT said|Copy code/, /谢谢|不客气|can make mistakes/],
    setAside: [/好的，谢谢/, /不客气/, /ChatGPT can make mistakes/],
  },
  'question-bank.md': {
    titles: ['Pod 的 QoS 等级有哪几种？', '滚动更新卡住了怎么办？', '怎么限制一个命名空间能用的资源总量？'],
    code: ['bash: kubectl rollout status deployment/web', 'yaml: apiVersion: v1'],
    absent: [/难度|考察点|出现频率|★/, /参考答案/],
    contains: ['**解析：** 很多人只记住三个名字'],
    setAside: [/^难度：★★$/, /^考察点：ResourceQuota$/, /^出现频率：中$/, /面试题库/],
    importance: [3, 2, 3],
  },
  'github-issue.txt': {
    titles: ['Pod 的 IP 是谁分配的？', 'NetworkPolicy 为什么没有生效？', '从 Pod 里访问外网，源地址是什么？'],
    code: ['bash: kubectl describe networkpolicy deny-all -n prod'],
    absent: [/commented on|opened this issue|closed this|@alice|@bob|@carol|^(?:Author|Member)$|👍|❤️|🎉/m],
    setAside: [/^bob-k8s commented on Mar 3, 2026 • edited$/, /^👍 3$/, /closed this as completed/, /Collecting the networking questions/],
  },
  'feishu-doc.txt': {
    titles: ['Pod 有哪些阶段（phase）？', '常见的工作负载资源各用在什么场景？', 'Job 失败后会重试几次？'],
    code: [],
    absent: [/\t/, /☐|☑/, /创建者|最近修改/],
    contains: ['| 资源 | 适用场景 | 特点 |', '| StatefulSet | 有状态应用 | 固定名字和存储 |', 'CrashLoopBackOff 不是 phase', 'backoffLimitPerIndex'],
    setAside: [/^☐ 第一遍过完$/, /创建者：张三/],
    importance: [1, 2, 1],
  },
};

describe('notes pasted from places the other fixtures do not imitate', () => {
  describeEditorExpectations(FIXTURES, EXPECTED);
});

describe('the same notes saved on Windows', () => {
  // Notepad and Word save with CRLF line ends and a byte-order mark: the questions must not change.
  for (const name of Object.keys(EXPECTED)) {
    it(`${name} with CRLF and a BOM`, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const windows = importNote(new TextEncoder().encode(`\ufeff${text.replace(/\n/g, '\r\n')}`), name);
      expect(windows.entries.map((e) => e.title)).toEqual(EXPECTED[name]!.titles);
      expect(unaccountedLines(windows.report)).toEqual([]);
    });
  }
});

describe('other surface forms of the same sources', () => {
  const load = (note: string, name = 'variant.md') => importNote(new TextEncoder().encode(note), name);

  it('a chat copied with the speaker and the words on one line (`User:` / `Assistant:`)', () => {
    const r = load(['User: 什么是 Pod？', 'Assistant: Kubernetes 里最小的调度单位。', '', 'User: Service 是做什么的？', 'Assistant: 给一组 Pod 一个稳定的入口。', '', 'User: 明白了，谢谢', 'Assistant: 不客气。'].join('\n'));
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Pod？', 'Service 是做什么的？']);
    expect(r.entries[1]!.mdx).not.toMatch(/谢谢|不客气|Assistant/);
    expect(r.report.setAside?.map((a) => a.text)).toEqual(expect.arrayContaining(['User: 明白了，谢谢']));
  });

  it('numbers alone on their line written `No.1`', () => {
    const r = load(['No.1', 'Pod 为什么会被驱逐？', '节点资源紧张时 kubelet 会按 QoS 驱逐 Pod。', '', 'No.2', '怎么看驱逐的原因？', '看 Pod 的 status.reason 和事件。', '', 'No.3', '怎么避免关键 Pod 被驱逐？', '设置合适的 requests 和 PriorityClass。'].join('\n'), 'variant.txt');
    expect(r.entries.map((e) => e.title)).toEqual(['Pod 为什么会被驱逐？', '怎么看驱逐的原因？', '怎么避免关键 Pod 被驱逐？']);
  });

  it('a Q&A thread numbered `1.` with its counters in English', () => {
    const r = load(['1. 什么是 Pod？', '最小的调度单位。', '2. 什么是 Service？', '稳定入口。', 'edited Mar 3, 2025', '12 Upvotes · 3 Comments', '@someone', '1. 什么是 Ingress？', '七层的入口。', '2. 什么是 CNI？', '容器网络接口。'].join('\n'), 'variant.txt');
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Pod？', '什么是 Service？', '什么是 Ingress？', '什么是 CNI？']);
    expect(r.report.dropped.furniture).toBe('5-7');
  });
});
