import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { GENERATED_MARKER } from '../render/renderer.js';
import type { Note } from './notes.js';

export interface RepoViewOptions {
  /** Files to treat as absent (benchmarks hide Dockerfiles and compose files). */
  hide?: (path: string) => boolean;
  /** Largest number of bytes read from one file; longer files are truncated with a note. */
  maxFileBytes?: number;
  /** Stop listing after this many files (a note says so). */
  maxFiles?: number;
}

/** Directories that never hold a component's own sources. */
const SKIP_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'vendor', '.venv', 'venv', '__pycache__', '.tox',
  '.mypy_cache', '.pytest_cache', 'target', '.gradle', '.next', '.nuxt', '.svelte-kit', '.output', '.turbo',
  'coverage', '.idea', '.vscode', '.cache', '.slipway', 'bin/Debug', 'obj',
]);
const MAX_DEPTH = 8;
/** Slipway writes its marker in the first lines of a generated file. */
const MARKER_BYTES = 512;

export class RepoPathError extends Error {}

/**
 * Read-only view of a repository: the only place the analyzer touches the file system.
 * It never follows a symlink out of the repository, never reads more than a bound from a
 * file, and turns unreadable or binary files into notes instead of exceptions.
 */
export class RepoView {
  readonly root: string;
  readonly notes: Note[] = [];
  private readonly hide: (path: string) => boolean;
  private readonly maxFileBytes: number;
  private readonly maxFiles: number;
  private fileList: string[] | undefined;
  private fileSet: Set<string> | undefined;
  /** Listed files reached through a symlink: only these need their real path checked on read. */
  private readonly linked = new Set<string>();
  private readonly cache = new Map<string, string | null>();
  /**
   * Bytes read per file, up to the largest bound asked so far (null: unreadable): a read with
   * another bound, or a look at the head, does not go back to the disk.
   */
  private readonly bytes = new Map<string, { data: Buffer; whole: boolean } | null>();
  private readonly derived = new Map<string, unknown>();

  private constructor(root: string, opts: RepoViewOptions) {
    this.root = root;
    this.hide = opts.hide ?? (() => false);
    this.maxFileBytes = opts.maxFileBytes ?? 1024 * 1024;
    this.maxFiles = opts.maxFiles ?? 50_000;
  }

