import { describe, expect, it } from 'vitest';
import { topLevel } from './build-remark-blocks.ts';

/** Code blocks and headings with their extent and text: what the fast path must agree with remark on. */
const shape = (text: string, full?: boolean) =>
  topLevel(text.split('\n').map((t) => ({ text: t })), full)
    .filter((n) => n.type === 'code' || n.type === 'heading')
    .map((n) => [n.type, n.position?.start.line, n.position?.end.line, n.value ?? '']);

describe('the fast path reads indented code blocks as remark does', () => {
  it.each([
    ['after a paragraph and a blank line', '说明：\n\n    kubectl get pods\n    kubectl get svc\n\n下一段。'],
    ['tab-indented YAML keeping its inner spaces', '清单：\n\n\tapiVersion: v1\n\tkind: Pod\n\tmetadata:\n\t  name: web\n'],
    ['blank lines inside the block', '\tfirst\n\n\tsecond\n\n正文'],
    ['indented lines run into the paragraph above them', '一句话\n    kubectl get pods\n'],
    ['inside a list item', '1. 第一步\n\n    kubectl apply -f a.yaml\n\n2. 第二步'],
    ['right after a table', '| a | b |\n| - | - |\n| 1 | 2 |\n\t# 注释\n\n\tvelero backup create x'],
  ])('%s', (_name, text) => {
    expect(shape(text)).toEqual(shape(text, true));
  });
});
