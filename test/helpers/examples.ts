import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

/** What an example promises (examples/<name>/check.json). */
export interface ExampleCheck {
  description: string;
  /** Subset of the App Spec the analyzer must produce (toMatchObject). */
  expect?: Record<string, unknown>;
  /** Expected `slipway analyze` exit code when not 0 (3: nothing deployable). */
  exitCode?: number;
  /** Fields ("<component>.<field>") whose only source is the README. */
  readmeOnly?: string[];
  /** What a real run must show: HTTP path, status, a substring of the body. */
  run?: { component?: string; path: string; status: number; contains?: string };
}

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

export function listExamples(): { name: string; dir: string; check: ExampleCheck }[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(EXAMPLES_DIR, e.name, 'check.json')))
    .map((e) => ({
      name: e.name,
      dir: join(EXAMPLES_DIR, e.name),
      check: JSON.parse(readFileSync(join(EXAMPLES_DIR, e.name, 'check.json'), 'utf8')) as ExampleCheck,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Copies an example to a temp dir (tests never write into the repository); the caller removes it. */
export function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `slipway-test-${name}-`));
  cpSync(join(EXAMPLES_DIR, name), dir, { recursive: true, filter: (src) => !/node_modules|\.slipway/.test(src) });
  return dir;
}