  /** Opens a directory; throws RepoPathError with a user-facing message when it cannot. */
  static open(dir: string, opts: RepoViewOptions = {}): RepoView {
    const abs = resolve(dir);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new RepoPathError(`${dir}: no such directory`);
    }
    if (!st.isDirectory()) throw new RepoPathError(`${dir}: not a directory (give the repository's folder)`);
    return new RepoView(realpathSync(abs), opts);
  }

  /** Every regular file, relative posix paths, sorted; skips dependency and build caches. */
  files(): readonly string[] {
    if (!this.fileList) {
      const out: string[] = [];
      this.walk('', 0, out);
      out.sort();
      this.fileList = out;
      this.fileSet = new Set(out);
    }
    return this.fileList;
  }

  has(path: string): boolean {
    this.files();
    return this.fileSet!.has(normalize(path));
  }

  /** Files matching a glob (picomatch syntax), relative to the repository root. */
  glob(pattern: string | string[]): string[] {
    const match = picomatch(pattern, { dot: true });
    return this.files().filter((f) => match(f));
  }

  /** Immediate children (files and directories) of a directory. */
  list(dir: string): { files: string[]; dirs: string[] } {
    const prefix = dir === '.' || dir === '' ? '' : `${normalize(dir)}/`;
    const files: string[] = [];
    const dirs = new Set<string>();
    for (const f of this.files()) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) files.push(rest);
      else dirs.add(rest.slice(0, slash));
    }
    return { files, dirs: [...dirs].sort() };
  }

  /**
   * Text of a file, or null when it is absent, hidden, binary or unreadable (with a note).
   * Reads at most `maxBytes` (default: the view's bound).
   */
  read(path: string, maxBytes = this.maxFileBytes): string | null {
    const rel = normalize(path);
    const key = `${rel}\0${maxBytes}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const text = this.readUncached(rel, maxBytes);
    this.cache.set(key, text);
    return text;
  }

  /**
   * True for files Slipway generated from slipway.yaml (its marker in the first lines): they
   * restate the spec, so reading them as evidence would only echo the last decision back.
   */
  isGenerated(path: string): boolean {
    const rel = normalize(path);
    // The head only, and no "longer than" note: the file's own read decides what to say about it.
    const head = this.has(rel) ? this.load(rel, MARKER_BYTES)?.subarray(0, MARKER_BYTES) : undefined;
    return head !== undefined && !head.includes(0) && head.includes(GENERATED_MARKER);
  }

  /**
   * Something derived from the files (a parsed manifest, an index), computed once per view:
   * every component and collector asking for it gets the same value, which it must not change.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    this.derived.set(key, value);
    return value;
  }

  private readUncached(rel: string, maxBytes: number): string | null {
    if (!this.has(rel)) return null;
    const got = this.load(rel, maxBytes);
    if (!got) return null;
    const data = got.subarray(0, Math.min(got.length, maxBytes));
    if (data.subarray(0, 8000).includes(0)) {
      this.addNote({ level: 'warn', file: rel, message: 'is binary; skipped' });
      return null;
    }
    if (got.length > maxBytes) {
      this.addNote({ level: 'info', file: rel, message: `is longer than ${maxBytes} bytes; read the first ${maxBytes}` });
    }
    return data.toString('utf8');
  }

  /** At least the first min(size, maxBytes + 1) bytes of a listed file (one more tells truncation). */
  private load(rel: string, maxBytes: number): Buffer | null {
    const hit = this.bytes.get(rel);
    if (hit === null) return null;
    if (hit && (hit.whole || hit.data.length > maxBytes)) return hit.data;
    const abs = join(this.root, rel);
    let fd: number | undefined;
    try {
      // The walk never enters symlinked directories, so a plain file's path stays inside; the
      // check is needed for links only. O_NOFOLLOW refuses a file swapped for a link since.
      if (this.linked.has(rel)) {
        if (!this.inside(realpathSync(abs))) {
          this.bytes.set(rel, null);
          return null;
        }
        fd = openSync(abs, 'r');
      } else fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
      // Size the buffer from the file, not the bound: most manifests are a few KB.
      const size = Math.min(fstatSync(fd).size, maxBytes + 1);
      const buf = Buffer.allocUnsafe(size);
      const n = size === 0 ? 0 : readSync(fd, buf, 0, size, 0);
      const data = buf.subarray(0, n);
      this.bytes.set(rel, { data, whole: n <= maxBytes });
      return data;
    } catch (err) {
      this.addNote({ level: 'warn', file: rel, message: `could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); skipped` });
      this.bytes.set(rel, null);
      return null;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private walk(dir: string, depth: number, out: string[]): void {
    if (depth > MAX_DEPTH || out.length >= this.maxFiles) return;
    let entries;
    try {
      entries = readdirSync(join(this.root, dir), { withFileTypes: true });
    } catch (err) {
      this.addNote({ level: 'warn', file: dir || '.', message: `could not be listed (${(err as NodeJS.ErrnoException).code})` });
      return;
    }
    // A stable order, so that the maxFiles cut is the same on every file system.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) this.walk(rel, depth + 1, out);
      } else if (e.isFile()) {
        if (!this.hide(rel)) out.push(rel);
      } else if (e.isSymbolicLink()) {
        this.symlink(rel, out);
      }
      if (out.length >= this.maxFiles) {
        this.addNote({ level: 'warn', message: `more than ${this.maxFiles} files; the rest were not looked at` });
        return;
      }
    }
  }

  /** Symlinked files inside the repository count; links that leave it, or point at directories, do not. */
  private symlink(rel: string, out: string[]): void {
    try {
      const target = realpathSync(join(this.root, rel));
      if (!this.inside(target)) {
        this.addNote({ level: 'warn', file: rel, message: 'is a symlink leading out of the repository; not followed' });
        return;
      }
      if (lstatSync(target).isFile() && !this.hide(rel)) {
        out.push(rel);
        this.linked.add(rel);
      }
    } catch {
      this.addNote({ level: 'info', file: rel, message: 'is a broken symlink; skipped' });
    }
  }

  private inside(abs: string): boolean {
    const r = relative(this.root, abs);
    return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
  }

  addNote(n: Note): void {
    if (!this.notes.some((x) => x.file === n.file && x.message === n.message)) this.notes.push(n);
  }
}

const NEEDS_NORMALIZING = /(^|\/)\.\.?(\/|$)|\/\/|\\/;

function normalize(path: string): string {
  if (!NEEDS_NORMALIZING.test(path)) return path; // the common case: already a clean relative path
  const p = posix.normalize(path.split(sep).join('/'));
  return p.startsWith('./') ? p.slice(2) : p;
}

/** Joins a component directory and a file name into a repository path ("." stays out). */
export function repoPath(dir: string, file: string): string {
  return dir === '.' || dir === '' ? file : `${dir}/${file}`;
}
