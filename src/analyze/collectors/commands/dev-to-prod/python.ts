import { repoPath, type RepoView } from '../../../repo.js';
import { portFromArgv } from '../port-args.js';
import { joinArgv } from '../shell.js';
import type { DevToProdRule } from './types.js';

const PYTHON = /^python(3(\.\d+)?)?$/;

/** The Django project package: the directory holding wsgi.py next to settings (searched two levels deep). */
export function djangoProject(repo: RepoView, dir: string): string | undefined {
  const prefix = dir === '.' ? '' : `${dir}/`;
  const hits = repo.files().filter((f) => f.startsWith(prefix) && /(^|\/)wsgi\.py$/.test(f) && f.slice(prefix.length).split('/').length <= 3);
  const best = hits.find((f) => repo.has(f.replace(/wsgi\.py$/, 'settings.py')) || repo.files().some((g) => g.startsWith(f.replace(/wsgi\.py$/, 'settings/')))) ?? hits[0];
  return best?.slice(prefix.length).replace(/\/wsgi\.py$/, '').replace(/\//g, '.');
}

const runserver: DevToProdRule = {
  id: 'django-runserver',
  ecosystem: 'python',
  example: ['python manage.py runserver', 'gunicorn <project>.wsgi:application --bind 0.0.0.0:8000'],
  match: (argv) => (PYTHON.test(argv[0] ?? '') && /manage\.py$/.test(argv[1] ?? '') && argv[2] === 'runserver') || (/manage\.py$/.test(argv[0] ?? '') && argv[1] === 'runserver'),
  map(argv, ctx) {
    const project = djangoProject(ctx.repo, ctx.dir);
    if (!project) return undefined;
    const port = portFromArgv(argv);
    return {
      start: `gunicorn ${project}.wsgi:application --bind 0.0.0.0:${port ?? 8000}`, ...(port ? { port } : {}),
      reason: `manage.py runserver is Django's development server; production serves ${project}/wsgi.py with gunicorn`,
    };
  },
};

const flaskRun: DevToProdRule = {
  id: 'flask-run',
  ecosystem: 'python',
  example: ['flask run', 'gunicorn app:app --bind 0.0.0.0:5000'],
  match: (argv) => argv[0] === 'flask' && argv.includes('run') || (PYTHON.test(argv[0] ?? '') && argv[1] === '-m' && argv[2] === 'flask' && argv.includes('run')),
  map(argv, ctx) {
    const appFlag = argv.findIndex((a) => a === '--app' || a === '-A');
    const raw = (appFlag >= 0 ? argv[appFlag + 1] : undefined) ?? argv.find((a) => a.startsWith('--app='))?.slice(6) ?? ctx.env?.FLASK_APP;
    const fallback = ['app.py', 'wsgi.py', 'application.py'].find((f) => ctx.repo.has(repoPath(ctx.dir, f)));
    const target = raw ?? fallback;
    if (!target) return undefined;
    const [file, call] = target.split(':');
    const module = file!.replace(/\.py$/, '').replace(/\//g, '.');
    const port = portFromArgv(argv);
    return { start: `gunicorn ${module}:${call ?? 'app'} --bind 0.0.0.0:${port ?? 5000}`, ...(port ? { port } : {}), reason: 'flask run is the development server; production runs the WSGI app with gunicorn' };
  },
};

const uvicornReload: DevToProdRule = {
  id: 'uvicorn-reload',
  ecosystem: 'python',
  example: ['uvicorn main:app --reload · fastapi dev main.py', 'uvicorn main:app --host 0.0.0.0 --port 8000 · fastapi run main.py'],
  match: (argv) => (argv[0] === 'uvicorn' && argv.some((a) => a.startsWith('--reload'))) || (argv[0] === 'fastapi' && argv[1] === 'dev'),
  map(argv) {
    const explicit = portFromArgv(argv);
    if (argv[0] === 'fastapi') return { start: joinArgv(['fastapi', 'run', ...argv.slice(2)]), ...(explicit ? { port: explicit } : {}), reason: 'fastapi dev reloads on changes; fastapi run is its production mode' };
    const kept: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--reload-dir' || argv[i] === '--reload-include' || argv[i] === '--reload-exclude') i++;
      else if (!argv[i]!.startsWith('--reload')) kept.push(argv[i]!);
    }
    const hostAt = kept.indexOf('--host');
    if (hostAt >= 0) kept.splice(hostAt, 2);
    const port = explicit ?? 8000;
    const noPort = kept.filter((a, i) => !(a === '--port' || kept[i - 1] === '--port' || a.startsWith('--port=') || a.startsWith('--host=')));
    return { start: joinArgv([...noPort, '--host', '0.0.0.0', '--port', String(port)]), ...(explicit ? { port: explicit } : {}), reason: 'uvicorn --reload watches files (development); production binds all interfaces without it' };
  },
};

export const pythonRules: readonly DevToProdRule[] = [runserver, flaskRun, uvicornReload];
