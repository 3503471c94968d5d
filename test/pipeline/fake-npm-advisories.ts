import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';

/**
 * FAKE npm registry, advisory side only. The registry reachable from this machine answers
 * `npm audit`'s bulk-advisory POST with 405, so the real `npm audit` is pointed at this small
 * server instead (npm_config_registry): it serves one advisory (lodash < 4.17.12, high) and
 * the lodash packument npm reads to compute fixes. Everything else about the audit — the npm
 * CLI, its JSON report, the gate's reading of it — is real.
 */
export async function startFakeAdvisories(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && req.url === '/-/npm/v1/security/advisories/bulk') {
        const raw = Buffer.concat(chunks);
        const body = JSON.parse((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString()) as Record<string, string[]>;
        const advisories = body.lodash
          ? { lodash: [{ id: 1106913, url: 'https://github.com/advisories/GHSA-p6mc-m468-83gw', title: 'Prototype Pollution in lodash', severity: 'high', vulnerable_versions: '<4.17.12', cwe: ['CWE-1321'], cvss: { score: 7.4, vectorString: null } }] }
          : {};
        res.end(JSON.stringify(advisories));
      } else if (req.method === 'GET' && req.url === '/lodash') {
        const v = (version: string) => ({ name: 'lodash', version, dist: { tarball: `${base}lodash/-/lodash-${version}.tgz` } });
        res.end(JSON.stringify({ name: 'lodash', 'dist-tags': { latest: '4.17.21' }, versions: { '4.17.4': v('4.17.4'), '4.17.21': v('4.17.21') } }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  return { url: base, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const VULNERABLE_LOCKFILE = `{
  "name": "gated",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": { "name": "gated", "version": "1.0.0", "dependencies": { "lodash": "4.17.4" } },
    "node_modules/lodash": { "version": "4.17.4", "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.4.tgz" }
  }
}
`;
