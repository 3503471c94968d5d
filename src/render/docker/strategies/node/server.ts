import type { Instruction, Stage } from '../../model.js';
import { exposeWithHealthcheck } from '../../healthcheck.js';
import { aptInstall, cacheMounts, startInstructions, TINI, TINI_PACKAGE } from '../../runtime-stage.js';
import type { DockerPlan, StrategyContext } from '../types.js';
import { nodeBase } from './base.js';

const FILES_LAST = 'Files last, settings above: a source change rebuilds only the layers from here on';

/** The node image's own unprivileged user (uid 1000), numeric for runAsNonRoot. */
export const NODE_UID = '1000:1000';

/** Express, Fastify, NestJS, Nuxt … : a Node.js process; TypeScript and bundlers via the build command. */
export function nodeServer(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const base = nodeBase(ctx);
  const stages: Stage[] = [];
  const runtimeCopies: Instruction[] = [];

  if (base.build) {
    stages.push(base.depsStage('deps', false));
    // node_modules is dropped after the build: the runtime takes production dependencies from prod-deps.
    stages.push(base.buildStage('build', 'deps', { after: ['rm -rf node_modules'] }));
    if (!component.installDevDependencies) {
      stages.push({
        name: 'prod-deps',
        from: 'deps',
        comment: 'Dev dependencies removed for the runtime image',
        steps: [{ op: 'RUN', commands: [base.pm.prune], ...cacheMounts(ctx.cacheMounts, base.pm.cache) }],
      });
    }
    runtimeCopies.push(
      { op: 'COPY', from: component.installDevDependencies ? 'deps' : 'prod-deps', sources: ['/app/node_modules'], dest: './node_modules', comment: FILES_LAST },
      { op: 'COPY', from: 'build', sources: ['/app'], dest: './', comment: 'Sources and build output; files stay root-owned, so the app cannot rewrite itself' },
    );
  } else {
    // installDevDependencies: the start file requires a devDependency (slipway.yaml says so)
    stages.push(base.depsStage('deps', !component.installDevDependencies));
    runtimeCopies.push(
      { op: 'COPY', from: 'deps', sources: ['/app/node_modules'], dest: './node_modules', comment: FILES_LAST },
      { op: 'COPY', sources: ['.'], dest: '.', comment: 'Sources; files stay root-owned, so the app cannot rewrite itself' },
    );
  }

  const port = component.port;
  const start = component.commands.start;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port the server listens on, e.g. 3000');
  if (!start) ctx.missing(ctx.key('commands.start'), 'how the component starts in production, e.g. "node server.js"');

  stages.push({
    from: base.image,
    comment: 'Runtime: production dependencies and the app, nothing else',
    steps: [
      aptInstall([TINI_PACKAGE]),
      { op: 'ENV', vars: nodeEnv(port) },
      { op: 'WORKDIR', path: '/app' },
      { op: 'USER', user: NODE_UID, comment: 'The image\'s unprivileged "node" user (copied files stay root-owned: COPY ignores USER)' },
      ...exposeWithHealthcheck('node', port, component.healthcheck),
      ...(start ? startInstructions(start, { init: TINI }) : []),
      ...runtimeCopies,
    ],
  });
  return { stages };
}

/** Production mode; PORT and HOST for servers that read them (most do). */
export function nodeEnv(port: number | undefined): [string, string][] {
  const vars: [string, string][] = [['NODE_ENV', 'production']];
  if (port !== undefined) vars.push(['PORT', String(port)], ['HOST', '0.0.0.0']);
  return vars;
}
