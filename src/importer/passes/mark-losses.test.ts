import { describe, expect, it } from 'vitest';
import { newSection } from '../section.ts';
import type { Block } from '../types.ts';
import { cutWord, markLosses } from './mark-losses.ts';

const para = (text: string, line: number): Block => ({ type: 'para', text, src: [line] });
const heading = (text: string, line: number): Block => ({ type: 'heading', depth: 2, text, src: [line] });

describe('markLosses', () => {
  it('marks a table of which only the lead-in survived (note 000)', () => {
    const out = markLosses({ ...newSection('q', [1]), blocks: [heading('HPA 支持的扩缩容指标类型', 77), para('HPA 支持以下几类指标:', 78)] });
    expect(out.losses).toEqual([{ line: 78, kind: 'lost-table', detail: '“HPA 支持以下几类指标:”之后的表格或列表在复制时丢失' }]);
    expect(out.blocks.at(-1)).toMatchObject({ type: 'aside', variant: 'caution', title: '原文缺失' });
  });

  it('marks a comparison heading with nothing under it', () => {
    const out = markLosses({ ...newSection('q', [1]), blocks: [heading('Headless 服务与普通 Service 的区别', 15), heading('使用场景', 16)] });
    expect(out.losses.map((l) => l.kind)).toEqual(['lost-table']);
  });

  it('marks a sentence cut at its start (note 002) without changing it', () => {
    expect(cutWord('bernetes 里,Service (svc) 暴露端口时用到的核心组件')).toEqual({ fragment: 'bernetes', word: 'Kubernetes' });
    const out = markLosses({ ...newSection('q', [1]), blocks: [para('bernetes 里,Service (svc) 暴露端口', 187)] });
    expect(out.losses[0]!.kind).toBe('cut-sentence');
    expect(out.blocks.at(-1)).toEqual(para('bernetes 里,Service (svc) 暴露端口', 187));
  });

  it('leaves complete text alone', () => {
    expect(markLosses({ ...newSection('q', [1]), blocks: [para('Kubernetes 是一个容器编排平台。', 2)] }).losses).toEqual([]);
  });
});
