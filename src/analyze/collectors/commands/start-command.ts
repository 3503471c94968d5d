import { readPackageJson } from '../../providers/node/package-json.js';
import { resolveCommandLine, scriptCall } from '../../providers/node/scripts.js';
import { repoPath, type RepoView } from '../../repo.js';
import { isDevelopmentCommand, toProduction } from './dev-to-prod/index.js';
import { portFromArgv } from './port-args.js';
import { commandText, joinArgv } from './shell.js';

/** What a documented start command (README, Procfile, package.json) means in production. */
export interface StartMeaning {
  /** The production process, exec-ready; absent for a static site. */
  start?: string;
  build?: string;
  staticDir?: string;
  port?: number;
  release?: string;
  env: Record<string, string>;
  /** True when the written command was a development server or watcher. */
  development: boolean;
  /** Set when the line is not one process (pipes, `||`, background jobs): kept as written. */
  opaque?: string;
  /** Package scripts followed, outermost first (["start", "start:prod"]). */
  via: string[];
  /** How the written command was read, when it took more than reading it as is. */
  reason: string;
}

/** Programs that orchestrate several processes or packages: not one component's server. */
export const MONOREPO_RUNNERS = /^(turbo|nx|lerna|concurrently|npm-run-all|run-p|run-s|wireit|ultra|foreman|overmind|honcho)$/;
/** Steps chained before a server that belong to a release (run once per deploy), not to every start. */
export const MIGRATION = /\b(migrate|migration:run|db:push|db push|migrate:latest|db-migrate|upgrade head|db upgrade)\b/;

/**
 * Reads a start command the way a shell would run it, without running anything: package
 * scripts are followed (`npm start` → `node server.js`), variable assignments split off,
 * migrations chained before the server become the release step, and development commands
 * are mapped to their production equivalent (docs/analyzer.md, "Development → production").
 */
export function interpretStart(line: string, repo: RepoView, dir: string): StartMeaning | undefined {
  const m = readPackageJson(repo, dir);
  const scripts = m?.pkg.scripts ?? {};
  const resolved = resolveCommandLine(line, scripts);
  if (!resolved) return undefined;
  const via = resolved.via.length ? `package.json > scripts > ${resolved.via.join(' → ')}` : '';
  if (resolved.opaque) return { start: line.trim(), env: {}, development: false, via: resolved.via, opaque: resolved.opaque, reason: `kept as written: ${resolved.opaque}` };
  let argv = resolved.command.argv;
  const call = scriptCall(argv, scripts);
  if (call && !call.bin && scripts[call.script] === undefined) {
    // `npm start` without a start script runs server.js (npm's documented default).
    if (call.script === 'start' && repo.has(repoPath(dir, 'server.js'))) argv = ['node', 'server.js'];
    else return undefined;
  }
  if (MONOREPO_RUNNERS.test(argv[0] ?? '')) return undefined;
  if (isDevelopmentCommand(argv)) {
    const prod = toProduction(argv, { repo, dir, env: resolved.env });
    const devScript = resolved.via.at(-1);
    if (!prod && devScript && devScript !== 'start' && scripts.start !== undefined) {
      // `npm run dev` that cannot be mapped: the package's own production start, after its build.
      const own = interpretStart('npm start', repo, dir);
      if (own?.start) return { ...own, ...(scripts.build ? { build: 'npm run build' } : {}), development: true, reason: `${joinArgv(argv)} is a development command; production builds and runs scripts.start` };
    }
    if (!prod) return undefined;
    const { rule: _rule, reason, ...rest } = prod;
    return { ...rest, env: resolved.env, development: true, via: resolved.via, reason: `\`${joinArgv(argv)}\`${via ? ` (${via})` : ''} — ${reason}` };
  }
  const release = resolved.before.filter((c) => MIGRATION.test(commandText(c))).map(commandText);
  const port = portFromArgv(argv) ?? (Number(resolved.env.PORT) || undefined);
  const start = joinArgv(argv);
  return {
    start, env: resolved.env, development: false, via: resolved.via,
    ...(port ? { port } : {}), ...(release.length ? { release: release.join(' && ') } : {}),
    reason: via ? `\`${line.trim()}\` runs ${via}` : '',
  };
}
