import type { AppSpec } from '../../spec/app-spec.js';
import { environmentPort } from '../../spec/environments.js';
import type { CiExporter } from '../ci/exporter.js';
import { planCi } from '../ci/model/plan.js';
import type { CiPlan } from '../ci/model/types.js';
import { CI_EXPORTERS } from '../ci/registry.js';
import { resolveTarget } from '../ci/targets.js';
import type { Workload } from '../k8s/workloads.js';
import type { RenderOptions } from '../renderer.js';
import { alarmSuffixes } from '../terraform/files/alarms.js';
import { hasBackupPlan } from '../terraform/files/stateful.js';
import { terraformContext } from '../terraform/index.js';
import { MANAGED_SERVICES } from '../terraform/services/index.js';

/** What the runbook's sections read: the spec, the CI plan and the names the generated Terraform gives things. */
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
  // planCi has checked the components (its errors come first); these are the same workloads, filtered alike.
  const { ctx: tf } = terraformContext(spec, opts);
  const managedIds = new Map(tf.services.filter((t) => MANAGED_SERVICES[t].cluster).map((t) => [t, `${spec.name}-<env>-${t}`]));
  return {
    spec,
    app: spec.name,
    plan,
    ci: CI_EXPORTERS[target],
    workloads: tf.workloads,
    envs: plan.components[0]?.environments.map((e) => e.name) ?? [],
    localPort: (env) => {
      try {
        return environmentPort(spec, env);
      } catch {
        return undefined;
      }
    },
    alarmSuffixes: alarmSuffixes(tf),
    managedIds,
    backupVault: hasBackupPlan(tf),
  };
}
