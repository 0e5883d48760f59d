import { describe, expect, it } from 'vitest';
import { isConcatenatedHeader, splitConcatenatedTable } from './concat-tables.ts';

describe('splitConcatenatedTable (note 004: table cells concatenated)', () => {
  it('splits name | type | description', () => {
    expect(isConcatenatedHeader('参数名字段类型说明')).toBe(true);
    expect(
      splitConcatenatedTable('参数名字段类型说明', [
        'versionString这里指的是 K8s API 的版本,目前基本上是 v1',
        'spec.containers [].imageString这里定义要用到的镜像名称',
        'spec.containers [].command []List指定容器启动命令',
      ]),
    ).toEqual({
      header: ['参数名', '字段类型', '说明'],
      rows: [
        ['version', 'String', '这里指的是 K8s API 的版本,目前基本上是 v1'],
        ['spec.containers[].image', 'String', '这里定义要用到的镜像名称'],
        ['spec.containers[].command[]', 'List', '指定容器启动命令'],
      ],
    });
  });

  it('leaves lines that are not all rows alone', () => {
    expect(splitConcatenatedTable('参数名字段类型说明', ['这只是一句话'])).toBeNull();
  });
});
