import { execFile, spawn } from 'node:child_process';

/** Git never prompts for credentials inside a run: it fails and says so. */
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', LC_ALL: 'C' };

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim().split('\n').slice(-3).join(' / ') || 'no output'}`);
    this.name = 'GitError';
  }
}

export function git(args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new GitError(args, stderr || err.message));
      else resolve(stdout);
    });
  });
}

export async function isGitRepo(dir: string): Promise<boolean> {
  try {
    return (await git(['rev-parse', '--is-inside-work-tree'], dir)).trim() === 'true';
  } catch {
    return false;
  }
}

/** `git archive <treeish> | tar -x -C <dest>`, without a shell. */
export function archiveInto(repoDir: string, treeish: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', treeish], { cwd: repoDir, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '-f', '-', '-C', dest], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    archive.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    tar.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    archive.stdout.pipe(tar.stdin);
    archive.on('error', reject);
    tar.on('error', reject);
    // Both must have exited, in whichever order they do.
    const closed = (p: typeof archive | typeof tar) => new Promise<number | null>((res) => p.on('close', (code) => res(code)));
    void Promise.all([closed(archive), closed(tar)]).then(([a, t]) => {
      if (a === 0 && t === 0) resolve();
      else reject(new GitError(['archive', treeish], stderr || `git archive exited ${a}, tar exited ${t}`));
    });
  });
}

/** A URL (https, ssh, git, file, scp-like user@host:path) rather than a local path. */
export function isGitUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^[\w.-]+@[\w.-]+:/.test(source);
}

/** The password in https://user:token@host/…, to be masked in every log. */
export function urlSecret(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/@:]*:([^@/]+)@/i.exec(url);
  return m?.[1] ?? null;
}

export function redactGitUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^@/]+@/i, '$1:***@');
}
