import { BUILD_STAGES, INFRA_STAGES } from '../model/types.js';
import type { FoundPipeline } from './types.js';

/** Promotion order of the usual environments (others may sit anywhere). */
const ENV_ORDER = ['dev', 'test', 'prod'];

/**
 * The stage list every pipeline must show: checkout → install → build → test → quality gate
 * → image → render → deploy per environment (dev before test before prod), an approval right
 * before prod. Infrastructure: checkout → quality gate → validate → plan → (approval) →
 * apply → cluster policies. Stages may repeat (a job re-checks out); first occurrences count.
 */
export function stageProblems(p: FoundPipeline): string[] {
  const first = new Map<string, number>();
  p.stages.forEach((s, i) => {
    if (!first.has(s)) first.set(s, i);
  });
  const problems: string[] = [];
  const ordered = (names: readonly string[]) => {
    let last = -1;
    for (const name of names) {
      const at = first.get(name);
      if (at === undefined) problems.push(`${p.name}: no ${name} stage`);
      else if (at < last) problems.push(`${p.name}: ${name} runs before an earlier stage`);
      else last = at;
    }
    return last;
  };
  const deploys = [...first.keys()].filter((s) => s.startsWith('deploy-'));
  if (p.kind === 'component') {
    const built = ordered(BUILD_STAGES);
    if (!deploys.length) problems.push(`${p.name}: no deploy stage`);
    for (const d of deploys) if ((first.get(d) ?? 0) < built) problems.push(`${p.name}: ${d} runs before the pipeline rendered its manifests`);
    const envs = ENV_ORDER.filter((e) => first.has(`deploy-${e}`));
    ordered(envs.map((e) => `deploy-${e}`));
    for (const d of deploys) {
      const env = d.slice('deploy-'.length);
      const approval = first.get(`approve-${env}`);
      if (env === 'prod' && approval === undefined) problems.push(`${p.name}: deploys to prod without an approval stage`);
      if (approval !== undefined && approval > first.get(d)!) problems.push(`${p.name}: approve-${env} comes after deploy-${env}`);
    }
  } else {
    const env = p.name.replace(/^infrastructure-/, '');
    const applied = ordered(INFRA_STAGES);
    const approval = first.get(`approve-${env}`);
    if (env === 'prod' && approval === undefined) problems.push(`${p.name}: applies to prod without an approval stage`);
    if (approval !== undefined && (approval > (first.get('apply') ?? applied) || approval < (first.get('plan') ?? 0))) problems.push(`${p.name}: the approval must sit between plan and apply`);
  }
  return problems;
}
