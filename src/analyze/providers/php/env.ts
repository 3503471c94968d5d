import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';

const READS = [
  /\benv\(\s*['"]([A-Z][A-Z0-9_]*)['"]\s*(?:,\s*['"]?([^'")]*)['"]?)?\)/g,
  /\bgetenv\(\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\)/g,
  /\$_(?:ENV|SERVER)\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g,
];
const MAX_FILES = 150;
/** CGI request variables in $_SERVER: set per request by the web server, not configuration. */
const REQUEST_VARIABLE = /^(PATH_INFO|SCRIPT_NAME|SCRIPT_FILENAME|PHP_SELF|QUERY_STRING|REQUEST_(METHOD|URI|TIME(_FLOAT)?|SCHEME)|CONTENT_(TYPE|LENGTH)|SERVER_(NAME|PORT|PROTOCOL|SOFTWARE|ADDR)|REMOTE_(ADDR|USER|HOST|PORT)|DOCUMENT_ROOT|HTTPS|HTTP_[A-Z_]+|argv|argc)$/;

/** env('X', default) in config/*.php (Laravel), getenv / $_ENV in the app's PHP files. */
export function addEnvFromSource(repo: RepoView, dir: string, facts: FactSheet): void {
  const files = repo.glob(['config/**/*.php', '*.php', 'src/**/*.php', 'app/**/*.php'].map((p) => repoPath(dir, p))).slice(0, MAX_FILES);
  for (const file of files) {
    const text = repo.read(file, 48 * 1024);
    if (!text || !/env\(|getenv|\$_ENV|\$_SERVER/.test(text)) continue;
    text.split('\n').forEach((line, i) => {
      if (!/env|\$_/.test(line) || /^\s*(\/\/|\*|#)/.test(line)) return;
      for (const re of READS) {
        for (const m of line.matchAll(re)) {
          if (REQUEST_VARIABLE.test(m[1]!)) continue;
          const def = m[2]?.trim();
          facts.addEnv(m[1]!, { ...(def && def !== 'null' ? { default: def } : {}) }, { source: file.includes('config/') ? 'config' : 'source', file, line: i + 1, excerpt: line.trim().slice(0, 200), reason: 'read from the environment' });
        }
      }
    });
  }
}
