import type { Origin } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import type { RepoView } from '../../repo.js';

/** config/puma.rb: the port it binds (its default) and whether it honours $PORT. */
export function pumaPort(repo: RepoView, file: string): { port: number | undefined; readsPort: boolean; origin: Origin } | undefined {
  const text = repo.read(file, 64 * 1024);
  if (text === null) return undefined;
  const patterns = [
    /^\s*port\s+ENV\.fetch\(\s*["']PORT["']\s*(?:,\s*(\d+)\s*\)|\)\s*\{\s*(\d+)\s*\})/m,
    /ENV\.fetch\(\s*["']PORT["']\s*,\s*["']?(\d+)["']?\s*\)/m,
    /^\s*port\s+(\d+)/m,
    /^\s*bind\s+["']tcp:\/\/[^:"']+:(\d+)["']/m,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const line = findLine(text, re);
    return { port: Number(m[1] ?? m[2]), readsPort: /ENV(\.fetch\(|\[)\s*["']PORT["']/.test(text), origin: { source: 'config', file, line, excerpt: lineText(text, line), reason: 'puma port' } };
  }
  return { port: undefined, readsPort: /ENV(\.fetch\(|\[)\s*["']PORT["']/.test(text), origin: { source: 'config', file, reason: 'config/puma.rb' } };
}
