import { describe, expect, it } from 'vitest';
import { resolveCommandLine, scriptCall } from './scripts.js';

const scripts = {
  start: 'npm run start:prod',
  'start:prod': 'NODE_ENV=production node dist/main.js',
  'start:migrate': 'prisma migrate deploy && npm start',
  loop: 'npm run loop',
  pipe: 'node a.js | tee log',
};

describe('resolveCommandLine', () => {
  it('follows scripts to the process, collecting variables', () => {
    const r = resolveCommandLine('npm start', scripts)!;
    expect(r.command.argv).toEqual(['node', 'dist/main.js']);
    expect(r.env).toEqual({ NODE_ENV: 'production' });
    expect(r.via).toEqual(['start', 'start:prod']);
  });

  it('keeps what runs before the server', () => {
    const r = resolveCommandLine('yarn start:migrate', scripts)!;
    expect(r.command.argv).toEqual(['node', 'dist/main.js']);
    expect(r.before.map((c) => c.argv.join(' '))).toEqual(['prisma migrate deploy']);
  });

  it('passes extra arguments through (npm after --, yarn/pnpm directly)', () => {
    expect(resolveCommandLine('npm run start:prod -- --inspect', scripts)!.command.argv).toEqual(['node', 'dist/main.js', '--inspect']);
    expect(resolveCommandLine('pnpm start:prod --trace', scripts)!.command.argv).toEqual(['node', 'dist/main.js', '--trace']);
    expect(resolveCommandLine('node --run start:prod', scripts)!.command.argv).toEqual(['node', 'dist/main.js']);
  });

  it('strips package runners', () => {
    expect(resolveCommandLine('npx --yes next start', {})!.command.argv).toEqual(['next', 'start']);
    expect(resolveCommandLine('pnpm exec vite build', {})!.command.argv).toEqual(['vite', 'build']);
    expect(resolveCommandLine('yarn next build', {})!.command.argv).toEqual(['next', 'build']);
  });

  it('reports recursion and non-process lines as opaque', () => {
    expect(resolveCommandLine('npm run loop', scripts)!.opaque).toMatch(/calls itself/);
    expect(resolveCommandLine('npm run pipe', scripts)!.opaque).toMatch(/not a single process/);
  });
});

describe('scriptCall', () => {
  it('recognises package-manager script invocations only', () => {
    expect(scriptCall(['npm', 'test'])).toEqual({ script: 'test', extra: [] });
    expect(scriptCall(['npm', 'run', 'build:prod'])).toEqual({ script: 'build:prod', extra: [] });
    expect(scriptCall(['yarn', 'install'])).toBeUndefined();
    expect(scriptCall(['npm', 'install'])).toBeUndefined();
    expect(scriptCall(['node', 'server.js'])).toBeUndefined();
    expect(scriptCall(['bun', 'run', 'dev'], { dev: 'vite' })).toEqual({ script: 'dev', extra: [] });
  });
});
