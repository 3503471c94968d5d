import { hasDependency } from '../package-json.js';
import { at, readConfig } from './config-file.js';
import type { NodeFramework } from './types.js';

/** SvelteKit: the adapter decides. adapter-node → `node build` on 3000; adapter-static → files in build/. */
export const sveltekit: NodeFramework = {
  id: 'sveltekit',
  packages: ['@sveltejs/kit'],
  role: 'meta',
  plan(ctx) {
    const cfg = readConfig(ctx, 'svelte.config');
    const pkg = ctx.manifest.pkg;
    if (hasDependency(pkg, '@sveltejs/adapter-static') || (cfg && /adapter-static/.test(cfg.text))) {
      const pages = cfg ? /pages\s*:\s*['"`]([^'"`]+)['"`]/.exec(cfg.text)?.[1] : undefined;
      return {
        kind: 'static', staticDir: pages ?? 'build', build: 'vite build', reason: 'svelte.config uses @sveltejs/adapter-static: a static site',
        ...(cfg ? at(cfg, /adapter-static/) : {}),
      };
    }
    const node = hasDependency(pkg, '@sveltejs/adapter-node');
    return {
      kind: 'web', start: 'node build', build: 'vite build', port: 3000,
      reason: node ? '@sveltejs/adapter-node builds a Node server in build/ (port 3000)' : 'SvelteKit without adapter-node: assuming a Node server in build/ (set the adapter to @sveltejs/adapter-node)',
      ...(cfg ? at(cfg, /adapter/) : {}),
    };
  },
};
