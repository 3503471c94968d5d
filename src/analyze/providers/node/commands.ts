import { interpretStart } from '../../collectors/commands/start-command.js';
import type { FactSheet, Origin } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { FrameworkPlan } from './frameworks/index.js';
import { keyLine, type PackageManifest } from './package-json.js';
import { installCommand, runScriptCommand, type PackageManagerChoice } from './package-manager.js';
import { compiledPath, readTsConfig } from './typescript.js';

export interface NodeCommandContext {
  repo: RepoView;
  dir: string;
  m: PackageManifest;
  pm: PackageManagerChoice;
  plan: (FrameworkPlan & { framework: string }) | undefined;
}

/** Framework CLIs whose server cannot serve a statically exported build. */
const FRAMEWORK_CLIS = new Set(['next', 'nuxt', 'nuxi', 'astro', 'vite', 'react-scripts', 'ng', 'vue-cli-service', 'gatsby', 'svelte-kit', 'remix', 'react-router']);
/** `npm init`'s placeholder test script fails on purpose: it is not a test suite. */
const PLACEHOLDER_TEST = /no test specified/;

export function addCommands(ctx: NodeCommandContext, facts: FactSheet): void {
  const { m, pm } = ctx;
  const scripts = m.pkg.scripts;
  const at = (key: string): Origin => ({ source: 'manifest', file: m.file, ...keyLine(m, key, 'scripts'), reason: `package.json > scripts > ${key}` });

  facts.add('commands.install', installCommand(pm), {
    source: pm.lockfile ? 'lockfile' : 'convention', ...(pm.lockfile ? { file: pm.lockfile } : {}),
    reason: pm.lockfile ? `installs exactly what ${pm.lockfile.split('/').pop()} pins` : `no lockfile: ${pm.pm} resolves versions at install time`,
  });
  if (scripts.build !== undefined) facts.add('commands.build', runScriptCommand(pm.pm, 'build'), at('build'));
  if (scripts.test !== undefined && !PLACEHOLDER_TEST.test(scripts.test)) facts.add('commands.test', runScriptCommand(pm.pm, 'test'), at('test'));

  const fromScript = scripts.start !== undefined ? startFromScript(ctx, facts, at('start')) : false;
  if (!fromScript) startFromConventions(ctx, facts);
  addReleaseScript(ctx, facts, at);
}

/** Follows scripts.start to its process. Returns false when it gave no production start. */
function startFromScript(ctx: NodeCommandContext, facts: FactSheet, origin: Origin): boolean {
  const meaning = interpretStart('npm start', ctx.repo, ctx.dir);
  if (!meaning) return false;
  const chain = meaning.via.length > 1 ? ` → ${meaning.via.slice(1).join(' → ')}` : '';
  const reason = `${origin.reason}${chain}${meaning.development || meaning.opaque ? `: ${meaning.reason}` : ''}`;
  if (meaning.opaque) {
    facts.note({ level: 'warn', file: ctx.m.file, ...(origin.line ? { line: origin.line } : {}), message: `scripts.start: ${meaning.opaque}`, hint: 'set commands.start in slipway.yaml to the one process that serves the app' });
    facts.add('commands.start', runScriptCommand(ctx.pm.pm, 'start'), { ...origin, weight: 0.5, reason });
    return true;
  }
  const program = meaning.start?.split(' ')[0] ?? '';
  if (ctx.plan && FRAMEWORK_CLIS.has(program) && (ctx.plan.kind === 'static' || (ctx.plan.file && ctx.plan.start))) {
    // `next start` cannot serve an `output: 'export'` or `'standalone'` build: the framework config wins.
    const why = { ...origin, weight: 0.85, reason: `${ctx.plan.reason}; scripts.start (${meaning.start}) does not serve that build` };
    if (ctx.plan.kind === 'static') addStatic(facts, ctx.plan.staticDir ?? 'dist', why);
    else facts.add('commands.start', ctx.plan.start!, why);
    return true;
  }
  const weight = meaning.development ? 0.75 : undefined;
  const from: Origin = { ...origin, ...(weight ? { weight } : {}), reason };
  if (meaning.staticDir) addStatic(facts, meaning.staticDir, { ...from, weight: 0.8 });
  if (meaning.start) facts.add('commands.start', meaning.start, from);
  if (meaning.build && ctx.m.pkg.scripts.build === undefined) facts.add('commands.build', meaning.build, { ...from, weight: 0.6 });
  if (meaning.port) facts.add('port', meaning.port, { ...from, reason: `${reason} (port ${meaning.port})` });
  if (meaning.release) facts.add('commands.release', meaning.release, { ...from, reason: `${reason}; migrating before the server is a release step, run once per deploy` });
  for (const [name, value] of Object.entries(meaning.env)) facts.addEnv(name, { default: value }, { ...from, reason: `${reason} sets ${name}=${value}` });
  if (meaning.start) addCompileStep(ctx, facts, meaning.start);
  return Boolean(meaning.start || meaning.staticDir);
}

