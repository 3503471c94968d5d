import type { CacheMount, Instruction } from './model.js';
import { startArgv } from './start-command.js';

/** Building blocks of the final stage that every strategy shares. */

/** OCI labels; SOURCE and REVISION come in as build args (`slipway build` passes them). The renderer puts them last. */
export function ociLabels(title: string): Instruction[] {
  return [
    { op: 'ARG', name: 'SOURCE' },
    { op: 'ARG', name: 'REVISION' },
    {
      op: 'LABEL',
      comment: 'Last: the revision changes with every commit, and every layer after it would be rebuilt',
      labels: [
        ['org.opencontainers.image.title', title],
        ['org.opencontainers.image.source', '${SOURCE}'],
        ['org.opencontainers.image.revision', '${REVISION}'],
      ],
    },
  ];
}

/** Debian packages, lists removed in the same layer; `then` runs in that layer too (e.g. createAppUser()). */
export function aptInstall(packages: string[], then: string[] = []): Instruction {
  return {
    op: 'RUN',
    commands: ['apt-get update', `apt-get install -y --no-install-recommends ${packages.join(' ')}`, 'rm -rf /var/lib/apt/lists/*', ...then],
  };
}

/** tini from Debian (pinned to its release line): PID 1 that forwards SIGTERM and reaps zombies. */
export const TINI_PACKAGE = "'tini=0.19.*'";
export const TINI = '/usr/bin/tini';

export const APP_UID = 10001;

/** A system user for images that have none (python, ruby …), numeric so Kubernetes' runAsNonRoot can verify it. */
export function createAppUser(): string[] {
  return [`groupadd --system --gid ${APP_UID} app`, `useradd --system --uid ${APP_UID} --gid app --no-create-home --shell /usr/sbin/nologin app`];
}

export interface StartOptions {
  /** PID 1 wrapper; omitted for runtimes that handle SIGTERM themselves (JVM, .NET, Go, nginx). */
  init?: string;
}

/** ENTRYPOINT/CMD (and ENV for leading assignments) for a start command from slipway.yaml. */
export function startInstructions(command: string, opts: StartOptions = {}): Instruction[] {
  const start = startArgv(command);
  const out: Instruction[] = [];
  if (start.env.length) out.push({ op: 'ENV', vars: start.env, comment: 'From the start command in slipway.yaml' });
  if (opts.init) {
    // -g: the signal reaches every process of a shell-wrapped command, not only the shell.
    const argv = start.viaShell ? [opts.init, '-g', '--'] : [opts.init, '--'];
    out.push({ op: 'ENTRYPOINT', argv, comment: 'tini is PID 1: it forwards SIGTERM so `stop` is immediate, and reaps zombies' });
  }
  out.push({
    op: 'CMD',
    argv: start.argv,
    ...(start.viaShell ? { comment: 'The start command uses shell syntax: `sh -c` runs it (exec hands over the PID when it can)' } : {}),
  });
  return out;
}

/** `--mount=type=cache` for a RUN, spread into it: `{ op: 'RUN', commands, ...cacheMounts(…) }`. */
export function cacheMounts(enabled: boolean, ...mounts: CacheMount[]): { mounts?: CacheMount[] } {
  return enabled && mounts.length ? { mounts } : {};
}
