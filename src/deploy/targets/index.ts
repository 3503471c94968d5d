import type { AppSpec } from '../../spec/app-spec.js';
import type { DeployTarget } from '../target.js';
import { kubernetesTarget } from './kubernetes/index.js';
import { localTarget } from './local/index.js';

/** Deploy targets by id (environments.<env>.target in slipway.yaml picks one; local by default). */
export const TARGETS: Readonly<Record<DeployTarget['id'], DeployTarget>> = {
  local: localTarget,
  kubernetes: kubernetesTarget,
};

export function targetFor(spec: AppSpec, env: string): DeployTarget {
  return TARGETS[spec.environments?.[env]?.target ?? 'local'];
}
