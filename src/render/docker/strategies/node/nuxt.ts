import type { Instruction } from '../../model.js';
import { healthcheck } from '../../healthcheck.js';
import { aptInstall, TINI, TINI_PACKAGE } from '../../runtime-stage.js';
import type { DockerPlan, StrategyContext } from '../types.js';
import { nodeBase } from './base.js';
import { NODE_UID } from './server.js';

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
          { op: 'ENV', vars: [['NODE_ENV', 'production'], ['PORT', String(port)], ['HOST', '0.0.0.0']] },
          { op: 'WORKDIR', path: '/app' },
          { op: 'USER', user: NODE_UID, comment: 'The image\'s unprivileged "node" user (copied files stay root-owned: COPY ignores USER)' },
          { op: 'EXPOSE', port },
          healthcheck('node', port, component.healthcheck),
          { op: 'ENTRYPOINT', argv: [TINI, '--'], comment: 'tini is PID 1: it forwards SIGTERM so `stop` is immediate, and reaps zombies' },
          { op: 'CMD', argv: ['node', '.output/server/index.mjs'] },
          { op: 'COPY', from: 'build', sources: ['/app/.output'], dest: './.output' } as Instruction,
        ],
      },
    ],
  };
}
