import type { FactSheet } from '../../facts.js';
import { isSecretName } from '../../component-builder.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { PortFinding } from './port.js';

/** Keys naming the app's own listen address; gRPC, database and mail addresses are not it. */
const LISTEN_KEY = /^(?:(?:HTTP|SERVER|APP|WEB|API|LISTEN)_)*(?:HTTP_)?(?:SERVER_)?(?:ADDRESS|ADDR|PORT|LISTEN|LISTEN_ADDR)$/i;
const OTHER = /GRPC|DB|DATABASE|POSTGRES|MYSQL|REDIS|SMTP|MAIL|METRICS|DEBUG|PPROF|ADMIN/i;

/**
 * Configuration files a Go service ships next to its code: dotenv-style `app.env` /
 * `config.env` (viper reads them, and the environment overrides every key), and YAML
 * configs under config/. They give the listen port and the variables the app reads.
 */
export function readConfigFiles(repo: RepoView, dir: string, usesViper: boolean, facts: FactSheet): PortFinding[] {
  const ports: PortFinding[] = [];
  const envFiles = repo.list(dir).files.filter((f) => /^[\w-]+\.env$/.test(f)).map((f) => repoPath(dir, f));
  for (const file of envFiles) {
    const text = repo.read(file, 64 * 1024);
    if (!text) continue;
    text.split('\n').forEach((raw, i) => {
      const m = /^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=\s*(.*)$/.exec(raw);
      if (!m) return;
      const [, key, value] = m as unknown as [string, string, string];
      const origin = { source: 'config' as const, file, line: i + 1, excerpt: isSecretName(key) ? `${key}=…` : raw.trim().slice(0, 200) };
      if (usesViper) facts.addEnv(key, { ...(isSecretName(key) ? {} : { default: value.trim() }) }, { ...origin, reason: 'key of a config file the environment overrides (viper)' });
      const port = /(?::|^)(\d{2,5})\s*$/.exec(value.trim())?.[1];
      if (port && LISTEN_KEY.test(key) && !OTHER.test(key)) ports.push({ port: Number(port), loopback: /localhost|127\.0\.0\.1/.test(value), origin: { ...origin, reason: `${key} in ${file}`, weight: /HTTP/i.test(key) ? 0.8 : 0.75 } });
    });
  }
  for (const file of repo.glob([repoPath(dir, 'config.{yml,yaml}'), repoPath(dir, 'config/*.{yml,yaml}')])) {
    if (/test|prod/i.test(file.split('/').pop()!)) continue;
    const text = repo.read(file, 64 * 1024);
    text?.split('\n').forEach((raw, i) => {
      const m = /^\s*(port|server_port|http_port|listen|addr|address)\s*:\s*["']?[\w.]*:?(\d{2,5})["']?\s*$/.exec(raw);
      if (m) ports.push({ port: Number(m[2]), loopback: false, origin: { source: 'config', file, line: i + 1, excerpt: raw.trim(), reason: `${m[1]} in ${file}`, weight: 0.75 } });
    });
  }
  return ports;
}
