import { describe, expect, it } from 'vitest';
import { joinArgv, parseShell } from './shell.js';

describe('parseShell', () => {
  it('splits variable assignments and env wrappers off the program', () => {
    const { commands } = parseShell('NODE_ENV=production cross-env TZ=UTC node ./bin/www --port 3000');
    expect(commands).toEqual([{ env: { NODE_ENV: 'production', TZ: 'UTC' }, argv: ['node', './bin/www', '--port', '3000'] }]);
  });

  it('keeps && chains as separate commands and marks pipes as complex', () => {
    expect(parseShell('prisma migrate deploy && node server.js').commands.map((c) => c.argv[0])).toEqual(['prisma', 'node']);
    expect(parseShell('prisma migrate deploy && node server.js').complex).toBe(false);
    expect(parseShell('cat x | node y').complex).toBe(true);
    // A trailing `&` only backgrounds the one process (READMEs do that); `a & b` runs two.
    expect(parseShell('node server.mjs &').complex).toBe(false);
    expect(parseShell('node api.mjs & node worker.mjs').complex).toBe(true);
  });

  it('leaves variable references literal, defaults included', () => {
    expect(parseShell('gunicorn -b 0.0.0.0:${PORT:-80} app:app # main').commands[0]!.argv).toEqual(['gunicorn', '-b', '0.0.0.0:${PORT:-80}', 'app:app']);
    expect(parseShell('node $ENTRY').commands[0]!.argv).toEqual(['node', '$ENTRY']);
  });

  it('returns no commands for empty or comment-only lines', () => {
    expect(parseShell('').commands).toEqual([]);
    expect(parseShell('# just a comment').commands).toEqual([]);
  });
});

describe('joinArgv', () => {
  it('quotes only words that need it', () => {
    expect(joinArgv(['nginx', '-g', 'daemon off;'])).toBe("nginx -g 'daemon off;'");
    expect(joinArgv(['node', '--services=web,worker', '${PORT:-3000}'])).toBe('node --services=web,worker ${PORT:-3000}');
    expect(joinArgv(['echo', "it's"])).toBe("echo 'it'\\''s'");
    expect(joinArgv(['serve', '~/packages'])).toBe('serve ~/packages');
  });
});
