/**
 * The port a command line asks for: `-p 8080` (when the program uses -p for the port),
 * `--port 8080`, `--port=8080`, `-b 0.0.0.0:8080`, `--bind=:8080`, `--listen :8080`,
 * `--urls http://+:8080`, `runserver 0.0.0.0:8000`, `php -S localhost:8000`.
 * `$PORT`-style references give nothing: the platform decides.
 */
export function portFromArgv(argv: readonly string[]): number | undefined {
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  // docker's -p maps ports (handled elsewhere); ssh/psql/mysql take -p for other things.
  const shortP = !/^(docker|podman|ssh|scp|psql|mysql|mysqladmin|redis-cli|mkdir|cp|kubectl)$/.test(program);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    let m = /^--(?:port|http-port|listen-port|server\.port|server-port|PORT)=(.+)$/.exec(a);
    if (m) return asPort(m[1]!);
    if (/^--(port|http-port|server-port)$/.test(a) || (shortP && a === '-p') || a === '-P' && program === 'rails') {
      if (next !== undefined) return asPort(next);
    }
    m = /^--(?:bind|listen|urls|host-port|address)=(.+)$/.exec(a) ?? (/^-b(.+)$/.test(a) ? /^-b(.+)$/.exec(a) : null);
    if (m) return asPort(m[1]!);
    if (/^(-b|--bind|--listen|--urls|-l|-S)$/.test(a) && next !== undefined) {
      const p = asPort(next);
      if (p) return p;
    }
    if ((a === 'runserver' || a === 'runserver_plus') && next && !next.startsWith('-')) return asPort(next);
  }
  return undefined;
}

/** `8080`, `:8080`, `0.0.0.0:8080`, `tcp://0.0.0.0:8080`, `http://+:8080` → 8080. */
export function asPort(raw: string): number | undefined {
  const m = /(?:^|:)(\d{2,5})\/?$/.exec(raw.trim().replace(/['"]/g, ''));
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 65535 ? n : undefined;
}
