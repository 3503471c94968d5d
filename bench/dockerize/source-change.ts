import { appendFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const EDITABLE = new Set(['.js', '.mjs', '.cjs', '.ts', '.tsx', '.jsx']);
const SKIP_DIR = /^(node_modules|dist|build|public|static|\.[^/]*|test|tests|__tests__|coverage)$/;
const CONFIG_FILE = /(^|\.)(config|rc)\.(m?[jt]s|cjs)$|^(vite|nuxt|next|tailwind|postcss|eslint|babel|jest|vitest|webpack|rollup)\./;

/**
 * The "one-line source change" of the rebuild measure: a comment appended to the start
 * file when the start command names one, else to the first application source file.
 */
export function changeOneLine(appDir: string, start: string | undefined): string {
  const named = start?.split(/\s+/).find((w) => EDITABLE.has(extname(w)) && existsSync(join(appDir, w)));
  const file = named ? join(appDir, named) : firstSource(appDir);
  if (!file) throw new Error(`no JavaScript/TypeScript source file to change in ${appDir}`);
  appendFileSync(file, `\n// slipway bench: one-line change ${Date.now()}\n`);
  return relative(appDir, file);
}

function firstSource(dir: string): string | undefined {
  const entries = readdirSync(dir).sort();
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isFile() && EDITABLE.has(extname(name)) && !CONFIG_FILE.test(name) && !name.endsWith('.d.ts')) return p;
  }
  for (const name of ['src', 'app', 'server', 'lib', ...entries]) {
    const p = join(dir, name);
    if (!existsSync(p) || !statSync(p).isDirectory() || SKIP_DIR.test(name)) continue;
    const found = firstSource(p);
    if (found) return found;
  }
  return undefined;
}
