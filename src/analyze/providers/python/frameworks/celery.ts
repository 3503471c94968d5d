import type { Origin } from '../../../facts.js';
import { findLine, lineText } from '../../../parse/manifest.js';
import { moduleOf, type PythonSource } from '../sources.js';

export interface CeleryApp {
  /** `celery -A <module>` target. */
  module: string;
  worker: string;
  origin: Origin;
}

/**
 * A Celery application (`app = Celery(...)` at module level): its worker is a process of
 * the component. Beat is left out on purpose: it must run as exactly one replica.
 */
export function findCeleryApp(sources: readonly PythonSource[]): CeleryApp | undefined {
  for (const s of sources) {
    if (!s.text.includes('Celery(')) continue;
    const line = findLine(s.text, /^\w+\s*=\s*(celery\.)?Celery\(/);
    if (!line) continue;
    const variable = /^(\w+)/.exec(s.text.split('\n')[line - 1]!)![1]!;
    const { module } = moduleOf(s.rel);
    const target = variable === 'app' || variable === 'celery' ? module : `${module}:${variable}`;
    return {
      module: target,
      worker: `celery -A ${target} worker --loglevel=info`,
      origin: { source: 'source', file: s.file, line, excerpt: lineText(s.text, line), reason: 'Celery application: its worker runs beside the web process' },
    };
  }
  return undefined;
}

/**
 * A package that plugs a sub-command into the celery CLI (`celery.commands` entry point,
 * like Flower): the app is started as `celery <command>`.
 */
export function celeryCommandPlugin(file: string, text: string | null): { command: string; origin: Origin } | undefined {
  if (!text) return undefined;
  const block = /["']celery\.commands["']\s*[:=]\s*\[?\s*["']\s*([\w-]+)\s*=/.exec(text) ?? /\[project\.entry-points\."?celery\.commands"?\]\s*\n\s*([\w-]+)\s*=/.exec(text);
  if (!block) return undefined;
  const line = findLine(text, 'celery.commands');
  return {
    command: `celery ${block[1]}`,
    origin: { source: 'manifest', file, line, excerpt: lineText(text, line), reason: 'celery.commands entry point: a celery sub-command' },
  };
}
