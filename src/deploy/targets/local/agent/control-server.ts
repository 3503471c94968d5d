import { timingSafeEqual } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { UserError } from '../../../../errors.js';
import { DeployCall, RollbackCall, type ControlLine } from '../control-protocol.js';
import type { EnvironmentAgent } from './environment-agent.js';

const MAX_BODY = 64 * 1024;

/** Serves the control channel on a unix socket; `onDown` runs after `POST /down` has answered. */
export async function startControlServer(agent: EnvironmentAgent, socketPath: string, token: string, onDown: () => void): Promise<Server> {
  const expected = Buffer.from(`Bearer ${token}`);
  const server = createServer((req, res) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"unauthorized"}}\n');
      return;
    }
    void route(agent, req, res, onDown);
  });
  rmSync(socketPath, { force: true });
  // The socket is created owner-only; the directory around it is 0700 as well.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(socketPath, 0o600);
  return server;
}

async function route(agent: EnvironmentAgent, req: IncomingMessage, res: ServerResponse, onDown: () => void): Promise<void> {
  const key = `${req.method} ${req.url}`;
  if (key === 'GET /status') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(agent.status()));
    return;
  }
  const body = await readBody(req).catch(() => null);
  if (body === null) {
    res.writeHead(400).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const send = (line: ControlLine): void => {
    if (!res.writableEnded) res.write(`${JSON.stringify(line)}\n`);
  };
  const log = (l: string): void => {
    agent.log(l);
    send({ log: l });
  };
  try {
    let result: unknown;
    if (key === 'POST /deploy') result = await agent.deploy(DeployCall.parse(body), log);
    else if (key === 'POST /rollback') result = await agent.rollback(RollbackCall.parse(body), log);
    else if (key === 'POST /down') result = await agent.down(log).then(() => ({ ok: true }));
    else throw new UserError(`unknown control request ${key}`);
    send({ result });
    if (key === 'POST /down') res.on('finish', onDown);
    res.end();
  } catch (err) {
    const e = err as Error;
    agent.log(`error: ${e.stack ?? e.message}`);
    send({ error: { message: e.message, ...(err instanceof UserError ? { exitCode: err.exitCode, ...(err.hint ? { hint: err.hint } : {}) } : {}) } });
    res.end();
  }
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text ? (JSON.parse(text) as unknown) : {});
      } catch (e) {
        reject(e as Error);
      }
    });
    req.on('error', reject);
  });
}
