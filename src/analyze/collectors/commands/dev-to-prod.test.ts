import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempView } from '../__fixtures__/temp-repo.js';
import { DEV_TO_PROD, isDevelopmentCommand, toProduction } from './dev-to-prod/index.js';

const node = tempView({
  'package.json': JSON.stringify({ dependencies: { next: '14' }, scripts: { dev: 'next dev' } }),
  'tsconfig.json': '{ "compilerOptions": { "outDir": "dist" }, "include": ["src"] }',
  'src/index.ts': 'export {}',
});
const py = tempView({ 'manage.py': '', 'shop/settings.py': '', 'shop/wsgi.py': '', 'app.py': '' });
const rb = tempView({ Gemfile: "gem 'rails'", 'config/puma.rb': '' });
const go = tempView({ 'go.mod': 'module github.com/acme/billing\n', 'cmd/api/main.go': 'package main' });
const dn = tempView({ 'src/Web/Web.csproj': '<Project />' });
const rs = tempView({ 'Cargo.toml': '[package]\nname = "relay"\n' });
const jvm = tempView({ 'pom.xml': '<project><artifactId>shop</artifactId><version>1.2.0</version><dependencies><dependency><artifactId>x</artifactId><version>9</version></dependency></dependencies></project>' });

const map = (argv: string[], repo: ReturnType<typeof tempView>, env?: Record<string, string>) => toProduction(argv, { repo, dir: '.', ...(env ? { env } : {}) });

describe('development → production mapping', () => {
  it('node: watchers run the same entry with node; TypeScript is compiled first', () => {
    expect(map(['nodemon', '--watch', 'src', 'src/server.js'], node)?.start).toBe('node src/server.js');
    expect(map(['ts-node-dev', '--respawn', 'src/index.ts'], node)).toMatchObject({ start: 'node dist/index.js', build: 'tsc' });
    expect(map(['node', '--watch', '--inspect=0.0.0.0', 'app.js'], node)?.start).toBe('node app.js');
    expect(map(['nodemon', '--exec', 'ts-node src/index.ts'], node)?.start).toBe('node dist/index.js');
  });

  it('node: framework dev servers become the framework production server', () => {
    expect(map(['next', 'dev'], node)).toMatchObject({ start: 'next start', build: 'next build' });
  });

  it('python: runserver → gunicorn on the project WSGI module; flask run → gunicorn', () => {
    expect(map(['python', 'manage.py', 'runserver', '0.0.0.0:8001'], py)).toMatchObject({ start: 'gunicorn shop.wsgi:application --bind 0.0.0.0:8001', port: 8001 });
    expect(map(['flask', 'run'], py)?.start).toBe('gunicorn app:app --bind 0.0.0.0:5000');
    expect(map(['flask', 'run', '--port', '7000'], py, { FLASK_APP: 'wsgi.py' })?.start).toBe('gunicorn wsgi:app --bind 0.0.0.0:7000');
    expect(map(['uvicorn', 'main:app', '--reload', '--port', '9000'], py)?.start).toBe('uvicorn main:app --host 0.0.0.0 --port 9000');
    expect(map(['fastapi', 'dev', 'main.py'], py)?.start).toBe('fastapi run main.py');
  });

  it('ruby: rails server → puma with the port', () => {
    expect(map(['bin/rails', 's', '-p', '4000'], rb)).toMatchObject({ start: 'bundle exec puma -C config/puma.rb -p 4000', port: 4000 });
    expect(map(['bundle', 'exec', 'rails', 'server'], rb)?.start).toBe('bundle exec puma -C config/puma.rb -p 3000');
  });

  it('php, jvm, go, dotnet, rust: the built artifact runs in production', () => {
    expect(map(['php', 'artisan', 'serve'], rb)?.start).toBe('php artisan serve --host=0.0.0.0 --port=8000');
    expect(map(['./mvnw', 'spring-boot:run'], jvm)).toMatchObject({ build: './mvnw -DskipTests package', start: 'java -jar target/shop-1.2.0.jar' });
    expect(map(['./gradlew', 'bootRun'], jvm)?.start).toBe('java -jar build/libs/*.jar');
    expect(map(['go', 'run', './cmd/api'], go)).toMatchObject({ build: 'go build -o bin/api ./cmd/api', start: './bin/api' });
    expect(map(['go', 'run', '.'], go)?.start).toBe('./bin/billing');
    expect(map(['dotnet', 'run', '--project', 'src/Web'], dn)).toMatchObject({ start: 'dotnet out/Web.dll' });
    expect(map(['cargo', 'run', '--release'], rs)).toMatchObject({ build: 'cargo build --release', start: './target/release/relay' });
  });

  it('leaves production commands alone', () => {
    for (const argv of [['node', 'server.js'], ['gunicorn', 'app:app'], ['java', '-jar', 'app.jar'], ['bun', 'src/index.ts']]) {
      expect(isDevelopmentCommand(argv)).toBe(false);
    }
  });

  it('every rule documents an example and is in the table of docs/analyzer.md', () => {
    const docs = readFileSync(new URL('../../../../docs/analyzer.md', import.meta.url), 'utf8');
    for (const rule of DEV_TO_PROD) {
      expect(rule.example[0].length && rule.example[1].length).toBeGreaterThan(0);
      expect(docs, `docs/analyzer.md lacks rule ${rule.id}`).toContain(`| \`${rule.id}\` |`);
    }
  });
});
