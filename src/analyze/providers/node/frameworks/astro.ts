import { hasDependency } from '../package-json.js';
import { at, readConfig } from './config-file.js';
import type { NodeFramework } from './types.js';

/** Astro: static by default (dist/); `output: 'server'` with @astrojs/node runs dist/server/entry.mjs on 4321. */
export const astro: NodeFramework = {
  id: 'astro',
  packages: ['astro'],
  role: 'meta',
  plan(ctx) {
    const cfg = readConfig(ctx, 'astro.config');
    const server = cfg && /\boutput\s*:\s*['"`](server|hybrid)['"`]/.test(cfg.text);
    if (server && hasDependency(ctx.manifest.pkg, '@astrojs/node')) {
      return {
        kind: 'web', start: 'node ./dist/server/entry.mjs', build: 'astro build', port: 4321,
        reason: "astro.config output: 'server' with @astrojs/node: a standalone server (port 4321)", ...at(cfg, /\boutput\s*:/),
      };
    }
    const outDir = cfg ? /\boutDir\s*:\s*['"`]\.?\/?([^'"`]+)['"`]/.exec(cfg.text)?.[1] : undefined;
    return {
      kind: 'static', staticDir: outDir ?? 'dist', build: 'astro build',
      reason: server ? "astro.config asks for a server but has no @astrojs/node adapter: building the static pages" : 'Astro builds a static site to dist/',
      ...(cfg ? { file: cfg.file } : {}),
    };
  },
};
