import type { ServiceType } from '../../../spec/component.js';
import { parseShell } from '../commands/shell.js';

export interface DockerRun {
  image: string;
  /** Container side of each `-p host:container`. */
  containerPorts: number[];
  env: { name: string; value?: string }[];
}

/** Flags of `docker run` that take a value (the next word is not the image). */
const VALUE_FLAGS = /^(-p|--publish|-e|--env|-v|--volume|--name|-w|--workdir|--network|--net|-u|--user|--env-file|--restart|-m|--memory|--cpus|--entrypoint|-l|--label|--mount|--add-host|--hostname|-h|--platform|--pull|--log-driver|--log-opt|--health-cmd|--ulimit|--cap-add|--cap-drop|--device|--tmpfs|--dns|--ip|--link|--expose|--shm-size|--stop-signal|--security-opt)$/;

/** Reads `docker run …` / `podman run …` (also `docker container run`); undefined for other lines. */
export function parseDockerRun(line: string): DockerRun | undefined {
  const cmd = parseShell(line).commands.find((c) => /^(docker|podman)$/.test(c.argv[0] ?? '') && (c.argv[1] === 'run' || (c.argv[1] === 'container' && c.argv[2] === 'run')));
  if (!cmd) return undefined;
  const args = cmd.argv.slice(cmd.argv[1] === 'run' ? 2 : 3);
  const out: DockerRun = { image: '', containerPorts: [], env: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : /^-[pe].+/.test(a) ? [a.slice(0, 2), a.slice(2)] : [a, undefined];
    if (VALUE_FLAGS.test(flag)) {
      const value = inline ?? args[++i] ?? '';
      if (flag === '-p' || flag === '--publish') {
        const port = /^(?:[\d.]+:)?(?:\d+:)?(\d+)(?:\/\w+)?$/.exec(value)?.[1];
        if (port) out.containerPorts.push(Number(port));
      }
      if (flag === '-e' || flag === '--env') {
        const [name, ...v] = value.split('=');
        if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) out.env.push({ name, ...(v.length ? { value: v.join('=') } : {}) });
      }
      continue;
    }
    if (a.startsWith('-')) continue;
    out.image = a;
    break;
  }
  return out.image ? out : undefined;
}

const SERVICE_IMAGES: readonly [RegExp, ServiceType][] = [
  [/^(library\/)?(postgres|postgis\/postgis|bitnami\/postgresql|pgvector\/pgvector|timescale\/timescaledb)(:|$)/, 'postgres'],
  [/^(library\/)?(mysql|bitnami\/mysql)(:|$)/, 'mysql'],
  [/^(library\/)?(mariadb|bitnami\/mariadb)(:|$)/, 'mariadb'],
  [/^(library\/)?(mongo|bitnami\/mongodb|mongodb\/mongodb-community-server)(:|$)/, 'mongodb'],
  [/^(library\/)?(redis|bitnami\/redis|redis\/redis-stack(-server)?|valkey\/valkey|eqalpha\/keydb)(:|$)/, 'redis'],
  [/^(library\/)?(rabbitmq|bitnami\/rabbitmq)(:|$)/, 'rabbitmq'],
  [/^(confluentinc\/cp-kafka|bitnami\/kafka|apache\/kafka|wurstmeister\/kafka|redpandadata\/redpanda)(:|$)/, 'kafka'],
  [/^(library\/)?(elasticsearch|docker\.elastic\.co\/elasticsearch\/elasticsearch|bitnami\/elasticsearch)(:|$)/, 'elasticsearch'],
  [/^(opensearchproject\/opensearch)(:|$)/, 'opensearch'],
  [/^(library\/)?(memcached|bitnami\/memcached)(:|$)/, 'memcached'],
  [/^(minio\/minio|bitnami\/minio)(:|$)/, 'minio'],
  [/^(softwaremill\/elasticmq|roribio16\/alpine-sqs)(:|$)/, 'sqs'],
];

/** The backing service an image provides (`postgres:16-alpine` → postgres, version "16"). */
export function serviceOfImage(image: string): { type: ServiceType; version?: string } | undefined {
  const clean = image.replace(/^(docker\.io|mirror\.gcr\.io|public\.ecr\.aws\/docker)\//, '').toLowerCase();
  const hit = SERVICE_IMAGES.find(([re]) => re.test(clean));
  if (!hit) return undefined;
  const version = /:(\d+(?:\.\d+)?)/.exec(clean)?.[1];
  return { type: hit[1], ...(version ? { version: version.split('.')[0]! } : {}) };
}
