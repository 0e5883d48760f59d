import { ID_PATTERN } from '../content-model/question.ts';

/**
 * Chinese words of interview questions → the English words of a readable permalink. Ordered:
 * longer phrases first, so `存活探针` wins over `探针`. Question words map to nothing.
 */
const GLOSSARY: [string, string][] = [
  ['高可用', 'ha'], ['负载均衡', 'load-balancing'], ['服务发现', 'service-discovery'], ['自动扩容', 'autoscaling'],
  ['扩缩容', 'scaling'], ['扩容', 'scale-out'], ['缩容', 'scale-in'], ['滚动更新', 'rolling-update'], ['回滚', 'rollback'],
  ['生命周期钩子', 'lifecycle-hooks'], ['生命周期', 'lifecycle'], ['钩子', 'hooks'], ['存活探针', 'liveness-probe'],
  ['就绪探针', 'readiness-probe'], ['启动探针', 'startup-probe'], ['探针', 'probes'], ['健康检查', 'health-check'],
  ['创建', 'create'], ['删除', 'delete'], ['过程', 'flow'], ['流程', 'flow'], ['链路', 'path'], ['原理', 'internals'],
  ['区别', 'vs'], ['对比', 'vs'], ['作用', 'role'], ['用途', 'purpose'], ['组件', 'components'], ['架构', 'architecture'],
  ['集群', 'cluster'], ['节点', 'node'], ['网络', 'network'], ['通信', 'communication'], ['插件', 'plugin'],
  ['调度', 'scheduling'], ['资源', 'resources'], ['限制', 'limits'], ['底层', 'under-the-hood'], ['状态', 'status'],
  ['原因', 'causes'], ['排查', 'troubleshooting'], ['故障', 'failure'], ['访问不通', 'unreachable'], ['不通', 'unreachable'],
  ['备份', 'backup'], ['恢复', 'restore'], ['工具', 'tools'], ['暴露', 'expose'], ['端口', 'port'], ['外部', 'external'],
  ['本地', 'local'], ['分配', 'assign'], ['目录结构', 'layout'], ['结构', 'structure'], ['时区', 'timezone'],
  ['容器', 'container'], ['镜像', 'image'], ['修改', 'modify'], ['规则', 'rules'], ['效率', 'efficiency'],
  ['设计', 'design'], ['实现', 'implementation'], ['使用场景', 'use-cases'], ['场景', 'use-cases'], ['组网', 'topology'],
  ['存放内容', 'contents'], ['内容', 'contents'], ['调优', 'tuning'], ['规模', 'scale'], ['上千', 'thousands'],
  ['注意', 'pitfalls'], ['关联', 'association'], ['等级', 'classes'], ['理解', 'overview'], ['工作模式', 'modes'],
  ['模式', 'modes'], ['隔离', 'isolation'], ['全局', 'global'], ['云上', 'cloud'], ['二进制', 'binary'], ['部署', 'deploy'],
  ['总览', 'overview'], ['有状态', 'stateful'], ['无状态', 'stateless'], ['服务', 'service'], ['方式', 'ways'],
  ['失败', 'failure'], ['指标', 'metrics'], ['采集', 'collection'], ['数据', 'data'], ['命名空间', 'namespace'],
  ['配置', 'config'], ['存储卷', 'volumes'], ['存储', 'storage'], ['踩坑', 'pitfalls'], ['生产环境', 'production'],
  ['经验', 'experience'], ['项目', 'project'], ['加分项', 'bonus'], ['编排', 'orchestration'], ['概述', 'overview'],
  ['版本控制', 'versioning'], ['资源清单', 'manifests'], ['语法', 'syntax'], ['字段', 'fields'], ['详解', 'in-depth'],
  ['标签', 'labels'], ['选择器', 'selectors'], ['灰度发布', 'canary'], ['亲和性', 'affinity'], ['反向代理', 'reverse-proxy'],
  ['域名', 'domain'], ['安装', 'install'], ['类型', 'types'], ['路径', 'path'], ['自定义', 'custom'], ['行为', 'behavior'],
  ['有哪些', ''], ['哪些', ''], ['什么是', ''], ['什么', ''], ['如何', ''], ['怎么', ''], ['怎样', ''], ['为什么', 'why'],
  ['简述', ''], ['谈谈', ''], ['解决', ''], ['问题', ''],
];

/**
 * A readable, stable ASCII id for a Chinese question title: the Latin words it contains plus the
 * English words of its Chinese terms, in title order (`简述Pod创建过程` → `pod-create-flow`).
 */
export function slugFromTitle(title: string): string {
  const t = title.normalize('NFKC').replace(/k8s/gi, 'k8s ');
  const words: { at: number; word: string }[] = [];
  for (const m of t.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g)) words.push({ at: m.index, word: m[0].toLowerCase().replace(/\./g, '-') });
  const taken = new Array<boolean>(t.length).fill(false);
  for (const [zh, en] of GLOSSARY) {
    for (let at = t.indexOf(zh); at !== -1; at = t.indexOf(zh, at + 1)) {
      if (taken.slice(at, at + zh.length).some(Boolean)) continue;
      taken.fill(true, at, at + zh.length);
      if (en) words.push({ at, word: en });
    }
  }
  const seen = new Set<string>();
  const slug = words
    .sort((a, b) => a.at - b.at)
    .map((w) => w.word)
    .filter((w, _i, all) => w !== 'k8s' || all.length <= 2)
    .filter((w) => (seen.has(w) ? false : (seen.add(w), true)))
    .join('-')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return truncate(slug || 'question', 50);
}

function truncate(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  return slug.slice(0, max).replace(/-[^-]*$/, '');
}

/** Unique among `taken`: a second `pod-create-flow` becomes `pod-create-flow-2`. */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

export function uniqueId(base: string, taken: Set<string>): string {
  // `taken` only grows, so counting on from the last suffix given for this base finds the same id, in constant time.
  const suffixes = nextSuffix.get(taken) ?? nextSuffix.set(taken, new Map()).get(taken)!;
  let id = base;
  if (taken.has(base)) {
    let n = suffixes.get(base) ?? 2;
    while (taken.has(`${base}-${n}`)) n++;
    id = `${base}-${n}`;
    suffixes.set(base, n + 1);
  }
  if (!ID_PATTERN.test(id)) throw new Error(`generated id “${id}” is not a valid slug`);
  taken.add(id);
  return id;
}
