import type { Instruction } from '../model.js';
import { healthcheck } from '../healthcheck.js';
import { APP_UID, cacheMounts, createAppUser, startInstructions, TINI, TINI_PACKAGE } from '../runtime-stage.js';
import { pickVersion } from '../runtime-version.js';
import type { DockerPlan, StrategyContext } from './types.js';
import { nativeLibraries } from './native-libraries.js';

/** Ruby (Bundler; Rails assets when there is a build command): gems compiled in a build stage. */
export function rubyStrategy(ctx: StrategyContext): DockerPlan {
  const { component, spec } = ctx;
  const picked = pickVersion('ruby', component.runtimeVersion, ctx.key('runtimeVersion'));
  picked.notes.forEach((n) => ctx.note(n));
  const image = `ruby:${picked.version}-slim`;
  const port = component.port;
  const start = component.commands.start;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port the server listens on, e.g. 3000');
  if (!start) ctx.missing(ctx.key('commands.start'), 'how the component starts in production, e.g. "bundle exec puma -C config/puma.rb"');
  const rails = component.framework?.toLowerCase() === 'rails';
  const libs = nativeLibraries(component);
  const mounts = cacheMounts(ctx.cacheMounts, { target: '/usr/local/bundle/cache', id: 'bundler' });
  const bundleEnv: [string, string][] = [
    ['BUNDLE_DEPLOYMENT', '1'],
    ['BUNDLE_WITHOUT', 'development:test'],
    ['BUNDLE_PATH', '/usr/local/bundle'],
  ];
  const railsEnv: [string, string][] = rails ? [['RAILS_ENV', 'production'], ['RACK_ENV', 'production'], ['RAILS_LOG_TO_STDOUT', '1']] : [['RACK_ENV', 'production']];
  return {
    stages: [
      {
        name: 'build',
        from: image,
        comment: 'Build: gems (native extensions need a compiler), then assets',
        steps: [
          { op: 'RUN', commands: ['apt-get update', `apt-get install -y --no-install-recommends build-essential git ${libs.build.join(' ')}`.trim(), 'rm -rf /var/lib/apt/lists/*'] },
          { op: 'ENV', vars: [...bundleEnv, ...railsEnv] },
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', sources: ['Gemfile', 'Gemfile.lock'], dest: './' },
          { op: 'RUN', commands: ['bundle install --jobs 4', 'rm -rf /usr/local/bundle/ruby/*/cache'], ...(mounts ? { mounts } : {}) },
          { op: 'COPY', sources: ['.'], dest: '.' },
          ...(component.commands.build
            ? [{ op: 'RUN', commands: [rails ? `SECRET_KEY_BASE_DUMMY=1 ${component.commands.build}` : component.commands.build], comment: rails ? 'SECRET_KEY_BASE_DUMMY: assets compile without the real secret' : undefined } as Instruction]
            : []),
        ],
      },
      {
        from: image,
        comment: 'Runtime: Ruby, the installed gems and the app',
        steps: [
          { op: 'RUN', commands: ['apt-get update', `apt-get install -y --no-install-recommends ${[TINI_PACKAGE, ...libs.runtime].join(' ')}`, 'rm -rf /var/lib/apt/lists/*', ...createAppUser()] },
          { op: 'ENV', vars: [...bundleEnv, ...railsEnv, ...(port ? ([['PORT', String(port)]] as [string, string][]) : [])] },
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', from: 'build', sources: ['/usr/local/bundle'], dest: '/usr/local/bundle' },
          { op: 'COPY', from: 'build', sources: ['/app'], dest: '/app' },
          ...(rails ? [{ op: 'RUN', commands: ['mkdir -p tmp log storage', `chown -R ${APP_UID}:${APP_UID} tmp log storage`], comment: 'The only directories Rails writes to' } as Instruction] : []),
          { op: 'USER', user: `${APP_UID}:${APP_UID}` },
          ...(port !== undefined ? [{ op: 'EXPOSE', port } as Instruction, healthcheck('ruby', port, component.healthcheck)] : []),
          ...(start ? startInstructions(start, { init: TINI }) : []),
        ],
      },
    ],
    ignore: ['log/', 'tmp/', 'storage/', 'vendor/bundle/', 'public/assets/', 'public/packs/', 'config/master.key', 'config/credentials/*.key'],
  };
}
