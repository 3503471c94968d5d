import { hasDependency } from '../package-json.js';
import { at, readConfig } from './config-file.js';
import type { NodeFramework } from './types.js';

/** Remix (v2): `remix-serve` runs the server build (classic compiler: build/index.js; Vite: build/server/index.js). */
export const remix: NodeFramework = {
  id: 'remix',
  packages: ['@remix-run/node', '@remix-run/serve', '@remix-run/dev', '@remix-run/express'],
  role: 'meta',
  plan(ctx) {
    const vite = hasDependency(ctx.manifest.pkg, 'vite');
    const entry = vite ? './build/server/index.js' : './build/index.js';
    return { kind: 'web', start: `remix-serve ${entry}`, build: vite ? 'remix vite:build' : 'remix build', port: 3000, reason: `remix-serve runs the server build ${entry} (port 3000)` };
  },
};

/** React Router v7 framework mode: `react-router-serve`; `ssr: false` in react-router.config → static build/client. */
export const reactRouter: NodeFramework = {
  id: 'react-router',
  packages: ['@react-router/dev', '@react-router/serve'],
  role: 'meta',
  plan(ctx) {
    const cfg = readConfig(ctx, 'react-router.config');
    if (cfg && /\bssr\s*:\s*false\b/.test(cfg.text)) {
      return { kind: 'static', staticDir: 'build/client', build: 'react-router build', reason: 'react-router.config ssr: false: a static SPA in build/client', ...at(cfg, /\bssr\s*:/) };
    }
    return {
      kind: 'web', start: 'react-router-serve ./build/server/index.js', build: 'react-router build', port: 3000,
      reason: 'react-router-serve runs the server build (port 3000)',
    };
  },
};
