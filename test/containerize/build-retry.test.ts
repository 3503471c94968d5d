import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildFailedError, buildImage } from '../../src/engine/index.js';
import { transientNetworkFailure } from '../../src/engine/transient-network.js';
import { podmanWorkspace } from './workspace.js';

// What real tools print when the network fails under them, and what they print when the build itself is wrong.
const APT = ["Err:1 http://deb.debian.org/debian bookworm/main amd64 tini amd64 0.19.0-1+b3", "  Temporary failure resolving 'deb.debian.org'", 'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?'];
const NPM = ['npm error code EAI_AGAIN', 'npm error syscall getaddrinfo', 'npm error errno EAI_AGAIN', 'npm error request to https://registry.npmjs.org/express failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org'];
const PULL = ['Error: initializing source docker://node:22-slim: pinging container registry registry-1.docker.io: Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout'];
const TSC = ['src/index.ts(3,7): error TS2322: Type "string" is not assignable to type "number".', 'Error: building at STEP "RUN npm run build": while running runtime: exit status 2'];
const NPM_404 = ['npm error code E404', 'npm error 404 Not Found - GET https://registry.npmjs.org/@shlinkio%2fshlink-web-component - Not found'];

describe('transientNetworkFailure', () => {
  it('names the line of a DNS failure, a reset connection, a registry timeout', () => {
    expect(transientNetworkFailure(APT)).toBe("Temporary failure resolving 'deb.debian.org'");
    expect(transientNetworkFailure(NPM)).toBe('npm error code EAI_AGAIN');
    expect(transientNetworkFailure(PULL)).toMatch(/TLS handshake timeout$/);
    expect(transientNetworkFailure(['npm error code ECONNRESET'])).toBe('npm error code ECONNRESET');
  });

  it('leaves failures of the build itself alone: they would fail the same way again', () => {
    expect(transientNetworkFailure(TSC)).toBeUndefined();
    expect(transientNetworkFailure(NPM_404)).toBeUndefined();
    expect(transientNetworkFailure(['ERESOLVE unable to resolve dependency tree'])).toBeUndefined();
  });
});

describe('buildImage on a network failure (real podman build)', () => {
  const ws = podmanWorkspace();
  const { images, dirs } = ws;

  /** A build whose RUN prints apt's DNS failure until the context's `network` file says "up". */
  function context(network: 'up' | 'down', run = `grep -qx up /network || { echo "  Temporary failure resolving 'deb.debian.org'"; exit 100; }`): { dir: string; tag: string } {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-test-build-retry-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'network'), `${network}\n`);
    writeFileSync(join(dir, 'Dockerfile'), `FROM docker.io/library/debian:bookworm-slim\nCOPY network /network\nRUN ${run}\n`);
    const tag = `localhost/slipway-test-build-retry:${dirs.length}`;
    images.push(tag);
    return { dir, tag };
  }

  it('builds again when a step fails on the network, and succeeds once the network is back', { timeout: 300_000 }, async () => {
    const { dir, tag } = context('down');
    const lines: string[] = [];
    const result = await buildImage(ws.engine, {
      context: dir,
      dockerfile: join(dir, 'Dockerfile'),
      tags: [tag],
      retryDelaysMs: [0, 0],
      onLine: (line) => {
        lines.push(line);
        if (line.startsWith('slipway: the build failed on a network error')) writeFileSync(join(dir, 'network'), 'up\n');
      },
    });
    expect(result.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const retries = lines.filter((l) => l.startsWith('slipway: the build failed on a network error'));
    expect(retries).toEqual(["slipway: the build failed on a network error (Temporary failure resolving 'deb.debian.org'); retrying in 0 s (attempt 2 of 3)"]);
  });

  it('gives up after the last retry with the failing step and its output', { timeout: 300_000 }, async () => {
    const { dir, tag } = context('down');
    const lines: string[] = [];
    const failure = await buildImage(ws.engine, { context: dir, dockerfile: join(dir, 'Dockerfile'), tags: [tag], retryDelaysMs: [0, 0], onLine: (l) => lines.push(l) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BuildFailedError);
    expect((failure as BuildFailedError).step).toMatch(/^RUN grep -qx up \/network/);
    expect((failure as BuildFailedError).tail.join('\n')).toContain("Temporary failure resolving 'deb.debian.org'");
    expect(lines.filter((l) => l.startsWith('slipway: the build failed on a network error'))).toHaveLength(2);
  });

  it('does not retry a step that fails for its own reasons', { timeout: 300_000 }, async () => {
    const { dir, tag } = context('up', 'echo "src/index.ts(3,7): error TS2322: broken on purpose" >&2; exit 2');
    const lines: string[] = [];
    const failure = await buildImage(ws.engine, { context: dir, dockerfile: join(dir, 'Dockerfile'), tags: [tag], retryDelaysMs: [0, 0], onLine: (l) => lines.push(l) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BuildFailedError);
    expect(lines.filter((l) => l.startsWith('slipway: the build failed'))).toEqual([]);
    expect(lines.filter((l) => /^STEP 1\/3: FROM/.test(l))).toHaveLength(1);
  });
});
