import type { Instruction } from '../model.js';
import { exposeWithHealthcheck } from '../healthcheck.js';
import { APP_UID, aptInstall, cacheMounts, createAppUser } from '../runtime-stage.js';
import { strategyVersion } from '../runtime-version.js';
import type { DockerPlan, StrategyContext } from './types.js';

/**
 * Go: a static binary (CGO off) built with module and build caches, run on debian-slim
 * (it keeps bash for the health probe; distroless would drop HEALTHCHECK). A Go program
 * as PID 1 exits on SIGTERM, so no init is needed.
 */
export function goStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const version = strategyVersion(ctx, 'go');
  const port = component.port;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port the server listens on, e.g. 8080');
  const pkg = goPackage(component.commands.build);
  const modCache = { target: '/go/pkg/mod', id: 'gomod' };
  const args = goArgs(component.commands.start);
  return {
    stages: [
      {
        name: 'build',
        from: `golang:${version}-bookworm`,
        comment: 'Build: modules first (reused until go.mod/go.sum change), then a static binary',
        steps: [
          { op: 'WORKDIR', path: '/src' },
          { op: 'COPY', sources: ['go.mod', 'go.sum*'], dest: './' },
          { op: 'RUN', commands: ['go mod download'], ...cacheMounts(ctx.cacheMounts, modCache) },
          { op: 'COPY', sources: ['.'], dest: '.' },
          { op: 'RUN', commands: [`CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ${pkg}`], ...cacheMounts(ctx.cacheMounts, modCache, { target: '/root/.cache/go-build', id: 'gobuild' }) },
        ],
      },
      {
        from: 'debian:bookworm-slim',
        comment: 'Runtime: the binary and CA certificates',
        steps: [
          aptInstall(['ca-certificates'], createAppUser()),
          ...(port ? [{ op: 'ENV', vars: [['PORT', String(port)]] } as Instruction] : []),
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', from: 'build', sources: ['/out/app'], dest: '/app/app' },
          { op: 'USER', user: `${APP_UID}:${APP_UID}` },
          ...exposeWithHealthcheck('bash', port, component.healthcheck),
          { op: 'CMD', argv: ['/app/app', ...args] },
        ],
      },
    ],
    ignore: ['bin/', 'vendor/'],
  };
}

/** The package `go build` compiles: the last non-flag argument of the spec's build command, else ".". */
function goPackage(build: string | undefined): string {
  if (!build || !/^go build\b/.test(build)) return '.';
  const words = build.split(/\s+/).slice(2);
  let pkg = '.';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-o' || w === '-ldflags' || w === '-tags') i++;
    else if (!w.startsWith('-')) pkg = w;
  }
  return pkg;
}

/** Arguments after the binary in the start command ("./server --config x" → ["--config", "x"]). */
function goArgs(start: string | undefined): string[] {
  if (!start || /^go run\b/.test(start)) return [];
  return start.split(/\s+/).slice(1);
}
