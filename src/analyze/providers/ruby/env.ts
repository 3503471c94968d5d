import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';

const READS = [
  /\bENV\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]/g,
  /\bENV\.fetch\(\s*["']([A-Z][A-Z0-9_]*)["']\s*(?:,\s*["']?([^"')]*)["']?)?\)/g,
];
const MAX_FILES = 200;

/** ENV[...] and ENV.fetch(...) in config/, app/, lib/ and top-level Ruby files (ERB in YAML included). */
export function addEnvFromSource(repo: RepoView, dir: string, nested: readonly string[], facts: FactSheet): void {
  const files = repo
    .glob(['config/**/*.{rb,yml}', 'app/**/*.rb', 'lib/**/*.rb', '*.rb', 'config.ru'].map((p) => repoPath(dir, p)))
    .filter((f) => !nested.some((n) => f.startsWith(`${n}/`)) && !/\/(spec|test)\//.test(f))
    .slice(0, MAX_FILES);
  for (const file of files) {
    const text = repo.read(file, 48 * 1024);
    if (!text || !text.includes('ENV')) continue;
    text.split('\n').forEach((line, i) => {
      if (!line.includes('ENV') || line.trim().startsWith('#')) return;
      for (const re of READS) {
        for (const m of line.matchAll(re)) {
          const def = m[2]?.trim();
          facts.addEnv(m[1]!, { ...(def && /^[\w./:-]+$/.test(def) ? { default: def } : {}) }, { source: file.endsWith('.yml') || file.includes('/config/') || file.startsWith('config/') ? 'config' : 'source', file, line: i + 1, excerpt: line.trim().slice(0, 200), reason: 'read from ENV' });
        }
      }
    });
  }
}
