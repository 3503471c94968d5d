import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ReportBuild from '../../src/loadtest/report/build.js';
import type * as Run from '../../src/loadtest/run.js';
import type * as ScenarioTypes from '../../src/loadtest/scenario/types.js';
import type * as Settings from '../../src/loadtest/settings.js';
import { REPO } from '../support/process.js';

export type Engine = typeof Run & typeof Settings & typeof ScenarioTypes & typeof ReportBuild;

/**
 * Slipway's generator as users run it: compiled (dist/, `npm run build`) when present —
 * from sources the worker threads run through tsx's loader, which costs CPU per request.
 * `BENCH_BASELINE=<a dist/ directory>` adds another build (an earlier commit's) to compare.
 */
export function defaultEngineDir(): { dir: string; from: string } {
  const compiled = join(REPO, 'dist/loadtest');
  return existsSync(join(compiled, 'run.js')) ? { dir: compiled, from: 'dist/ (compiled)' } : { dir: join(REPO, 'src/loadtest'), from: 'src/ (tsx)' };
}

export async function engineFrom(dir: string): Promise<Engine> {
  const ext = existsSync(join(dir, 'run.js')) ? 'js' : 'ts';
  const load = <T>(name: string): Promise<T> => import(pathToFileURL(join(dir, `${name}.${ext}`)).href) as Promise<T>;
  const [run, settings, scenario, build] = await Promise.all([
    load<typeof Run>('run'),
    load<typeof Settings>('settings'),
    load<typeof ScenarioTypes>('scenario/types'),
    load<typeof ReportBuild>('report/build'),
  ]);
  return { ...run, ...settings, ...scenario, ...build };
}
