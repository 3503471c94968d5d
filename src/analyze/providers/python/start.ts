import type { FactSheet, Origin } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { PythonManifests } from './dependencies.js';
import { celeryCommandPlugin, findCeleryApp } from './frameworks/celery.js';
import { findAppObjects } from './frameworks/app-object.js';
import { findDjango, type DjangoProject } from './frameworks/django.js';
import { findEntryScripts } from './frameworks/entry-script.js';
import { consoleScripts, listenOnPort, poeStartTask } from './frameworks/scripts.js';
import type { PortFinding } from './port.js';
import { serverCommand, type ServerTarget } from './server-command.js';
import type { PythonSource } from './sources.js';

export interface StartDecision {
  framework: string | undefined;
  django: DjangoProject | undefined;
}

/** Default ports of the servers we start: gunicorn and uvicorn both use 8000. */
const SERVER_DEFAULT_PORT = 8000;

/**
 * How the component starts, and on which port, decided together so they agree. In order:
 * a Django project; a script that runs a production server itself; an application object
 * behind gunicorn/uvicorn; a development-server script; a celery sub-command; a celery
 * worker (the component is then a worker); a console script (weakly: the README usually
 * says which arguments it needs).
 */
export function addStart(repo: RepoView, dir: string, m: PythonManifests, sources: readonly PythonSource[], ports: readonly PortFinding[], facts: FactSheet): StartDecision {
  const packages = new Set(sources.filter((s) => s.rel.endsWith('/__init__.py')).map((s) => s.rel.slice(0, -'/__init__.py'.length)));
  const pyproject = repoPath(dir, 'pyproject.toml');
  const poe = poeStartTask(m, pyproject);
  if (poe) facts.add('commands.start', listenOnPort(poe.command, ports[0]?.port ?? SERVER_DEFAULT_PORT), poe.origin);

  const portIn = (file: string | undefined) => ports.find((p) => p.origin.file === file) ?? ports[0];
  const addPort = (p: PortFinding | undefined, fallback: number, origin: Origin) => {
    if (p) facts.add('port', p.port, p.origin);
    else facts.add('port', fallback, { ...origin, source: 'convention', weight: undefined });
  };
  const viaServer = (target: ServerTarget, origin: Origin, framework: string | undefined) => {
    const gunicornBind = ports.find((p) => p.origin.reason === 'gunicorn bind');
    const port = gunicornBind ?? ports[0];
    const cmd = serverCommand(m, target, port?.port ?? SERVER_DEFAULT_PORT);
    facts.add('commands.start', cmd.command, { ...origin, reason: `${origin.reason}, served by ${cmd.server}` });
    addPort(port, SERVER_DEFAULT_PORT, { source: 'convention', reason: `${cmd.server} listens on $PORT, default ${SERVER_DEFAULT_PORT}` });
    if (!cmd.declared) {
      facts.note({ level: 'warn', file: origin.file, message: `${cmd.server} is not a dependency; the start command needs it`, hint: `add ${cmd.server} to the project's dependencies, or set commands.start in slipway.yaml` });
    }
    return { framework, django: undefined };
  };

  const django = findDjango(m, sources);
  if (django) {
    viaServer(django.app, django.app.origin, 'django');
    return { framework: 'django', django };
  }
  const scripts = findEntryScripts(sources, packages);
  const apps = findAppObjects(sources);
  const production = scripts.find((s) => s.production);
  if (production) {
    facts.add('commands.start', production.command, production.origin);
    addPort(portIn(production.source.file), SERVER_DEFAULT_PORT, production.origin);
    return { framework: apps[0]?.framework ?? production.framework, django: undefined };
  }
  const app = apps[0];
  const setupPy = repoPath(dir, 'setup.py');
  const cli = consoleScripts(m, pyproject, { file: setupPy, text: repo.read(setupPy) });
  // A package that installs a console script is usually started through it: the app object
  // is then an internal detail, and the README (which knows the arguments) should decide.
  if (app) return viaServer(app, cli.length ? { ...app.origin, weight: 0.55 } : app.origin, app.framework);
  const script = scripts[0];
  if (script) {
    facts.add('commands.start', script.command, script.origin);
    addPort(portIn(script.source.file), 5000, script.origin);
    return { framework: script.framework, django: undefined };
  }
  const plugin = celeryCommandPlugin(setupPy, repo.read(setupPy)) ?? celeryCommandPlugin(pyproject, m.pyprojectText ?? null);
  if (plugin) {
    facts.add('commands.start', plugin.command, plugin.origin);
    if (ports[0]) facts.add('port', ports[0].port, ports[0].origin);
    return { framework: undefined, django: undefined };
  }
  const celery = findCeleryApp(sources);
  if (celery && !poe) {
    facts.add('kind', 'worker', celery.origin);
    facts.add('commands.start', celery.worker, celery.origin);
    return { framework: 'celery', django: undefined };
  }
  if (!poe) {
    for (const s of cli.slice(0, 1)) {
      facts.add('commands.start', s.command, { ...s.origin, weight: 0.5, reason: `${s.origin.reason} (arguments unknown)` });
      if (ports[0]) facts.add('port', ports[0].port, { ...ports[0].origin, weight: 0.5 });
    }
  }
  return { framework: undefined, django: undefined };
}
