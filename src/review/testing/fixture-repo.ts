import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where a fixture file lands in its throw-away repository, by its suffix. */
const PLACES: [RegExp, string][] = [
  [/\.Dockerfile$/, 'Dockerfile'],
  [/\.compose\.ya?ml$/, 'compose.yaml'],
  [/\.k8s\.ya?ml$/, 'k8s/manifest.yaml'],
  [/\.tf$/, 'infra/main.tf'],
  [/\.github\.ya?ml$/, '.github/workflows/ci.yaml'],
  [/\.gitlab-ci\.yml$/, '.gitlab-ci.yml'],
  [/\.Jenkinsfile$/, 'Jenkinsfile'],
  [/\.buildspec\.yml$/, 'buildspec.yml'],
  [/\.env\.example$/, '.env.example'],
  [/\.env$/, '.env'],
  [/\.config\.ya?ml$/, 'config/app.yaml'],
  [/\.properties$/, 'config/application.properties'],
  [/\.slipway\.yaml$/, 'slipway.yaml'],
];

/**
 * Copies a fixture into a fresh temporary repository: a directory as it is, a file at the
 * path its suffix (or a first-line `fixture-path: …` comment) names.
 */
export function fixtureRepo(fixture: string): { dir: string; file: string | undefined; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-test-review-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  if (statSync(fixture).isDirectory()) {
    cpSync(fixture, dir, { recursive: true });
    return { dir, file: undefined, cleanup };
  }
  const text = readFileSync(fixture, 'utf8');
  const override = /^\s*(?:#|\/\/)\s*fixture-path:\s*(\S+)/.exec(text.split('\n')[0] ?? '')?.[1];
  const file = override ?? PLACES.find(([re]) => re.test(fixture))?.[1];
  if (!file) throw new Error(`${fixture}: no repository path for this suffix (add "# fixture-path: …" on line 1)`);
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
  return { dir, file, cleanup };
}

/**
 * `slipway-expect: SLW-X-001` in a comment marks where a finding must be: on its own line it
 * points at the next line that is not a comment or blank, at the end of a line at that line.
 * Returns rule id → file → lines.
 */
export function expectedLines(files: Map<string, string>): Map<string, Map<string, Set<number>>> {
  const out = new Map<string, Map<string, Set<number>>>();
  for (const [file, text] of files) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const m = /(#|\/\/)\s*slipway-expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/.exec(line);
      if (!m) return;
      let target = i + 1;
      if (line.slice(0, m.index).trim() === '') {
        target = i + 2;
        while (target <= lines.length && /^\s*(#|\/\/|$)/.test(lines[target - 1]!)) target++;
      }
      for (const id of m[2]!.split(',').map((s) => s.trim())) {
        const byFile = out.get(id) ?? new Map<string, Set<number>>();
        byFile.set(file, (byFile.get(file) ?? new Set()).add(target));
        out.set(id, byFile);
      }
    });
  }
  return out;
}
