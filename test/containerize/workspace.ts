import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { detectEngine, removeImage, type Engine } from '../../src/engine/index.js';

/** podman for the test file; the images and dirs pushed onto the lists are removed after its last test. */
export function podmanWorkspace(): { readonly engine: Engine; images: string[]; dirs: string[] } {
  let engine: Engine | undefined;
  const ws = {
    get engine(): Engine {
      if (!engine) throw new Error('podmanWorkspace: the engine is detected in beforeAll');
      return engine;
    },
    images: [] as string[],
    dirs: [] as string[],
  };
  beforeAll(async () => {
    engine = await detectEngine({ need: 'run', prefer: 'podman' });
  });
  afterAll(() => cleanUp(engine, ws.images, ws.dirs));
  return ws;
}

/** Removes what a test built or copied; images by reference. */
export async function cleanUp(engine: Engine | undefined, images: string[], dirs: string[]): Promise<void> {
  for (const ref of images) if (engine) await removeImage(engine, ref);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

/** GET on a fresh, closed-after connection (a pooled keep-alive socket would slow a graceful stop). */
export function httpGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { connection: 'close' }, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}
