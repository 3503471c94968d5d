import { repoPath, type RepoView } from '../../repo.js';

export interface Gem {
  name: string;
  /** Bundler groups; empty = default group (installed in production). */
  groups: string[];
  file: string;
  line: number;
}

export interface Gemfile {
  file: string;
  text: string;
  gems: Gem[];
  lock: string | null;
}

/**
 * The Gemfile read as text (it is Ruby: never evaluated): `gem` lines with the groups of
 * the `group … do` blocks around them or their `group:` option.
 */
export function readGemfile(repo: RepoView, dir: string): Gemfile | null {
  const file = repoPath(dir, 'Gemfile');
  const text = repo.read(file);
  if (text === null) return null;
  const gems: Gem[] = [];
  const stack: string[][] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    const group = /^group\s+(.+?)\s+do\b/.exec(line);
    if (group) {
      stack.push([...group[1]!.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2]!));
      return;
    }
    if (/\bdo\b(\s*\|[^|]*\|)?\s*$/.test(line)) stack.push([]);
    else if (line === 'end') stack.pop();
    const gem = /^gem\s+["']([\w.-]+)["'](.*)$/.exec(line);
    if (!gem) return;
    const inline = /group[s]?:\s*\[?([^\]]+)\]?/.exec(gem[2]!)?.[1];
    const own = inline ? [...inline.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2]!) : [];
    gems.push({ name: gem[1]!, groups: [...stack.flat(), ...own], file, line: i + 1 });
  });
  return { file, text, gems, lock: repo.read(repoPath(dir, 'Gemfile.lock')) };
}

/** A gem installed in production (default group or :production). */
export function gem(g: Gemfile, ...names: string[]): Gem | undefined {
  return g.gems.find((x) => names.includes(x.name) && (x.groups.length === 0 || x.groups.includes('production')));
}

/** A gem in any group (dev and test tools included), or pinned in Gemfile.lock. */
export function anyGem(g: Gemfile, ...names: string[]): Gem | undefined {
  return g.gems.find((x) => names.includes(x.name));
}
