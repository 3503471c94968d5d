import { AppSpec, type AppSpecInput } from '../../../spec/app-spec.js';

const evidence = { tier: { confidence: 1, evidence: [{ source: 'user' as const, reason: 'set in slipway.yaml' }] } };

/**
 * A monorepo: a Node web app and a Python API under apps/, a Go worker at the root (so
 * its trigger must leave the others out), a nightly job; Postgres behind the web app.
 */
export function monorepoSpec(extra: Partial<AppSpecInput> = {}): AppSpec {
  return AppSpec.parse({
    version: 1,
    name: 'shop',
    components: [
      {
        name: 'web', path: 'apps/web', kind: 'web', language: 'typescript', runtime: 'node', runtimeVersion: '22', packageManager: 'pnpm',
        commands: { install: 'pnpm install --frozen-lockfile', build: 'pnpm build', test: 'pnpm test -- --coverage', start: 'node dist/server.js', release: 'pnpm db:migrate' },
        port: 3000, healthcheck: '/healthz', tier: 'high', evidence,
        env: [{ name: 'DATABASE_URL', required: true }, { name: 'SESSION_SECRET', secret: true, required: true }],
        services: [{ type: 'postgres', version: '16' }],
      },
      {
        name: 'api', path: 'apps/api', kind: 'web', language: 'python', runtime: 'python', runtimeVersion: '3.12', packageManager: 'poetry',
        commands: { install: 'poetry install --no-root', test: 'poetry run pytest --cov --cov-report=xml', start: 'uvicorn app:app --port 8000' },
        port: 8000, public: false, tier: 'low', evidence,
      },
      { name: 'worker', path: '.', kind: 'worker', language: 'go', runtime: 'go', runtimeVersion: '1.22', packageManager: 'go', commands: { build: 'go build ./...', test: 'go test ./...', start: './worker' } },
      { name: 'nightly', path: 'jobs/nightly', kind: 'job', language: 'javascript', runtime: 'node', packageManager: 'npm', commands: { install: 'npm ci', start: 'node report.js' } },
    ],
    ...extra,
  });
}

/** One component at the root, its own environment names (staging gated, like prod). */
export function singleSpec(): AppSpec {
  return AppSpec.parse({
    version: 1,
    name: 'notes',
    environments: { dev: {}, staging: { approval: true }, prod: {} },
    components: [
      { name: 'notes', kind: 'web', language: 'rust', runtime: 'rust', packageManager: 'cargo', port: 8080, healthcheck: '/health', commands: { build: 'cargo build --release', test: 'cargo test' } },
    ],
  });
}
