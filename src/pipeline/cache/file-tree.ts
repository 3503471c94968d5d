import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

/** Directories never walked unless a glob names them: dependencies, VCS and Slipway state. */
export const HEAVY_DIRS = ['node_modules', '.git', '.slipway', '.venv', '__pycache__', '.gradle', 'target'];

export interface TreeEntry {
  /** Path relative to the walked root, with "/" separators. */
  path: string;
  /** sha256 of the content (or of the link target for a symlink). */
  hash: string;
  mode: number;
}

/** A file the walk found (not yet read). */
export interface TreeFile {
  /** Path relative to the walked root, with "/" separators. */
  path: string;
  abs: string;
  stats: Stats;
}

/**
 * Files under `root` matching `globs` (picomatch, dot files included), minus `exclude`, sorted.
 * Symlinks are hashed by their target text and never followed (no escaping the workspace).
 */
export function hashFiles(root: string, globs: readonly string[], exclude: readonly string[] = [], skipDirs: readonly string[] = HEAVY_DIRS): TreeEntry[] {
  return listFiles(root, globs, exclude, skipDirs).map((f) => ({ path: f.path, hash: contentHash(f), mode: f.stats.mode & 0o777 }));
}

/** The files hashFiles would hash, without reading them. */
export function listFiles(root: string, globs: readonly string[], exclude: readonly string[] = [], skipDirs: readonly string[] = HEAVY_DIRS): TreeFile[] {
  const include = picomatch(globs as string[], { dot: true });
  const excluded = exclude.length ? picomatch(exclude as string[], { dot: true }) : () => false;
  // A glob that names a heavy directory explicitly ("node_modules/**") lets the walk enter it.
  const enter = new Set(skipDirs.filter((d) => globs.some((g) => g === d || g.startsWith(`${d}/`))));
  const out: TreeFile[] = [];
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const abs = join(root, path);
      const st = lstatSync(abs, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) {
        if (skipDirs.includes(name) && !enter.has(name) && !enter.has(path)) continue;
        if (excluded(path) || excluded(`${path}/`)) continue;
        walk(path);
      } else if ((st.isFile() || st.isSymbolicLink()) && include(path) && !excluded(path)) {
        out.push({ path, abs, stats: st });
      }
    }
  };
  walk('');
  return out;
}

/** sha256 of a file's content, or of its target for a symlink. */
export function contentHash(f: TreeFile): string {
  const content = f.stats.isSymbolicLink() ? Buffer.from(`symlink:${readlinkSync(f.abs)}`) : readFileSync(f.abs);
  return createHash('sha256').update(content).digest('hex');
}

/** One digest for a list of entries (path, mode and content). */
export function treeDigest(entries: readonly TreeEntry[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(`${e.path}\0${e.mode.toString(8)}\0${e.hash}\n`);
  return h.digest('hex');
}
