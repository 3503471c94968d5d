import type { AppSpec } from '../../spec/app-spec.js';
import { environmentPort } from '../../spec/environments.js';
import type { CiExporter } from '../ci/exporter.js';
import { planCi } from '../ci/model/plan.js';
import type { CiPlan } from '../ci/model/types.js';
import { CI_EXPORTERS } from '../ci/registry.js';
import { resolveTarget } from '../ci/targets.js';
import { planWorkloads, type Workload } from '../k8s/workloads.js';
import type { RenderOptions } from '../renderer.js';
import { terraformRenderer } from '../terraform/index.js';

/** What the runbook's sections read: the spec, the CI plan and names taken from the generated Terraform. */
export interface RunbookContext {
  spec: AppSpec;
  app: string;
  plan: CiPlan;
  ci: CiExporter;
  workloads: Workload[];
  envs: string[];
  localPort: (env: string) => number | undefined;
  /** Alarm name suffixes per component (`<app>-<env>-<component>-<suffix>`), public ones with the edge alarms. */
  alarmSuffixes: { pod: string[]; edge: string[] };
  /** Backing service → the managed resource identifier pattern (with <env>), when Terraform names one. */
  managedIds: Map<string, string>;
  backupVault: boolean;
}

export function runbookContext(spec: AppSpec, opts: RenderOptions): RunbookContext {
  const { target } = resolveTarget(spec, opts);
  const { plan } = planCi(spec, opts);
  const { workloads } = planWorkloads(spec, 'runbook');
  const only = opts.components;
  const tf = terraformRenderer.render(spec, opts).files;
  const text = (name: string) => tf.find((f) => f.path.endsWith(`/${name}`))?.content ?? '';
  const suffixes = (resourcePattern: RegExp) => [...text('alarms.tf').matchAll(resourcePattern)].map((m) => m[1]!);
  const managedIds = new Map<string, string>();
  for (const f of tf) {
    const m = /^\s*cluster_identifier\s*=\s*"\$\{local\.name\}-([\w-]+)"/m.exec(f.content);
    if (m) managedIds.set(m[1]!, `${spec.name}-<env>-${m[1]}`);
  }
  return {
    spec,
    app: spec.name,
    plan,
    ci: CI_EXPORTERS[target],
    workloads: only?.length ? workloads.filter((w) => only.includes(w.name)) : workloads,
    envs: plan.components[0]?.environments.map((e) => e.name) ?? [],
    localPort: (env) => {
      try {
        return environmentPort(spec, env);
      } catch {
        return undefined;
      }
    },
    alarmSuffixes: {
      pod: suffixes(/alarm_name\s*=\s*"\$\{local\.name\}-\$\{each\.key\}-([\w-]+)"\n(?:(?!alarm_name)[\s\S])*?namespace\s*=\s*"ContainerInsights"/g),
      edge: suffixes(/alarm_name\s*=\s*"\$\{local\.name\}-\$\{each\.key\}-([\w-]+)"\n(?:(?!alarm_name)[\s\S])*?namespace\s*=\s*"AWS\/CloudFront"/g),
    },
    managedIds,
    backupVault: tf.some((f) => f.path.endsWith('/backup.tf')),
  };
}
