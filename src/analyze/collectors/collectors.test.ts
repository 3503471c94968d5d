import { describe, expect, it } from 'vitest';
import { collect } from './__fixtures__/collect.js';
import { composeCollector } from './compose.js';
import { dockerfileCollector } from './dockerfile.js';
import { envFileCollector, parseEnvFile } from './env-file.js';
import { serviceFromEnv } from './env-services.js';
import { nginxCollector } from './nginx.js';
import { procfileCollector } from './procfile.js';
import { COLLECTORS } from './index.js';

describe('registry', () => {
  it('lists every collector once, README before source and nginx', () => {
    const ids = COLLECTORS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.indexOf('readme')).toBeLessThan(ids.indexOf('source'));
    expect(ids.at(-1)).toBe('nginx');
  });
});

describe('.env example files', () => {
  it('parses assignments, quotes, comments and commented-out options', () => {
    expect(parseEnvFile('# the port\nPORT=3000\nexport NAME="x y" # trailing\n# OPTIONAL_FLAG=1\n\nEMPTY=\n')).toEqual([
      { name: 'PORT', value: '3000', line: 2, commented: false, description: 'the port' },
      { name: 'NAME', value: 'x y', line: 3, commented: false },
      { name: 'OPTIONAL_FLAG', value: '1', line: 4, commented: true },
      { name: 'EMPTY', value: '', line: 6, commented: false },
    ]);
  });

  it('adds variables, the port, and services from URLs and names; unset values name no service', () => {
    const r = collect(envFileCollector, {
      '.env.example': 'PORT=4000\nDATABASE_URL=postgresql://u:p@db/app\nREDIS_HOST=redis\nMEMCACHED_HOST=null\nAPI_KEY=<your key>\n',
      'variables.env': 'SENTRY_DSN=https://x\n',
      '.env.test': 'TEST_ONLY=1\n',
    });
    expect(r.env().sort()).toEqual(['API_KEY', 'DATABASE_URL', 'MEMCACHED_HOST', 'PORT', 'REDIS_HOST', 'SENTRY_DSN']);
    expect(r.value('port')).toBe(4000);
    expect(r.services().sort()).toEqual(['postgres', 'redis']);
    expect(r.facts.env.get('API_KEY')![0]!.value.required).toBe(true);
  });

  it('serviceFromEnv: the URL scheme first, then the name', () => {
    expect(serviceFromEnv('DATABASE_URL', 'mysql://x')).toBe('mysql');
    expect(serviceFromEnv('DATABASE_URL', 'file:./dev.db')).toBeUndefined();
    expect(serviceFromEnv('PGHOST')).toBe('postgres');
    expect(serviceFromEnv('CACHE_URL', 'rediss://h:6380')).toBe('redis');
    expect(serviceFromEnv('SESSION_SECRET')).toBeUndefined();
  });
});

describe('Procfile', () => {
  it('web is the start, release the release step, the rest are processes', () => {
    const r = collect(procfileCollector, {
      Procfile: 'web: npm start\nworker: node jobs.js\nrelease: npx prisma migrate deploy\n# clock: ignored\n',
      'package.json': JSON.stringify({ scripts: { start: 'NODE_ENV=production node server.js' } }),
    });
    expect(r.value('commands.start')).toBe('node server.js');
    expect(r.value('commands.release')).toBe('npx prisma migrate deploy');
    expect(r.facts.processes.map((p) => p.value)).toEqual([{ type: 'worker', command: 'node jobs.js' }]);
  });
});

describe('compose files', () => {
  const compose = [
    'services:',
    '  app:',
    '    build: .',
    '    command: npm start',
    '    ports: ["8080:3000"]',
    '    environment:',
    '      DATABASE_URL: postgres://db/app',
    '      NODE_ENV: production',
    '    depends_on: [db]',
    '  db:',
    '    image: postgres:15-alpine',
    '  cache:',
    '    image: redis:7',
  ].join('\n');

  it('the service built from the component gives port, variables, command; its dependencies are the services', () => {
    const r = collect(composeCollector, { 'docker-compose.yml': compose, 'package.json': JSON.stringify({ scripts: { start: 'node index.js' } }) });
    expect(r.value('port')).toBe(3000);
    expect(r.value('commands.start')).toBe('node index.js');
    expect(r.env().sort()).toEqual(['DATABASE_URL', 'NODE_ENV']);
    expect(r.services()).toEqual(['postgres']);
    expect(r.facts.services.get('postgres')![0]!.value).toEqual({ version: '15' });
  });

  it('a root compose file of a multi-component repo only speaks for the service named after the component', () => {
    const files = { 'docker-stack.yml': 'services:\n  result:\n    image: acme/result\n    ports: ["8081:80"]\n  redis:\n    image: redis\n', 'result/package.json': '{}' };
    const r = collect(composeCollector, files, { dir: 'result', componentDirs: ['result', 'vote'] });
    expect(r.value('port')).toBe(80);
    expect(r.services()).toEqual([]);
  });
});

describe('Dockerfiles', () => {
  it('final stage EXPOSE, ENV, ENTRYPOINT + CMD without the init wrapper, runtime version from the base image', () => {
    const r = collect(dockerfileCollector, {
      Dockerfile: 'FROM node:20-alpine AS build\nRUN npm ci\nFROM node:20-slim\nENV PORT=8080 NODE_ENV=production\nEXPOSE 8080\nENTRYPOINT ["tini", "--"]\nCMD ["node", "dist/main.js"]\n',
      'Dockerfile.dev': 'FROM node:20\nCMD ["npm", "run", "dev"]\n',
    }, { prepare: (f) => f.add('runtime', 'node', { source: 'manifest' }) });
    expect(r.value('port')).toBe(8080);
    expect(r.values('commands.start')).toEqual(['node dist/main.js']);
    expect(r.env().sort()).toEqual(['NODE_ENV', 'PORT']);
    expect(r.value('runtimeVersion')).toBe('20');
  });

  it('an entrypoint script that ends in exec "$@" only prepares: the CMD is the process', () => {
    const r = collect(dockerfileCollector, {
      Dockerfile: 'FROM node:22\nENTRYPOINT ["./docker-entrypoint.sh"]\nCMD ["node", "build/main.js"]\n',
      'docker-entrypoint.sh': '#!/bin/sh\nset -e\n[ -n "$WITH_DOCS" ] && node index-docs.js\nexec "$@"\n',
    });
    expect(r.value('commands.start')).toBe('node build/main.js');
  });
});

describe('nginx config of static sites', () => {
  it('listen gives the port; without a config, the unprivileged convention 8080', () => {
    const asStatic = { prepare: (f: import('../facts.js').FactSheet) => f.add('kind', 'static', { source: 'manifest' }) };
    expect(collect(nginxCollector, { 'nginx/default.conf': 'server {\n  listen 8081;\n}\n' }, asStatic).value('port')).toBe(8081);
    expect(collect(nginxCollector, { 'index.html': '' }, asStatic).facts.candidates.port).toMatchObject([{ value: 8080, source: 'convention' }]);
    expect(collect(nginxCollector, { 'nginx.conf': 'listen 81;' }).values('port')).toEqual([]);
  });
});
