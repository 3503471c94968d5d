import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cancelRun, startRun } from '../../src/pipeline/index.js';
import { openStore } from '../../src/store/open.js';
import { runCli } from '../helpers/cli.js';
import { isAlive, makeProject, removeProject, specWith, waitFor } from './helpers.js';

const ENTRY = fileURLToPath(new URL('../../src/cli/run.ts', import.meta.url));
const made: string[] = [];
afterAll(() => made.forEach(removeProject));

function integrity(dir: string): string {
  const db = new Database(join(dir, '.slipway', 'slipway.db'), { readonly: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    const fk = db.pragma('foreign_key_check') as unknown[];
    return fk.length ? `foreign keys: ${JSON.stringify(fk)}` : String(ok);
  } finally {
    db.close();
  }
}

async function stepStatus(dir: string, runId: number, stepId: string): Promise<string | undefined> {
  const store = await openStore(dir);
  try {
    return (await store.listSteps(runId)).find((s) => s.stepId === stepId)?.status;
  } finally {
    await store.close();
  }
}

const slowPipeline = specWith(`pipeline:
  steps:
    - { id: first, run: "echo first" }
    - id: slow
      needs: [first]
      run: 'if [ -e "$MARK" ]; then echo resumed; else touch "$MARK"; echo started; sleep 60 & echo $! > "$SLEEPPID"; wait; fi'
    - { id: last, run: "echo last", needs: [slow] }
`);

describe('crashes and faults', () => {
  it('kill -9 of the runner mid-step: the database stays consistent, the run shows interrupted, its orphans are killed, and it resumes from that step', async () => {
    const dir = makeProject({ 'slipway.yaml': slowPipeline });
    made.push(dir);
    const env = { ...process.env, MARK: join(dir, 'mark'), SLEEPPID: join(dir, 'sleep.pid'), NO_COLOR: '1' };
    const runner = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'pipeline', 'run', dir], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => runner.on('exit', resolve));
    const sleepPid = await waitFor('the slow step to start its sleep', () => {
      try {
        return Number(readFileSync(join(dir, 'sleep.pid'), 'utf8')) || undefined;
      } catch {
        return undefined;
      }
    });
    expect(await stepStatus(dir, 1, 'slow')).toBe('running');
    runner.kill('SIGKILL');
    await exited;
    expect(isAlive(sleepPid)).toBe(true); // the step's process group outlived the runner …

    const listed = await runCli(['runs', '--json', '--dir', dir], { env });
    expect(listed.code).toBe(0);
    const [run] = JSON.parse(listed.stdout) as { id: number; status: string; error: string; steps: { id: string; status: string; attempt: number }[] }[];
    expect(run!.status).toBe('interrupted');
    expect(run!.error).toMatch(/stopped without finishing during step slow; resume with `slipway pipeline resume 1`/);
    expect(run!.steps.map((s) => [s.id, s.status])).toEqual([
      ['first', 'succeeded'],
      ['slow', 'interrupted'],
      ['last', 'pending'],
    ]);
    expect(isAlive(sleepPid)).toBe(false); // … until recovery killed it
    expect(integrity(dir)).toBe('ok');

    const resumed = await runCli(['pipeline', 'resume', '1', '--dir', dir], { env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const after = JSON.parse((await runCli(['runs', '1', '--json', '--dir', dir], { env })).stdout) as { status: string; attempts: number; steps: { id: string; status: string; attempt: number }[] }[];
    expect(after[0]!.status).toBe('succeeded');
    expect(after[0]!.attempts).toBe(2);
    expect(after[0]!.steps.map((s) => [s.id, s.status, s.attempt])).toEqual([
      ['first', 'succeeded', 1], // not run again
      ['slow', 'succeeded', 2],
      ['last', 'succeeded', 1],
    ]);
    expect(readFileSync(join(dir, '.slipway/logs/1/slow.2.log'), 'utf8')).toContain('resumed');
  }, 300_000);

  it('a full disk while writing logs fails the step cleanly and leaves the database consistent', async () => {
    const dir = makeProject({
      'slipway.yaml': specWith(`pipeline:
  steps:
    - { id: noisy, run: "i=0; while [ $i -lt 4000 ]; do echo \\"line $i of a chatty build that fills the disk\\"; i=$((i+1)); done; echo done" }
    - { id: after, run: "echo after", needs: [noisy] }
`),
    });
    made.push(dir);
    const logs = join(dir, '.slipway', 'logs');
    mkdirSync(logs, { recursive: true });
    // A real ENOSPC: a 64 KiB tmpfs over the logs directory (root only), else /dev/full.
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'slipway-test-full', logs], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mkdirSync(join(logs, '1'), { recursive: true });
      symlinkSync('/dev/full', join(logs, '1', 'noisy.1.log'));
    }
    try {
      const r = await startRun({ dir });
      expect(r.status).toBe('failed');
      const noisy = r.steps.find((s) => s.stepId === 'noisy')!;
      expect(noisy.status).toBe('failed');
      expect(noisy.error).toMatch(/^cannot write the step log .*noisy\.1\.log: no space left on device \(ENOSPC\)/);
      expect(r.steps.find((s) => s.stepId === 'after')!.status).toBe('pending');
      expect(integrity(dir)).toBe('ok');
      const store = await openStore(dir);
      const [entry] = await store.listLogs(r.run.id, 'noisy');
      await store.close();
      expect(entry!.bytes).toBeGreaterThan(mounted ? 1000 : -1);
      expect(entry!.bytes).toBeLessThan(64 * 1024);
    } finally {
      if (mounted) execFileSync('umount', [logs]);
    }
  });

  it('cancel stops the running step with everything it started, and nothing after it runs', async () => {
    const dir = makeProject({ 'slipway.yaml': slowPipeline });
    made.push(dir);
    const env = { ...process.env, MARK: join(dir, 'mark'), SLEEPPID: join(dir, 'sleep.pid') };
    const running = startRun({ dir, processEnv: env });
    const sleepPid = await waitFor('the slow step', () => {
      try {
        return Number(readFileSync(join(dir, 'sleep.pid'), 'utf8')) || undefined;
      } catch {
        return undefined;
      }
    });
    const cancelled = await runCli(['cancel', '1', '--dir', dir]);
    expect(cancelled.stdout).toContain('cancelled run 1');
    const r = await running;
    expect(r.status).toBe('cancelled');
    expect(r.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['first', 'succeeded'],
      ['slow', 'cancelled'],
      ['last', 'cancelled'],
    ]);
    await waitFor('the sleep to be gone', () => !isAlive(sleepPid), 10_000);
    await expect(cancelRun(dir, 1)).rejects.toThrow(/already cancelled/);
  });
});
