import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../__fixtures__/servers.js';
import { now } from '../clock.js';
import { Sender } from '../sender.js';
import type { RequestOptions } from './connection.js';
import { encodeRequest } from './request-bytes.js';

// Real sockets against scripted loopback servers that answer with exact bytes: split writes,
// stalls, resets, closes and TLS, as the generator meets them.
type Outcome = { status: number; body: string; bytes: number } | { code: string };

interface Scripted {
  url: string;
  connections: () => number;
  close: () => Promise<void>;
}

/** A raw TCP server: `answer` gets each request (n counts from 0) and writes what it likes. */
async function scripted(answer: (socket: Socket, n: number) => void, tls?: { key: Buffer; cert: Buffer }): Promise<Scripted> {
  let connections = 0;
  let n = 0;
  const sockets = new Set<Socket>();
  const server: Server = tls ? createTlsServer(tls) : createServer();
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let seen = '';
    socket.on('data', (d: Buffer) => {
      seen += d.toString('latin1');
      while (seen.includes('\r\n\r\n')) {
        seen = seen.slice(seen.indexOf('\r\n\r\n') + 4);
        answer(socket, n++);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function sender(origin: string, connections = 1, tls?: { ca: Buffer }): Sender {
  const s = new Sender(origin, connections, { sweepMs: 10, ...(tls ? { tls } : {}) });
  cleanups.push(() => s.close());
  return s;
}

async function server(answer: (socket: Socket, n: number) => void): Promise<Scripted> {
  const s = await scripted(answer);
  cleanups.push(() => s.close());
  return s;
}

function request(s: Sender, opts: Partial<RequestOptions> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    s.send(
      encodeRequest(s.host, opts.noBody ? 'HEAD' : 'GET', '/', [], undefined),
      { noBody: false, captureHeaders: false, captureBody: true, timeoutMs: 2000, ...opts },
      {
        onResponse: (_tag, res) => resolve({ status: res.head.status, body: res.body(), bytes: res.bytes }),
        onFailure: (_tag, code) => resolve({ code }),
      },
      null,
      now(),
    );
  });
}

describe('generator HTTP connections against scripted servers', () => {
  it('keeps one connection alive for many requests', async () => {
    const srv = await server((socket) => socket.write(OK));
    const s = sender(srv.url);
    for (let i = 0; i < 20; i++) expect(await request(s)).toEqual({ status: 200, body: 'ok', bytes: 2 });
    expect(srv.connections()).toBe(1);
  });

  it('reconnects after Connection: close', async () => {
    const srv = await server((socket) => socket.end('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok'));
    const s = sender(srv.url);
    for (let i = 0; i < 5; i++) expect(await request(s)).toMatchObject({ status: 200 });
    expect(srv.connections()).toBe(5);
  });

  it('reads a response written in pieces with pauses between them', async () => {
    const srv = await server((socket) => {
      const parts = ['HTT', 'P/1.1 200 OK\r\nTransfer-Encoding: chunked\r', '\n\r\n4\r\nwi', 'ki\r\n5\r\npedia\r\n0\r\n\r\n'];
      parts.forEach((p, i) => setTimeout(() => socket.write(p), i * 15));
    });
    expect(await request(sender(srv.url))).toEqual({ status: 200, body: 'wikipedia', bytes: 9 });
  });

  it('ends a body delimited by the close at the close, then opens a new connection', async () => {
    const srv = await server((socket) => {
      socket.write('HTTP/1.1 200 OK\r\n\r\nall of');
      setTimeout(() => socket.end(' it'), 20);
    });
    const s = sender(srv.url);
    expect(await request(s)).toEqual({ status: 200, body: 'all of it', bytes: 9 });
    expect(await request(s)).toEqual({ status: 200, body: 'all of it', bytes: 9 });
    expect(srv.connections()).toBe(2);
  });

  it('times out waiting for headers, and for a stalled body', async () => {
    const silent = await server(() => undefined);
    expect(await request(sender(silent.url), { timeoutMs: 100 })).toEqual({ code: 'HEADERS_TIMEOUT' });
    const stalled = await server((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab'));
    expect(await request(sender(stalled.url), { timeoutMs: 100 })).toEqual({ code: 'BODY_TIMEOUT' });
  });

  it('reports a refused connection, and a connection dropped mid-response', async () => {
    expect(await request(sender(`http://127.0.0.1:${await freePort()}`))).toEqual({ code: 'ECONNREFUSED' });
    const srv = await server((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial');
      setTimeout(() => socket.destroy(), 20);
    });
    const outcome = await request(sender(srv.url));
    expect(['CLOSED', 'ECONNRESET']).toContain((outcome as { code: string }).code);
  });

  it('refuses bytes after a complete response and carries on with a fresh connection', async () => {
    const srv = await server((socket, n) => socket.write(n === 0 ? `${OK}HTTP/1.1 200 OK\r\n` : OK));
    const s = sender(srv.url);
    expect(await request(s)).toEqual({ code: 'HPE_DATA_AFTER_RESPONSE' });
    expect(await request(s)).toMatchObject({ status: 200 });
    expect(srv.connections()).toBe(2);
  });

  it('tolerates stray line breaks after a response', async () => {
    const srv = await server((socket) => {
      socket.write(`${OK}\r\n`);
      setTimeout(() => socket.write('\r\n'), 5);
    });
    const s = sender(srv.url);
    expect(await request(s)).toMatchObject({ status: 200 });
    await sleep(30);
    expect(await request(s)).toMatchObject({ status: 200 });
    expect(srv.connections()).toBe(1);
  });

  it('reports a malformed response by its parse error', async () => {
    const srv = await server((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n'));
    expect(await request(sender(srv.url))).toEqual({ code: 'HPE_INVALID_CONTENT_LENGTH' });
  });

  it('does not reuse a connection past the idle time the server announced', async () => {
    const srv = await server((socket) => socket.write('HTTP/1.1 200 OK\r\nKeep-Alive: timeout=1\r\nContent-Length: 2\r\n\r\nok'));
    const s = sender(srv.url);
    expect(await request(s)).toMatchObject({ status: 200 });
    expect(await request(s)).toMatchObject({ status: 200 });
    expect(srv.connections()).toBe(1);
    // A 1 s hint leaves half of it for reuse.
    await sleep(700);
    expect(await request(s)).toMatchObject({ status: 200 });
    expect(srv.connections()).toBe(2);
  });

  it('notices a server closing an idle connection and reconnects without an error', async () => {
    const srv = await server((socket) => {
      socket.write(OK);
      setTimeout(() => socket.end(), 10);
    });
    const s = sender(srv.url);
    expect(await request(s)).toMatchObject({ status: 200 });
    await sleep(50);
    expect(await request(s)).toMatchObject({ status: 200 });
    expect(srv.connections()).toBe(2);
  });

  it('a HEAD request ends at the head', async () => {
    const srv = await server((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n'));
    const s = sender(srv.url);
    expect(await request(s, { noBody: true })).toEqual({ status: 200, body: '', bytes: 0 });
    expect(await request(s, { noBody: true })).toEqual({ status: 200, body: '', bytes: 0 });
  });

  it('speaks TLS, verifying the certificate', async () => {
    const dir = new URL('../../__fixtures__/tls/', import.meta.url);
    const ca = readFileSync(new URL('cert.pem', dir));
    const srv = await scripted((socket) => socket.write(OK), { key: readFileSync(new URL('key.pem', dir)), cert: ca });
    cleanups.push(() => srv.close());
    const https = srv.url.replace('http:', 'https:');
    const trusting = sender(https, 1, { ca });
    for (let i = 0; i < 3; i++) expect(await request(trusting)).toEqual({ status: 200, body: 'ok', bytes: 2 });
    expect(srv.connections()).toBe(1);
    // Without the CA the self-signed certificate is refused: a connection error with its code.
    expect(await request(sender(https))).toEqual({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });
});
