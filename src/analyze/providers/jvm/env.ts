import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { JvmModule } from './model.js';

const MAX_FILES = 200;
const READS = [
  /System\.getenv\(\s*"([A-Z][A-Z0-9_]*)"\s*\)/g,
  /@Value\(\s*"\$\{([A-Z][A-Z0-9_]*)(?::([^}"]*))?\}"\s*\)/g,
];

/** Environment variables read by the module's main sources (System.getenv, @Value("${X}")). */
export function addJavaEnv(repo: RepoView, app: JvmModule, facts: FactSheet): void {
  const files = repo.glob([repoPath(app.dir, 'src/main/**/*.java'), repoPath(app.dir, 'src/main/**/*.kt')]).slice(0, MAX_FILES);
  for (const file of files) {
    const text = repo.read(file, 48 * 1024);
    if (!text || !/getenv|@Value/.test(text)) continue;
    text.split('\n').forEach((line, i) => {
      for (const re of READS) {
        for (const m of line.matchAll(re)) {
          facts.addEnv(m[1]!, { ...(m[2] !== undefined ? { default: m[2] } : {}) }, { source: 'source', file, line: i + 1, excerpt: line.trim().slice(0, 200), reason: 'read from the environment' });
        }
      }
    });
  }
}
