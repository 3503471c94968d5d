import type { Evidence } from '../../../spec/evidence.js';
import { repoPath, type RepoView } from '../../repo.js';
import { filesIn } from '../../collectors/dir-index.js';

/** Files that make a directory a Python project on their own. */
export const PYTHON_MANIFESTS = ['requirements.txt', 'Pipfile', 'Pipfile.lock', 'uv.lock', 'poetry.lock'] as const;
/** Python files that are manifests only when their content says so (a module may be named setup.py). */
const CODE_MANIFESTS: Record<string, RegExp> = {
  'setup.py': /^\s*(from\s+(setuptools|distutils)|import\s+(setuptools|distutils))/m,
  'manage.py': /DJANGO_SETTINGS_MODULE|django\.core\.management/,
};
/** Scripts that are an app by themselves when no manifest is around (stdlib apps). */
const ENTRY_SCRIPTS = ['app.py', 'main.py', 'server.py', 'wsgi.py', 'run.py'];

/**
 * A Python component: a manifest in the directory (pyproject.toml only when it describes a
 * project, not just tool settings; runtime.txt only when it names Python), or a top-level
 * entry script outside any Python package and any other Python project.
 */
export function detectPython(repo: RepoView, dir: string): Evidence[] {
  const at = (f: string) => repoPath(dir, f);
  const here = new Set(filesIn(repo, dir));
  const found: Evidence[] = [];
  for (const f of PYTHON_MANIFESTS) {
    if (here.has(f)) found.push({ source: 'manifest', file: at(f), reason: `${f} present` });
  }
  for (const [f, content] of Object.entries(CODE_MANIFESTS)) {
    const text = here.has(f) ? repo.read(at(f), 64 * 1024) : null;
    if (text && content.test(text)) found.push({ source: 'manifest', file: at(f), reason: `${f} present` });
  }
  const pyproject = here.has('pyproject.toml') ? repo.read(at('pyproject.toml'), 256 * 1024) : null;
  if (pyproject !== null && (/^\[(project|tool\.poetry|build-system)\]/m.test(pyproject) || hasPythonFiles(repo, dir))) {
    found.push({ source: 'manifest', file: at('pyproject.toml'), reason: 'pyproject.toml describes a project' });
  }
  const runtime = here.has('runtime.txt') ? repo.read(at('runtime.txt'), 256) : null;
  if (runtime && /^\s*python-\d/.test(runtime)) found.push({ source: 'manifest', file: at('runtime.txt'), reason: 'runtime.txt names Python' });
  if (here.has('.python-version')) found.push({ source: 'manifest', file: at('.python-version'), reason: '.python-version present' });
  // A Node project with a requirements.txt for its docs tooling (mkdocs) is not a Python app.
  if (found.length > 0 && here.has('package.json') && !hasPythonCode(repo, dir)) return [];
  if (found.length > 0) return found;

  const script = ENTRY_SCRIPTS.find((f) => here.has(f));
  if (!script || here.has('__init__.py') || insidePythonProject(repo, dir)) return [];
  return [{ source: 'source', file: at(script), reason: `${script}: a Python entry script with no manifest` }];
}

/** .py files in the folder or in a package right below it. */
function hasPythonCode(repo: RepoView, dir: string): boolean {
  if (hasPythonFiles(repo, dir)) return true;
  const prefix = dir === '.' ? '' : `${dir}/`;
  return repo.files().some((f) => f.startsWith(prefix) && f.endsWith('/__init__.py') && f.slice(prefix.length).split('/').length === 2);
}

function hasPythonFiles(repo: RepoView, dir: string): boolean {
  return filesIn(repo, dir).some((f) => f.endsWith('.py'));
}

/** True when an ancestor directory is itself a Python project (the script belongs to it). */
function insidePythonProject(repo: RepoView, dir: string): boolean {
  if (dir === '.') return false;
  const parts = dir.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const parent = i === 0 ? '.' : parts.slice(0, i).join('/');
    const files = filesIn(repo, parent);
    if ([...PYTHON_MANIFESTS, 'pyproject.toml', 'setup.py'].some((f) => files.includes(f))) return true;
  }
  return false;
}
