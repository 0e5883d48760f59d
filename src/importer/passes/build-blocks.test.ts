import { describe, expect, it } from 'vitest';
import { newSection } from '../section.ts';
import type { Block, Line } from '../types.ts';
import { buildBlocks } from './build-blocks.ts';

const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ text, src: [i + 1] }));
const blocksOf = (style: 'flat' | 'hexo', ...texts: string[]): Block[] => buildBlocks({ ...newSection('q', [0]), lines: lines(...texts) }, style).blocks;
const items = (b: Block | undefined) => (b?.type === 'list' ? b.items.map((it) => `${'  '.repeat(it.depth)}${it.text}`) : null);

describe('buildBlocks', () => {
  it('rebuilds a pipe table (note 001)', () => {
    const [table] = blocksOf('flat', '特性 | Deployment | StatefulSet |', '---|---|---|', '用途 | 无状态应用 | 有状态应用 |');
    expect(table).toEqual({ type: 'table', header: ['特性', 'Deployment', 'StatefulSet'], rows: [['用途', '无状态应用', '有状态应用']], src: [1, 2, 3] });
  });

  it('nests a flattened list under items ending in a colon (note 001)', () => {
    const [list] = blocksOf('flat', '- API Server:', '- 负责处理 REST API 请求。', '- Etcd:', '- 是一个分布式键值存储。');
    expect(items(list)).toEqual(['API Server:', '  负责处理 REST API 请求。', 'Etcd:', '  是一个分布式键值存储。']);
  });

  it('reads Hexo list nesting from its line-break pattern (note 002)', () => {
    const [list] = blocksOf('hexo', '- 原理：交换路由信息。 - 特点：', '- Pod IP 可路由。', ' - 常见有两种拓扑：', '- Full-mesh BGP', ' - Route Reflector', '', '', '- 下一项');
    expect(items(list)).toEqual(['原理：交换路由信息。', '特点：', '  Pod IP 可路由。', '  常见有两种拓扑：', '    Full-mesh BGP', '    Route Reflector', '下一项']);
  });

  it('fences code runs with the right language', () => {
    const blocks = blocksOf('flat', '查看日志:', 'kubectl logs my-pod', 'kubectl logs my-pod --previous', '输出示例:', '[root@master ~]# kubectl get pods', 'NAME READY STATUS');
    expect(blocks.filter((b) => b.type === 'code').map((b) => (b.type === 'code' ? b.lang : ''))).toEqual(['bash', 'console']);
  });

  it('marks a code block lost by the copy, of which only its language name is left (note 000)', () => {
    const out = buildBlocks({ ...newSection('q', [0]), lines: lines('查看 Pod 详细信息', 'bash重点关注以下字段:') });
    expect(out.losses).toEqual([{ line: 2, kind: 'lost-code', detail: '这里原本有一段 bash 代码，复制时丢失，只剩下语言名' }]);
    expect(out.blocks.map((b) => b.type)).toEqual(['heading', 'aside', 'para']);
  });
});
