import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
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

/**
 * Files under `root` matching `globs` (picomatch, dot files included), minus `exclude`, sorted.
 * Symlinks are hashed by their target text and never followed (no escaping the workspace).
 */
export function hashFiles(root: string, globs: readonly string[], exclude: readonly string[] = [], skipDirs: readonly string[] = HEAVY_DIRS): TreeEntry[] {
  const include = picomatch(globs as string[], { dot: true });
  const excluded = exclude.length ? picomatch(exclude as string[], { dot: true }) : () => false;
  // A glob that names a heavy directory explicitly ("node_modules/**") lets the walk enter it.
  const enter = new Set(skipDirs.filter((d) => globs.some((g) => g === d || g.startsWith(`${d}/`))));
  const out: TreeEntry[] = [];
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
        const content = st.isSymbolicLink() ? Buffer.from(`symlink:${readlinkSync(abs)}`) : readFileSync(abs);
        out.push({ path, hash: createHash('sha256').update(content).digest('hex'), mode: st.mode & 0o777 });
      }
    }
  };
  walk('');
  return out;
}

/** One digest for a list of entries (path, mode and content). */
export function treeDigest(entries: readonly TreeEntry[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(`${e.path}\0${e.mode.toString(8)}\0${e.hash}\n`);
  return h.digest('hex');
}
