import { loadEnvironmentConfig } from '../../deploy/config.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { SecretMasker } from '../../masking/secret-masker.js';
import type { PlannedStep, RunPlan } from '../plan/run-plan.js';

/** Names Slipway itself reads whose values must never show in a log. */
const OWN_SECRETS = ['SLIPWAY_DATABASE_URL', 'SLIPWAY_WEBHOOK_SECRET', 'SLIPWAY_API_TOKEN'];

/**
 * Registers every secret a run could print: the spec's secret variables as they appear in the
 * process environment and in config/<env>.secrets.env of the run's environments, plus
 * Slipway's own (database URL password).
 */
export function registerRunSecrets(masker: SecretMasker, spec: AppSpec, plan: RunPlan, projectDir: string, processEnv: NodeJS.ProcessEnv): void {
  for (const env of plan.envs) {
    const config = loadEnvironmentConfig(projectDir, spec, env, processEnv);
    for (const k of config.secretKeys) masker.add(config.values[k]);
  }
  for (const c of spec.components) for (const v of c.env) if (v.secret) masker.add(processEnv[v.name]);
  for (const s of plan.steps) for (const name of s.def.secrets) masker.add(processEnv[name]);
  for (const name of OWN_SECRETS) {
    const v = processEnv[name];
    if (!v) continue;
    masker.add(v);
    const password = /^[a-z]+:\/\/[^:/@]*:([^@]+)@/i.exec(v)?.[1];
    if (password) masker.add(decodeURIComponent(password));
  }
}

export type StepEnvResult = { ok: true; env: NodeJS.ProcessEnv } | { ok: false; error: string };

/**
 * The environment a step's commands get: the runner's, the step's `env:`, its `secrets:`
 * (process environment first, then config/<env>.secrets.env of the step's environment or the
 * run's first), and SLIPWAY_* facts about the run.
 */
export function stepEnv(step: PlannedStep, plan: RunPlan, spec: AppSpec, ctx: { runId: number; workspace: string; projectDir: string; processEnv: NodeJS.ProcessEnv; masker: SecretMasker }): StepEnvResult {
  const env: NodeJS.ProcessEnv = {
    // npm's own audit and nags slow every install; the quality gate runs `npm audit` once.
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...ctx.processEnv,
    ...step.def.env,
    CI: 'true',
    SLIPWAY_RUN_ID: String(ctx.runId),
    SLIPWAY_STEP_ID: step.id,
    SLIPWAY_WORKSPACE: ctx.workspace,
    ...(step.def.environment ? { SLIPWAY_ENVIRONMENT: step.def.environment } : {}),
  };
  if (step.def.secrets.length) {
    const envName = step.def.environment ?? plan.envs[0];
    const config = envName ? loadEnvironmentConfig(ctx.projectDir, spec, envName, ctx.processEnv) : null;
    const missing: string[] = [];
    for (const name of step.def.secrets) {
      const value = ctx.processEnv[name] || config?.values[name];
      if (!value) missing.push(name);
      else {
        ctx.masker.add(value);
        env[name] = value;
      }
    }
    if (missing.length) {
      return { ok: false, error: `secret(s) ${missing.join(', ')} have no value: export them, or put them in config/${envName ?? '<env>'}.secrets.env (gitignored)` };
    }
  }
  return { ok: true, env };
}
