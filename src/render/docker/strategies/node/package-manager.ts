import type { Component } from '../../../../spec/component.js';
import type { CacheMount } from '../../model.js';

/**
 * How each Node.js package manager installs exactly what its lockfile says, where it
 * keeps its download cache (a BuildKit cache mount), and how it drops dev dependencies.
 * Manifests listed with `*` may be absent (COPY skips a pattern that matches nothing as
 * long as another source matches).
 */
export interface NodePackageManager {
  id: 'npm' | 'yarn-classic' | 'yarn-berry' | 'pnpm' | 'bun';
  manifests: string[];
  /** Run before installing (enable the package manager). */
  setup: string[];
  install: string;
  /** Installs production dependencies only (no build step: one install). */
  installProd: string;
  /** Turns a full install into a production one, offline when the tool can. */
  prune: string;
  cache: CacheMount;
  run(script: string): string;
  /** A warning when installs cannot be lockfile-exact. */
  warning?: string;
}

export function nodePackageManager(component: Component): NodePackageManager {
  const declared = component.packageManager;
  const version = component.packageManagerVersion;
  const install = component.commands.install ?? '';
  switch (declared) {
    case 'yarn':
      return version && !version.startsWith('1') ? yarnBerry(version) : yarnClassic();
    case 'pnpm':
      return pnpm(version);
    case 'bun':
      return bun();
    default:
      return npm(/^npm (install|i)\b/.test(install) && !/^npm ci\b/.test(install));
  }
}

function npm(noLockfile: boolean): NodePackageManager {
  const flags = '--no-audit --no-fund';
  return {
    id: 'npm',
    manifests: ['package.json', 'package-lock.json*', 'npm-shrinkwrap.json*', '.npmrc*'],
    setup: [],
    install: noLockfile ? `npm install ${flags}` : `npm ci ${flags}`,
    installProd: noLockfile ? `npm install --omit=dev ${flags}` : `npm ci --omit=dev ${flags}`,
    prune: 'npm prune --omit=dev',
    cache: { target: '/root/.npm', id: 'npm' },
    run: (s) => `npm run ${s}`,
    ...(noLockfile
      ? { warning: 'no package-lock.json (slipway.yaml says `npm install`): image builds are not reproducible; commit a lockfile and set commands.install to "npm ci"' }
      : {}),
  };
}

function yarnClassic(): NodePackageManager {
  const cache: CacheMount = { target: '/usr/local/share/.cache/yarn', id: 'yarn', sharing: 'locked' };
  return {
    id: 'yarn-classic',
    manifests: ['package.json', 'yarn.lock', '.yarnrc*', '.npmrc*'],
    setup: [],
    install: 'yarn install --frozen-lockfile --non-interactive',
    installProd: 'yarn install --frozen-lockfile --non-interactive --production',
    // Yarn 1 has no prune: a production install from the (cached) lockfile.
    prune: 'yarn install --frozen-lockfile --non-interactive --production --prefer-offline',
    cache,
    run: (s) => `yarn run ${s}`,
  };
}

function yarnBerry(version: string): NodePackageManager {
  return {
    id: 'yarn-berry',
    manifests: ['package.json', 'yarn.lock', '.yarnrc.yml'],
    setup: [`corepack enable`, `corepack prepare yarn@${version} --activate`],
    install: 'yarn install --immutable',
    installProd: 'yarn workspaces focus --all --production',
    prune: 'yarn workspaces focus --all --production',
    cache: { target: '/root/.yarn/berry/cache', id: 'yarn-berry', sharing: 'locked' },
    run: (s) => `yarn run ${s}`,
  };
}

function pnpm(version: string | undefined): NodePackageManager {
  return {
    id: 'pnpm',
    manifests: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml*', '.npmrc*'],
    setup: version ? ['corepack enable', `corepack prepare pnpm@${version} --activate`] : ['corepack enable pnpm'],
    install: 'pnpm install --frozen-lockfile',
    installProd: 'pnpm install --frozen-lockfile --prod',
    prune: 'pnpm prune --prod --ignore-scripts',
    cache: { target: '/root/.local/share/pnpm/store', id: 'pnpm' },
    run: (s) => `pnpm run ${s}`,
  };
}

function bun(): NodePackageManager {
  return {
    id: 'bun',
    manifests: ['package.json', 'bun.lock*', 'bun.lockb*'],
    setup: ['npm install -g bun@1'],
    install: 'bun install --frozen-lockfile',
    installProd: 'bun install --frozen-lockfile --production',
    prune: 'rm -rf node_modules && bun install --frozen-lockfile --production',
    cache: { target: '/root/.bun/install/cache', id: 'bun' },
    run: (s) => `bun run ${s}`,
  };
}

/**
 * The build command as the Dockerfile runs it: "npm run build" stays, a bare script name
 * is run through the package manager.
 */
export function buildCommand(pm: NodePackageManager, build: string): string {
  return /\s/.test(build) ? build : pm.run(build);
}
