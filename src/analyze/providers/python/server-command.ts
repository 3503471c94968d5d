import { findDependency, type PythonManifests } from './dependencies.js';

export interface ServerTarget {
  iface: 'wsgi' | 'asgi';
  /** "pkg.module:app", or "pkg.module:create_app()" for a factory. */
  target: string;
  /** Folder the target's import path starts from, when not the component root ("src", Django's base). */
  appDir?: string;
}

export interface ServerCommand {
  command: string;
  server: string;
  /** False when the server is not a dependency: the user must add it (a note says so). */
  declared: boolean;
}

/**
 * The production server command for an application object. It listens on all interfaces
 * and on $PORT (the deploy target sets it to the component's port), defaulting to `port`.
 */
export function serverCommand(m: PythonManifests, app: ServerTarget, port: number): ServerCommand {
  const has = (name: string) => findDependency(m, [name], ['main', 'optional', 'dev']) !== undefined;
  const listen = `\${PORT:-${port}}`;
  const factory = app.target.endsWith('()');
  const bare = app.target.replace(/\(\)$/, '');
  if (app.iface === 'asgi') {
    if (has('uvicorn') || !(has('hypercorn') || has('daphne') || has('granian'))) {
      const dir = app.appDir ? ` --app-dir ${app.appDir}` : '';
      return { server: 'uvicorn', declared: has('uvicorn'), command: `uvicorn ${bare}${factory ? ' --factory' : ''} --host 0.0.0.0 --port ${listen}${dir}` };
    }
    if (has('hypercorn')) return { server: 'hypercorn', declared: true, command: `hypercorn --bind 0.0.0.0:${listen} ${app.target}` };
    if (has('granian')) return { server: 'granian', declared: true, command: `granian --interface asgi --host 0.0.0.0 --port ${listen}${factory ? ' --factory' : ''} ${bare}` };
    return { server: 'daphne', declared: true, command: `daphne -b 0.0.0.0 -p ${listen} ${bare}` };
  }
  if (has('waitress') && !has('gunicorn')) {
    return { server: 'waitress', declared: true, command: `waitress-serve --listen=0.0.0.0:${listen}${factory ? ' --call' : ''} ${bare}` };
  }
  const dir = app.appDir ? ` --chdir ${app.appDir}` : '';
  return { server: 'gunicorn', declared: has('gunicorn'), command: `gunicorn --bind 0.0.0.0:${listen}${dir} ${quoteFactory(app.target)}` };
}

/** gunicorn takes "module:create_app()", which the shell must not see as a subshell. */
function quoteFactory(target: string): string {
  return target.endsWith('()') ? `'${target}'` : target;
}
