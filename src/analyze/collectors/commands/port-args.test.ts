import { describe, expect, it } from 'vitest';
import { asPort, portFromArgv } from './port-args.js';

describe('portFromArgv', () => {
  it.each([
    [['next', 'start', '-p', '4000'], 4000],
    [['uvicorn', 'main:app', '--port=8001'], 8001],
    [['gunicorn', '-b', '0.0.0.0:8080', 'app:app'], 8080],
    [['gunicorn', '--bind=:9000', 'app:app'], 9000],
    [['python', 'manage.py', 'runserver', '0.0.0.0:8000'], 8000],
    [['php', '-S', 'localhost:8765'], 8765],
    [['dotnet', 'run', '--urls', 'http://+:5000'], 5000],
    [['node', 'server.js'], undefined],
    [['psql', '-p', '5432'], undefined],
    [['node', 'x.js', '--port', '$PORT'], undefined],
  ])('%j → %s', (argv, port) => expect(portFromArgv(argv)).toBe(port));

  it('reads ports out of addresses', () => {
    expect(asPort('tcp://0.0.0.0:3000')).toBe(3000);
    expect(asPort('99999')).toBeUndefined();
    expect(asPort('localhost')).toBeUndefined();
  });
});
