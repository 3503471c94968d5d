import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './messages.js';

/**
 * Starts a generator thread. Compiled (dist/*.js) it loads worker-entry.js directly; from
 * sources (tests, `tsx`) worker threads do not inherit the TypeScript loader, so a one-line
 * bootstrap registers tsx's ESM hooks in the thread first.
 */
export function spawnGeneratorWorker(setup: WorkerSetup): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './worker-entry.ts' : './worker-entry.js', import.meta.url);
  const options = { workerData: setup, stdout: false, stderr: false } as const;
  if (!fromSource) return new Worker(entry, options);
  const api = (tsxApi ??= tsxEsmApi());
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Resolved once: a run starts several workers. */
let tsxApi: string | undefined;

function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const rel = pkg.exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(pkgFile), rel)).href;
}
