import { describe, expect, it } from 'vitest';
import { newSection } from '../section.ts';
import type { Line } from '../types.ts';
import { dedupeSection } from './dedupe-blocks.ts';

const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ text, src: [i + 1] }));

describe('dedupeSection (note 001: every code block printed twice)', () => {
  it('keeps the first copy as a block of the glued language and drops the second', () => {
    const section = { ...newSection('q', [0]), lines: lines('命令示例:', 'bashkubectl apply -f pod-definition.yaml', 'kubectl apply -f pod-definition.yaml', '2. API Server 接收请求') };
    const { section: out, drops } = dedupeSection(section);
    expect(out.lines.map((l) => l.text)).toEqual(['命令示例:', 'kubectl apply -f pod-definition.yaml', '2. API Server 接收请求']);
    expect(out.lines[1]!.fence).toEqual({ lang: 'bash', length: 1 });
    expect(drops).toEqual([{ line: 3, reason: 'duplicate-block' }]);
  });

  it('finds multi-line blocks printed twice without a language', () => {
    const block = ['livenessProbe:', 'tcpSocket:', 'port: 8080 # 容器监听的端口'];
    const { section: out, drops } = dedupeSection({ ...newSection('q', [0]), lines: lines('TCP Socket 探测', ...block, ...block, 'Exec 命令探测') });
    expect(out.lines.map((l) => l.text)).toEqual(['TCP Socket 探测', ...block, 'Exec 命令探测']);
    expect(out.lines[1]!.fence).toEqual({ lang: '', length: 3 });
    expect(drops.map((d) => d.line)).toEqual([5, 6, 7]);
  });

  it('never merges repeated prose', () => {
    const { drops } = dedupeSection({ ...newSection('q', [0]), lines: lines('总结', '总结') });
    expect(drops).toEqual([]);
  });
});
