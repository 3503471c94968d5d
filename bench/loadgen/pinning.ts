import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Where each process runs. With `taskset` (util-linux) and at least two cores, every load tool
 * gets the same single core (the last) and the targets the others, so the tools compete for
 * the same CPU and never with the target; otherwise nothing is pinned (and the bench says so).
 */
export interface Pinning {
  /** Prefix for a load tool's command line, e.g. ['taskset', '-c', '1']. */
  tool: string[];
  /** Prefix for a target's command line. */
  target: string[];
  describe: string;
}

export function choosePinning(): Pinning {
  const cores = availableParallelism();
  const taskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!taskset || cores < 2 || process.env.BENCH_PIN === '0') {
    return { tool: [], target: [], describe: `not pinned (${taskset ? `${cores} core` : 'no taskset'}${process.env.BENCH_PIN === '0' ? ', BENCH_PIN=0' : ''})` };
  }
  const toolCore = String(cores - 1);
  const targetCores = cores === 2 ? '0' : `0-${cores - 2}`;
  return {
    tool: ['taskset', '-c', toolCore],
    target: ['taskset', '-c', targetCores],
    describe: `each tool pinned to core ${toolCore} (taskset), targets to ${targetCores}`,
  };
}

/** A command line with its pinning prefix: [command, args]. */
export function pinned(prefix: string[], cmd: string, args: string[]): [string, string[]] {
  return prefix.length > 0 ? [prefix[0] as string, [...prefix.slice(1), cmd, ...args]] : [cmd, args];
}
