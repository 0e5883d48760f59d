import { describe, expect, it } from 'vitest';
import { ProcessTreeCpu, parseProcStat, type ProcStat } from './process-tree-cpu.ts';

/** A /proc/<pid>/stat line with the fields this module reads; the rest are zeros. */
const statLine = (pid: number, comm: string, ppid: number, utime: number, stime: number, start: number) => {
  const fields = Array.from({ length: 50 }, () => '0');
  fields[0] = 'S';
  fields[1] = String(ppid);
  fields[11] = String(utime);
  fields[12] = String(stime);
  fields[19] = String(start);
  return `${pid} (${comm}) ${fields.join(' ')}\n`;
};

describe('parseProcStat', () => {
  it('reads parent, CPU ticks and start time even when the command name holds spaces and parentheses', () => {
    expect(parseProcStat(statLine(4242, 'chrome (renderer) x', 4000, 120, 30, 98765))).toEqual({ pid: 4242, ppid: 4000, ticks: 150, start: '98765' });
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe('ProcessTreeCpu', () => {
  const p = (pid: number, ppid: number, ticks: number, start = pid * 10): ProcStat => ({ pid, ppid, ticks, start: String(start) });

  it('counts the build, its children and grandchildren, also after they are reparented or gone, and nothing else', () => {
    const samples: ProcStat[][] = [
      // root 100 starts a browser 101, whose renderer 102 is listed before its parent
      [p(1, 0, 5), p(102, 101, 10), p(100, 1, 50), p(101, 100, 20), p(900, 1, 1000)],
      // the browser exits first; its renderer is reparented to init and keeps working
      [p(1, 0, 5), p(100, 1, 80), p(102, 1, 300), p(900, 1, 2000)],
      // everything has exited; pid 101 is reused by an unrelated process
      [p(1, 0, 5), p(101, 1, 7000, 55555), p(900, 1, 3000)],
    ];
    let i = 0;
    const cpu = new ProcessTreeCpu(100, () => samples[i++]!);
    for (let n = 0; n < samples.length; n++) cpu.sample();
    expect(cpu.totalTicks()).toBe(80 + 20 + 300);
  });
});
