import type { Origin } from '../../../facts.js';
import { findLine, lineText } from '../../../parse/manifest.js';
import type { PythonManifests } from '../dependencies.js';

export interface ScriptStart {
  command: string;
  origin: Origin;
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Task names that mean "run the app" in a task runner. */
const START_TASKS = ['start', 'serve', 'server', 'run', 'web', 'prod', 'production'];

/**
 * A start task of poethepoet ([tool.poe.tasks]), the Python counterpart of `npm start`.
 * Development flags (--reload, --debug) are dropped: they are not how production runs.
 */
export function poeStartTask(m: PythonManifests, file: string): ScriptStart | undefined {
  const tasks = rec(rec(rec(m.pyproject?.tool).poe).tasks);
  for (const name of START_TASKS) {
    const task = tasks[name];
    const cmd = typeof task === 'string' ? task : typeof rec(task).cmd === 'string' ? (rec(task).cmd as string) : typeof rec(task).shell === 'string' ? (rec(task).shell as string) : undefined;
    if (!cmd) continue;
    const line = m.pyprojectText ? (findLine(m.pyprojectText, new RegExp(`^\\s*${name}(\\.cmd|\\.shell)?\\s*=`)) ?? findLine(m.pyprojectText, `[tool.poe.tasks.${name}]`)) : undefined;
    return {
      command: withoutDevFlags(cmd),
      origin: { source: 'manifest', file, line, excerpt: m.pyprojectText ? lineText(m.pyprojectText, line) : undefined, reason: `pyproject.toml > tool.poe.tasks > ${name}` },
    };
  }
  return undefined;
}

/** Console scripts the project installs ([project.scripts], Poetry scripts, setup.py console_scripts). */
export function consoleScripts(m: PythonManifests, file: string, setupPy: { file: string; text: string | null }): ScriptStart[] {
  const out: ScriptStart[] = [];
  const fromTable = (table: unknown, reason: string) => {
    for (const name of Object.keys(rec(table))) {
      const line = m.pyprojectText ? findLine(m.pyprojectText, new RegExp(`^\\s*"?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*=`)) : undefined;
      out.push({ command: name, origin: { source: 'manifest', file, line, excerpt: m.pyprojectText ? lineText(m.pyprojectText, line) : undefined, reason } });
    }
  };
  fromTable(rec(m.pyproject?.project).scripts, 'pyproject.toml > project > scripts');
  fromTable(rec(rec(rec(m.pyproject?.tool).poetry).scripts), 'pyproject.toml > tool.poetry > scripts');
  const text = setupPy.text;
  const block = text ? /["']console_scripts["']\s*:\s*\[([^\]]*)\]/s.exec(text) : null;
  for (const entry of block ? block[1]!.matchAll(/["']\s*([\w.-]+)\s*=/g) : []) {
    const line = findLine(text!, entry[0]);
    out.push({ command: entry[1]!, origin: { source: 'manifest', file: setupPy.file, line, excerpt: lineText(text!, line), reason: 'setup.py console_scripts' } });
  }
  return out;
}

/** "uvicorn app:app --reload" → "uvicorn app:app". */
export function withoutDevFlags(cmd: string): string {
  return cmd.replace(/\s--(reload|debug)(?=\s|$)/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * A server command made reachable: uvicorn and gunicorn listen on 127.0.0.1 unless told
 * otherwise, so the host and $PORT are added when the command leaves them out.
 */
export function listenOnPort(cmd: string, port: number): string {
  const listen = `\${PORT:-${port}}`;
  if (/^uvicorn\s/.test(cmd) && !/\s--(host|port|uds|fd)\b/.test(cmd)) return `${cmd} --host 0.0.0.0 --port ${listen}`;
  if (/^gunicorn\s/.test(cmd) && !/\s(-b|--bind)\b/.test(cmd)) return cmd.replace(/^gunicorn/, `gunicorn --bind 0.0.0.0:${listen}`);
  return cmd;
}
