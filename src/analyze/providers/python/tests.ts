import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';
import { findDependency, type PythonManifests } from './dependencies.js';

/**
 * The unit-test command: pytest when the project uses it (a dependency, pytest.ini,
 * conftest.py or a [tool.pytest] table), Django's runner for Django projects, else unittest
 * when a tests folder exists. Run inside the project's environment (`poetry run` …).
 */
export function addTestCommand(repo: RepoView, dir: string, m: PythonManifests, run: string, djangoManage: string | undefined, facts: FactSheet): void {
  const at = (f: string) => repoPath(dir, f);
  const pytestDep = findDependency(m, ['pytest', 'pytest-django'], ['main', 'dev', 'test', 'optional']);
  const pytestFile = ['pytest.ini', 'conftest.py', 'tox.ini', 'setup.cfg'].map(at).find((f) => {
    const text = repo.has(f) ? repo.read(f, 64 * 1024) : null;
    return text !== null && (f.endsWith('pytest.ini') || f.endsWith('conftest.py') || /^\[(tool:)?pytest\]/m.test(text));
  });
  const pyprojectPytest = m.pyprojectText && /^\[tool\.pytest/m.test(m.pyprojectText);
  if (pytestDep || pytestFile || pyprojectPytest) {
    const origin = pytestDep
      ? { source: 'manifest' as const, file: pytestDep.file, line: pytestDep.line, reason: 'pytest is a dependency' }
      : { source: 'config' as const, file: pytestFile ?? at('pyproject.toml'), reason: 'pytest configuration present' };
    facts.add('commands.test', `${run}pytest`, origin);
    return;
  }
  if (djangoManage) {
    facts.add('commands.test', `${run}python ${djangoManage} test`, { source: 'convention', file: repoPath(dir, djangoManage), reason: "Django's test runner" });
    return;
  }
  const testsDir = repo.glob([at('tests/**/test_*.py'), at('test/**/test_*.py'), at('test_*.py')])[0];
  if (testsDir) facts.add('commands.test', `${run}python -m unittest discover`, { source: 'convention', file: testsDir, reason: 'unittest-style test files' });
}
