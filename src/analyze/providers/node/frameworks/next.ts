import { at, readConfig } from './config-file.js';
import type { NodeFramework } from './types.js';

/**
 * Next.js: `output: 'export'` is a static site in `out/`; `output: 'standalone'` bundles a
 * self-contained server (.next/standalone/server.js); otherwise `next start` serves `.next`.
 */
export const next: NodeFramework = {
  id: 'nextjs',
  packages: ['next'],
  role: 'meta',
  plan(ctx) {
    const cfg = readConfig(ctx, 'next.config');
    const build = ctx.manifest.pkg.scripts.build ?? '';
    if (cfg && /\boutput\s*:\s*['"`]export['"`]/.test(cfg.text)) {
      return { kind: 'static', staticDir: 'out', build: 'next build', reason: "next.config output: 'export' writes a static site to out/", ...at(cfg, /output\s*:/) };
    }
    if (/\bnext export\b/.test(build)) {
      return { kind: 'static', staticDir: 'out', build: 'next build', reason: 'the build script runs next export: a static site in out/' };
    }
    if (cfg && /\boutput\s*:\s*['"`]standalone['"`]/.test(cfg.text)) {
      return {
        kind: 'web', start: 'node .next/standalone/server.js', build: 'next build', port: 3000,
        reason: "next.config output: 'standalone' bundles its own server", ...at(cfg, /output\s*:/),
      };
    }
    return { kind: 'web', start: 'next start', build: 'next build', port: 3000, reason: 'Next.js serves its build with next start (port 3000)' };
  },
};
