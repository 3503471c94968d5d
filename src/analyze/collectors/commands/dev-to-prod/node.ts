import { productionPlan } from '../../../providers/node/production-plan.js';
import { compiledPath } from '../../../providers/node/typescript.js';
import { joinArgv, parseShell } from '../shell.js';
import type { DevToProdRule, MappingContext, ProductionCommand } from './types.js';

/** Flags of watchers and TypeScript runners that take a value (the next word is not the script). */
const VALUE_FLAGS = new Set([
  '-w', '--watch', '-e', '--ext', '-i', '--ignore', '-x', '--exec', '--delay', '--signal', '--config', '-r', '--require', '-P', '--project',
  '--ignore-watch', '--watch-path', '--loader', '--import', '--tsconfig', '-C', '--compiler', '--env-file', '--name', '-n',
]);
const DEV_NODE_FLAG = /^--(inspect|inspect-brk|watch|watch-path|watch-preserve-output)(=|$)/;
const WATCHERS = new Set(['nodemon', 'node-dev', 'supervisor', 'forever', 'pm2', 'pm2-dev', 'ts-node', 'ts-node-dev', 'tsnd', 'tsx', 'esno', 'esrun', 'babel-node', 'vite-node', 'bun']);

/** Splits watcher/runner arguments into its own flags, the script, and the script's arguments. */
function scriptOf(args: readonly string[]): { script?: string; rest: string[]; exec?: string } {
  let exec: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--exec' || a === '-x') {
      exec = args[i + 1];
      i++;
      continue;
    }
    if (a.startsWith('--exec=')) {
      exec = a.slice(7);
      continue;
    }
    if (VALUE_FLAGS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    if (['start', 'watch', 'run', 'dev'].includes(a) && i === 0) continue; // pm2 start, tsx watch, bun run
    return { script: a, rest: args.slice(i + 1), ...(exec ? { exec } : {}) };
  }
  return { rest: [], ...(exec ? { exec } : {}) };
}

function nodeStart(script: string, rest: readonly string[], ctx: MappingContext, why: string): ProductionCommand {
  if (/\.(m|c)?tsx?$/.test(script)) {
    const out = compiledPath(ctx.repo, ctx.dir, script);
    return { start: joinArgv(['node', out, ...rest]), build: 'tsc', reason: `${why}; TypeScript is compiled once (tsc) and node runs ${out}` };
  }
  return { start: joinArgv(['node', script, ...rest]), reason: why };
}

/** nodemon, ts-node(-dev), tsx, node --watch …: production runs the same entry with plain node. */
const watchers: DevToProdRule = {
  id: 'node-watcher',
  ecosystem: 'node',
  example: ['nodemon src/server.js · ts-node-dev src/index.ts', 'node src/server.js · node dist/index.js (after tsc)'],
  match: (argv) => (WATCHERS.has(argv[0] ?? '') && (argv[0] !== 'bun' || argv.includes('--watch') || argv.includes('--hot'))) || (argv[0] === 'node' && argv.slice(1).some((a) => DEV_NODE_FLAG.test(a) || /ts-node|tsx/.test(a))),
  map(argv, ctx) {
    const tool = argv[0]!;
    // node's own --watch/--inspect take no value; nodemon's --watch does (kept for scriptOf).
    const args = argv.slice(1).filter((a) => (tool === 'node' ? !DEV_NODE_FLAG.test(a) : true) && a !== '--hot' && !(tool === 'bun' && a === '--watch'));
    const { script, rest, exec } = scriptOf(args);
    const why = `${tool} restarts the app on file changes, a development convenience`;
    if (exec) {
      const inner = parseShell(`${exec} ${script ?? ''}`.trim()).commands[0]?.argv;
      const mapped = inner && (nodeRules.find((r) => r.match(inner))?.map(inner, ctx) ?? (inner[0] === 'node' ? { start: joinArgv(inner), reason: why } : undefined));
      if (mapped) return { ...mapped, reason: `${why}; its --exec ${mapped.reason}` };
    }
    if (!script) return undefined;
    if (tool === 'bun') return { start: joinArgv(['bun', script, ...rest]), reason: 'bun --watch/--hot reloads on changes; production runs bun once' };
    return nodeStart(script.replace(/^\.\//, ''), rest, ctx, why);
  },
};

const DEV_SERVERS: readonly [program: string, sub: RegExp][] = [
  ['next', /^(dev)$/], ['nuxt', /^(dev|preview)$/], ['nuxi', /^(dev|preview)$/], ['vite', /^(dev|serve|preview|--.*|)$/], ['astro', /^(dev|preview|start)$/],
  ['remix', /^(dev)$/], ['react-router', /^(dev)$/], ['svelte-kit', /^(dev|preview)$/], ['react-scripts', /^(start)$/], ['ng', /^(serve|s)$/],
  ['vue-cli-service', /^(serve)$/], ['gatsby', /^(develop|serve)$/], ['nest', /^(start)$/], ['webpack-dev-server', /.*/], ['webpack', /^(serve)$/],
];

/** Framework development servers: production is the framework's own build and server (or static files). */
const devServers: DevToProdRule = {
  id: 'node-framework-dev-server',
  ecosystem: 'node',
  example: ['next dev · vite · nuxt dev · ng serve', 'next build + next start · vite build → static dist/ · node .output/server/index.mjs · ng build → static'],
  match: (argv) => DEV_SERVERS.some(([p, sub]) => argv[0] === p && sub.test(argv[1] ?? '')),
  map(argv, ctx) {
    const plan = productionPlan(ctx.repo, ctx.dir);
    if (!plan) return undefined;
    const why = `${argv.slice(0, 2).join(' ')} is a development server; ${plan.reason}`;
    if (plan.kind === 'static') return { ...(plan.build ? { build: plan.build } : {}), staticDir: plan.staticDir ?? 'dist', reason: why };
    if (!plan.start) return undefined;
    return { start: plan.start, ...(plan.build ? { build: plan.build } : {}), reason: why };
  },
};

export const nodeRules: readonly DevToProdRule[] = [watchers, devServers];
