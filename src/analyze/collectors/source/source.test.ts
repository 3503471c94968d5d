import { describe, expect, it } from 'vitest';
import { collect } from '../__fixtures__/collect.js';
import { MAX_SOURCE_FILES } from './files.js';
import { sourceCollector } from './index.js';

describe('source collector', () => {
  it('JavaScript: env reads, listen ports, PORT defaults, health routes', () => {
    const r = collect(sourceCollector, {
      'src/server.js': [
        "const { DB_URL, SECRET: s } = process.env;",
        "const port = process.env.PORT || 4000;",
        "app.get('/healthz', ok);",
        "const key = process.env['API_KEY'];",
        "redis.connect(process.env.REDIS_PORT || 6379);",
        'app.listen(port);',
      ].join('\n'),
      'src/server.test.js': 'process.env.ONLY_IN_TESTS',
    });
    expect(r.env().sort()).toEqual(['API_KEY', 'DB_URL', 'PORT', 'REDIS_PORT', 'SECRET']);
    expect(r.values('port')).toEqual([4000]);
    expect(r.value('healthcheck')).toBe('/healthz');
    expect(r.facts.env.get('DB_URL')![0]).toMatchObject({ source: 'source', file: 'src/server.js', line: 1 });
  });

  it('Python, Go, Ruby patterns', () => {
    const r = collect(sourceCollector, {
      'app.py': "import os\nDEBUG = os.environ.get('DEBUG')\napp.run(host='0.0.0.0', port=5001)\n",
      'main.go': 'package main\nfunc main() { token := os.Getenv("GH_TOKEN"); http.ListenAndServe(":9090", nil) }\n',
      'config/puma.rb': 'port ENV.fetch("PORT") { 3000 }\nworkers ENV.fetch("WEB_CONCURRENCY") { 2 }\n',
    });
    expect(r.env().sort()).toEqual(['DEBUG', 'GH_TOKEN', 'PORT', 'WEB_CONCURRENCY']);
    expect(r.values('port').sort()).toEqual([3000, 5001, 9090]);
  });

  it('reads the entry file of the start command first, and a bounded number of files', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < MAX_SOURCE_FILES + 20; i++) many[`src/mod${String(i).padStart(3, '0')}.js`] = `process.env.VAR_${i}`;
    const r = collect(sourceCollector, { ...many, 'bin/www': 'server.listen(process.env.PORT || 3001)' }, {
      prepare: (f) => f.add('commands.start', 'node ./bin/www', { source: 'manifest' }),
    });
    expect(r.value('port')).toBe(3001);
    expect(r.env().length).toBeLessThanOrEqual(MAX_SOURCE_FILES);
  });
});
