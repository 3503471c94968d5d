import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expectedLines } from '../../src/review/testing/fixture-repo.js';

/** "rule|file|line" for every `slipway-expect` label of a corpus directory. */
export function labelsOf(dir: string): Set<string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  const out = new Set<string>();
  for (const [rule, byFile] of expectedLines(files)) for (const [file, lines] of byFile) for (const line of lines) out.add(`${rule}|${file}|${line}`);
  return out;
}
