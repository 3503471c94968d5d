import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AppSpec } from '../../spec/app-spec.js';
import { GENERATED_MARKER } from '../renderer.js';
import { composeRenderer } from './index.js';

const spec = AppSpec.parse({
  version: 1,
  name: 'shop',
  components: [
    {
      name: 'web',
      kind: 'web',
      language: 'javascript',
      runtime: 'node',
      commands: { start: 'node server.js', release: 'node migrate.js' },
      port: 3000,
      env: [{ name: 'DATABASE_URL', secret: true }, { name: 'REDIS_HOST' }],
      services: [{ type: 'postgres', version: '16.4' }, { type: 'redis' }],
    },
    { name: 'site', path: 'frontend', kind: 'static', language: 'javascript', runtime: 'node', commands: { build: 'npm run build' }, staticDir: 'dist' },
    { name: 'worker', kind: 'worker', language: 'javascript', runtime: 'node', commands: { start: 'node worker.js' }, services: [{ type: 'redis' }] },
  ],
});

interface ComposeFile {
  name: string;
  services: Record<string, Record<string, unknown> & { depends_on?: Record<string, { condition: string }> }>;
  volumes?: Record<string, unknown>;
}

describe('compose renderer', () => {
  const file = composeRenderer.render(spec, {}).files[0]!;
  const compose = parse(file.content) as ComposeFile;

  it('starts with the marker and names the project', () => {
    expect(file.path).toBe('compose.yaml');
    expect(file.content.split('\n')[0]).toContain(GENERATED_MARKER);
    expect(compose.name).toBe('shop');
  });

  it('runs backing services from official images pinned to a major, with healthchecks and named volumes', () => {
    expect(compose.services['postgres']).toMatchObject({ image: 'postgres:16', healthcheck: { test: ['CMD', 'pg_isready', '-U', 'app', '-d', 'app'] }, volumes: ['postgres-data:/var/lib/postgresql/data'] });
    expect(compose.services['redis']).toMatchObject({ image: 'redis:7', healthcheck: { test: ['CMD', 'redis-cli', 'ping'] } });
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['postgres-data', 'redis-data']);
  });

  it('wires the variables each component reads to the services, and waits for them to be healthy', () => {
    const web = compose.services['web']!;
    expect(web['environment']).toEqual({ DATABASE_URL: 'postgres://app:${SLIPWAY_LOCAL_DB_PASSWORD:-slipway-local}@postgres:5432/app', REDIS_HOST: 'redis' });
    expect(web.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' }, 'web-release': { condition: 'service_completed_successfully' } });
    expect(compose.services['worker']!['environment']).toEqual({ REDIS_URL: 'redis://redis:6379' });
  });

  it('runs the release command once, before the app, not inside its start', () => {
    expect(compose.services['web-release']).toMatchObject({ command: ['node', 'migrate.js'], restart: 'no' });
    expect(compose.services['web']!['command']).toBeUndefined();
  });

  it('builds each component from its Dockerfile and publishes ports on loopback only', () => {
    expect(compose.services['web']).toMatchObject({ build: '.', image: 'shop-web:dev', ports: ['127.0.0.1:3000:3000'] });
    expect(compose.services['site']).toMatchObject({ build: { context: 'frontend', dockerfile: 'Dockerfile' }, ports: ['127.0.0.1:8080:8080'] });
    expect(compose.services['worker']!['ports']).toBeUndefined();
    expect(compose.services['web']!['env_file']).toEqual([{ path: 'config/dev.env', required: false }, { path: 'config/dev.secrets.env', required: false }]);
    expect(compose.services['web']!['cap_drop']).toEqual(['ALL']);
  });
});
