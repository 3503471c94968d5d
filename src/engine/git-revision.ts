import { execa } from 'execa';

export interface Revision {
  /** Image tag: the short commit, with "-dirty" when the work tree has changes; "local-<time>" outside git. */
  tag: string;
  /** Full commit id, for the org.opencontainers.image.revision label. */
  commit?: string;
  dirty: boolean;
  /** origin's URL without credentials, for org.opencontainers.image.source. */
  source?: string;
}

/** Tags images after the commit they were built from, so a tag always names its source. */
export async function gitRevision(dir: string): Promise<Revision> {
  const git = (args: string[]) => execa('git', ['-C', dir, ...args], { reject: false, stdin: 'ignore' });
  const head = await git(['rev-parse', 'HEAD']);
  if (head.exitCode !== 0) return { tag: `local-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`, dirty: true };
  const commit = String(head.stdout).trim();
  const status = await git(['status', '--porcelain', '--untracked-files=normal', '--', '.']);
  const dirty = String(status.stdout).trim() !== '';
  const remote = await git(['remote', 'get-url', 'origin']);
  const source = remote.exitCode === 0 ? withoutCredentials(String(remote.stdout).trim()) : undefined;
  return { tag: `${commit.slice(0, 7)}${dirty ? '-dirty' : ''}`, commit, dirty, ...(source ? { source } : {}) };
}

function withoutCredentials(url: string): string {
  return url.replace(/^(\w+:\/\/)[^@/]+@/, '$1');
}
