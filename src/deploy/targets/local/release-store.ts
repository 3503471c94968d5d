import { constants, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic } from '../../../fs/atomic-write.js';
import { AppSpec } from '../../../spec/app-spec.js';
import { type EnvPaths, releaseDir } from './paths.js';

/**
 * Release directories: .slipway/envs/<env>/releases/<id>/{release.json, config.json, app/}.
 * app/ is a copy of the bundle laid out like the repository; config.json (mode 0600) holds the
 * environment's values so a restarted agent can start the release again without the caller.
 */
export const ReleaseManifest = z.object({
  id: z.string(),
  createdAt: z.string(),
  digest: z.string(),
  runId: z.string().optional(),
  spec: AppSpec,
  secretKeys: z.array(z.string()),
  /** Images of container-mode components. */
  images: z.record(z.string(), z.string()).default({}),
});
export type ReleaseManifest = z.infer<typeof ReleaseManifest>;

export interface StoredRelease {
  manifest: ReleaseManifest;
  config: Record<string, string>;
  dir: string;
  appDir: string;
}

/** Keep this many release directories; live, warm and the rollback candidate are never removed. */
export const KEEP_RELEASES = 5;

// Version control and Slipway's own state never travel into a release.
const SKIP = new Set(['.git', '.slipway', '.hg', '.svn']);

export function newReleaseId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export function createRelease(
  paths: EnvPaths,
  input: { bundleDir?: string; images?: Record<string, string>; spec: AppSpec; config: Record<string, string>; secretKeys: string[]; digest: string; runId?: string },
): StoredRelease {
  const id = newReleaseId();
  const dir = releaseDir(paths, id);
  const appDir = join(dir, 'app');
  // Entry by entry: the bundle may be the project itself, which holds .slipway (and so the release dir).
  mkdirSync(appDir, { recursive: true });
  for (const entry of input.bundleDir ? readdirSync(input.bundleDir) : []) {
    if (SKIP.has(entry)) continue;
    cpSync(join(input.bundleDir!, entry), join(appDir, entry), {
      recursive: true,
      verbatimSymlinks: true,
      mode: constants.COPYFILE_FICLONE,
      filter: (src) => !SKIP.has(basename(src)),
    });
  }
  const manifest: ReleaseManifest = {
    id,
    createdAt: new Date().toISOString(),
    digest: input.digest,
    ...(input.runId ? { runId: input.runId } : {}),
    spec: input.spec,
    secretKeys: input.secretKeys,
    images: input.images ?? {},
  };
  writeFileAtomic(join(dir, 'config.json'), JSON.stringify(input.config), 0o600);
  // release.json last: a directory without it is an interrupted copy, and pruning removes it.
  writeFileAtomic(join(dir, 'release.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, config: input.config, dir, appDir };
}

export function loadRelease(paths: EnvPaths, id: string): StoredRelease | null {
  const dir = releaseDir(paths, id);
  const file = join(dir, 'release.json');
  if (!existsSync(file)) return null;
  const manifest = ReleaseManifest.parse(JSON.parse(readFileSync(file, 'utf8')));
  const configFile = join(dir, 'config.json');
  const config = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, string>) : {};
  return { manifest, config, dir, appDir: join(dir, 'app') };
}

/** Removes all but the newest KEEP_RELEASES directories (and interrupted copies), sparing `keep`. */
export function pruneReleases(paths: EnvPaths, keep: Iterable<string>): string[] {
  if (!existsSync(paths.releases)) return [];
  const spare = new Set(keep);
  const ids = readdirSync(paths.releases).sort().reverse();
  const removed: string[] = [];
  let kept = 0;
  for (const id of ids) {
    const complete = existsSync(join(paths.releases, id, 'release.json'));
    // An incomplete directory may be a copy another process is making right now.
    if (!complete && Date.now() - statSync(join(paths.releases, id)).mtimeMs < 600_000) continue;
    if (spare.has(id) || (complete && kept < KEEP_RELEASES)) {
      kept++;
      continue;
    }
    rmSync(join(paths.releases, id), { recursive: true, force: true });
    removed.push(id);
  }
  return removed;
}
