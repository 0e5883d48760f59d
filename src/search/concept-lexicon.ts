/**
 * Everyday task phrasings and the Kubernetes feature that answers them (see concepts.ts). Reviewed
 * like the glossary: each concept is a general equivalence any engineer would accept (“run only on
 * certain nodes” is node selection), its `search` names are glossary names (a unit test checks),
 * and a phrasing never aims at one page. Loaded as its own chunk, only when a plain search is weak.
 */
import { matchConcepts, type Concept, type TaskLexicon } from './concepts';

export const CONCEPTS: readonly Concept[] = [
  // Scheduling: where pods run
  {
    search: ['nodeSelector', 'Node Affinity'],
    when: ['指定节点', '特定节点', '固定节点', '某些节点', '部分节点', '某台机器', '某几台', '只跑在+节点', '只运行在+节点', '调度到+指定',
      'specific+node', 'certain+node', 'particular+node', 'pin+node', 'only+on+node'],
  },
  {
    search: ['Anti-affinity', 'Topology Spread Constraints'],
    when: ['同一台机器', '同一个节点', '同一节点', '同一台节点', '打散', '分散到', '均匀分布', 'spread+across', 'same+node', 'spread+pods'],
  },
  {
    search: ['Taint', 'Toleration'],
    when: ['不让+调度', '禁止+调度', '专用节点', '独占节点', 'dedicated+node', 'keep+pods+off', 'repel'],
  },
  {
    search: ['DaemonSet'],
    when: ['每个节点', '每台机器', '每台节点', '每台服务器', 'every+node', 'each+node', 'per+node', 'all+nodes'],
  },
  {
    search: ['Pending', 'Scheduling'],
    when: ['调度不上', '调度失败', '没有节点可用', 'unschedulable', 'not+scheduled', 'insufficient'],
  },
  // Releasing and scaling
  {
    search: ['Rolling Update'],
    when: ['不停机', '零停机', '无缝', '平滑升级', '更新镜像', '升级应用', '发布新版本', '上线新版本', 'zero+downtime', 'without+downtime', 'new+version', 'update+image', 'roll+out', 'rollout'],
  },
  {
    search: ['Rollback'],
    when: ['回退', '退回', '撤回', '上一个版本', '上个版本', '旧版本', 'roll+back', 'revert', 'undo', 'previous+version'],
  },
  {
    search: ['Canary Release'],
    when: ['部分用户', '一小部分', '小部分流量', '小流量', '按比例+流量', '流量切分', '切流', 'a/b', 'canary', 'small+percentage', 'split+traffic', 'traffic+split'],
  },
  {
    search: ['HorizontalPodAutoscaler'],
    when: ['自动扩容', '自动扩缩', '自动缩容', '根据负载', 'cpu+扩容', '流量高峰', '业务指标', '自定义指标', 'qps', 'autoscal', 'scale+automatically', 'scale+on+load', 'custom+metric'],
  },
  {
    search: ['kubeadm', 'Cluster Autoscaler'],
    when: ['加机器', '加节点', '新增节点', '添加节点', '加一台', '新机器', '扩容集群', '集群扩容', 'add+node', 'join+node', 'new+node', 'more+nodes'],
  },
  // Availability and shutdown
  {
    search: ['Graceful Termination', 'Container Lifecycle Hooks'],
    when: ['请求不丢', '不丢请求', '请求丢失', '平滑下线', '优雅下线', '优雅关闭', '优雅停止', '下线前', 'graceful', 'drain+connection', 'without+dropping', 'in-flight'],
  },
  {
    search: ['PodDisruptionBudget'],
    when: ['维护节点', '节点维护', '升级节点', '最少+可用', '至少+可用', 'node+maintenance', 'minimum+available'],
  },
  {
    search: ['Eviction'],
    when: ['节点挂', '节点宕', '机器挂', '机器宕', '宕机', '节点死', '节点失联', 'node+down', 'node+dies', 'node+died', 'node+fail', 'node+crash', 'node+dead', 'node+goes'],
  },
  // Configuration
  {
    search: ['Secret'],
    when: ['密码', '密钥', '敏感', '凭据', '凭证', '证书文件', 'password', 'credential', 'sensitive', 'api+key'],
  },
  {
    search: ['ConfigMap'],
    when: ['配置文件', '环境变量', '配置中心', '注入配置', 'config+file', 'environment+variable', 'env+var'],
  },
  {
    search: ['kubeconfig'],
    when: ['切换+集群', '多个集群', '多集群+kubectl', '连接+集群', 'switch+cluster', 'multiple+clusters', 'kubectl+context'],
  },
  {
    search: ['Time Zone'],
    when: ['时间不对', '时间不一致', '时间差', '时差', '时间+宿主机', 'wrong+time', 'time+is+off', 'utc'],
  },
  // Resources
  {
    search: ['Requests', 'Limits'],
    when: ['限制+cpu', '限制+内存', '占用+cpu', '占用+内存', '用多少资源', '资源+上限', '分配+资源', 'limit+cpu', 'limit+memory', 'cap+memory', 'cap+cpu'],
  },
  {
    search: ['OOMKilled'],
    when: ['内存+被杀', '内存+杀掉', '内存不够', '内存溢出', '内存超', 'out+of+memory', 'memory+killed', 'exit+code+137'],
  },
  {
    search: ['CPU Throttling'],
    when: ['cpu+限流', 'cpu+被限', 'cpu+节流', 'throttl'],
  },
  // Networking
  {
    search: ['NetworkPolicy'],
    when: ['限制+访问', '禁止+访问', '阻止+访问', '不允许+访问', '互相访问', '网络隔离', '流量隔离', '隔离+流量', '访问控制+pod', '白名单', '防火墙',
      'restrict+traffic', 'block+traffic', 'deny+traffic', 'isolate+traffic', 'firewall', 'stop+talking', 'allow+only'],
  },
  {
    search: ['Ingress', 'LoadBalancer', 'NodePort'],
    when: ['外部访问', '外网访问', '集群外', '从外面', '对外提供', '公网', 'outside+cluster', 'external+access', 'from+outside', 'internet', 'expose+app'],
  },
  {
    search: ['MetalLB'],
    when: ['裸机', '物理机+负载均衡', '本地集群', '自建集群+负载均衡', 'bare+metal', 'on-prem', 'minikube', 'kind+cluster', 'external+ip'],
  },
  {
    search: ['Service Discovery', 'Cluster DNS'],
    when: ['服务之间', '互相调用', '服务名', '调用地址', '访问地址', 'service+name', 'call+another', 'find+each+other', 'service+to+service'],
  },
  {
    search: ['Overlay Network', 'Container Network Interface'],
    when: ['不同节点', '跨节点', '跨主机', '不同机器', 'different+nodes', 'across+nodes', 'cross+node', 'another+node'],
  },
  // Operating the cluster
  {
    search: ['Image Registry', 'Harbor'],
    when: ['镜像仓库', '私有仓库', '存镜像', '放镜像', 'registry', 'private+images'],
  },
  {
    search: ['kubectl'],
    when: ['进入容器', '进容器', '登录容器', '进到容器', 'shell+into', 'get+shell', 'into+container', 'exec+into'],
  },
  {
    search: ['Prometheus', 'Metrics Server'],
    when: ['监控', '告警', '报警', '看指标', '资源使用', 'monitor', 'alert', 'observability'],
  },
  {
    search: ['etcd'],
    when: ['越来越大', '空间满', '空间不足+数据库', '数据库+太大', 'db+size', 'database+size', 'space+exceeded'],
  },
  {
    search: ['CrashLoopBackOff'],
    when: ['一直重启', '反复重启', '不停重启', '频繁重启', '起不来', '启动失败', '启动不了', 'keeps+restarting', 'restart+loop', 'crash', "won't+start", 'fails+to+start'],
  },
];

