import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { LogIndexEntry, Store } from '../../store/types.js';
import { EXIT, UserError } from '../../errors.js';
import { parseRunId } from '../pipeline/run-id.js';

export function registerLogs(program: Command): void {
  program
    .command('logs')
    .description('Print the logs of a run (every step in order, or one step); secrets are already masked')
    .argument('<run>', 'run id (slipway runs)')
    .argument('[step]', 'only this step')
    .option('--dir <dir>', 'project directory', '.')
    .option('--all-attempts', 'include earlier attempts of retried or resumed steps')
    .option('-f, --follow', 'keep printing while the run goes on')
    .action(async (runArg: string, step: string | undefined, flags: { dir: string; allAttempts?: boolean; follow?: boolean }) => {
      const { getRunOrFail, withStore } = await import('../../pipeline/runner/control.js');
      await withStore(flags.dir, undefined, async (store) => {
        const id = parseRunId(runArg);
        await getRunOrFail(store, id);
        const offsets = new Map<string, number>();
        let first = true;
        for (;;) {
          const entries = pick(await store.listLogs(id, step), flags.allAttempts ?? false);
          if (first && step && entries.length === 0) {
            const steps = (await store.listSteps(id)).map((s) => s.stepId);
            if (!steps.includes(step)) throw new UserError(`run ${id} has no step "${step}"`, EXIT.usage, `steps: ${steps.join(', ')}`);
          }
          for (const e of entries) printNew(e, offsets, entries.length > 1 || !step);
          first = false;
          if (!flags.follow || !(await stillRunning(store, id))) break;
          await new Promise((r) => setTimeout(r, 300));
        }
      });
    });
}

function pick(entries: LogIndexEntry[], all: boolean): LogIndexEntry[] {
  if (all) return entries;
  const last = new Map<string, LogIndexEntry>();
  for (const e of entries) last.set(e.stepId, e);
  return [...last.values()];
}

function printNew(e: LogIndexEntry, offsets: Map<string, number>, header: boolean): void {
  const key = `${e.stepId}.${e.attempt}`;
  const from = offsets.get(key);
  if (from === undefined && header) process.stdout.write(`${pc.bold(pc.cyan(`── ${e.stepId}`))}${e.attempt > 1 ? pc.dim(` (attempt ${e.attempt})`) : ''}\n`);
  if (!existsSync(e.path)) {
    if (from === undefined) process.stdout.write(`${pc.dim(`(log file ${e.path} is gone)`)}\n`);
    offsets.set(key, 0);
    return;
  }
  const size = statSync(e.path).size;
  const start = from ?? 0;
  if (size > start) {
    const fd = openSync(e.path, 'r');
    const buf = Buffer.alloc(size - start);
    readSync(fd, buf, 0, buf.length, start);
    closeSync(fd);
    process.stdout.write(buf);
  }
  offsets.set(key, size);
}

async function stillRunning(store: Store, id: number): Promise<boolean> {
  const run = await store.getRun(id);
  return run?.status === 'running' || run?.status === 'queued';
}
