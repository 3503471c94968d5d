import { at, readConfig } from './config-file.js';
import type { NodeFramework } from './types.js';

/** Nuxt 3 (Nitro): `nuxt build` → `.output/server/index.mjs`; `ssr: false` or `nuxt generate` → static `.output/public`. */
export const nuxt: NodeFramework = {
  id: 'nuxt',
  packages: ['nuxt', 'nuxt3'],
  role: 'meta',
  plan(ctx) {
    const cfg = readConfig(ctx, 'nuxt.config');
    const build = ctx.manifest.pkg.scripts.build ?? '';
    if (/\bnuxi? generate\b/.test(build)) {
      return { kind: 'static', staticDir: '.output/public', reason: 'the build script runs nuxt generate: a static site in .output/public' };
    }
    if (cfg && /\bssr\s*:\s*false\b/.test(cfg.text)) {
      return { kind: 'static', staticDir: '.output/public', build: 'nuxt generate', reason: 'nuxt.config ssr: false: a client-only app, generated as static files', ...at(cfg, /\bssr\s*:/) };
    }
    return {
      kind: 'web', start: 'node .output/server/index.mjs', build: 'nuxt build', port: 3000,
      reason: 'Nuxt builds a Nitro server to .output/server/index.mjs (port 3000)', ...(cfg ? { file: cfg.file } : {}),
    };
  },
};
