import { hasDependency, type PackageJson } from '../package-json.js';
import { astro } from './astro.js';
import { nestjs } from './nestjs.js';
import { next } from './next.js';
import { nuxt } from './nuxt.js';
import { reactRouter, remix } from './remix.js';
import { servers } from './servers.js';
import { spas, uiLibrary } from './spa.js';
import { sveltekit } from './sveltekit.js';
import type { NodeFramework } from './types.js';

export type { FrameworkContext, FrameworkPlan, NodeFramework } from './types.js';

/**
 * Ordered: meta-frameworks own build and server, so they come first; then HTTP servers; then
 * single-page apps (a Vite frontend next to an Express server is served by the server).
 */
export const FRAMEWORKS: readonly NodeFramework[] = [next, nuxt, remix, reactRouter, sveltekit, astro, nestjs, ...servers, ...spas];

/** Every framework the package depends on, in registry order. */
export function detectFrameworks(pkg: PackageJson): NodeFramework[] {
  return FRAMEWORKS.filter((f) => hasDependency(pkg, ...f.packages));
}

/** The App Spec `framework` value: a static SPA is named by its UI library (react, vue …). */
export function frameworkName(f: NodeFramework, pkg: PackageJson): string {
  return f.id === 'vite' ? uiLibrary(pkg) : f.id;
}
