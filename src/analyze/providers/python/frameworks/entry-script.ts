import type { Origin } from '../../../facts.js';
import { findLine, lineText } from '../../../parse/manifest.js';
import { hasMainGuard, moduleOf, type PythonSource } from '../sources.js';

export interface EntryScript {
  command: string;
  /** True when the script runs a server fit for production (uvicorn, aiohttp, tornado …). */
  production: boolean;
  framework: string | undefined;
  source: PythonSource;
  origin: Origin;
}

/** Calls that start a server inside the script, with whether that server suits production. */
const SERVER_CALLS: { re: RegExp; production: boolean; framework?: string }[] = [
  { re: /\buvicorn\.run\(/, production: true },
  { re: /\bhypercorn\.asyncio\.serve\(|\bwaitress\.serve\(/, production: true },
  { re: /\bweb\.run_app\(/, production: true, framework: 'aiohttp' },
  { re: /IOLoop\.(current|instance)\(\)\.start\(\)|tornado\.ioloop/, production: true, framework: 'tornado' },
  { re: /\.serve_forever\(\)/, production: true },
  { re: /\bsocketio\.run\(/, production: false, framework: 'flask' },
  { re: /\b(bottle\.)?run\(\s*(app\b|host=|port=)/, production: false, framework: 'bottle' },
  { re: /\bapp\.run\(/, production: false },
];

const MAX_DEPTH = 2;
/** Conventional entry-point names, preferred in this order when several scripts qualify. */
const ENTRY_NAMES = ['__main__.py', 'main.py', 'app.py', 'server.py', 'run.py', 'wsgi.py', 'asgi.py'];

/**
 * Scripts that start the server themselves under `if __name__ == "__main__":` — the
 * author's own way to run the app (and, for stdlib apps, the only one). Inside a package
 * the script runs as a module so its absolute imports resolve.
 */
export function findEntryScripts(sources: readonly PythonSource[], packages: ReadonlySet<string>): EntryScript[] {
  const out: EntryScript[] = [];
  for (const s of sources) {
    if (s.rel.split('/').length > MAX_DEPTH || (!hasMainGuard(s.text) && !s.rel.endsWith('__main__.py'))) continue;
    const call = SERVER_CALLS.find((c) => c.re.test(s.text));
    if (!call) continue;
    const folder = s.rel.includes('/') ? s.rel.slice(0, s.rel.lastIndexOf('/')) : '';
    const inPackage = folder !== '' && packages.has(folder);
    const { module } = moduleOf(s.rel);
    const command = inPackage ? `python -m ${module.replace(/\.__main__$/, '')}` : `python ${s.rel}`;
    const line = findLine(s.text, call.re) ?? findLine(s.text, /__main__/);
    out.push({
      command,
      production: call.production,
      framework: call.framework,
      source: s,
      origin: { source: 'source', file: s.file, line, excerpt: lineText(s.text, line), reason: 'script starts the server under __main__' },
    });
  }
  const name = (e: EntryScript) => ENTRY_NAMES.indexOf(e.source.rel.split('/').pop()!) >>> 0;
  return out.sort((a, b) => Number(b.production) - Number(a.production) || a.source.rel.split('/').length - b.source.rel.split('/').length || name(a) - name(b));
}
