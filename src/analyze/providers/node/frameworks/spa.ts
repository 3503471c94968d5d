import { readJson } from '../../../parse/manifest.js';
import { repoPath } from '../../../repo.js';
import { hasDependency, type PackageJson } from '../package-json.js';
import { at, readConfig } from './config-file.js';
import type { FrameworkContext, FrameworkPlan, NodeFramework } from './types.js';

/** The UI library a single-page app is written with: the App Spec's `framework` for static SPAs. */
function uiLibrary(pkg: PackageJson): string {
  if (hasDependency(pkg, 'react', 'react-dom')) return 'react';
  if (hasDependency(pkg, 'vue')) return 'vue';
  if (hasDependency(pkg, 'svelte')) return 'svelte';
  if (hasDependency(pkg, 'preact')) return 'preact';
  if (hasDependency(pkg, 'solid-js')) return 'solid';
  if (hasDependency(pkg, 'lit')) return 'lit';
  return 'vite';
}

function vitePlan(ctx: FrameworkContext): FrameworkPlan {
  const cfg = readConfig(ctx, 'vite.config');
  const outDir = cfg ? /\boutDir\s*:\s*['"`]\.?\/?([^'"`]+)['"`]/.exec(cfg.text)?.[1] : undefined;
  return {
    kind: 'static', staticDir: outDir ?? 'dist', build: 'vite build',
    reason: outDir ? `vite build writes the app to ${outDir}/ (vite.config build.outDir)` : 'vite build writes a static app to dist/',
    ...(cfg && outDir ? at(cfg, /\boutDir\s*:/) : cfg ? { file: cfg.file } : {}),
  };
}

function angularPlan(ctx: FrameworkContext): FrameworkPlan {
  const file = repoPath(ctx.dir, 'angular.json');
  const cfg = readJson<{ projects?: Record<string, { architect?: { build?: { options?: { outputPath?: unknown } } } }> }>(ctx.repo, file)?.value;
  const [name, project] = Object.entries(cfg?.projects ?? {})[0] ?? [];
  const output = project?.architect?.build?.options?.outputPath;
  const dir = typeof output === 'string' ? output : typeof output === 'object' && output ? String((output as { base?: unknown }).base ?? '') : name ? `dist/${name}` : 'dist';
  const major = Number((ctx.manifest.pkg.dependencies['@angular/core'] ?? '').replace(/^[^\d]*/, '').split('.')[0]);
  const browser = major >= 17 ? `${dir}/browser` : dir;
  return { kind: 'static', staticDir: browser, build: 'ng build', reason: `ng build writes the app to ${browser}/ (angular.json)`, file };
}

/** Single-page apps and static generators: built once, served as files. */
export const spas: readonly NodeFramework[] = [
  { id: 'gatsby', packages: ['gatsby'], role: 'spa', plan: () => ({ kind: 'static', staticDir: 'public', build: 'gatsby build', reason: 'gatsby build writes a static site to public/' }) },
  { id: 'angular', packages: ['@angular/core'], role: 'spa', plan: angularPlan },
  { id: 'react', packages: ['react-scripts'], role: 'spa', plan: () => ({ kind: 'static', staticDir: 'build', build: 'react-scripts build', reason: 'Create React App builds a static app to build/' }) },
  { id: 'vue', packages: ['@vue/cli-service'], role: 'spa', plan: () => ({ kind: 'static', staticDir: 'dist', build: 'vue-cli-service build', reason: 'Vue CLI builds a static app to dist/' }) },
  {
    id: 'vite', packages: ['vite'], role: 'spa',
    plan: (ctx) => (ctx.repo.has(repoPath(ctx.dir, 'index.html')) ? { ...vitePlan(ctx) } : undefined),
  },
];

export { uiLibrary };
