import { describe, expect, it } from 'vitest';
import { tempView } from '../src/analyze/collectors/__fixtures__/temp-repo.js';
import { startEquivalent, type EquivalenceContext } from '../bench/analyze/start-equivalence.js';

const repo = tempView({
  'docker/entrypoint.sh': '#!/bin/sh\nset -e\nnpx prisma migrate deploy\nexec node main\n',
  'docker-entrypoint.sh': '#!/bin/sh\nif [ "$WITH_DOCS" = true ]; then index-docs; fi\nexec "$@"\n',
  'scripts/init': '#!/bin/bash\nif [ -z "$1" ]; then\n  exec bundle exec puma -C config/puma.rb\nelse\n  exec bundle exec rails runner "$@"\nfi\n',
});
const ctx = (over: Partial<EquivalenceContext> = {}): EquivalenceContext => ({
  repo, appDir: '.', language: 'javascript',
  scripts: { start: 'prisma migrate deploy && node server.js', 'start:dev': 'node ./bin/www' },
  ...over,
});
const eq = (predicted: string | { kind: string; start?: string }, truth: string, over?: Partial<EquivalenceContext>) =>
  startEquivalent(typeof predicted === 'string' ? { kind: 'web', start: predicted } : predicted, truth, ctx(over));

describe('start-command equivalence', () => {
  it('wrappers, scripts and script files reduce to the process', () => {
    expect(eq('node server.js', '/usr/bin/tini -- node server.js')).toBe(true);
    expect(eq('node server.js', 'npm run start')).toBe(true);
    expect(eq('node ./bin/www', 'npm run start:dev')).toBe(true);
    expect(eq('node dist/apps/api/main', '/ghostfolio/entrypoint.sh')).toBe(true);
    expect(eq('node build/main.js', './docker-entrypoint.sh node build/main.js')).toBe(true);
    expect(eq('bundle exec puma -C config/puma.rb -p 3000', '/scripts/init', { language: 'ruby' })).toBe(true);
    expect(eq("sh -c 'exec java -jar app.jar'", 'java -jar build/libs/*.jar')).toBe(true);
  });

  it('paths: extension, ./ and WORKDIR prefixes do not matter; different files do', () => {
    expect(eq('node server', 'node server.js')).toBe(true);
    expect(eq('node .output/server/index.mjs', 'node /app/server/index.mjs')).toBe(true);
    expect(eq('node src/server.js', 'node server.js')).toBe(true);
    expect(eq('node worker.js', 'node server.js')).toBe(false);
    expect(eq('node dist/a/index.js', 'node dist/b/index.js')).toBe(false);
  });

  it('static sites equal the nginx stock command, and nothing else', () => {
    expect(eq({ kind: 'static' }, "nginx -g 'daemon off;'")).toBe(true);
    expect(eq('node server.js', "nginx -g 'daemon off;'")).toBe(false);
    expect(eq({ kind: 'static' }, 'node server.js')).toBe(false);
  });

  it('servers: the app target matters, flags, binds and ports do not', () => {
    expect(eq('gunicorn httpbin:app', 'gunicorn -b 0.0.0.0:80 httpbin:app -k gevent', { language: 'python' })).toBe(true);
    expect(eq('uvicorn saleor.asgi:application --host 0.0.0.0 --port 8000', 'uvicorn saleor.asgi:application --host=0.0.0.0 --port=8000 --workers=2', { language: 'python' })).toBe(true);
    expect(eq('gunicorn other:app', 'gunicorn httpbin:app', { language: 'python' })).toBe(false);
    expect(eq('celery flower', 'celery worker', { language: 'python' })).toBe(false);
  });

  it('a development command in the truth also counts as its production mapping', () => {
    const spring = tempView({ 'pom.xml': '<project><artifactId>demo</artifactId><version>1.0</version></project>' });
    expect(startEquivalent({ kind: 'web', start: 'java -jar target/demo-1.0.jar' }, 'mvn spring-boot:run', { repo: spring, appDir: '.', scripts: {}, language: 'java' })).toBe(true);
  });

  it('built Go binaries are one program; interpreters are not', () => {
    expect(eq('./bin/simplebank', '/app/main', { language: 'go' })).toBe(true);
    expect(eq('./bin/simplebank', '/app/main', { language: 'javascript' })).toBe(false);
  });
});
