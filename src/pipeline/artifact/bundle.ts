import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { hashFiles, treeDigest } from '../cache/file-tree.js';

/** Never part of a release: VCS data, Slipway state, real secrets, test leftovers. */
export const BUNDLE_EXCLUDES = ['config/*.secrets.env', '**/config/*.secrets.env', 'coverage/**', '.nyc_output/**'];
const BUNDLE_SKIP_DIRS = ['.git', '.slipway'];
/** Bundles kept on disk (the local target copies a bundle into its own release directory). */
export const KEEP_BUNDLES = 10;

export interface Bundle {
  dir: string;
  /** sha256 over every file's path, mode and content. */
  digest: string;
  files: number;
  /** An identical bundle already existed. */
  reused: boolean;
}

/**
 * The release bundle of a run: the workspace after install and build, content-addressed under
 * .slipway/artifacts/<digest>/. When every step that shaped the workspace was a cache hit or a
 * cached result, `derivationKey` (source digest + those steps' keys) finds the same bundle
 * without hashing dependencies again.
 */
export function createBundle(workspace: string, artifactsDir: string, derivationKey: string | null): Bundle {
  const known = derivationKey ? readDerivation(artifactsDir, derivationKey) : null;
  if (known) return known;
  const entries = hashFiles(workspace, ['**'], BUNDLE_EXCLUDES, BUNDLE_SKIP_DIRS);
  const hex = treeDigest(entries);
  const dir = join(artifactsDir, hex);
  let reused = true;
  if (!existsSync(dir)) {
    reused = false;
    const tmp = join(artifactsDir, `.tmp-${randomBytes(6).toString('hex')}`);
    try {
      for (const e of entries) {
        mkdirSync(dirname(join(tmp, e.path)), { recursive: true });
        cpSync(join(workspace, e.path), join(tmp, e.path), { verbatimSymlinks: true, preserveTimestamps: true });
      }
      mkdirSync(tmp, { recursive: true });
      renameSync(tmp, dir);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
  } else {
    const t = new Date();
    utimesSync(dir, t, t);
  }
  const bundle = { dir, digest: `sha256:${hex}`, files: entries.length, reused };
  if (derivationKey) writeFileAtomic(join(artifactsDir, 'derivations', derivationKey), JSON.stringify({ digest: bundle.digest, files: bundle.files }));
  pruneBundles(artifactsDir);
  return bundle;
}

function readDerivation(artifactsDir: string, key: string): Bundle | null {
  const file = join(artifactsDir, 'derivations', key);
  if (!existsSync(file)) return null;
  try {
    const { digest, files } = JSON.parse(readFileSync(file, 'utf8')) as { digest: string; files: number };
    const dir = join(artifactsDir, digest.replace(/^sha256:/, ''));
    if (!existsSync(dir)) return null;
    const t = new Date();
    utimesSync(dir, t, t);
    return { dir, digest, files, reused: true };
  } catch {
    return null;
  }
}

function pruneBundles(artifactsDir: string): void {
  const bundles = readdirSync(artifactsDir)
    .filter((n) => /^[0-9a-f]{64}$/.test(n))
    .map((n) => ({ path: join(artifactsDir, n), used: statSync(join(artifactsDir, n)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const b of bundles.slice(KEEP_BUNDLES)) rmSync(b.path, { recursive: true, force: true });
}
