import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze.js';
import { tempRepo, tempView } from '../../collectors/__fixtures__/temp-repo.js';
import { nodeProvider } from './index.js';

const pkg = (p: object) => JSON.stringify(p);
const main = (files: Record<string, string>) => {
  const result = analyze(tempRepo(files));
  return { result, c: result.spec?.components[0] };
};

describe('node provider: detect', () => {
  it('detects a directory with package.json, and nothing else', () => {
    expect(nodeProvider.detect(tempView({ 'package.json': '{}' }), '.')).toHaveLength(1);
    expect(nodeProvider.detect(tempView({ 'requirements.txt': 'flask\n', 'app.py': '' }), '.')).toEqual([]);
    expect(nodeProvider.detect(tempView({}), '.')).toEqual([]);
  });
});

describe('node provider: what is not deployable', () => {
  it.each([
    ['a VS Code extension', { 'package.json': pkg({ name: 'x', engines: { vscode: '^1.80.0' }, scripts: { build: 'tsc' } }) }],
    ['a browser extension', { 'package.json': pkg({ name: 'x', scripts: { build: 'vite build' }, devDependencies: { vite: '5' } }), 'manifest.json': '{"manifest_version":3}', 'index.html': '' }],
    ['an Electron app', { 'package.json': pkg({ name: 'x', scripts: { start: 'electron .' }, devDependencies: { electron: '30' } }) }],
    ['a library', { 'package.json': pkg({ name: 'x', main: 'index.js', scripts: { test: 'node --test' } }), 'index.js': '' }],
  ])('%s', (_what, files) => {
    expect(main(files).result.ok).toBe(false);
  });

  it('a workspace root that runs its own server is a component', () => {
    const { c } = main({
      'package.json': pkg({ name: 'app', workspaces: ['packages/*'], scripts: { start: 'node server.js' }, dependencies: { express: '4' } }),
      'server.js': 'require("express")().listen(3000)',
      'packages/lib/package.json': pkg({ name: 'lib', main: 'index.js' }),
    });
    expect(c).toMatchObject({ name: 'app', path: '.', commands: { start: 'node server.js' }, port: 3000 });
  });
});

describe('node provider: frameworks', () => {
  it('astro with @astrojs/node and output server is a Node server on 4321', () => {
    const { c } = main({
      'package.json': pkg({ name: 'shop', scripts: { build: 'astro build', dev: 'astro dev' }, dependencies: { astro: '4', '@astrojs/node': '8' } }),
      'astro.config.mjs': "export default { output: 'server', adapter: node({ mode: 'standalone' }) }",
    });
    expect(c).toMatchObject({ kind: 'web', framework: 'astro', port: 4321, commands: { start: 'node ./dist/server/entry.mjs' } });
  });

  it('sveltekit with adapter-static is a static site', () => {
    const { c } = main({
      'package.json': pkg({ name: 'site', scripts: { build: 'vite build' }, devDependencies: { '@sveltejs/kit': '2', '@sveltejs/adapter-static': '3' } }),
      'svelte.config.js': "import adapter from '@sveltejs/adapter-static';\nexport default { kit: { adapter: adapter({ pages: 'public' }) } };",
    });
    expect(c).toMatchObject({ kind: 'static', staticDir: 'public', framework: 'sveltekit' });
  });

  it('angular 17+ builds to dist/<project>/browser', () => {
    const { c } = main({
      'package.json': pkg({ name: 'portal', scripts: { start: 'ng serve', build: 'ng build' }, dependencies: { '@angular/core': '^17.3.0' } }),
      'angular.json': pkg({ projects: { portal: { architect: { build: { options: { outputPath: 'dist/portal' } } } } } }),
    });
    expect(c).toMatchObject({ kind: 'static', staticDir: 'dist/portal/browser', framework: 'angular' });
  });

  it('react-router framework mode with ssr: false is static in build/client', () => {
    const { c } = main({
      'package.json': pkg({ name: 'spa', scripts: { build: 'react-router build' }, devDependencies: { '@react-router/dev': '7' } }),
      'react-router.config.ts': 'export default { ssr: false };',
    });
    expect(c).toMatchObject({ kind: 'static', staticDir: 'build/client', framework: 'react-router' });
  });

  it('a start script that runs several processes gives no start: the user is asked for one', () => {
    const { c, result } = main({ 'package.json': pkg({ name: 'both', scripts: { start: 'concurrently "node api.js" "node web.js"' }, dependencies: { express: '4' } }) });
    expect(c?.commands.start).toBeUndefined();
    expect(result.unresolved.map((u) => u.field)).toContain('commands.start');
  });
});

describe('node provider: services', () => {
  it('several SQL drivers are a choice: none assumed, a note says so', () => {
    const { c, result } = main({ 'package.json': pkg({ name: 'cms', scripts: { start: 'node index.js' }, dependencies: { knex: '3', pg: '8', mysql2: '3', sqlite3: '5', express: '4' } }) });
    expect(c?.services).toEqual([]);
    expect(result.notes.some((n) => /several database drivers/.test(n.message))).toBe(true);
  });

  it('the Prisma datasource decides; sqlite is embedded', () => {
    const schema = (provider: string) => `datasource db {\n  provider = "${provider}"\n  url = env("DATABASE_URL")\n}\n`;
    const base = { 'package.json': pkg({ name: 'p', scripts: { start: 'node index.js' }, dependencies: { '@prisma/client': '5', express: '4' } }) };
    expect(main({ ...base, 'prisma/schema.prisma': schema('postgresql') }).c?.services).toEqual([{ type: 'postgres' }]);
    expect(main({ ...base, 'prisma/schema.prisma': schema('sqlite') }).c?.services).toEqual([]);
  });
});

describe('node provider: devDependencies the start file needs', () => {
  it('flags a start file requiring a devDependency, with its line, and a note to move it', () => {
    const { result, c } = main({
      'package.json': pkg({ name: 'board', scripts: { start: 'node server.js' }, dependencies: { express: '4' }, devDependencies: { 'body-parser': '1', mocha: '10' } }),
      'server.js': "const express = require('express');\nconst fs = require('node:fs');\nconst bodyParser = require('body-parser');\n",
    });
    expect(c?.installDevDependencies).toBe(true);
    expect(c?.evidence?.installDevDependencies?.evidence[0]).toMatchObject({ source: 'source', file: 'server.js', line: 3 });
    expect(result.notes.some((n) => n.level === 'warn' && /body-parser/.test(n.message) && !/mocha/.test(n.message))).toBe(true);
  });

  it('stays quiet when the start file only uses dependencies and built-ins', () => {
    const { c } = main({
      'package.json': pkg({ name: 'api', scripts: { start: 'node server.js' }, dependencies: { express: '4' }, devDependencies: { mocha: '10' } }),
      'server.js': "import express from 'express';\nimport { join } from 'path';\n",
    });
    expect(c?.installDevDependencies).toBeUndefined();
  });
});
