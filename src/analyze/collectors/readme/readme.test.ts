import { describe, expect, it } from 'vitest';
import { collect } from '../__fixtures__/collect.js';
import { readmeCollector } from './index.js';
import { parseReadme } from './markdown.js';

const pkg = JSON.stringify({ name: 'app', scripts: { start: 'node server.js', dev: 'nodemon server.js', build: 'tsc' } });

describe('markdown', () => {
  it('keeps line numbers for code, inline code and prose', () => {
    const doc = parseReadme('README.md', '# App\n\n[![ci](x.svg)](y)\n\nRun `npm start`.\n\n```sh\nnpm ci\nnpm start\n```\n\n    indented --code\n');
    expect(doc.codeBlocks.map((b) => [b.lang, b.lines.map((l) => [l.text, l.line])])).toEqual([
      ['sh', [['npm ci', 8], ['npm start', 9]]],
      ['', [['indented --code', 12]]],
    ]);
    expect(doc.inlineCodes).toMatchObject([{ value: 'npm start', line: 5, section: 'App' }]);
    expect(doc.prose.map((p) => p.line)).toEqual([1, 5]);
  });
});

describe('README commands', () => {
  it('maps npm scripts to their process and dev commands to production', () => {
    const r = collect(readmeCollector, { 'package.json': pkg, 'server.js': '', 'README.md': '```bash\nnpm install\nnpm run dev\n```\n\n## Production\n\n```bash\nnpm start\n```\n' });
    expect(r.values('commands.start')).toEqual(['node server.js', 'node server.js']);
    expect(r.facts.candidates['commands.start']!.map((c) => c.weight)).toEqual([0.45, 0.65]);
  });

  it('reads console blocks with prompts and output, joins continuation lines', () => {
    const r = collect(readmeCollector, { 'package.json': '{}', 'README.md': '```console\n$ node bin/app.js \\\n    --port 9100\nlistening\n```\n' });
    expect(r.value('commands.start')).toBe('node bin/app.js --port 9100');
    expect(r.value('port')).toBe(9100);
  });

  it("runs the component's own console script as a server: a start command", () => {
    const r = collect(readmeCollector, {
      'pyproject.toml': '[project]\nname = "shorty"\n[project.scripts]\nshorty = "shorty.cli:main"\n',
      'README.md': '```sh\nshorty serve --port 8088\nshorty export links.csv\n```\n',
    }, { provider: 'python' });
    expect(r.values('commands.start')).toEqual(['shorty serve --port 8088']);
    expect(r.value('port')).toBe(8088);
  });

  it('ignores commands of other ecosystems and other components', () => {
    const r = collect(readmeCollector, {
      'package.json': '{}', 'api/package.json': '{}',
      'README.md': '```sh\npython manage.py runserver\ncd api && node other.js\n```\n',
    }, { componentDirs: ['.', 'api'] });
    expect(r.values('commands.start')).toEqual([]);
  });

  it('in a monorepo root README, only the parts about the component count', () => {
    const files = {
      'apps/api/package.json': '{}', 'apps/web/package.json': '{}',
      'README.md': '# Repo\n\n## Web\n\nOpen http://localhost:5000\n\n## API\n\nRequires PostgreSQL.\n\n```sh\ncd apps/api\nPORT=4000 node main.js\n```\n',
    };
    const api = collect(readmeCollector, files, { dir: 'apps/api', componentDirs: ['apps/api', 'apps/web'] });
    expect(api.value('port')).toBe(4000);
    expect(api.services()).toEqual(['postgres']);
    const web = collect(readmeCollector, files, { dir: 'apps/web', componentDirs: ['apps/api', 'apps/web'] });
    expect(web.values('port')).toEqual([5000]);
    expect(web.services()).toEqual([]);
  });
});

