import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Owner } from './types.js';

/** A run or lock whose owner on another host has not written a heartbeat for this long is stale. */
export const REMOTE_OWNER_STALE_MS = 60_000;

/** This process, as recorded on runs and locks. */
export function currentOwner(): Owner {
  return { pid: process.pid, host: hostname(), startedAt: processStartTime(process.pid) ?? '' };
}

/**
 * The kernel's start time of a process (Linux: /proc/<pid>/stat field 22, in clock ticks since
 * boot), so a pid recycled after a crash is not mistaken for the original. null when the
 * process is gone or is a zombie; '' where /proc does not exist.
 */
export function processStartTime(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return process.platform === 'linux' ? null : signalAlive(pid) ? '' : null;
    return '';
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return null;
  return fields[19] ?? '';
}

function signalAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the recorded owner still the process that wrote the record? */
export function isOwnerAlive(owner: Owner, heartbeatAt: string | null = null, now = Date.now()): boolean {
  if (owner.host !== hostname()) {
    return heartbeatAt !== null && now - Date.parse(heartbeatAt) < REMOTE_OWNER_STALE_MS;
  }
  const started = processStartTime(owner.pid);
  if (started === null) return false;
  return owner.startedAt === '' || started === '' || started === owner.startedAt;
}

export function sameOwner(a: Owner, b: Owner): boolean {
  return a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;
}
