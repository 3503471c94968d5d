import type { Instruction } from '../model.js';
import { exposeWithHealthcheck } from '../healthcheck.js';
import { APP_UID, aptInstall, cacheMounts, createAppUser, startInstructions, TINI, TINI_PACKAGE } from '../runtime-stage.js';
import type { DockerPlan, StrategyContext } from './types.js';

/**
 * Rust: `cargo install` with registry and target caches puts the release binaries in
 * /out/bin; the runtime is debian-slim with tini (a Rust binary as PID 1 ignores SIGTERM).
 */
export function rustStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const port = component.port;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port the server listens on, e.g. 8080');
  const start = component.commands.start;
  const named = binaryName(start);
  const bin = named ?? component.name;
  if (!named) ctx.note({ level: 'warn', message: `${component.name}: running the binary "${bin}" (the start command names none)`, hint: `set ${ctx.key('commands.start')} to the binary, e.g. "${bin}"` });
  const args = start && named ? start.split(/\s+/).slice(1) : [];
  return {
    stages: [
      {
        name: 'build',
        from: 'rust:1-slim-bookworm',
        comment: 'Build: release binaries, exactly as Cargo.lock says',
        steps: [
          { op: 'WORKDIR', path: '/src' },
          { op: 'COPY', sources: ['.'], dest: '.' },
          {
            op: 'RUN',
            commands: ['cargo install --locked --path . --root /out'],
            ...cacheMounts(ctx.cacheMounts, { target: '/usr/local/cargo/registry', id: 'cargo-registry' }, { target: '/src/target', id: 'cargo-target' }),
          },
        ],
      },
      {
        from: 'debian:bookworm-slim',
        comment: 'Runtime: the binary, CA certificates and tini',
        steps: [
          aptInstall(['ca-certificates', TINI_PACKAGE], createAppUser()),
          ...(port ? [{ op: 'ENV', vars: [['PORT', String(port)]] } as Instruction] : []),
          { op: 'COPY', from: 'build', sources: [`/out/bin/${bin}`], dest: `/usr/local/bin/${bin}` },
          { op: 'USER', user: `${APP_UID}:${APP_UID}` },
          ...exposeWithHealthcheck('bash', port, component.healthcheck),
          ...startInstructions([bin, ...args].join(' '), { init: TINI }),
        ],
      },
    ],
    ignore: ['target/'],
  };
}

/** "./target/release/api --port 8080" → "api"; "cargo run" → undefined. */
function binaryName(start: string | undefined): string | undefined {
  const first = start?.trim().split(/\s+/)[0];
  if (!first || first === 'cargo') return undefined;
  return first.split('/').at(-1);
}
