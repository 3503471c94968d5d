import { describe, expect, it } from 'vitest';
import { tempView } from '../../collectors/__fixtures__/temp-repo.js';
import { FactSheet } from '../../facts.js';
import { decide } from '../../resolve.js';
import { readPackageJson } from './package-json.js';
import { choosePackageManager, installCommand, runScriptCommand } from './package-manager.js';

function choose(files: Record<string, string>, dir = '.') {
  const repo = tempView(files);
  const facts = new FactSheet(dir, 'node');
  const choice = choosePackageManager(repo, dir, readPackageJson(repo, dir), facts);
  return { choice, decided: decide(facts.candidates.packageManager ?? [])?.value };
}

describe('package manager', () => {
  it.each([
    [{ 'package.json': '{}', 'package-lock.json': '{}' }, 'npm', 'npm ci'],
    [{ 'package.json': '{}' }, 'npm', 'npm install'],
    [{ 'package.json': '{}', 'yarn.lock': '# yarn lockfile v1\n' }, 'yarn', 'yarn install --frozen-lockfile'],
    [{ 'package.json': '{}', 'yarn.lock': '__metadata:\n  version: 8\n' }, 'yarn', 'yarn install --immutable'],
    [{ 'package.json': '{"packageManager":"yarn@4.1.0"}', 'yarn.lock': '' }, 'yarn', 'yarn install --immutable'],
    [{ 'package.json': '{}', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }, 'pnpm', 'pnpm install --frozen-lockfile'],
    [{ 'package.json': '{}', 'bun.lock': '{}' }, 'bun', 'bun install --frozen-lockfile'],
  ])('%j → %s (%s)', (files, pm, install) => {
    const { choice, decided } = choose(files);
    expect(choice.pm).toBe(pm);
    expect(decided).toBe(pm);
    expect(installCommand(choice)).toBe(install);
  });

  it('finds the lockfile of a workspace at its root', () => {
    const { choice } = choose({ 'package.json': '{"workspaces":["apps/*"]}', 'pnpm-lock.yaml': '', 'apps/web/package.json': '{}' }, 'apps/web');
    expect(choice).toMatchObject({ pm: 'pnpm', lockfile: 'pnpm-lock.yaml' });
  });

  it('the packageManager field beats a stray lockfile', () => {
    const { decided } = choose({ 'package.json': '{"packageManager":"pnpm@9.1.0"}', 'package-lock.json': '{}', 'pnpm-lock.yaml': '' });
    expect(decided).toBe('pnpm');
  });

  it('runs scripts the way each package manager does', () => {
    expect(runScriptCommand('npm', 'build')).toBe('npm run build');
    expect(runScriptCommand('yarn', 'build')).toBe('yarn build');
    expect(runScriptCommand('pnpm', 'test')).toBe('pnpm test');
    expect(runScriptCommand('bun', 'test')).toBe('bun run test');
  });
});
