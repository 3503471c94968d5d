import type { FactSheet } from '../../facts.js';
import type { RepoView } from '../../repo.js';

/** File-system routes of Next.js, Nuxt/Nitro, SvelteKit and Remix that serve a health path. */
const ROUTE_FILES: readonly [RegExp, string][] = [
  [/^(?:src\/)?app\/((?:api\/)?(?:v\d+\/)?(?:healthz?|health-check|healthcheck|livez|readyz|ping))\/route\.[jt]s$/, 'Next.js route handler'],
  [/^(?:src\/)?pages\/((?:api\/)?(?:v\d+\/)?(?:healthz?|health-check|healthcheck|livez|readyz|ping))(?:\/index)?\.[jt]s$/, 'Next.js API route'],
  [/^server\/((?:api|routes)\/(?:healthz?|health-check|healthcheck|livez|readyz|ping))(?:\.get)?\.[jt]s$/, 'Nitro server route'],
  [/^src\/routes\/((?:api\/)?(?:healthz?|health-check|healthcheck|livez|readyz|ping))\/\+server\.[jt]s$/, 'SvelteKit endpoint'],
  [/^app\/routes\/((?:api\.)?(?:healthz?|health-check|healthcheck|livez|readyz|ping))\.[jt]sx?$/, 'Remix resource route'],
];

/** A health endpoint defined by a route file (its path is the URL). */
export function addHealthRoutes(repo: RepoView, dir: string, facts: FactSheet): void {
  const prefix = dir === '.' ? '' : `${dir}/`;
  for (const f of repo.files()) {
    if (!f.startsWith(prefix)) continue;
    const rel = f.slice(prefix.length);
    for (const [re, what] of ROUTE_FILES) {
      const m = re.exec(rel);
      if (!m) continue;
      const path = `/${m[1]!.replace(/^routes\//, '').replace(/\./g, '/')}`;
      facts.add('healthcheck', path, { source: 'source', file: f, reason: `${what} serves ${path}` });
    }
  }
}
