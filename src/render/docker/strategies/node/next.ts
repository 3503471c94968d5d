import type { Instruction } from '../../model.js';
import { exposeWithHealthcheck } from '../../healthcheck.js';
import { aptInstall, startInstructions, TINI, TINI_PACKAGE } from '../../runtime-stage.js';
import type { DockerPlan, StrategyContext } from '../types.js';
import { nodeBase } from './base.js';
import { NODE_UID } from './server.js';

/**
 * Next.js with `output: 'standalone'`: the build traces the server's own node_modules into
 * .next/standalone, so the runtime needs neither the full dependency tree nor `next start`.
 */
export function nextStandalone(ctx: StrategyContext): DockerPlan {
  const { component, spec } = ctx;
  const base = nodeBase(ctx);
  const port = component.port ?? 3000;
  ctx.note({
    level: 'info',
    message: `${component.name}: the Dockerfile runs Next.js's standalone server (.next/standalone/server.js)`,
    hint: "next.config must set output: 'standalone' (https://nextjs.org/docs/app/api-reference/config/next-config-js/output)",
  });
  if (!base.build) ctx.missing(ctx.key('commands.build'), 'the Next.js build, e.g. "npm run build"');
  const env: Instruction = { op: 'ENV', vars: [['NEXT_TELEMETRY_DISABLED', '1']] };
  return {
    stages: [
      base.depsStage('deps', false),
      // public/ is optional in Next.js; creating it keeps the runtime COPY valid.
      // .next/cache as a cache mount: Next.js reuses its compiler cache across image builds.
      base.buildStage('build', 'deps', { before: [env], after: ['mkdir -p public'], cache: [{ target: '/app/.next/cache', id: `next-${spec.name}-${component.name}` }] }),
      {
        from: base.image,
        comment: 'Runtime: the standalone server with its traced dependencies, static assets and public/',
        steps: [
          aptInstall([TINI_PACKAGE]),
          {
            op: 'ENV',
            vars: [['NODE_ENV', 'production'], ['NEXT_TELEMETRY_DISABLED', '1'], ['PORT', String(port)], ['HOSTNAME', '0.0.0.0']],
          },
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', from: 'build', sources: ['/app/public'], dest: './public' },
          { op: 'COPY', from: 'build', sources: ['/app/.next/standalone'], dest: './' },
          { op: 'COPY', from: 'build', sources: ['/app/.next/static'], dest: './.next/static' },
          {
            op: 'RUN',
            commands: ['mkdir -p .next/cache', `chown ${NODE_UID} .next/cache`],
            comment: 'The only directory the server writes to (image and fetch cache)',
          },
          { op: 'USER', user: NODE_UID, comment: 'The image\'s unprivileged "node" user' },
          ...exposeWithHealthcheck('node', port, component.healthcheck),
          ...startInstructions('node server.js', { init: TINI }),
        ],
      },
    ],
  };
}
