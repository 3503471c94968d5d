import { resolve } from 'node:path';
import { analyzeProject, loadProject } from '../../project/load.js';
import { environmentNames } from '../../spec/environments.js';
import { writeSpecText } from '../../spec/io.js';
import { setEnvironmentPort } from './set-port.js';
import type { RunOutcome, RunnerOptions } from '../runner/options.js';
import { startRun } from '../runner/start-run.js';
import { generateForUp, type GeneratedSummary } from './generate-files.js';

export interface UpOptions extends RunnerOptions {
  dir: string;
  /** Environment to deploy to (default: the first, dev). */
  env?: string;
  /** Skip the generate stage. */
  generate?: boolean;
  /** Serve the environment on this port: recorded as environments.<env>.port in slipway.yaml. */
  port?: number;
  /** Progress of the stages before the pipeline. */
  say?: (line: string) => void;
}

export interface UpResult {
  wroteSpec: boolean;
  generated: GeneratedSummary | null;
  env: string;
  outcome: RunOutcome;
}

/**
 * `slipway up`: analyze (writes slipway.yaml when absent; an existing one is the contract) →
 * generate (never over the team's files) → the pipeline on the working tree as it is → deploy
 * to dev. Returns once the app is serving; the environment's agent keeps it running.
 */
export async function up(opts: UpOptions): Promise<UpResult> {
  const dir = resolve(opts.dir);
  const say = opts.say ?? (() => undefined);
  let wroteSpec = false;
  let t0 = performance.now();
  const since = () => `${Math.round(performance.now() - t0)} ms`;
  const project = loadProject(dir);
  let spec = project.spec;
  if (project.origin !== 'slipway.yaml') {
    const analyzed = analyzeProject(dir);
    const file = writeSpecText(dir, analyzed.yaml);
    spec = analyzed.spec;
    wroteSpec = true;
    say(`analyze   wrote ${file} (${spec.components.map((c) => `${c.name}: ${c.runtime} ${c.kind}`).join(', ')}) in ${since()}`);
  } else {
    say('analyze   slipway.yaml exists: it is the contract (run `slipway analyze --write` to refresh it)');
  }
  const env = opts.env ?? environmentNames(spec)[0] ?? 'dev';
  if (opts.port !== undefined && spec.environments?.[env]?.port !== opts.port) {
    spec = setEnvironmentPort(dir, env, opts.port);
    say(`port      environments.${env}.port: ${opts.port} (written to slipway.yaml)`);
  }
  let generated: GeneratedSummary | null = null;
  if (opts.generate !== false) {
    t0 = performance.now();
    generated = generateForUp(dir, spec);
    say(`generate  ${generated.written.length ? `wrote ${generated.written.join(', ')}` : 'nothing new'} in ${since()}`);
    for (const s of generated.skipped) say(`          ${s.renderer}: skipped (${s.why})`);
  }
  const outcome = await startRun({ ...opts, dir, env, worktree: true, trigger: 'up' });
  return { wroteSpec, generated, env, outcome };
}
