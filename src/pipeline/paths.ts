import { join } from 'node:path';
import { ensureStateDir } from '../store/state-dir.js';

/** Where a project's pipeline state lives (the decided convention: <project>/.slipway/). */
export interface SlipwayPaths {
  root: string;
  runs: string;
  logs: string;
  /** .slipway/cache: step entries in steps/, review and audit results beside them. */
  cacheRoot: string;
  cache: string;
  artifacts: string;
}

export function slipwayPaths(projectDir: string): SlipwayPaths {
  const root = join(projectDir, '.slipway');
  return { root, runs: join(root, 'runs'), logs: join(root, 'logs'), cacheRoot: join(root, 'cache'), cache: join(root, 'cache', 'steps'), artifacts: join(root, 'artifacts') };
}

export function runWorkspace(paths: SlipwayPaths, runId: number): string {
  return join(paths.runs, String(runId), 'workspace');
}

export function stepLogFile(paths: SlipwayPaths, runId: number, stepId: string, attempt: number): string {
  return join(paths.logs, String(runId), `${stepId}.${attempt}.log`);
}

/** The project's state directory, created (and git-ignored) if needed. */
export function ensureSlipwayDir(projectDir: string): SlipwayPaths {
  ensureStateDir(projectDir);
  return slipwayPaths(projectDir);
}
