import { readdirSync, readFileSync } from 'node:fs';
import { processStartTime } from '../../store/owner.js';

/** Signals every process of a group; false when none was left. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * After a crash: kills what is left of a step's process group. The group is identified by its
 * leader's pid and start time, so a recycled pid is never signalled; when the leader itself is
 * gone, members are found through /proc (Linux) and killed only if their group id matches and
 * no unrelated process has taken the leader's pid.
 */
export function killOrphanGroup(pgid: number, leaderStartedAt: string | null): number {
  const leader = processStartTime(pgid);
  if (leader !== null && leaderStartedAt && leader !== '' && leader !== leaderStartedAt) return 0;
  const members = groupMembers(pgid);
  if (leader === null && members.length === 0) return 0;
  signalGroup(pgid, 'SIGKILL');
  return Math.max(members.length, 1);
}

function groupMembers(pgid: number): number[] {
  if (process.platform !== 'linux') return [];
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] = state, [1] = ppid, [2] = pgrp
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}
