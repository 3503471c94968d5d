import type { Instruction } from '../model.js';
import { exposeWithHealthcheck } from '../healthcheck.js';
import { APP_UID, aptInstall, cacheMounts, createAppUser, startInstructions, TINI, TINI_PACKAGE } from '../runtime-stage.js';
import { strategyVersion } from '../runtime-version.js';
import type { DockerPlan, StrategyContext } from './types.js';
import { nativeLibraries } from './native-libraries.js';

/** Ruby (Bundler; Rails assets when there is a build command): gems compiled in a build stage. */
export function rubyStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const image = `ruby:${strategyVersion(ctx, 'ruby')}-slim`;
  const port = component.port;
  const start = component.commands.start;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port the server listens on, e.g. 3000');
  if (!start) ctx.missing(ctx.key('commands.start'), 'how the component starts in production, e.g. "bundle exec puma -C config/puma.rb"');
  const rails = component.framework?.toLowerCase() === 'rails';
  const libs = nativeLibraries(component);
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
          aptInstall(['build-essential', 'git', ...libs.build]),
          { op: 'ENV', vars: [...bundleEnv, ...railsEnv] },
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', sources: ['Gemfile', 'Gemfile.lock'], dest: './' },
          { op: 'RUN', commands: ['bundle install --jobs 4', 'rm -rf /usr/local/bundle/ruby/*/cache'], ...cacheMounts(ctx.cacheMounts, { target: '/usr/local/bundle/cache', id: 'bundler' }) },
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
          aptInstall([TINI_PACKAGE, ...libs.runtime], createAppUser()),
          { op: 'ENV', vars: [...bundleEnv, ...railsEnv, ...(port ? ([['PORT', String(port)]] as [string, string][]) : [])] },
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', from: 'build', sources: ['/usr/local/bundle'], dest: '/usr/local/bundle' },
          { op: 'COPY', from: 'build', sources: ['/app'], dest: '/app' },
          ...(rails ? [{ op: 'RUN', commands: ['mkdir -p tmp log storage', `chown -R ${APP_UID}:${APP_UID} tmp log storage`], comment: 'The only directories Rails writes to' } as Instruction] : []),
          { op: 'USER', user: `${APP_UID}:${APP_UID}` },
          ...exposeWithHealthcheck('ruby', port, component.healthcheck),
          ...(start ? startInstructions(start, { init: TINI }) : []),
        ],
      },
    ],
    ignore: ['log/', 'tmp/', 'storage/', 'vendor/bundle/', 'public/assets/', 'public/packs/', 'config/master.key', 'config/credentials/*.key'],
  };
}
