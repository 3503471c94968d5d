import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AppSpec } from '../../spec/app-spec.js';
import { GENERATED_MARKER } from '../renderer.js';
import { envRenderer } from './index.js';

const spec = AppSpec.parse({
  version: 1,
  name: 'shop',
  components: [
    {
      name: 'web',
      kind: 'web',
      language: 'javascript',
      runtime: 'node',
      commands: { start: 'node server.js' },
      port: 3000,
      env: [
        { name: 'NODE_ENV', default: 'development' },
        { name: 'GREETING', default: 'Hello, world # not a comment', description: 'shown on /' },
        { name: 'DATABASE_URL', secret: true, required: true, default: 'postgres://dev:devpass@localhost/dev' },
        { name: 'API_BASE', required: true },
      ],
    },
    {
      name: 'worker',
      kind: 'worker',
      language: 'javascript',
      runtime: 'node',
      commands: { start: 'node worker.js' },
      env: [{ name: 'DATABASE_URL', secret: true }, { name: 'QUEUE', default: 'jobs' }],
    },
  ],
});

describe('env renderer', () => {
  const { files } = envRenderer.render(spec, {});
  const byPath = Object.fromEntries(files.map((f) => [f.path, f.content]));

  it('writes one dotenv file per environment and keeps secret files out of git', () => {
    expect(Object.keys(byPath).sort()).toEqual(['config/.gitignore', 'config/dev.env', 'config/prod.env', 'config/test.env']);
    expect(byPath['config/.gitignore']).toContain('*.secrets.env');
    for (const content of Object.values(byPath)) expect(content).toContain(GENERATED_MARKER);
  });

  it('reads back with Node\'s dotenv parser: defaults kept, secrets named but never filled in', () => {
    const dev = parseEnv(byPath['config/dev.env']!);
    expect(dev).toEqual({ NODE_ENV: 'development', GREETING: 'Hello, world # not a comment', DATABASE_URL: '', API_BASE: '', QUEUE: 'jobs' });
    for (const content of Object.values(byPath)) expect(content).not.toContain('devpass');
  });

  it('sets environment-name variables per environment', () => {
    expect(parseEnv(byPath['config/prod.env']!)['NODE_ENV']).toBe('production');
    expect(parseEnv(byPath['config/test.env']!)['NODE_ENV']).toBe('production');
  });

  it('says which component reads a variable and what is required', () => {
    expect(byPath['config/dev.env']).toContain('# web, worker · secret · required');
    expect(byPath['config/dev.env']).toMatch(/# web · required\n# required: set a value\nAPI_BASE=/);
  });

  it('follows slipway.yaml environments when declared', () => {
    const custom = AppSpec.parse({ ...spec, environments: { staging: { port: 7400 } } });
    expect(envRenderer.render(custom, {}).files.map((f) => f.path)).toEqual(['config/staging.env', 'config/.gitignore']);
  });
});
