import type { FactSheet } from '../../facts.js';
import type { AnalyzeContext, Provider } from '../../provider.js';
import type { RepoView } from '../../repo.js';
import { addCommands } from './commands.js';
import { notDeployableReason } from './deployable.js';
import { detectNode } from './detect.js';
import { addDevDependencyUse } from './dev-dependencies.js';
import { detectFrameworks, frameworkName } from './frameworks/index.js';
import { addHealthRoutes } from './health-routes.js';
import { addLanguage } from './language.js';
import { readPackageJson } from './package-json.js';
import { choosePackageManager } from './package-manager.js';
import { productionPlan } from './production-plan.js';
import { addRuntimeVersion } from './runtime-version.js';
import { addServices } from './services.js';
import { enclosingWorkspace, workspaceAt } from './workspaces.js';

/** Job-queue and consumer libraries: with no web framework, the package is a worker. */
const WORKER_LIBRARIES = new Set(['bull', 'bullmq', 'bee-queue', 'amqplib', 'kafkajs', 'agenda', 'sqs-consumer', '@temporalio/worker', 'graphile-worker', 'pg-boss', 'node-cron', 'cron']);

/** Node.js (and Bun): package.json, lockfiles, frameworks, workspaces. See README.md beside this file. */
export const nodeProvider: Provider = {
  id: 'node',
  manifests: ['package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb', '.nvmrc', '.node-version'],
  detect: detectNode,
  analyze,
  startHelp: 'Node.js: add a "start" script to package.json (e.g. "node dist/server.js"), or set commands.start.',
};

function analyze(repo: RepoView, dir: string, facts: FactSheet, _ctx: AnalyzeContext): void {
  const m = readPackageJson(repo, dir);
  const pm = choosePackageManager(repo, dir, m, facts);
  const runtime = pm.pm === 'bun' ? 'bun' : 'node';
  facts.add('runtime', runtime, { source: pm.pm === 'bun' ? 'lockfile' : 'manifest', file: m?.file ?? `${dir}/package.json`, reason: runtime === 'bun' ? 'Bun is the package manager' : 'package.json' });
  addLanguage(repo, dir, facts);
  addRuntimeVersion(repo, dir, m, facts);
  if (!m) return; // malformed: RepoView noted file and line; the rest of the evidence still counts

  if (m.pkg.name) facts.name = m.pkg.name;
  const frameworks = detectFrameworks(m.pkg);
  const plan = productionPlan(repo, dir);
  const ws = workspaceAt(repo, dir);
  const why = notDeployableReason(repo, dir, m, frameworks, Boolean(plan), ws);
  if (why) {
    facts.deployable = false;
    facts.note({ level: 'info', file: m.file, message: `not a component: ${why}` });
    return;
  }
  const member = enclosingWorkspace(repo, dir);
  if (member) facts.note({ level: 'info', file: m.file, message: `workspace member of ${member.file}` });

  const dependsOn = (packages: readonly string[]) => packages.find((p) => p in m.pkg.dependencies || p in m.pkg.devDependencies) ?? packages[0];
  if (plan) {
    const f = frameworks.find((x) => x.plan && frameworkName(x, m.pkg) === plan.framework);
    facts.add('framework', plan.framework, { source: 'manifest', file: m.file, reason: `depends on ${dependsOn(f?.packages ?? [plan.framework])}` });
  }
  const server = frameworks.find((f) => f.role === 'server');
  if (server) facts.add('framework', server.id, { source: 'manifest', file: m.file, weight: 0.85, reason: `depends on ${dependsOn(server.packages)}` });

  addCommands({ repo, dir, m, pm, plan }, facts);
  addDevDependencyUse(repo, dir, m, facts);
  const queue = frameworks.length === 0 ? Object.keys(m.pkg.dependencies).find((d) => WORKER_LIBRARIES.has(d)) : undefined;
  if (queue) facts.add('kind', 'worker', { source: 'manifest', file: m.file, weight: 0.6, reason: `no web framework, and it depends on ${queue}: a background worker` });
  if (plan?.port && plan.kind === 'web') facts.add('port', plan.port, { source: 'convention', reason: `${plan.framework}'s default port` });
  addServices(repo, dir, m, facts);
  if (plan) addHealthRoutes(repo, dir, facts);
}
