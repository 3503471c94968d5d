import { exposeWithHealthcheck } from '../../healthcheck.js';
import { aptInstall, startInstructions, TINI, TINI_PACKAGE } from '../../runtime-stage.js';
import type { DockerPlan, StrategyContext } from '../types.js';
import { nodeBase } from './base.js';
import { NODE_UID, nodeEnv } from './server.js';

/**
 * Nuxt 3 (Nitro's node-server preset): `nuxt build` writes a self-contained server to
 * .output with its own traced node_modules, so the runtime needs nothing else.
 */
export function nuxtServer(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const base = nodeBase(ctx);
  const port = component.port ?? 3000;
  if (!base.build) ctx.missing(ctx.key('commands.build'), 'the Nuxt build, e.g. "npm run build"');
  ctx.note({ level: 'info', message: `${component.name}: the Dockerfile runs Nuxt's built server (.output/server/index.mjs)` });
  return {
    stages: [
      base.depsStage('deps', false),
      base.buildStage('build', 'deps'),
      {
        from: base.image,
        comment: 'Runtime: the built Nitro server and its traced dependencies, nothing else',
        steps: [
          aptInstall([TINI_PACKAGE]),
          { op: 'ENV', vars: nodeEnv(port) },
          { op: 'WORKDIR', path: '/app' },
          { op: 'USER', user: NODE_UID, comment: 'The image\'s unprivileged "node" user (copied files stay root-owned: COPY ignores USER)' },
          ...exposeWithHealthcheck('node', port, component.healthcheck),
          ...startInstructions('node .output/server/index.mjs', { init: TINI }),
          { op: 'COPY', from: 'build', sources: ['/app/.output'], dest: './.output' },
        ],
      },
    ],
  };
}
