import { describe, expect, it } from 'vitest';
import type { Line } from '../types.ts';
import { joinInlineCode } from './join-inline-code.ts';

const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ text, src: [i + 1] }));
const joined = (...texts: string[]) => joinInlineCode(lines(...texts)).map((l) => l.text);

describe('joinInlineCode (note 001: inline code split onto its own line)', () => {
  it('puts a token line back into its sentence as code', () => {
    expect(joined('它基于 Linux 内核中的', 'netfilter', '框架,但独立于 IPTables 之外')).toEqual([
      '它基于 Linux 内核中的 `netfilter`框架,但独立于 IPTables 之外',
    ]);
  });

  it('keeps the raw line numbers of every joined line', () => {
    expect(joinInlineCode(lines('- 默认的宽限期是 30 秒,但可以通过', 'terminationGracePeriodSeconds', '字段配置。'))[0]!.src).toEqual([1, 2, 3]);
  });

  it('joins a code span glued to the start of the next line (note 000)', () => {
    expect(joined('启用 Metrics Server:HPA 依赖于', 'metrics-server来获取 Pod 的资源使用情况。')).toEqual([
      '启用 Metrics Server:HPA 依赖于 `metrics-server`来获取 Pod 的资源使用情况。',
    ]);
  });

  it('keeps closing punctuation after the code span', () => {
    expect(joined('生成稳定的 DNS 名称(如', 'pod-0.my-headless-svc.namespace.svc.cluster.local)。')).toEqual([
      '生成稳定的 DNS 名称(如 `pod-0.my-headless-svc.namespace.svc.cluster.local`)。',
    ]);
  });

  it('does not join a heading to the prose under it, nor code lines', () => {
    expect(joined('Headless 服务的定义', 'Headless 服务是指将 spec.clusterIP 设置为 None 的 Service。')).toHaveLength(2);
    expect(joined('命令示例:', 'kubectl apply -f pod.yaml')).toHaveLength(2);
    expect(joined('averageUtilization: 50', '`scaleTargetRef`: 指定目标')).toHaveLength(2);
  });
});
