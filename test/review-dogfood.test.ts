import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../src/project/load.js';
import { RENDERERS } from '../src/render/index.js';
import { CI_TARGETS } from '../src/render/ci/index.js';
import { SpecIncompleteError, type RenderedFile } from '../src/render/renderer.js';
import { reviewDirectory, type Finding } from '../src/review/index.js';
import { AppSpec, type AppSpecInput } from '../src/spec/app-spec.js';
import { specToYaml } from '../src/spec/serialize.js';
import { listExamples } from './helpers/examples.js';
import { writeRendered } from './helpers/rendered-files.js';

/**
 * Dogfood: everything Slipway generates must pass Slipway's own review, scoring at least 95
 * overall with no open high or critical finding. Every registered renderer runs for every
 * example app (its analyzed App Spec) and for a few hand-written specs; the CI renderer runs
 * once per CI target.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const HAND_WRITTEN: Record<string, AppSpecInput> = {
  'spec-node-web-worker-postgres': {
    version: 1,
    name: 'shop',
    components: [
      {
        name: 'web', kind: 'web', language: 'typescript', runtime: 'node', runtimeVersion: '20', packageManager: 'npm',
        commands: { install: 'npm ci', build: 'npm run build', test: 'npm test', start: 'node dist/server.js' },
        port: 3000, healthcheck: '/healthz', tier: 'medium',
        env: [{ name: 'DATABASE_URL', required: true, secret: true }, { name: 'LOG_LEVEL', default: 'info' }],
        services: [{ type: 'postgres', version: '16' }, { type: 'redis', version: '7' }],
      },
      {
        name: 'worker', kind: 'worker', language: 'typescript', runtime: 'node', runtimeVersion: '20', packageManager: 'npm',
        commands: { install: 'npm ci', build: 'npm run build', test: 'npm test', start: 'node dist/worker.js' },
        env: [{ name: 'DATABASE_URL', required: true, secret: true }], services: [{ type: 'postgres', version: '16' }], tier: 'low',
      },
    ],
  },
  'spec-python-web': {
    version: 1,
    name: 'blog',
    components: [
      {
        name: 'api', kind: 'web', language: 'python', runtime: 'python', runtimeVersion: '3.11', packageManager: 'pip',
        commands: { install: 'pip install -r requirements.txt', test: 'pytest', start: 'gunicorn app:app --bind 0.0.0.0:8000' },
        port: 8000, healthcheck: '/health', tier: 'high',
      },
    ],
  },
  'spec-static-site': {
    version: 1,
    name: 'landing',
    components: [{ name: 'site', kind: 'static', language: 'html', runtime: 'static', staticDir: 'public', port: 8080, healthcheck: '/' }],
  },
};

function specs(): { name: string; spec: AppSpec }[] {
  const out = Object.entries(HAND_WRITTEN).map(([name, input]) => ({ name, spec: AppSpec.parse(input) }));
  for (const ex of listExamples()) {
    if (ex.check.exitCode) continue;
    try {
      out.push({ name: ex.name, spec: analyzeProject(ex.dir).spec });
    } catch {
      // an example the analyzer cannot handle yet is the analyzer's test to fail, not this one
    }
  }
  return out;
}

/** Writes every generated file (all renderers; CI once per target) plus slipway.yaml into a fresh directory. */
function generate(spec: AppSpec): { dir: string; skipped: string[] } {
  const files: RenderedFile[] = [];
  const skipped: string[] = [];
  for (const renderer of RENDERERS) {
    for (const opts of renderer.id === 'ci' ? CI_TARGETS.map((target) => ({ target })) : [{}]) {
      try {
        files.push(...renderer.render(spec, opts).files);
      } catch (err) {
        if (!(err instanceof SpecIncompleteError)) throw err;
        skipped.push(`${renderer.id}: ${err.message}`);
      }
    }
  }
  const { root: dir } = writeRendered(files, 'slipway-test-dogfood-');
  dirs.push(dir);
  writeFileSync(join(dir, 'slipway.yaml'), specToYaml(spec));
  return { dir, skipped };
}

const describeFinding = (f: Finding): string => `${f.severity} ${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`;

describe('dogfood: Slipway passes its own review', () => {
  it('has renderers to check', () => {
    expect(RENDERERS.length).toBeGreaterThan(0);
  });

  it.each(specs().map((s) => [s.name, s.spec] as const))('%s: generated files score ≥ 95 with no high or critical finding', async (_name, spec) => {
    const { dir } = generate(spec);
    const result = await reviewDirectory(dir);
    const open = result.findings.filter((f) => !f.suppressed);
    const serious = open.filter((f) => f.severity === 'high' || f.severity === 'critical');
    expect(serious.map(describeFinding), 'no high or critical finding').toEqual([]);
    expect(result.scores.overall ?? 100, `overall score; open findings:\n${open.map(describeFinding).join('\n')}`).toBeGreaterThanOrEqual(95);
  });
});
