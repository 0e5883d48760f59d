/**
 * CPU time of a process and everything it starts, sampled from /proc (Linux). On a shared machine
 * wall time mostly measures the neighbours; CPU time measures the work. getrusage/`times` would
 * miss Chromium's renderer processes (they are never reaped by the build), so this follows the
 * process tree instead: a process belongs to it when its parent did at the moment it was first
 * seen, and stays counted after it is reparented or exits. A process's last interval before it
 * exits (at most one sampling period) and processes shorter than a period are missed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks */
  ticks: number;
  /** Start time in ticks since boot: tells a reused pid from the process that had it before. */
  start: string;
}

/** One /proc/<pid>/stat line. The command name may hold spaces and parentheses, so fields are counted from the last ')'. */
export function parseProcStat(line: string): ProcStat | undefined {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open === -1 || close === -1) return undefined;
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, starttime 22.
  const fields = line.slice(close + 2).split(' ');
  const [ppid, utime, stime, start] = [fields[1], fields[11], fields[12], fields[19]].map(Number);
  if ([ppid, utime, stime, start].some((n) => !Number.isFinite(n))) return undefined;
  return { pid: Number(line.slice(0, open)), ppid: ppid!, ticks: utime! + stime!, start: String(start) };
}

export function readProcTable(): ProcStat[] {
  const table: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) table.push(stat);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

export class ProcessTreeCpu {
  /** `${pid}:${start}` → the latest CPU ticks seen */
  private readonly ticks = new Map<string, number>();
  private readonly root: number;
  private readonly read: () => ProcStat[];

  constructor(root: number, read: () => ProcStat[] = readProcTable) {
    this.root = root;
    this.read = read;
  }

  static supported(): boolean {
    return existsSync('/proc/self/stat');
  }

  sample(): void {
    const table = this.read();
    const key = (p: ProcStat) => `${p.pid}:${p.start}`;
    const inTree = new Set<number>();
    for (const p of table) if (p.pid === this.root || this.ticks.has(key(p))) inTree.add(p.pid);
    // Children may be listed before their parents: grow the set until it stops changing.
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of table) {
        if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
          inTree.add(p.pid);
          grew = true;
        }
      }
    }
    for (const p of table) if (inTree.has(p.pid)) this.ticks.set(key(p), p.ticks);
  }

  totalTicks(): number {
    let sum = 0;
    for (const t of this.ticks.values()) sum += t;
    return sum;
  }
}
