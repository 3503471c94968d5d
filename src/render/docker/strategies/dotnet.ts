import type { Instruction } from '../model.js';
import { exposeWithHealthcheck } from '../healthcheck.js';
import { cacheMounts } from '../runtime-stage.js';
import { strategyVersion } from '../runtime-version.js';
import type { DockerPlan, StrategyContext } from './types.js';

/**
 * .NET: restore (cached until a project file changes), publish, run on the ASP.NET
 * runtime image as its built-in non-root "app" user. dotnet handles SIGTERM itself.
 */
export function dotnetStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const v = strategyVersion(ctx, 'dotnet');
  const port = component.port;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port Kestrel listens on, e.g. 8080');
  const dll = component.commands.start?.match(/\bdotnet\s+(?:\S*\/)?([^\s/]+\.dll)\b/)?.[1];
  if (!dll) ctx.missing(ctx.key('commands.start'), 'the published assembly to run, e.g. "dotnet MyApp.dll"');
  const mounts = cacheMounts(ctx.cacheMounts, { target: '/root/.nuget/packages', id: 'nuget' });
  const cached = (commands: string[]): Instruction => ({ op: 'RUN', commands, ...mounts });
  return {
    stages: [
      {
        name: 'build',
        from: `mcr.microsoft.com/dotnet/sdk:${v}`,
        comment: 'Build: NuGet restore first (reused until a project file changes), then publish',
        steps: [
          { op: 'WORKDIR', path: '/src' },
          { op: 'COPY', sources: ['*.csproj', '*.fsproj', '*.sln*', 'NuGet.config*', 'Directory.*.props*'], dest: './' },
          cached(['dotnet restore']),
          { op: 'COPY', sources: ['.'], dest: '.' },
          cached(['dotnet publish --no-restore -c Release -o /out']),
        ],
      },
      {
        from: `mcr.microsoft.com/dotnet/aspnet:${v}`,
        comment: 'Runtime: the ASP.NET runtime and the published app',
        steps: [
          ...(port ? [{ op: 'ENV', vars: [['ASPNETCORE_HTTP_PORTS', String(port)]] } as Instruction] : []),
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', from: 'build', sources: ['/out'], dest: '.' },
          { op: 'USER', user: '$APP_UID', comment: 'The image\'s non-root "app" user' },
          ...exposeWithHealthcheck('bash', port, component.healthcheck),
          { op: 'ENTRYPOINT', argv: ['dotnet', dll ?? 'app.dll'] },
        ],
      },
    ],
    ignore: ['bin/', 'obj/', '*.user', 'TestResults/'],
  };
}
