import { readJson } from '../../../parse/manifest.js';
import { repoPath } from '../../../repo.js';
import { compiledPath } from '../typescript.js';
import type { NodeFramework } from './types.js';

/** NestJS: `nest build` compiles src/main.ts (nest-cli.json sourceRoot/entryFile) with tsc; production runs the output with node. */
export const nestjs: NodeFramework = {
  id: 'nestjs',
  packages: ['@nestjs/core'],
  role: 'meta',
  plan(ctx) {
    const cli = readJson<{ sourceRoot?: unknown; entryFile?: unknown }>(ctx.repo, repoPath(ctx.dir, 'nest-cli.json'))?.value;
    const sourceRoot = typeof cli?.sourceRoot === 'string' ? cli.sourceRoot : 'src';
    const entry = typeof cli?.entryFile === 'string' ? cli.entryFile : 'main';
    const out = compiledPath(ctx.repo, ctx.dir, `${sourceRoot}/${entry}.ts`).replace(/\.js$/, '');
    return { kind: 'web', start: `node ${out}`, build: 'nest build', port: 3000, reason: `nest build compiles ${sourceRoot}/${entry}.ts to ${out}.js (Nest's default port 3000)` };
  },
};
