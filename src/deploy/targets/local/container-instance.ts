import { envFileText } from '../../../engine/container.js';
import { writeFileAtomic } from '../../../fs/atomic-write.js';

export interface ContainerRun {
  engineBin: string;
  /** Container name: slipway-<app>-<env>-<instance> (tests' apps are named slipway-test-…). */
  name: string;
  image: string;
  hostPort?: number;
  containerPort?: number;
  env: Record<string, string>;
  envFile: string;
  labels: Record<string, string>;
}

/**
 * The foreground `podman|docker run --rm` command the supervisor runs for a container-mode
 * component: the engine client stays attached (its exit is the container's exit, its output
 * the container's logs, SIGTERM reaches the app through --sig-proxy), so processes and
 * containers share one supervisor. Config goes through an owner-only env file, never argv.
 */
export function containerCommand(run: ContainerRun): string {
  writeFileAtomic(run.envFile, envFileText(run.env), 0o600);
  const args = [
    run.engineBin,
    'run',
    '--rm',
    '--name',
    run.name,
    '--env-file',
    run.envFile,
    ...(run.hostPort !== undefined ? ['-p', `127.0.0.1:${run.hostPort}:${run.containerPort ?? run.hostPort}`] : []),
    ...Object.entries(run.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    run.image,
  ];
  return `exec ${args.map(shellQuote).join(' ')}`;
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
