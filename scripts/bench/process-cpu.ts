// CPU time of a process and all its descendants (Linux /proc), so `pnpm bench:http` can say how much
// server CPU one request costs: a figure far less sensitive to other load on the machine than
// requests per second. Elsewhere (no /proc) it answers undefined.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SEC = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  ticks: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? { pid: Number(pid), ppid, ticks } : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) used so far by one process (all its threads); undefined once it is gone. */
export function processCpuSeconds(pid: number): number | undefined {
  const stat = readStat(String(pid));
  return stat === undefined ? undefined : stat.ticks / TICKS_PER_SEC;
}

/**
 * CPU seconds (user + system) used so far by `root` and every live descendant of it. A descendant
 * that exited in between is not counted, so take both readings while the servers run.
 */
export function treeCpuSeconds(root: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const stats = entries.map(readStat).filter((s): s is ProcStat => s !== undefined);
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats) {
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        grew = true;
      }
    }
  }
  const own = stats.filter((s) => inTree.has(s.pid));
  if (!own.some((s) => s.pid === root)) return undefined;
  return own.reduce((sum, s) => sum + s.ticks, 0) / TICKS_PER_SEC;
}
