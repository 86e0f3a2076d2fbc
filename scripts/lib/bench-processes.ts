/**
 * What the benchmark's processes cost, read from /proc (Linux only): peak resident memory of a
 * process and everything it spawned (the app serves from one process today, but a future
 * version may fork), and CPU time, so a figure can be told apart from a busy neighbour.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

export function readParentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is parenthesised and may hold spaces; fields resume after the last ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** User plus system CPU time of one process so far, in milliseconds; 0 once it has exited. */
export function readCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, i.e. 11 and 12 after the name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU time the whole machine spent busy (all cores, anything but idle and iowait), in milliseconds. */
export function readMachineBusyMs(): number {
  const [, ...ticks] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export function readCommandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return "";
  }
}

function readRssKib(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** `rootPid` and all its descendants. */
export function listProcessTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const parent = readParentPid(pid);
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export function readTreeRssKib(rootPid: number): number {
  return listProcessTree(rootPid).reduce((sum, pid) => sum + readRssKib(pid), 0);
}

export interface RssSampler {
  /** Peak since the last call, in KiB. */
  takePeakKib(): number;
  stop(): void;
}

/**
 * Samples every `intervalMs`; the tree itself is listed once a second, since walking all of
 * /proc ten times a second would take CPU from the server being measured.
 */
export function startRssSampler(rootPid: number, intervalMs = 100): RssSampler {
  let tree = listProcessTree(rootPid);
  let lastListedAt = Date.now();
  const sample = () => {
    if (Date.now() - lastListedAt >= 1_000) {
      tree = listProcessTree(rootPid);
      lastListedAt = Date.now();
    }
    return tree.reduce((sum, pid) => sum + readRssKib(pid), 0);
  };
  let peak = sample();
  const timer = setInterval(() => {
    peak = Math.max(peak, sample());
  }, intervalMs);
  return {
    takePeakKib() {
      const value = Math.max(peak, sample());
      peak = 0;
      return value;
    },
    stop: () => clearInterval(timer),
  };
}
