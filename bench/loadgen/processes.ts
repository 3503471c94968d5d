import { spawn, type ChildProcess } from 'node:child_process';
import { capture, type Captured, REPO } from '../support/process.js';

/** The Slipway CLI from sources (tsx), as a user would run it. */
export function slipway(args: string[], allowFail = false): Promise<Captured> {
  return capture(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { allowFail });
}

/** Starts a long-running child and waits for it to print "ready". */
export function startReady(cmd: string, args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${cmd} exited ${code} before it was ready`)));
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
