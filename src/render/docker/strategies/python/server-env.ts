/**
 * Python servers bind 127.0.0.1 unless told otherwise, which a container cannot reach.
 * Each server has an environment variable for it; set only the ones the start command
 * leaves open.
 */
export function pythonServerEnv(start: string, port: number | undefined): [string, string][] {
  if (port === undefined) return [];
  const env: [string, string][] = [['PORT', String(port)]];
  const words = start.split(/\s+/);
  const has = (flag: RegExp) => words.some((w) => flag.test(w));
  // gunicorn binds 0.0.0.0:$PORT when PORT is set and no --bind is given.
  if (/(^|\/)uvicorn$/.test(words[0] ?? '') || words.includes('uvicorn')) {
    if (!has(/^--host/)) env.push(['UVICORN_HOST', '0.0.0.0']);
    if (!has(/^--port/)) env.push(['UVICORN_PORT', String(port)]);
  }
  if (words[0] === 'flask' || (words.includes('flask') && words.includes('run'))) {
    if (!has(/^(--host|-h)/)) env.push(['FLASK_RUN_HOST', '0.0.0.0']);
    if (!has(/^(--port|-p)/)) env.push(['FLASK_RUN_PORT', String(port)]);
  }
  return env;
}
