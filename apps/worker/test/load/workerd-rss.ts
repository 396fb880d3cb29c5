// workerd's resident memory, read from /proc (Linux). `wrangler dev` runs workerd as a child in
// its own process group (startWranglerDev makes wrangler a group leader), so the group's
// processes named workerd are the runtime under test — not wrangler's Node, not the test.
import { readdirSync, readFileSync } from 'node:fs';

export interface RssSample {
  /** ms since the run started. */
  at: number;
  /** VmRSS of every workerd in the group, summed, in KiB. */
  kib: number;
  pids: number[];
}

/** The pids in process group `group` whose command is `name`. */
export function pidsInGroup(group: number, name = 'workerd'): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split at the last ')'.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(open + 1, close);
    const pgrp = Number(stat.slice(close + 2).split(' ')[2]);
    if (pgrp === group && comm === name) pids.push(Number(entry));
  }
  return pids.sort((a, b) => a - b);
}

/** VmRSS of `pid` in KiB, 0 when it is gone. */
export function rssKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** One reading of workerd's memory in `group`; throws when there is no workerd to read. */
export function sampleWorkerdRss(group: number, at: number): RssSample {
  const pids = pidsInGroup(group);
  if (pids.length === 0)
    throw new Error(`no workerd in process group ${group} (is /proc readable?)`);
  return { at, kib: pids.reduce((sum, pid) => sum + rssKiB(pid), 0), pids };
}

export const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
