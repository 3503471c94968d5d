import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ReverseProxy } from '../../src/deploy/proxy/reverse-proxy.js';
import type { Upstream } from '../../src/deploy/proxy/routes.js';
import { freePort } from '../../src/net/free-port.js';

const servers: Server[] = [];
const proxies: ReverseProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function app(name: string, status = 200): Promise<Upstream> {
  const s = createServer((req, res) => {
    if (req.url === '/echo-headers') return void res.end(JSON.stringify(req.headers));
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => res.writeHead(status, { connection: 'keep-alive', 'x-app': name }).end(`${name}${body ? `:${body}` : ''}`));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  servers.push(s);
  const port = (s.address() as { port: number }).port;
  return { id: name, release: name.split('-')[0]!, port, up: true };
}

async function proxy(): Promise<{ p: ReverseProxy; url: string }> {
  const p = new ReverseProxy();
  const port = await freePort();
  await p.listen(port);
  proxies.push(p);
  return { p, url: `http://127.0.0.1:${port}` };
}

const get = async (url: string, init?: RequestInit) => {
  const r = await fetch(url, init);
  return { status: r.status, text: await r.text(), headers: r.headers };
};

describe('ReverseProxy', () => {
  it('answers 503 while nothing is live', async () => {
    const { url } = await proxy();
    expect((await get(url)).status).toBe(503);
  });

  it('spreads requests round robin over the live instances and forwards bodies and headers', async () => {
    const { p, url } = await proxy();
    const a = await app('blue-1');
    const b = await app('blue-2');
    p.setRoutes({ live: { release: 'blue', upstreams: [a, b] }, fallback: null });
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await get(url)).text);
    expect(seen).toEqual(['blue-1', 'blue-2', 'blue-1', 'blue-2']);
    expect((await get(url, { method: 'POST', body: 'payload' })).text).toMatch(/^blue-\d:payload$/);
    const headers = JSON.parse((await get(`${url}/echo-headers`)).text) as Record<string, string>;
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-host']).toBe(url.slice(7));
    expect(p.trafficOf('blue').requests).toBe(6);
  });

  it('switches atomically to a new release', async () => {
    const { p, url } = await proxy();
    p.setRoutes({ live: { release: 'blue', upstreams: [await app('blue-1')] }, fallback: null });
    expect((await get(url)).text).toBe('blue-1');
    p.setRoutes({ live: { release: 'green', upstreams: [await app('green-1')] }, fallback: null });
    expect((await get(url)).text).toBe('green-1');
  });

  it('during a bake, answers failed GETs from the warm fallback and counts the errors against the new release', async () => {
    const { p, url } = await proxy();
    const blue = await app('blue-1');
    const green = await app('green-1', 500);
    p.setRoutes({ live: { release: 'green', upstreams: [green] }, fallback: { release: 'blue', upstreams: [blue] } });
    for (let i = 0; i < 3; i++) expect(await get(url)).toMatchObject({ status: 200, text: 'blue-1' });
    expect(p.trafficOf('green')).toEqual({ requests: 3, errors: 3, retried: 3 });
    // A POST is not replayed: its 500 reaches the client.
    expect((await get(url, { method: 'POST', body: 'x' })).status).toBe(500);
    // Without a fallback a 500 is the app's answer.
    p.setRoutes({ live: { release: 'green', upstreams: [green] }, fallback: null });
    expect((await get(url)).status).toBe(500);
  });

  it('retries a refused connection on another instance, and answers 502 when none is left', async () => {
    const { p, url } = await proxy();
    const dead: Upstream = { id: 'dead', release: 'blue', port: await freePort(), up: true };
    const alive = await app('blue-2');
    p.setRoutes({ live: { release: 'blue', upstreams: [dead, alive] }, fallback: null });
    for (let i = 0; i < 4; i++) expect((await get(url)).text).toBe('blue-2');
    p.setRoutes({ live: { release: 'blue', upstreams: [dead] }, fallback: null });
    expect((await get(url)).status).toBe(502);
  });

  it('refuses to start on a taken port', async () => {
    const taken = await app('x-1');
    const p = new ReverseProxy();
    await expect(p.listen(taken.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
