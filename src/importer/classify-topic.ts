/**
 * First matching rule wins: specific subjects (probes, HPA, Ingress) before broad ones (Pod, network).
 * Matched against the title first, then against title + headings, so a title decides when it can.
 */
const RULES: [topic: string, pattern: RegExp][] = [
  ['troubleshooting', /排查|故障|NotReady|CrashLoopBackOff|访问不通|踩坑|Pending状态|失败可能的原因|失败.{0,8}原因|上千|生产环境/i],
  ['autoscaling', /HPA|VPA|Autoscal|扩缩容|自动扩容|metrics-server|Metrics Server|指标/i],
  ['ingress', /Ingress|MetalLB|LoadBalancer|暴露.*集群外|NodePort/i],
  // Accounts and permissions are API access, whatever `Service` their name contains.
  ['api', /ServiceAccount|RBAC|鉴权|准入控制|Admission/i],
  ['service-dns', /Service|kube-proxy|ipvs|iptables|DNS|服务发现|endpoints?|svc/i],
  ['networking', /Calico|flannel|Cilium|eBPF|CNI|网络插件|Network Policy|NetworkPolicy|网络模型|不同node|通信/i],
  ['runtime', /cgroup|namespace|\bns\b|docker|container|Pause|容器运行时|时区|request limit|镜像体积|镜像分层|Dockerfile|ENTRYPOINT|\bCRI\b|crictl/i],
  ['scheduling', /调度|亲和|污点|容忍|Taint|Toleration|Affinity|nodeSelector|Node 节点|QoS|标签和选择器|资源调度/i],
  ['storage-config', /ConfigMap|Secret|Volume|存储|PV|PVC|kubeconfig|emptyDir|hostPath|StorageClass/i],
  ['operations', /高可用|备份|恢复|etcd|Harbor|扩容集群|二进制部署|升级|kubeadm|节点.{0,4}维护|drain|cordon/i],
  ['ecosystem', /helm|Chart|服务网格|Istio|CI\/CD|加分项|项目经验/i],
  ['api', /API|资源清单|YAML|yaml|字段|apply -f/i],
  ['workloads', /Pod|Deployment|StatefulSet|DaemonSet|探针|Probe|钩子|Lifecycle|滚动更新|ReplicaSet|\bJob\b|CronJob|Init ?容器/i],
  ['architecture', /架构|组件|k8s|Kubernetes|编排/i],
];

export function classifyTopic(title: string, context = ''): string | null {
  for (const text of [title, `${title}\n${context}`]) {
    for (const [topic, re] of RULES) if (re.test(text)) return topic;
  }
  return null;
}

const TAGS: [tag: string, pattern: RegExp][] = [
  ['pod', /\bpod\b|Pod/i], ['deployment', /Deployment/i], ['statefulset', /StatefulSet/i], ['daemonset', /DaemonSet/i],
  ['service', /Service\b|svc/i], ['headless-service', /Headless/i], ['kube-proxy', /kube-proxy/i], ['ipvs', /ipvs/i],
  ['iptables', /iptables/i], ['dns', /DNS|CoreDNS/i], ['ingress', /Ingress/i], ['hpa', /HPA|Horizontal Pod Autoscaler/i],
  ['metrics-server', /metrics-server|Metrics Server/i], ['probe', /探针|Probe/i], ['lifecycle', /钩子|Lifecycle|生命周期/i],
  ['scheduler', /调度|Scheduler/i], ['cni', /CNI|网络插件/i], ['calico', /Calico/i], ['flannel', /Flannel/i],
  ['network-policy', /Network ?Policy/i], ['etcd', /etcd/i], ['api-server', /API ?Server|apiserver/i], ['kubelet', /kubelet/i],
  ['cgroup', /cgroup/i], ['namespace', /namespace|\bns\b|命名空间/i], ['docker', /docker/i], ['containerd', /containerd/i],
  ['helm', /helm/i], ['harbor', /Harbor/i], ['configmap', /ConfigMap/i], ['secret', /Secret/i], ['volume', /Volume|PV\b|PVC/i],
  ['qos', /QoS/i], ['ha', /高可用/], ['backup', /备份/], ['yaml', /YAML/i], ['rolling-update', /滚动更新|rolling/i],
  ['kubectl', /kubectl/i], ['metallb', /MetalLB/i], ['kubeconfig', /kubeconfig/i], ['troubleshooting', /排查|故障/],
];

/** Up to five tags, from the title first. */
export function tagsFor(title: string, context = ''): string[] {
  const fromTitle = TAGS.filter(([, re]) => re.test(title)).map(([t]) => t);
  const fromContext = TAGS.filter(([, re]) => re.test(context)).map(([t]) => t);
  return [...new Set([...fromTitle, ...fromContext])].slice(0, 5);
}
