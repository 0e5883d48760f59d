import { describe, expect, it } from 'vitest';
import { repairBold } from './repair-bold.ts';

describe('repairBold (note 002: closing ** moved in front of the text)', () => {
  it.each([
    ['- **内核会为某些全局资源,设计一层 **namespace 抽象层。', '- 内核会为某些全局资源,设计一层 **namespace** 抽象层。'],
    ['**👉 此时,Pod 还是 **Pending,但已经绑定到某个 Node。', '👉 此时,Pod 还是 **Pending**,但已经绑定到某个 Node。'],
    ['方式一:****控制台/CLI 一键加节点', '方式一:控制台/CLI 一键加节点'],
    ['- **用户通过 **', '- 用户通过'],
  ])('%s', (input, expected) => {
    expect(repairBold(input)).toBe(expected);
  });

  it('keeps every word', () => {
    const input = '**要理解 **namespace(命名空间)是如何实现隔离的,得从 Linux 内核的设计原理 说起。';
    expect(repairBold(input).replace(/\*/g, '').replace(/\s/g, '')).toBe(input.replace(/\*/g, '').replace(/\s/g, ''));
  });

  it('leaves well-formed bold alone', () => {
    expect(repairBold('这是 **重点** 内容')).toBe('这是 **重点** 内容');
  });
});
