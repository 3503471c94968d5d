import type { FactSheet } from '../../facts.js';
import type { AnalyzeContext, Provider } from '../../provider.js';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';
import { readConfigFiles } from './config-files.js';
import { addEnvFromSource } from './env.js';
import { addFramework } from './framework.js';
import { readGoMod, requires } from './go-mod.js';
import { findMainPackages, type MainPackage } from './main-packages.js';
import { findPorts } from './port.js';
import { addServices } from './services.js';
import { goSources } from './sources.js';

/** Calls that accept connections: without any, the program is a worker, not a web service. */
const SERVES = /\b(ListenAndServe(TLS)?|net\.Listen|\.Serve\(|\.Run\(|\.Start\(|\.Listen\(|ListenAndServe)/;

export const goProvider: Provider = {
  id: 'go',
  manifests: ['go.mod', 'go.sum', '*.env', 'config/*.{yml,yaml}'],
  detect(repo: RepoView, dir: string) {
    return filesIn(repo, dir).includes('go.mod') ? [{ source: 'manifest', file: repoPath(dir, 'go.mod'), reason: 'go.mod present' }] : [];
  },
  analyze(repo: RepoView, dir: string, facts: FactSheet, ctx: AnalyzeContext): void {
    const mod = readGoMod(repo, dir);
    if (!mod) return;
    const origin = { source: 'manifest' as const, file: mod.file, reason: 'go.mod' };
    facts.add('language', 'go', origin);
    facts.add('runtime', 'go', origin);
    facts.add('packageManager', 'go', { ...origin, reason: 'Go modules' });
    if (mod.go) facts.add('runtimeVersion', mod.go.value, { ...origin, line: mod.go.line, excerpt: `go ${mod.go.value}`, reason: 'go.mod go directive' });
    const moduleName = mod.module?.split('/').filter((p) => !/^v\d+$/.test(p)).pop() ?? (dir === '.' ? 'app' : dir.split('/').pop()!);
    facts.name ??= moduleName;
    facts.add('commands.install', 'go mod download', { ...origin, reason: 'download the modules go.sum pins' });

    const sources = goSources(repo, dir, ctx);
    const mains = findMainPackages(sources, moduleName);
    addCommands(repo, dir, mains.primary, mains.workers, facts);
    addFramework(mod, sources.filter((s) => s.pkg === mains.primary?.pkg), facts);

    const ports = [...readConfigFiles(repo, dir, !!requires(mod, 'github.com/spf13/viper'), facts), ...findPorts(sources, mains.primary?.pkg)];
    ports.sort((a, b) => (b.origin.weight ?? 0) - (a.origin.weight ?? 0));
    const port = ports[0];
    if (port) {
      facts.add('port', port.port, port.origin);
      if (port.loopback) facts.note({ level: 'warn', file: port.origin.file, line: port.origin.line, message: 'the server listens on loopback only: unreachable from outside its container', hint: 'listen on ":PORT" (all interfaces) in production' });
    }
    else if (mains.primary && !sources.some((s) => SERVES.test(s.text))) {
      facts.add('kind', 'worker', { ...mains.primary.origin, reason: 'the program never listens on a socket: a worker' });
    }
    addServices(mod, facts);
    addEnvFromSource(sources, facts);
    if (!mains.primary) {
      facts.note({ level: mains.all.length ? 'warn' : 'info', file: mod.file, message: mains.all.length ? `several main packages (${mains.all.map((m) => m.pkg).join(', ')}); none is clearly the server` : 'no main package: a library module', hint: 'set commands.build and commands.start in slipway.yaml' });
      if (!mains.all.length) facts.deployable = false;
    }
  },
  startHelp: 'Go services start from the binary `go build` produced: e.g. build `go build -o bin/server ./cmd/server`, start `./bin/server`.',
};

function addCommands(repo: RepoView, dir: string, primary: MainPackage | undefined, workers: readonly MainPackage[], facts: FactSheet): void {
  const make = repo.read(repoPath(dir, 'Makefile'), 64 * 1024);
  const testTarget = make ? make.split('\n').findIndex((l) => /^test:/.test(l)) + 1 : 0;
  if (testTarget) facts.add('commands.test', 'make test', { source: 'manifest', file: repoPath(dir, 'Makefile'), line: testTarget, excerpt: 'test:', reason: 'Makefile test target', weight: 0.85 });
  facts.add('commands.test', 'go test ./...', { source: 'convention', reason: 'go test' });
  if (!primary) return;
  const target = (m: MainPackage) => (m.pkg === '.' ? '.' : `./${m.pkg}`);
  const builds = [primary, ...workers].map((m) => `go build -o bin/${m.binary} ${target(m)}`);
  facts.add('commands.build', builds.join(' && '), { ...primary.origin, reason: `${primary.origin.reason}: static binary in bin/` });
  facts.add('commands.start', `./bin/${primary.binary}`, primary.origin);
  if (repo.has(repoPath(dir, 'Procfile'))) return; // the Procfile lists the processes itself
  for (const w of workers) facts.addProcess(w.binary, `./bin/${w.binary}`, { ...w.origin, reason: `${w.origin.reason}: a worker beside the server` });
}
