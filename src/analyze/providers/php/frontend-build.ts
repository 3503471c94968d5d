import type { FactSheet } from '../../facts.js';
import { readJson } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';

/**
 * The asset build of a PHP app's package.json (Laravel Mix/Vite, Symfony Encore): the PHP
 * component owns the directory, so its build step compiles the assets too.
 */
export function addFrontendBuild(repo: RepoView, dir: string, facts: FactSheet): void {
  const file = repoPath(dir, 'package.json');
  const parsed = readJson<{ scripts?: Record<string, unknown> }>(repo, file);
  const scripts = parsed?.value.scripts ?? {};
  const script = ['build', 'production', 'prod'].find((s) => typeof scripts[s] === 'string');
  if (!script) return;
  const at = (f: string) => repo.has(repoPath(dir, f));
  const [install, run] = at('pnpm-lock.yaml')
    ? ['pnpm install --frozen-lockfile', 'pnpm run']
    : at('yarn.lock') ? ['yarn install --frozen-lockfile', 'yarn']
    : at('package-lock.json') ? ['npm ci', 'npm run'] : ['npm install', 'npm run'];
  facts.add('commands.build', `${install} && ${run} ${script}`, { source: 'manifest', file, reason: `package.json > scripts > ${script}: front-end assets` });
}
