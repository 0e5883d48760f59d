import { describe, expect, it } from 'vitest';
import { splitGluedLine } from './unglue-code.ts';

describe('splitGluedLine (note 000: code glued to the next sentence)', () => {
  it.each([
    ['app: my-appHeadless 服务与普通 Service 的区别', ['app: my-app', 'Headless 服务与普通 Service 的区别']],
    ['averageUtilization: 50HPA 支持的扩缩容指标类型', ['averageUtilization: 50', 'HPA 支持的扩缩容指标类型']],
    ['memory: "128Mi"2. 创建 HPA(基于 CPU 使用率)', ['memory: "128Mi"', '2. 创建 HPA(基于 CPU 使用率)']],
    ['kubectl get pods输出示例:', ['kubectl get pods', '输出示例:']],
    ['DNS.3 = kubernetes.default.svc.cluster.local方法二:使用云平台托管控制平面', ['DNS.3 = kubernetes.default.svc.cluster.local', '方法二:使用云平台托管控制平面']],
    ['command: ["sh", "-c", "sleep 10"]ostStart在容器启动后异步执行', ['command: ["sh", "-c", "sleep 10"]', 'ostStart在容器启动后异步执行']],
  ])('%s', (input, expected) => {
    expect(splitGluedLine(input)).toEqual(expected);
  });

  it('leaves Chinese in YAML comments and prose alone', () => {
    expect(splitGluedLine('clusterIP: None # 关键点:不分配 ClusterIP')).toBeNull();
    expect(splitGluedLine('在 Kubernetes 中,Service 是一种抽象')).toBeNull();
    expect(splitGluedLine('name: "中文名称"')).toBeNull();
  });
});
