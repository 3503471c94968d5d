import type { Command } from 'commander';
import pc from 'picocolors';
import { formatMs } from '../../pipeline/exec/duration.js';
import { STATUS_ICON } from '../../pipeline/progress/step-line.js';
import { projectName } from '../pipeline/project-name.js';
import { parseRunId } from '../pipeline/run-id.js';
import type { RunRecord, StepRecord } from '../../store/types.js';

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('Pipeline runs, newest first (a crashed runner\'s run shows as interrupted); with a run id, its steps')
    .argument('[run]', 'show one run and its steps')
    .option('--dir <dir>', 'project directory', '.')
    .option('--limit <n>', 'how many runs', '20')
    .option('--json', 'machine-readable output (runs with their steps)')
    .action(async (runArg: string | undefined, flags: { dir: string; limit: string; json?: boolean }) => {
      const { getRunOrFail, withStore } = await import('../../pipeline/runner/control.js');
      await withStore(flags.dir, undefined, async (store) => {
        const runs = runArg ? [await getRunOrFail(store, parseRunId(runArg))] : await store.listRuns({ project: projectName(flags.dir), limit: Number(flags.limit) || 20 });
        const withSteps = await Promise.all(runs.map(async (run) => ({ run, steps: await store.listSteps(run.id) })));
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(withSteps.map(({ run, steps }) => toJson(run, steps)), null, 2)}\n`);
          return;
        }
        if (runArg) printRun(withSteps[0]!.run, withSteps[0]!.steps);
        else if (runs.length === 0) process.stdout.write('no runs yet: slipway pipeline run (or slipway up)\n');
        else for (const { run, steps } of withSteps) printLine(run, steps);
      });
    });
}

function toJson(run: RunRecord, steps: StepRecord[]) {
  const { plan: _plan, ...rest } = run;
  return {
    ...rest,
    durationMs: run.startedAt && run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null,
    steps: steps.map((s) => ({ id: s.stepId, stage: s.stage, status: s.status, attempt: s.attempt, cacheHit: s.cacheHit, durationMs: s.durationMs, exitCode: s.exitCode, error: s.error, outputs: s.outputs ? (JSON.parse(s.outputs) as unknown) : null })),
  };
}

const STATUS_COLOR: Record<string, (s: string) => string> = { succeeded: pc.green, failed: pc.red, interrupted: pc.yellow, cancelled: pc.yellow, 'waiting-approval': pc.yellow, running: pc.cyan, queued: pc.dim };

function printLine(run: RunRecord, steps: StepRecord[]): void {
  const color = STATUS_COLOR[run.status] ?? ((s: string) => s);
  const took = run.startedAt && run.finishedAt ? formatMs(Date.parse(run.finishedAt) - Date.parse(run.startedAt)) : '';
  const failed = steps.find((s) => s.status === 'failed' || s.status === 'interrupted');
  const hits = steps.filter((s) => s.cacheHit).length;
  const detail = failed ? pc.red(`${failed.stepId}: ${(failed.error ?? '').slice(0, 80)}`) : run.status === 'waiting-approval' ? pc.yellow(`slipway approve ${run.id}`) : '';
  process.stdout.write(
    `${String(run.id).padStart(4)}  ${color(run.status.padEnd(16))} ${run.createdAt.slice(0, 19).replace('T', ' ')}  ${took.padEnd(8)} ${(run.commit?.slice(0, 10) ?? '-').padEnd(10)} ${(run.targetEnv ?? '').padEnd(5)} ${pc.dim(`${hits}/${steps.length} cached`)}  ${detail}\n`,
  );
}

function printRun(run: RunRecord, steps: StepRecord[]): void {
  const color = STATUS_COLOR[run.status] ?? ((s: string) => s);
  process.stdout.write(`${pc.bold(`run ${run.id}`)} ${color(run.status)} · ${run.project} · ${run.source}\n`);
  process.stdout.write(`${pc.dim(`trigger ${run.trigger} · branch ${run.branch ?? '-'} · commit ${run.commit ?? '-'} · started ${run.startedAt ?? '-'} · attempts ${run.attempts}`)}\n`);
  if (run.error) process.stdout.write(`${pc.dim('error')} ${run.error}\n`);
  const width = Math.max(12, ...steps.map((s) => s.stepId.length));
  for (const s of steps) {
    const out = s.outputs ? (JSON.parse(s.outputs) as { note?: string; reason?: string }) : {};
    const extra = [s.cacheHit ? pc.cyan('cached') : '', s.durationMs !== null ? formatMs(s.durationMs) : '', s.attempt > 1 ? `attempt ${s.attempt}` : '', out.note ?? out.reason ?? '', s.error ? pc.red(s.error) : '']
      .filter(Boolean)
      .join(pc.dim(' · '));
    process.stdout.write(`  ${STATUS_ICON[s.status] ?? '?'} ${s.stepId.padEnd(width)} ${pc.dim(s.status.padEnd(11))} ${extra}\n`);
  }
}
