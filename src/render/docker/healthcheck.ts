import type { Instruction } from './model.js';

/**
 * HEALTHCHECK commands that use only what the image already has: slim images ship no
 * curl or wget, so each runtime probes with its own interpreter (Node's fetch, Python's
 * urllib …) and images without one use bash's /dev/tcp.
 */
export type ProbeTool = 'node' | 'bun' | 'python' | 'ruby' | 'php' | 'bash';

export function healthcheck(tool: ProbeTool, port: number, path: string | undefined): Instruction {
  return {
    op: 'HEALTHCHECK',
    argv: probe(tool, port, path),
    interval: '30s',
    timeout: '5s',
    startPeriod: '20s',
    retries: 3,
    comment: path ? `Liveness: GET ${path} must answer 2xx (probed with ${tool}; the image has no curl)` : `Liveness: port ${port} accepts connections (no health path in slipway.yaml)`,
  };
}

/** EXPOSE and HEALTHCHECK for a listening port; nothing for a component without one (a worker). */
export function exposeWithHealthcheck(tool: ProbeTool, port: number | undefined, path: string | undefined): Instruction[] {
  return port === undefined ? [] : [{ op: 'EXPOSE', port }, healthcheck(tool, port, path)];
}

function probe(tool: ProbeTool, port: number, path: string | undefined): string[] {
  const url = `http://127.0.0.1:${port}${path ?? '/'}`;
  switch (tool) {
    case 'node':
    case 'bun':
      return path
        ? [tool, '-e', `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`]
        : [tool, '-e', `require('node:net').connect(${port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`];
    case 'python':
      return path
        ? ['python', '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`]
        : ['python', '-c', `import socket; socket.create_connection(('127.0.0.1', ${port}), 4).close()`];
    case 'ruby':
      return path
        ? ['ruby', '-rnet/http', '-e', `exit Net::HTTP.get_response(URI('${url}')).is_a?(Net::HTTPSuccess)`]
        : ['ruby', '-rsocket', '-e', `TCPSocket.new('127.0.0.1', ${port}).close`];
    case 'php':
      return ['php', '-r', `exit(@file_get_contents('${url}') === false ? 1 : 0);`];
    case 'bash':
      return path
        ? ['bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET ${path} HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 2[0-9][0-9] '`]
        : ['bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`];
  }
}
