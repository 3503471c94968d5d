import { AppSpec, type AppSpecInput } from '../../../spec/app-spec.js';

type ComponentInput = AppSpecInput['components'][number];

/** One App Spec per Dockerfile recipe the renderer has; the docker tests walk them all. */
function app(name: string, component: Omit<ComponentInput, 'name'>): AppSpec {
  return AppSpec.parse({ version: 1, name, components: [{ name, ...component }] });
}

export const DOCKER_CASES: Record<string, AppSpec> = {
  'node-express-npm': app('shop', {
    kind: 'web', language: 'javascript', runtime: 'node', runtimeVersion: '22', packageManager: 'npm',
    commands: { install: 'npm ci', start: 'node server.js', release: 'node migrate.js' }, port: 3000, healthcheck: '/healthz',
  }),
  'node-nestjs-typescript': app('api', {
    kind: 'web', language: 'typescript', runtime: 'node', runtimeVersion: '>=20', packageManager: 'npm', framework: 'nestjs',
    commands: { install: 'npm ci', build: 'npm run build', start: 'node dist/main.js' }, port: 3000,
  }),
  'node-yarn-classic': app('board', {
    kind: 'web', language: 'javascript', runtime: 'node', runtimeVersion: '20', packageManager: 'yarn', packageManagerVersion: '1.22.22',
    commands: { install: 'yarn install --frozen-lockfile', build: 'yarn build', start: 'node server.js' }, port: 8080,
  }),
  'node-yarn-berry': app('berry', {
    kind: 'web', language: 'typescript', runtime: 'node', packageManager: 'yarn', packageManagerVersion: '4.5.0',
    commands: { build: 'build', start: 'node dist/index.js' }, port: 3000,
  }),
  'node-pnpm': app('pnpm-app', {
    kind: 'web', language: 'typescript', runtime: 'node', runtimeVersion: '24', packageManager: 'pnpm', packageManagerVersion: '9.12.0',
    commands: { install: 'pnpm install --frozen-lockfile', build: 'pnpm build', start: 'node build/index.js' }, port: 3000,
  }),
  'node-bun-pm': app('bunpm', {
    kind: 'web', language: 'typescript', runtime: 'node', packageManager: 'bun', commands: { start: 'node index.js' }, port: 3000,
  }),
  'node-nextjs-standalone': app('site', {
    kind: 'web', language: 'typescript', runtime: 'node', runtimeVersion: '22', packageManager: 'npm', framework: 'nextjs',
    commands: { install: 'npm ci', build: 'npm run build', start: 'npm start' }, port: 3000, healthcheck: '/api/health',
  }),
  'node-nuxt-output': app('homepage', {
    kind: 'web', language: 'typescript', runtime: 'node', runtimeVersion: '20.18.1', packageManager: 'yarn', packageManagerVersion: '1.22.22', framework: 'nuxt',
    commands: { install: 'yarn install --frozen-lockfile', build: 'yarn build', start: 'node .output/server/index.mjs' }, port: 3000, healthcheck: '/api/health',
  }),
  'node-vite-static': app('spa', {
    kind: 'static', language: 'typescript', runtime: 'node', runtimeVersion: '24', packageManager: 'npm', framework: 'vite',
    commands: { install: 'npm ci', build: 'npm run build' }, staticDir: 'dist',
  }),
  'node-no-lockfile': app('legacy', {
    kind: 'web', language: 'javascript', runtime: 'node', runtimeVersion: 'current', packageManager: 'npm',
    commands: { install: 'npm install', start: 'npm start' }, port: 8080,
  }),
  'node-shell-start': app('shelly', {
    kind: 'web', language: 'javascript', runtime: 'node', runtimeVersion: '22', packageManager: 'npm',
    commands: { start: 'NODE_OPTIONS=--max-old-space-size=512 node server.js --port $PORT' }, port: 3000,
  }),
  'python-stdlib': app('pyapp', {
    kind: 'web', language: 'python', runtime: 'python', runtimeVersion: '3.11', commands: { start: 'python app.py' }, port: 8000, healthcheck: '/healthz',
  }),
  'python-pip-gunicorn': app('flaskapp', {
    kind: 'web', language: 'python', runtime: 'python', runtimeVersion: '3.12', packageManager: 'pip', framework: 'flask',
    commands: { install: 'pip install -r requirements.txt', start: 'gunicorn app:app' }, port: 8000,
  }),
  'python-poetry-uvicorn': app('fastapi', {
    kind: 'web', language: 'python', runtime: 'python', runtimeVersion: '3.12', packageManager: 'poetry', framework: 'fastapi',
    commands: { install: 'poetry install', start: 'uvicorn app.main:app' }, port: 8000, healthcheck: '/health',
  }),
  'python-pipenv': app('httpbin', {
    kind: 'web', language: 'python', runtime: 'python', packageManager: 'pipenv', commands: { install: 'pipenv install', start: 'gunicorn -b 0.0.0.0:8080 httpbin:app' }, port: 8080,
  }),
  'python-uv-django': app('styleguide', {
    kind: 'web', language: 'python', runtime: 'python', runtimeVersion: '3.13', packageManager: 'uv', framework: 'django',
    commands: { install: 'uv sync', build: 'python manage.py collectstatic --noinput', start: 'gunicorn config.wsgi', release: 'python manage.py migrate' }, port: 8000,
  }),
  'jvm-maven': app('orders', {
    kind: 'web', language: 'java', runtime: 'jvm', runtimeVersion: '17', packageManager: 'maven', framework: 'spring-boot',
    commands: { build: 'mvn package', start: 'java -jar target/orders.jar' }, port: 8080, healthcheck: '/actuator/health',
  }),
  'jvm-gradle': app('halo', {
    kind: 'web', language: 'java', runtime: 'jvm', runtimeVersion: '21', packageManager: 'gradle', commands: { start: 'java -jar app.jar' }, port: 8090,
  }),
  'go-module': app('gorest', {
    kind: 'web', language: 'go', runtime: 'go', runtimeVersion: '1.22.3', packageManager: 'go',
    commands: { build: 'go build -o server ./cmd/server', start: './server -config config/local.yml' }, port: 8080, healthcheck: '/healthcheck',
  }),
  'ruby-rails': app('blog', {
    kind: 'web', language: 'ruby', runtime: 'ruby', runtimeVersion: '3.3', packageManager: 'bundler', framework: 'rails',
    commands: { build: 'bundle exec rails assets:precompile', start: 'bundle exec puma -C config/puma.rb', release: 'bundle exec rails db:migrate' },
    port: 3000, healthcheck: '/up', services: [{ type: 'postgres', version: '16' }],
  }),
  'php-laravel': app('crm', {
    kind: 'web', language: 'php', runtime: 'php', runtimeVersion: '8.2', packageManager: 'composer', framework: 'laravel',
    commands: { start: 'php artisan serve' }, port: 8000, services: [{ type: 'mysql' }],
  }),
  'dotnet-aspnet': app('web', {
    kind: 'web', language: 'csharp', runtime: 'dotnet', runtimeVersion: '8.0', packageManager: 'dotnet', framework: 'aspnetcore',
    commands: { start: 'dotnet Web.dll' }, port: 8080,
  }),
  'rust-binary': app('svc', {
    kind: 'web', language: 'rust', runtime: 'rust', packageManager: 'cargo', commands: { start: './target/release/svc --listen 0.0.0.0:8080' }, port: 8080,
  }),
  'bun-runtime': app('bunny', {
    kind: 'web', language: 'typescript', runtime: 'bun', packageManager: 'bun', commands: { start: 'bun run src/index.ts' }, port: 3000,
  }),
  'static-plain': app('docs', { kind: 'static', language: 'html', runtime: 'static', staticDir: 'public' }),
  'node-worker': app('jobs', {
    kind: 'worker', language: 'javascript', runtime: 'node', runtimeVersion: '22', packageManager: 'npm', commands: { install: 'npm ci', start: 'node worker.js' },
  }),
};
