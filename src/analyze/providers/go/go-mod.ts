import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';

export interface GoRequire {
  path: string;
  line: number;
  indirect: boolean;
}

export interface GoMod {
  file: string;
  text: string;
  module: string | undefined;
  /** `go 1.22` directive. */
  go: { value: string; line: number } | undefined;
  toolchain: string | undefined;
  requires: GoRequire[];
}

/** go.mod, read line by line (its grammar is small; nothing is resolved or downloaded). */
export function readGoMod(repo: RepoView, dir: string): GoMod | null {
  const file = repoPath(dir, 'go.mod');
  const text = repo.read(file);
  if (text === null) return null;
  const requires: GoRequire[] = [];
  let inBlock = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (inBlock && line === ')') inBlock = false;
    else {
      const m = inBlock ? /^([^\s/][^\s]*)\s+v\S+(.*)$/.exec(line) : /^require\s+(\S+)\s+v\S+(.*)$/.exec(line);
      if (m) requires.push({ path: m[1]!, line: i + 1, indirect: /\/\/\s*indirect/.test(m[2]!) });
    }
  });
  const goLine = findLine(text, /^go\s+\d/);
  const goVersion = goLine ? /^go\s+(\d+\.\d+)/.exec(lineText(text, goLine) ?? '')?.[1] : undefined;
  return {
    file, text,
    module: /^module\s+(\S+)/m.exec(text)?.[1],
    go: goVersion && goLine ? { value: goVersion, line: goLine } : undefined,
    toolchain: /^toolchain\s+go(\S+)/m.exec(text)?.[1],
    requires,
  };
}

/** A direct requirement whose module path starts with one of the prefixes. */
export function requires(mod: GoMod, ...prefixes: string[]): GoRequire | undefined {
  return mod.requires.find((r) => !r.indirect && prefixes.some((p) => r.path === p || r.path.startsWith(`${p}/`)));
}
