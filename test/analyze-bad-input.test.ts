import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { MAX_README_BYTES } from '../src/analyze/collectors/readme/index.js';
import { runCli } from './helpers/cli.js';

// Bad input must give a clear message (file, line, what to do), never a stack trace, and a
// bounded amount of work. Everything is generated in a temp dir (the 50 MB README included).
const root = mkdtempSync(join(tmpdir(), 'slipway-test-bad-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function repo(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const app = { 'package.json': JSON.stringify({ name: 'app', scripts: { start: 'node server.js' } }), 'server.js': 'require("http").createServer().listen(3000)' };

describe('bad input', () => {
  it('binary files are skipped with a note; analysis goes on', () => {
    const dir = repo('binary', { ...app, 'README.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a]), 'logo.png': Buffer.alloc(64, 0) });
    const result = analyze(dir);
    expect(result.ok).toBe(true);
    expect(result.spec!.components[0]!.commands.start).toBe('node server.js');
    expect(result.notes).toContainEqual(expect.objectContaining({ file: 'README.md', message: 'is binary; skipped' }));
  });

  it('a 50 MB README is read only up to the bound', () => {
    const dir = repo('huge-readme', app);
    const fd = openSync(join(dir, 'README.md'), 'w');
    writeSync(fd, '# app\n\nThe server listens on port 4100.\n\n');
    const chunk = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(17)}\n`.repeat(1024); // ~1 MB
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    writeSync(fd, '\nThe server listens on port 4200.\n');
    closeSync(fd);
    const result = analyze(dir);
    const ports = result.spec!.components[0]!.evidence!.port!.evidence.map((e) => e.value);
    expect(ports).toContain(4100);
    expect(ports).not.toContain(4200);
    expect(result.notes).toContainEqual(expect.objectContaining({ file: 'README.md', message: `is longer than ${MAX_README_BYTES} bytes; read the first ${MAX_README_BYTES}` }));
  });

  it('malformed package.json: file and line in a note, the component still found with what else is known', () => {
    const dir = repo('malformed', {
      'package.json': '{\n  "name": "app",\n  "scripts": {\n    "start": "node server.js",\n  }\n}\n',
      'README.md': '```sh\nnode server.js\n```\n',
      'server.js': '',
    });
    const result = analyze(dir);
    expect(result.notes).toContainEqual(expect.objectContaining({ level: 'error', file: 'package.json', line: 5 }));
    const c = result.spec!.components[0]!;
    expect(c.language).toBe('javascript');
    expect(c.commands.start).toBe('node server.js');
    expect(c.evidence!['commands.start']!.evidence[0]!.source).toBe('readme');
  });

  it('symlinks that leave the repository are not followed', () => {
    const outside = join(root, 'outside-secret.txt');
    writeFileSync(outside, 'PORT=9999\n');
    mkdirSync(join(root, 'outside-dir'), { recursive: true });
    writeFileSync(join(root, 'outside-dir', 'package.json'), '{"name":"stolen","scripts":{"start":"node x.js"}}');
    const dir = repo('symlinks', app);
    symlinkSync(outside, join(dir, '.env.example'));
    symlinkSync(join(root, 'outside-dir'), join(dir, 'linked'));
    const result = analyze(dir);
    expect(result.spec!.components.map((c) => c.name)).toEqual(['app']);
    expect(result.spec!.components[0]!.env.map((e) => e.name)).not.toContain('PORT');
    expect(result.notes).toContainEqual(expect.objectContaining({ file: '.env.example', message: 'is a symlink leading out of the repository; not followed' }));
  });

  it('special files (a FIFO named README.md) are not opened', () => {
    const dir = repo('fifo', app);
    execFileSync('mkfifo', [join(dir, 'README.md')]);
    const result = analyze(dir);
    expect(result.ok).toBe(true);
  });
});

describe('bad input through the CLI', () => {
  it('an empty directory: exit 3, says what was looked at', async () => {
    const dir = repo('empty', {});
    const r = await runCli(['analyze', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/nothing deployable found/);
    expect(r.stderr).toMatch(/the directory is empty/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a path that does not exist: exit 2, no stack trace', async () => {
    const r = await runCli(['analyze', join(root, 'no-such-dir')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such directory/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a malformed package.json: exit 0, the note names file and line', async () => {
    const dir = repo('malformed-cli', { 'package.json': '{ "name": "app", "scripts": { "start": "node a.js" }\n', 'a.js': '' });
    const r = await runCli(['analyze', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/package\.json:\d+: malformed JSON/);
    expect(r.stdout).toMatch(/fix the JSON syntax in package\.json/);
  });

  it('--json on a binary-laden repository prints a parseable App Spec', async () => {
    const dir = repo('binary-cli', { ...app, 'README.md': Buffer.from([0, 1, 2, 3]) });
    const r = await runCli(['analyze', dir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).components[0].name).toBe('app');
  });
});
