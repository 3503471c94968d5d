import type { ServiceType } from '../../../../spec/component.js';
import type { FactSheet, Origin } from '../../../facts.js';
import { findLine, lineText } from '../../../parse/manifest.js';
import { findDependency, type PythonManifests } from '../dependencies.js';
import { linesOf, moduleOf, type PythonSource } from '../sources.js';
import type { ServerTarget } from '../server-command.js';

export interface DjangoProject {
  /** Folder holding manage.py, relative to the component ("." mostly). */
  base: string;
  manage: PythonSource;
  settingsModule: string | undefined;
  app: ServerTarget & { origin: Origin };
}

const ENGINE_SERVICE: Record<string, ServiceType> = { postgresql: 'postgres', postgresql_psycopg2: 'postgres', postgis: 'postgres', mysql: 'mysql' };

/**
 * A Django project: manage.py, its settings module, and the WSGI or ASGI application the
 * production server loads (WSGI_APPLICATION / ASGI_APPLICATION, else <project>/wsgi.py).
 * ASGI is chosen when an ASGI server or Channels is a dependency and an asgi module exists.
 */
export function findDjango(m: PythonManifests, sources: readonly PythonSource[]): DjangoProject | undefined {
  const manage = sources.find((s) => /(^|\/)manage\.py$/.test(s.rel) && /DJANGO_SETTINGS_MODULE|django/.test(s.text));
  if (!manage) return undefined;
  const base = manage.rel.includes('/') ? manage.rel.slice(0, manage.rel.lastIndexOf('/')) : '.';
  const settingsModule = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/.exec(manage.text)?.[1];
  const inBase = sources.filter((s) => base === '.' || s.rel.startsWith(`${base}/`));
  const relToBase = (s: PythonSource) => (base === '.' ? s.rel : s.rel.slice(base.length + 1));

  const wantsAsgi = findDependency(m, ['uvicorn', 'daphne', 'hypercorn', 'channels', 'granian'], ['main', 'optional']) !== undefined;
  const declared = (name: 'WSGI_APPLICATION' | 'ASGI_APPLICATION') => {
    for (const s of inBase) {
      if (!s.text.includes(name)) continue;
      const line = findLine(s.text, new RegExp(`^${name}\\s*=\\s*["'][\\w.]+["']`));
      if (!line) continue;
      const dotted = /["']([\w.]+)["']/.exec(s.text.split('\n')[line - 1]!)![1]!;
      const cut = dotted.lastIndexOf('.');
      return { target: `${dotted.slice(0, cut)}:${dotted.slice(cut + 1)}`, origin: at(s, line, `settings ${name}`) };
    }
    return undefined;
  };
  const moduleFile = (fn: 'get_wsgi_application' | 'get_asgi_application') => {
    const project = settingsModule?.split('.')[0];
    const hits = inBase.filter((s) => s.text.includes(fn) && /(^|\/)(wsgi|asgi)(\.py|\/__init__\.py)$/.test(s.rel));
    const s = hits.find((h) => project && relToBase(h).startsWith(`${project}/`)) ?? hits[0];
    if (!s) return undefined;
    const variable = /^(\w+)\s*=\s*get_[wa]sgi_application\(/m.exec(s.text)?.[1] ?? 'application';
    const line = findLine(s.text, fn) ?? 1;
    return { target: `${moduleOf(relToBase(s)).module}:${variable}`, origin: at(s, line, `${fn}() module`) };
  };
  const asgi = wantsAsgi ? (declared('ASGI_APPLICATION') ?? moduleFile('get_asgi_application')) : undefined;
  const wsgi = declared('WSGI_APPLICATION') ?? moduleFile('get_wsgi_application');
  const chosen = asgi ? { ...asgi, iface: 'asgi' as const } : wsgi ? { ...wsgi, iface: 'wsgi' as const } : undefined;
  if (!chosen) return undefined;
  return { base, manage, settingsModule, app: { ...chosen, ...(base === '.' ? {} : { appDir: base }) } };
}

/** Django's build and release steps, database engine and settings-level facts. */
export function addDjangoFacts(project: DjangoProject, sources: readonly PythonSource[], facts: FactSheet): void {
  const manage = project.base === '.' ? 'manage.py' : `${project.base}/manage.py`;
  const mOrigin: Origin = { source: 'source', file: project.manage.file, reason: 'Django project (manage.py)' };
  facts.add('commands.release', `python ${manage} migrate --noinput`, { ...mOrigin, reason: 'Django migrations run once per release' });
  const staticRoot = findSetting(sources, /^STATIC_ROOT\s*[:=]/);
  if (staticRoot) {
    facts.add('commands.build', `python ${manage} collectstatic --noinput`, { ...staticRoot, reason: 'STATIC_ROOT is set: collect static files at build time' });
  }
  for (const s of sources) {
    if (!s.text.includes('django.db.backends.')) continue;
    for (const [line, text] of linesOf(s)) {
      const engine = /django\.db\.backends\.(\w+)/.exec(text)?.[1];
      const service = engine ? ENGINE_SERVICE[engine] : undefined;
      if (service) facts.addService(service, { ...at(s, line, `Django DATABASES ENGINE ${engine}`), source: 'config' });
    }
  }
}

function findSetting(sources: readonly PythonSource[], pattern: RegExp): Origin | undefined {
  for (const s of sources) {
    if (!s.text.includes('STATIC_ROOT')) continue;
    const line = findLine(s.text, pattern);
    if (line) return { source: 'config', file: s.file, line, excerpt: lineText(s.text, line) };
  }
  return undefined;
}

function at(s: PythonSource, line: number, reason: string): Origin {
  return { source: 'config', file: s.file, line, excerpt: lineText(s.text, line), reason };
}
