import type { Origin } from '../../facts.js';
import type { GoSource } from './sources.js';

export interface MainPackage {
  /** Package directory relative to the module ("." or "cmd/server"). */
  pkg: string;
  /** Binary name: the directory name, or the module's last path element for the root. */
  binary: string;
  origin: Origin;
}

/** cmd/<name> entries that run beside the server rather than serve HTTP themselves. */
const WORKER = /^(worker|workers|consumer|jobs?|queue|scheduler|cron|processor)$/;
/** cmd/<name> entries that are tools, not long-running processes. */
const TOOL = /^(migrate|migration|migrations|seed|seeder|cli|tools?|gen|generate|codegen|admin|client|bench|loadtest|healthcheck)$/;
const SERVER = /^(server|api|web|app|http|httpd|service|gateway|backend)$/;

export interface MainPackages {
  primary: MainPackage | undefined;
  workers: MainPackage[];
  all: MainPackage[];
}

/**
 * `package main` directories with a `func main()`. The root package wins; else a cmd/<name>
 * named like the module or like a server; worker-like commands become worker processes and
 * tool-like ones (migrate, seed …) are left out.
 */
export function findMainPackages(sources: readonly GoSource[], moduleName: string): MainPackages {
  const byPkg = new Map<string, MainPackage>();
  for (const s of sources) {
    if (!s.isMain || byPkg.has(s.pkg)) continue;
    const line = s.lines.findIndex((l) => /^func\s+main\s*\(/.test(l)) + 1;
    const binary = s.pkg === '.' ? moduleName : s.pkg.split('/').pop()!;
    byPkg.set(s.pkg, { pkg: s.pkg, binary, origin: { source: 'source', file: s.file, line, excerpt: 'func main()', reason: `main package ${s.pkg === '.' ? 'at the module root' : s.pkg}` } });
  }
  const all = [...byPkg.values()];
  const runnable = all.filter((m) => !TOOL.test(m.binary) && !/(^|\/)(tools?|scripts|hack|internal)\//.test(`${m.pkg}/`));
  const primary =
    byPkg.get('.') ??
    runnable.find((m) => m.binary === moduleName) ??
    runnable.find((m) => SERVER.test(m.binary)) ??
    runnable.find((m) => !WORKER.test(m.binary));
  const workers = runnable.filter((m) => m !== primary && WORKER.test(m.binary));
  return { primary: primary ?? (all.length === 1 ? all[0] : undefined), workers, all };
}
