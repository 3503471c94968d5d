import { parse as parseToml } from 'smol-toml';
import type { FactSheet } from '../../facts.js';
import { readPackageJson } from '../../providers/node/package-json.js';
import { repoPath, type RepoView } from '../../repo.js';

/**
 * Commands the component itself installs: package.json `bin`, pyproject `[project.scripts]` /
 * `[tool.poetry.scripts]`, and its own name. A README line running one of them as a server
 * (`shorty serve --port 8088`) is a start command even though no table knows the program.
 */
export function ownPrograms(repo: RepoView, facts: FactSheet): Set<string> {
  const names = new Set<string>();
  if (facts.name) names.add(facts.name.replace(/^@[^/]+\//, ''));
  const bin = readPackageJson(repo, facts.dir)?.pkg.bin;
  if (typeof bin === 'string' && facts.name) names.add(facts.name.replace(/^@[^/]+\//, ''));
  if (bin && typeof bin === 'object') for (const k of Object.keys(bin)) names.add(k);
  const pyproject = repo.read(repoPath(facts.dir, 'pyproject.toml'));
  if (pyproject) {
    try {
      const toml = parseToml(pyproject) as { project?: { name?: unknown; scripts?: object }; tool?: { poetry?: { scripts?: object } } };
      if (typeof toml.project?.name === 'string') names.add(toml.project.name);
      for (const k of Object.keys(toml.project?.scripts ?? {})) names.add(k);
      for (const k of Object.keys(toml.tool?.poetry?.scripts ?? {})) names.add(k);
    } catch {
      // a malformed pyproject is reported by the Python provider
    }
  }
  return names;
}

/** `serve`, `run`, `start`, `server`, `web` as a subcommand, or a port option: the program serves. */
export function runsAsServer(argv: readonly string[]): boolean {
  return /^(serve|server|run|start|web|runserver|up)$/.test(argv[1] ?? '') || argv.some((a) => /^(--port|-p|--listen|--bind|-b)(=|$)/.test(a));
}
