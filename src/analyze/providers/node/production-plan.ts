import type { RepoView } from '../../repo.js';
import { detectFrameworks, frameworkName, type FrameworkPlan } from './frameworks/index.js';
import { readPackageJson } from './package-json.js';

/**
 * How the component's framework builds and serves it in production (the first framework with
 * a plan, meta-frameworks first). Used by the provider and by the development → production
 * mapping of README commands (`npm run dev` → `next start`).
 */
export function productionPlan(repo: RepoView, dir: string): (FrameworkPlan & { framework: string }) | undefined {
  // Once per directory: every dev-server command interpreted (README, Procfile, compose) asks again.
  return repo.memo(`node-plan:${dir}`, () => {
    const m = readPackageJson(repo, dir);
    if (!m) return undefined;
    for (const f of detectFrameworks(m.pkg)) {
      const plan = f.plan?.({ repo, dir, manifest: m });
      if (plan) return { ...plan, framework: frameworkName(f, m.pkg) };
    }
    return undefined;
  });
}
