import { findLine, readToml } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';

/** Which part of the project a dependency belongs to: only `main` and `dev` say what runs. */
export type DependencyGroup = 'main' | 'dev' | 'test' | 'optional';

export interface Dependency {
  name: string;
  group: DependencyGroup;
  file: string;
  line?: number;
}

/** What the manifests declare, read once per component. */
export interface PythonManifests {
  dependencies: Dependency[];
  pyproject: Record<string, unknown> | undefined;
  pyprojectText: string | undefined;
}

/** PEP 503 normalised name: "Flask_SQLAlchemy" and "flask-sqlalchemy" are one package. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const REQUIREMENT_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/;
const MAX_INCLUDE_DEPTH = 4;

/** Group of a requirements file from its name: requirements/dev.txt, requirements-test.txt … */
function groupOfFile(path: string): DependencyGroup | 'docs' {
  const name = path.toLowerCase();
  if (/(^|[/_-])docs?([/._-]|$)/.test(name)) return 'docs';
  if (/(^|[/_-])(tests?|testing|ci)([/._-]|$)/.test(name)) return 'test';
  if (/(^|[/_-])(dev|develop|development|local|lint)([/._-]|$)/.test(name)) return 'dev';
  return 'main';
}

/** requirements.txt and requirements/*.txt, following `-r other.txt` inside the repository. */
function readRequirements(repo: RepoView, dir: string, out: Dependency[]): void {
  const roots = repo
    .glob([repoPath(dir, 'requirements*.txt'), repoPath(dir, 'requirements/*.txt')])
    .filter((f) => groupOfFile(f.slice(dir === '.' ? 0 : dir.length + 1)) !== 'docs');
  const seen = new Set<string>();
  const visit = (file: string, group: DependencyGroup, depth: number): void => {
    if (seen.has(file) || depth > MAX_INCLUDE_DEPTH) return;
    seen.add(file);
    const text = repo.read(file);
    if (text === null) return;
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      const include = /^(-r|--requirement)\s*(\S+)/.exec(line);
      if (include) {
        const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
        visit(repoPath(base, include[2]!), group, depth + 1);
        return;
      }
      if (!line || line.startsWith('-') || line.includes('://')) return;
      const m = REQUIREMENT_NAME.exec(line);
      if (m) out.push({ name: normalizeName(m[1]!), group, file, line: i + 1 });
    });
  };
  // Production files first, so a package listed in base.txt and dev.txt counts as main.
  const ordered = [...roots].sort((a, b) => rankGroup(groupOfFile(a)) - rankGroup(groupOfFile(b)));
  for (const f of ordered) {
    const g = groupOfFile(f.slice(dir === '.' ? 0 : dir.length + 1));
    if (g !== 'docs') visit(f, g, 0);
  }
}

function rankGroup(g: DependencyGroup | 'docs'): number {
  return ['main', 'dev', 'test', 'optional', 'docs'].indexOf(g);
}

function groupOfName(name: string): DependencyGroup | 'docs' {
  const g = groupOfFile(`/${name}/`);
  return g === 'main' ? 'optional' : g;
}

function specName(spec: string): string | undefined {
  const m = REQUIREMENT_NAME.exec(spec);
  return m ? normalizeName(m[1]!) : undefined;
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** PEP 621 [project], PEP 735 [dependency-groups] and Poetry tables of pyproject.toml. */
function readPyproject(file: string, text: string, doc: Record<string, unknown>, out: Dependency[]): void {
  const lines = text.split('\n');
  const lineOf = (re: RegExp) => {
    const i = lines.findIndex((l) => re.test(l));
    return i < 0 ? undefined : i + 1;
  };
  const push = (name: string | undefined, group: DependencyGroup | 'docs') => {
    if (!name || name === 'python' || group === 'docs') return;
    const line = lineOf(new RegExp(`(^|["'\\s])${escape(name).replace(/-/g, '[-_.]')}\\b`, 'i'));
    out.push({ name: normalizeName(name), group, file, ...(line ? { line } : {}) });
  };
  const project = rec(doc.project);
  for (const s of strings(project.dependencies)) push(specName(s), 'main');
  for (const [extra, list] of Object.entries(rec(project['optional-dependencies']))) {
    for (const s of strings(list)) push(specName(s), groupOfName(extra));
  }
  for (const [group, list] of Object.entries(rec(doc['dependency-groups']))) {
    for (const s of strings(list)) push(specName(s), groupOfName(group));
  }
  const poetry = rec(rec(doc.tool).poetry);
  for (const [name, spec] of Object.entries(rec(poetry.dependencies))) push(name, rec(spec).optional === true ? 'optional' : 'main');
  for (const name of Object.keys(rec(poetry['dev-dependencies']))) push(name, 'dev');
  for (const [group, table] of Object.entries(rec(poetry.group))) {
    for (const name of Object.keys(rec(rec(table).dependencies))) push(name, groupOfName(group));
  }
}

function readPipfile(repo: RepoView, file: string, out: Dependency[]): void {
  const parsed = readToml(repo, file);
  if (!parsed) return;
  const add = (table: unknown, group: DependencyGroup) => {
    for (const name of Object.keys(rec(table))) {
      const line = findLine(parsed.text, new RegExp(`^\\s*"?${escape(name)}"?\\s*=`, 'i'));
      out.push({ name: normalizeName(name), group, file, ...(line ? { line } : {}) });
    }
  };
  add(parsed.value.packages, 'main');
  add(parsed.value['dev-packages'], 'dev');
}

/** setup.py is code: its install_requires list is read as text, never run. */
function readSetupPy(repo: RepoView, file: string, out: Dependency[]): void {
  const text = repo.read(file);
  if (!text) return;
  const block = /install_requires\s*=\s*\[([^\]]*)\]/s.exec(text);
  if (!block) return;
  for (const m of block[1]!.matchAll(/["']([^"']+)["']/g)) {
    const name = specName(m[1]!);
    if (!name) continue;
    const line = findLine(text, m[0]);
    out.push({ name, group: 'main', file, ...(line ? { line } : {}) });
  }
}

function readSetupCfg(repo: RepoView, file: string, out: Dependency[]): void {
  const text = repo.read(file);
  if (!text) return;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^install_requires\s*=/.test(l));
  if (start < 0) return;
  for (let i = start + 1; i < lines.length && /^\s+\S/.test(lines[i]!); i++) {
    const name = specName(lines[i]!.trim());
    if (name) out.push({ name, group: 'main', file, line: i + 1 });
  }
}

export function readPythonManifests(repo: RepoView, dir: string): PythonManifests {
  const dependencies: Dependency[] = [];
  readRequirements(repo, dir, dependencies);
  const pyprojectFile = repoPath(dir, 'pyproject.toml');
  const parsed = readToml(repo, pyprojectFile);
  if (parsed) readPyproject(pyprojectFile, parsed.text, parsed.value, dependencies);
  readPipfile(repo, repoPath(dir, 'Pipfile'), dependencies);
  readSetupPy(repo, repoPath(dir, 'setup.py'), dependencies);
  readSetupCfg(repo, repoPath(dir, 'setup.cfg'), dependencies);
  return { dependencies, pyproject: parsed?.value, pyprojectText: parsed?.text };
}

/** The first declaration of a package among the groups that ship (main, then dev). */
export function findDependency(m: PythonManifests, names: readonly string[], groups: readonly DependencyGroup[] = ['main']): Dependency | undefined {
  for (const g of groups) {
    const hit = m.dependencies.find((d) => d.group === g && names.includes(d.name));
    if (hit) return hit;
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
