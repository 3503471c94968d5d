import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvironmentConfig } from '../../src/deploy/config.js';
import { parseDuration } from '../../src/deploy/duration.js';
import { forEachMaskedLine, maskerFor } from '../../src/masking/index.js';
import { nodeHelloSpec } from './node-hello-variants.js';

const dir = mkdtempSync(join(tmpdir(), 'slipway-test-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadEnvironmentConfig', () => {
  it('merges spec defaults, config/<env>.env, the secrets file and the process environment', () => {
    mkdirSync(join(dir, 'config'), { recursive: true });
    writeFileSync(join(dir, 'config', 'dev.env'), 'GREETING=hi there\nLOG_LEVEL=debug\nDATABASE_URL=\nAPI_KEY=\n');
    writeFileSync(join(dir, 'config', 'dev.secrets.env'), 'DATABASE_URL=postgres://u:pw@db/app\n');
    const spec = nodeHelloSpec(7100, {
      env: [
        { name: 'LOG_LEVEL', default: 'info', required: false, secret: false },
        { name: 'TIMEOUT', default: '5', required: false, secret: false },
        { name: 'API_KEY', secret: true, required: true },
        { name: 'TOKEN', secret: true, required: true },
      ],
    });
    const c = loadEnvironmentConfig(dir, spec, 'dev', { API_KEY: 'from-process-env' });
    expect(c.values).toEqual({ GREETING: 'hi there', LOG_LEVEL: 'debug', TIMEOUT: '5', DATABASE_URL: 'postgres://u:pw@db/app', API_KEY: 'from-process-env' });
    expect(c.secretKeys.sort()).toEqual(['API_KEY', 'DATABASE_URL', 'TOKEN']);
    expect(c.missingSecrets).toEqual(['TOKEN']);
  });
});

describe('forEachMaskedLine', () => {
  it('masks secret values in whole lines, even when a value arrives split across chunks', async () => {
    const masker = maskerFor(['hunter2-secret', 'pw', 'hunter2-secret-longer']);
    const stream = new PassThrough();
    const lines: string[] = [];
    forEachMaskedLine(stream, masker, (l) => lines.push(l));
    stream.write('connecting with hunt');
    stream.write('er2-secret-longer and hunter2-');
    stream.end('secret\nshort pw is kept\n');
    await new Promise((r) => stream.on('end', r));
    expect(lines).toEqual(['connecting with *** and ***', 'short pw is kept']);
  });
});

describe('parseDuration', () => {
  it('reads ms, s, m, h and bare milliseconds; rejects the rest as a usage error', () => {
    expect([parseDuration('500ms', 'x'), parseDuration('30s', 'x'), parseDuration('2m', 'x'), parseDuration('1h', 'x'), parseDuration('250', 'x'), parseDuration('1.5s', 'x')]).toEqual([500, 30_000, 120_000, 3_600_000, 250, 1500]);
    expect(() => parseDuration('soon', '--bake')).toThrow(/--bake: "soon" is not a duration/);
  });
});