/** `node dist/x.js` with no build script but a tsconfig: tsc produces it. */
function addCompileStep(ctx: NodeCommandContext, facts: FactSheet, start: string): void {
  const target = /^node\s+(?:-\S+\s+)*(\S+)/.exec(start)?.[1];
  if (!target || !/^(\.\/)?(dist|build|out|lib)\//.test(target) || ctx.m.pkg.scripts.build !== undefined || facts.has('commands.build')) return;
  const cfg = readTsConfig(ctx.repo, ctx.dir);
  if (cfg) facts.add('commands.build', 'tsc', { source: 'config', file: cfg.file, reason: `start runs compiled ${target} and there is no build script: tsc compiles it` });
}

/** No usable start script: the framework's server, npm's `server.js` default, `main`, common entry files. */
function startFromConventions(ctx: NodeCommandContext, facts: FactSheet): void {
  const { repo, dir, m, plan } = ctx;
  if (plan) {
    const origin: Origin = { source: plan.file ? 'config' : 'convention', ...(plan.file ? { file: plan.file } : {}), ...(plan.line ? { line: plan.line } : {}), weight: 0.6, reason: plan.reason };
    if (plan.kind === 'static') return addStatic(facts, plan.staticDir ?? 'dist', origin);
    if (plan.start) {
      facts.add('commands.start', plan.start, origin);
      if (plan.build && m.pkg.scripts.build === undefined) facts.add('commands.build', plan.build, { ...origin, weight: 0.5 });
      return;
    }
  }
  if (repo.has(repoPath(dir, 'server.js'))) {
    facts.add('commands.start', 'node server.js', { source: 'convention', file: repoPath(dir, 'server.js'), weight: 0.8, reason: 'npm start runs node server.js when package.json has no start script' });
    return;
  }
  const main = m.pkg.main?.replace(/^\.\//, '');
  if (main && (repo.has(repoPath(dir, main)) || /\.(ts|tsx)$/.test(main))) {
    const target = /\.(ts|tsx)$/.test(main) ? compiledPath(repo, dir, main) : main;
    facts.add('commands.start', `node ${target}`, { source: 'manifest', file: m.file, ...keyLine(m, 'main'), weight: 0.5, reason: 'package.json > main (no start script)' });
    return;
  }
  for (const entry of ['index.js', 'app.js', 'main.js', 'src/index.js', 'src/server.js', 'src/app.js', 'src/main.js', 'bin/www']) {
    if (repo.has(repoPath(dir, entry))) {
      facts.add('commands.start', `node ${entry}`, { source: 'convention', file: repoPath(dir, entry), reason: `${entry} is a conventional entry file (no start script)` });
      return;
    }
  }
}

function addStatic(facts: FactSheet, staticDir: string, origin: Origin): void {
  facts.add('kind', 'static', origin);
  facts.add('staticDir', staticDir, origin);
}

/** A script named like a migration becomes the release step (run once per deploy). */
function addReleaseScript(ctx: NodeCommandContext, facts: FactSheet, at: (key: string) => Origin): void {
  if (facts.has('commands.release')) return;
  const scripts = ctx.m.pkg.scripts;
  const name = ['migrate:deploy', 'db:migrate', 'database:migrate', 'migrate', 'migration:run', 'migrations:run', 'db:migrate:deploy'].find(
    (n) => scripts[n] !== undefined && !/\b(dev|reset|create|generate|undo|rollback)\b/.test(scripts[n]!),
  );
  if (name) facts.add('commands.release', runScriptCommand(ctx.pm.pm, name), { ...at(name), weight: 0.5, reason: `package.json > scripts > ${name}: the migration step, run once per release` });
}