describe('README ports', () => {
  it('takes the container side of docker run -p, above local URLs', () => {
    const r = collect(readmeCollector, { 'package.json': '{}', 'README.md': 'Open http://localhost:8000\n\n```\ndocker run -p 8000:3000 acme/app\n```\n' });
    expect(r.value('port')).toBe(3000);
  });

  it('a service container is not the app: its port and variables are skipped, the service counts', () => {
    const r = collect(readmeCollector, { 'package.json': '{}', 'README.md': '```sh\ndocker run -d -p 5432:5432 -e POSTGRES_PASSWORD=x postgres:16\n```\n' });
    expect(r.values('port')).toEqual([]);
    expect(r.env()).toEqual([]);
    expect(r.facts.services.get('postgres')![0]!.value).toEqual({ version: '16' });
  });

  it('dev-server URLs weigh less; for a static site they do not count', () => {
    const readme = '## Development\n\n```sh\nnpm run dev\n```\n\nOpen http://localhost:5173\n';
    const web = collect(readmeCollector, { 'package.json': '{}', 'README.md': readme });
    expect(web.facts.candidates.port![0]!.weight).toBe(0.35);
    const site = collect(readmeCollector, { 'package.json': '{}', 'README.md': readme }, { prepare: (f) => f.add('kind', 'static', { source: 'manifest' }) });
    expect(site.values('port')).toEqual([]);
  });

  it('prose: "listens on port 7000", "PORT=5050"', () => {
    expect(collect(readmeCollector, { 'package.json': '{}', 'README.md': 'The server listens on port 7000.\n' }).value('port')).toBe(7000);
    expect(collect(readmeCollector, { 'package.json': '{}', 'README.md': 'Set `PORT=5050` first.\n' }).value('port')).toBe(5050);
  });
});

describe('README environment variables', () => {
  it('export, docker -e, .env snippets, tables and "set X"', () => {
    const r = collect(readmeCollector, {
      'package.json': '{}',
      'README.md': [
        '```sh', 'export API_KEY=abc', 'docker run -e SENTRY_DSN=x acme/app', 'baseUrl=http://x', '```', '',
        '```env', 'DATABASE_URL=postgres://u@h/db', 'LOG_LEVEL=info', '```', '',
        '| Variable | Meaning |', '| --- | --- |', '| `CACHE_TTL` | seconds |', '',
        'Before starting, set SMTP_HOST to your relay.', '',
        '* `FEATURE_FLAGS`: comma-separated list', '',
        'The `HTTP_200` status and `GET` verb are not variables.',
      ].join('\n'),
    });
    expect(r.env().sort()).toEqual(['API_KEY', 'CACHE_TTL', 'DATABASE_URL', 'FEATURE_FLAGS', 'LOG_LEVEL', 'SENTRY_DSN', 'SMTP_HOST']);
    expect(r.services()).toEqual(['postgres']);
    expect(r.facts.env.get('LOG_LEVEL')![0]!.value.default).toBe('info');
    expect(r.facts.env.get('API_KEY')![0]!.value.default).toBeUndefined();
  });
});

describe('README services', () => {
  it('needs, installs and docker runs count; options, history and choices do not', () => {
    const r = collect(readmeCollector, {
      'package.json': '{}',
      'README.md': [
        'The app requires a running Redis.', '',
        'Optionally, add Elasticsearch for search.', '',
        'We moved from MongoDB to files in v2.', '',
        'Works with PostgreSQL or MySQL.', '',
        '```sh', 'brew install rabbitmq', '```',
      ].join('\n'),
    });
    expect(r.services().sort()).toEqual(['rabbitmq', 'redis']);
  });
});

describe('README runtime version and health', () => {
  it('only the component runtime; "X or later" picks the newest supported major', () => {
    const r = collect(readmeCollector, { 'package.json': '{}', 'README.md': 'Needs Node.js 18 or later and Python 3.11.\n\nHealth: `GET /healthz`\n' });
    expect(r.values('runtimeVersion')).toEqual(['24']);
    expect(r.value('healthcheck')).toBe('/healthz');
  });
});
