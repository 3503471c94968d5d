import { describe, expect, it } from 'vitest';
import { tempView } from '../../collectors/__fixtures__/temp-repo.js';
import { compiledPath } from './typescript.js';

describe('compiledPath', () => {
  it('uses outDir and rootDir', () => {
    const repo = tempView({ 'tsconfig.json': '{"compilerOptions":{"outDir":"./build","rootDir":"./src"}}', 'src/index.ts': '' });
    expect(compiledPath(repo, '.', 'src/index.ts')).toBe('build/index.js');
  });

  it('infers rootDir like tsc: the common directory of the compiled sources', () => {
    const repo = tempView({
      'tsconfig.json': '// comments and trailing commas are fine\n{"compilerOptions":{"outDir":"dist",},}',
      'tsconfig.build.json': '{"extends":"./tsconfig.json","exclude":["test","**/*.spec.ts"]}',
      'src/main.ts': '', 'src/app/module.ts': '', 'test/app.e2e-spec.ts': '', 'src/app/module.spec.ts': '',
    });
    expect(compiledPath(repo, '.', 'src/main.ts')).toBe('dist/main.js');
  });

  it('keeps the directory when sources sit at several roots', () => {
    const repo = tempView({ 'tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}', 'src/main.ts': '', 'scripts/seed.ts': '' });
    expect(compiledPath(repo, '.', 'src/main.ts')).toBe('dist/src/main.js');
  });

  it('emits next to the source without outDir; .mts → .mjs', () => {
    const repo = tempView({ 'tsconfig.json': '{}', 'server.mts': '' });
    expect(compiledPath(repo, '.', 'server.mts')).toBe('server.mjs');
  });
});
