import type { Instruction } from '../model.js';
import { exposeWithHealthcheck } from '../healthcheck.js';
import { aptInstall, cacheMounts, startInstructions, TINI, TINI_PACKAGE } from '../runtime-stage.js';
import { strategyVersion } from '../runtime-version.js';
import type { DockerPlan, StrategyContext } from './types.js';

/** Bun: the official Debian-based oven/bun image; production packages from bun.lock. */
export function bunStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const image = `oven/bun:${strategyVersion(ctx, 'bun')}-slim`;
  const port = component.port;
  const start = component.commands.start;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port the server listens on, e.g. 3000');
  if (!start) ctx.missing(ctx.key('commands.start'), 'how the component starts, e.g. "bun run src/index.ts"');
  const mounts = cacheMounts(ctx.cacheMounts, { target: '/root/.bun/install/cache', id: 'bun' });
  const install = (prod: boolean): Instruction => ({ op: 'RUN', commands: [`bun install --frozen-lockfile${prod ? ' --production' : ''}`], ...mounts });
  const build = component.commands.build;
  const manifests: Instruction = { op: 'COPY', sources: ['package.json', 'bun.lock*', 'bun.lockb*'], dest: './' };
  return {
    stages: [
      {
        name: 'deps',
        from: image,
        comment: 'Production dependencies, exactly as locked',
        steps: [{ op: 'WORKDIR', path: '/app' }, manifests, install(true)],
      },
      ...(build
        ? [
            {
              name: 'build',
              from: image,
              comment: 'Build with all dependencies',
              steps: [{ op: 'WORKDIR', path: '/app' }, manifests, install(false), { op: 'COPY', sources: ['.'], dest: '.' }, { op: 'RUN', commands: [build, 'rm -rf node_modules'] }] as Instruction[],
            },
          ]
        : []),
      {
        from: image,
        comment: 'Runtime',
        steps: [
          aptInstall([TINI_PACKAGE]),
          { op: 'ENV', vars: [['NODE_ENV', 'production'], ...(port ? ([['PORT', String(port)]] as [string, string][]) : [])] },
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', from: 'deps', sources: ['/app/node_modules'], dest: './node_modules' },
          build ? { op: 'COPY', from: 'build', sources: ['/app'], dest: './' } : { op: 'COPY', sources: ['.'], dest: '.' },
          { op: 'USER', user: '1000:1000', comment: 'The image\'s unprivileged "bun" user' },
          ...exposeWithHealthcheck('bun', port, component.healthcheck),
          ...(start ? startInstructions(start, { init: TINI }) : []),
        ],
      },
    ],
  };
}
