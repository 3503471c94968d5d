import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { DotnetProject } from './project.js';

const MAX_FILES = 150;

/**
 * What the project's C#/F# sources and appsettings say: a URL the server binds, health
 * check routes, environment variables read directly.
 */
export function scanSources(repo: RepoView, project: DotnetProject, facts: FactSheet): { port?: number } {
  const files = repo.glob([repoPath(project.dir, '**/*.cs'), repoPath(project.dir, '**/*.fs')]).filter((f) => !/\/(bin|obj)\//.test(f)).slice(0, MAX_FILES);
  let port: number | undefined;
  for (const file of files) {
    const text = repo.read(file, 48 * 1024);
    if (!text) continue;
    text.split('\n').forEach((line, i) => {
      const at = { source: 'source' as const, file, line: i + 1, excerpt: line.trim().slice(0, 200) };
      const health = /\.Map(?:HealthChecks|Get)\(\s*"(\/[\w/-]*(?:health|healthz|alive|ready|ping)[\w/-]*)"/.exec(line);
      if (health) facts.add('healthcheck', health[1]!, { ...at, reason: 'health check route' });
      const url = /(?:UseUrls|\.Run|\.Urls\.Add)\(\s*"https?:\/\/[^":]+:(\d{2,5})/.exec(line) ?? /ListenAnyIP\(\s*(\d{2,5})/.exec(line);
      if (url && port === undefined) {
        port = Number(url[1]);
        facts.add('port', port, { ...at, reason: 'server URL set in code' });
      }
      for (const m of line.matchAll(/Environment\.GetEnvironmentVariable\(\s*"([A-Z][A-Z0-9_]*)"\s*\)/g)) {
        facts.addEnv(m[1]!, {}, { ...at, reason: 'read from the environment' });
      }
    });
  }
  const settings = repoPath(project.dir, 'appsettings.json');
  const text = repo.read(settings, 64 * 1024);
  const lines = text?.split('\n') ?? [];
  const KESTREL_URL = /"Urls?"\s*:\s*"http:\/\/[^":]+:(\d{2,5})/;
  const idx = lines.findIndex((l) => KESTREL_URL.test(l));
  if (idx >= 0 && port === undefined) {
    port = Number(KESTREL_URL.exec(lines[idx]!)![1]);
    facts.add('port', port, { source: 'config', file: settings, line: idx + 1, excerpt: lines[idx]!.trim(), reason: 'Kestrel URL in appsettings.json' });
  }
  return port ? { port } : {};
}