/**
 * Everyday English words of technical questions and the Chinese word the pages write instead
 * (debug → 排查). English-only pages are few here, so an English question would otherwise match
 * only pages that happen to quote the word. One way only: a Chinese query gains nothing from them.
 * Here rather than with the glossary: only a weak English search needs them.
 */
export const ENGLISH_TO_CHINESE: readonly (readonly [string, string])[] = [
  ['debug', '排查'], ['troubleshoot', '排查'], ['troubleshooting', '排查'],
  ['monitor', '监控'], ['monitoring', '监控'], ['backup', '备份'], ['restore', '恢复'],
  ['upgrade', '升级'], ['install', '安装'], ['installation', '安装'], ['configure', '配置'], ['configuration', '配置'],
  ['create', '创建'], ['delete', '删除'], ['restart', '重启'], ['restarts', '重启'], ['logs', '日志'], ['logging', '日志'],
  ['network', '网络'], ['networking', '网络'], ['storage', '存储'], ['security', '安全'], ['permission', '权限'],
  ['permissions', '权限'], ['scale', '扩缩容'], ['scaling', '扩缩容'], ['principle', '原理'], ['internals', '原理'],
  ['performance', '性能'], ['tune', '调优'], ['tuning', '调优'], ['optimize', '调优'], ['component', '组件'],
  ['components', '组件'], ['architecture', '架构'], ['failure', '失败'], ['fails', '失败'], ['failed', '失败'],
  ['lifecycle', '生命周期'], ['isolation', '隔离'], ['quota', '配额'], ['production', '生产环境'],
];

/** What a weak search consults; the matcher travels in this chunk, so searches that never need it do not download it. */
export const taskLexicon: TaskLexicon = { match: (query) => matchConcepts(query, CONCEPTS), english: ENGLISH_TO_CHINESE };
