import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';

const MAX_FILES = 150;
/** (loopback host?, port) — the address a server binds in code. */
const BIND = [
  /\b(?:bind|serve|listen|run)\(\s*"(?:(127\.0\.0\.1|localhost)|[\d.]+|\[::\])?:(\d{2,5})"/,
  /\b(?:bind|serve|run)\(\s*\(\s*"(?:(127\.0\.0\.1|localhost)|[\d.]+)"\s*,\s*(\d{2,5})\s*\)/,
  /SocketAddr::from\(\s*\(\s*\[\s*(127\s*,\s*0\s*,\s*0\s*,\s*1)?[\d\s,]*\]\s*,\s*(\d{2,5})\s*\)/,
  /env::var\(\s*"PORT"\s*\)[^;]*unwrap_or(?:_else)?\([^)]*?"?()(\d{2,5})"?/,
];

/**
 * The listen port and environment variables from the package's Rust sources. A loopback
 * bind is reported: it is unreachable once the binary runs in a container.
 */
export function scanSources(repo: RepoView, dir: string, facts: FactSheet): number | undefined {
  let port: number | undefined;
  const files = repo.glob(repoPath(dir, 'src/**/*.rs')).slice(0, MAX_FILES);
  for (const file of files) {
    const text = repo.read(file, 48 * 1024);
    if (!text) continue;
    text.split('\n').forEach((line, i) => {
      if (line.trim().startsWith('//')) return;
      const at = { source: 'source' as const, file, line: i + 1, excerpt: line.trim().slice(0, 200) };
      for (const m of line.matchAll(/\benv::var(?:_os)?\(\s*"([A-Z][A-Z0-9_]*)"\s*\)/g)) facts.addEnv(m[1]!, {}, { ...at, reason: 'read with std::env::var' });
      if (port !== undefined) return;
      for (const re of BIND) {
        const m = re.exec(line);
        if (!m || Number(m[2]) < 80) continue;
        port = Number(m[2]);
        facts.add('port', port, { ...at, reason: 'the server binds this address' });
        if (m[1]) facts.note({ level: 'warn', file, line: i + 1, message: 'the server binds loopback only: unreachable from outside its container', hint: 'bind 0.0.0.0 in production' });
        return;
      }
    });
  }
  const rocket = repoPath(dir, 'Rocket.toml');
  const config = repo.read(rocket, 16 * 1024);
  const line = config ? config.split('\n').findIndex((l) => /^\s*port\s*=\s*\d+/.test(l)) : -1;
  if (port === undefined && line >= 0) {
    port = Number(/(\d+)/.exec(config!.split('\n')[line]!)![1]);
    facts.add('port', port, { source: 'config', file: rocket, line: line + 1, excerpt: config!.split('\n')[line]!.trim(), reason: 'Rocket.toml port' });
  }
  return port;
}
