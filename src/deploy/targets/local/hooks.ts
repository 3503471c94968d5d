import { spawn } from 'node:child_process';
import type { Hooks } from '../../../spec/component.js';
import { forEachMaskedLine, type SecretMasker } from '../../../masking/index.js';
import { signalGroup } from './instance.js';

/** CodeDeploy's lifecycle events, in the order a deployment runs them (ApplicationStop: when a release is retired). */
export const LIFECYCLE_EVENTS = {
  applicationStop: 'ApplicationStop',
  beforeInstall: 'BeforeInstall',
  afterInstall: 'AfterInstall',
  applicationStart: 'ApplicationStart',
  validateService: 'ValidateService',
} as const satisfies Record<keyof Hooks, string>;

export type HookKey = keyof typeof LIFECYCLE_EVENTS;

export interface HookContext {
  deploymentId: string;
  application: string;
  env: string;
  /** Environment of the component (config, PORT …); the CodeDeploy variables are added. */
  baseEnv: Record<string, string>;
  cwd: string;
  timeoutMs: number;
  masker: SecretMasker;
  log: (line: string) => void;
  signal?: AbortSignal;
}

export type HookResult = { ok: true; ms: number } | { ok: false; reason: string };

/**
 * Runs one lifecycle hook (a shell command from slipway.yaml) with the variables CodeDeploy
 * gives its scripts (LIFECYCLE_EVENT, DEPLOYMENT_ID, APPLICATION_NAME, DEPLOYMENT_GROUP_NAME,
 * DEPLOYMENT_GROUP_ID). A non-zero exit or the timeout fails the deployment.
 */
export function runHook(key: HookKey, command: string, ctx: HookContext): Promise<HookResult> {
  const event = LIFECYCLE_EVENTS[key];
  const t0 = Date.now();
  ctx.log(`${event}: ${ctx.masker.mask(command)}`);
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: ctx.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...ctx.baseEnv,
        LIFECYCLE_EVENT: event,
        DEPLOYMENT_ID: ctx.deploymentId,
        APPLICATION_NAME: ctx.application,
        DEPLOYMENT_GROUP_NAME: ctx.env,
        DEPLOYMENT_GROUP_ID: `${ctx.application}-${ctx.env}`,
      },
    });
    const out = (line: string): void => ctx.log(`  ${event} | ${line}`);
    forEachMaskedLine(child.stdout, ctx.masker, out);
    forEachMaskedLine(child.stderr, ctx.masker, out);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup(child.pid ?? 0, 'SIGKILL');
    }, ctx.timeoutMs);
    const onAbort = (): void => signalGroup(child.pid ?? 0, 'SIGKILL');
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `${event} hook could not start: ${err.message}` });
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', onAbort);
      if (code === 0) return resolve({ ok: true, ms: Date.now() - t0 });
      const why = timedOut ? `timed out after ${Math.round(ctx.timeoutMs / 1000)} s` : sig ? `was killed (${sig})` : `exited with code ${code}`;
      resolve({ ok: false, reason: `${event} hook ${why} (components[].hooks.${key} in slipway.yaml)` });
    });
  });
}
