import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import type { AnalyzeContext, Provider } from '../../provider.js';
import { repoPath, type RepoView } from '../../repo.js';
import { findDependency, readPythonManifests, type PythonManifests } from './dependencies.js';
import { detectPython } from './detect.js';
import { addEnvFromSource } from './env.js';
import { findCeleryApp } from './frameworks/celery.js';
import { addDjangoFacts } from './frameworks/django.js';
import { addHealthcheck } from './health.js';
import { addPackageManager } from './package-manager.js';
import { findPorts } from './port.js';
import { addRuntimeVersion } from './runtime-version.js';
import { addServices } from './services.js';
import { pythonSources } from './sources.js';
import { addStart } from './start.js';
import { addTestCommand } from './tests.js';

/** Frameworks recognised from dependencies when no application object says more. */
const FRAMEWORK_PACKAGES = ['django', 'fastapi', 'flask', 'starlette', 'litestar', 'quart', 'sanic', 'aiohttp', 'tornado', 'bottle', 'falcon', 'pyramid', 'celery'];

export const pythonProvider: Provider = {
  id: 'python',
  manifests: ['requirements.txt', 'requirements/*.txt', 'pyproject.toml', 'Pipfile', 'Pipfile.lock', 'uv.lock', 'poetry.lock', 'setup.py', 'setup.cfg', 'runtime.txt', '.python-version'],
  detect: detectPython,
  analyze(repo: RepoView, dir: string, facts: FactSheet, ctx: AnalyzeContext): void {
    const m = readPythonManifests(repo, dir);
    const manifest = m.dependencies[0]?.file ?? repoPath(dir, 'pyproject.toml');
    facts.add('language', 'python', { source: 'manifest', file: manifest, reason: 'Python project' });
    facts.add('runtime', 'python', { source: 'manifest', file: manifest, reason: 'Python project' });
    facts.name ??= projectName(repo, dir, m);

    const pm = addPackageManager(repo, dir, m, facts);
    addRuntimeVersion(repo, dir, m, facts);
    const sources = pythonSources(repo, dir, ctx);
    const ports = findPorts(sources);
    const start = addStart(repo, dir, m, sources, ports, facts);
    addFramework(m, start.framework, facts);
    if (start.django) addDjangoFacts(start.django, sources, facts);
    const manage = start.django ? (start.django.base === '.' ? 'manage.py' : `${start.django.base}/manage.py`) : undefined;
    addTestCommand(repo, dir, m, pm.run, manage, facts);

    const celery = start.framework !== 'celery' ? findCeleryApp(sources) : undefined;
    // A Procfile, when present, lists the processes itself.
    if (celery && !repo.has(repoPath(dir, 'Procfile'))) facts.addProcess('worker', celery.worker, celery.origin);
    addServices(m, sources, facts);
    addEnvFromSource(sources, facts);
    addHealthcheck(sources, facts);
  },
  startHelp:
    'Python apps start with a production server: e.g. `gunicorn --bind 0.0.0.0:$PORT myproject.wsgi:application` (Django/Flask) or `uvicorn main:app --host 0.0.0.0 --port $PORT` (FastAPI).',
};

function addFramework(m: PythonManifests, found: string | undefined, facts: FactSheet): void {
  const names = found ? [found] : FRAMEWORK_PACKAGES;
  const dep = names.map((n) => findDependency(m, [n], ['main', 'optional', 'dev'])).find(Boolean);
  const framework = found ?? dep?.name;
  if (!framework) return;
  facts.add('framework', framework, dep ? { source: 'manifest', file: dep.file, line: dep.line, reason: `depends on ${dep.name}` } : { source: 'source', reason: `${framework} application in the sources` });
}

function projectName(repo: RepoView, dir: string, m: PythonManifests): string | undefined {
  const project = m.pyproject?.project as { name?: unknown } | undefined;
  const poetry = (m.pyproject?.tool as { poetry?: { name?: unknown } } | undefined)?.poetry;
  const name = project?.name ?? poetry?.name;
  if (typeof name === 'string') return name;
  const setup = repo.read(repoPath(dir, 'setup.py'));
  const line = setup ? findLine(setup, /^\s*name\s*=\s*["'][\w.-]+["']/) : undefined;
  return line ? /["']([\w.-]+)["']/.exec(lineText(setup!, line) ?? '')?.[1] : undefined;
}
