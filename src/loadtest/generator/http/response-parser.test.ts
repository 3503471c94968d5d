import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../limits.js';
import { HttpParseError } from './response-head.js';
import { MAX_HEAD_BYTES, NEED_MORE, ResponseParser } from './response-parser.js';

/** What a response parsed to; `end` is where it ended in the stream (-1: at the connection's close). */
interface Parsed {
  end: number;
  status: number;
  keepAlive: boolean;
  keepAliveMs: number;
  bytes: number;
  body: string;
  headers: Record<string, string> | null;
}

interface Opts {
  noBody?: boolean;
  captureHeaders?: boolean;
  captureBody?: boolean;
}

/**
 * Feeds `stream` in the given pieces the way a socket's reads arrive: each piece written over
 * the start of one reused buffer whose other bytes are garbage, so a parser that keeps a
 * reference into the read buffer, or reads past `end`, fails. Returns null while incomplete.
 */
function feed(stream: Buffer, cuts: number[], o: Opts = {}, eof = false): Parsed | null {
  const p = new ResponseParser();
  p.begin(o.noBody ?? false, o.captureHeaders ?? false, o.captureBody ?? true);
  const shared = Buffer.alloc(stream.length + 16, 'X');
  const bounds = [0, ...cuts, stream.length];
  const result = (end: number): Parsed => ({
    end,
    status: p.head.status,
    keepAlive: p.head.keepAlive,
    keepAliveMs: p.head.keepAliveMs,
    bytes: p.bytes,
    body: p.body(),
    headers: p.head.headers,
  });
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    if (to === from) continue;
    shared.fill('X');
    // Start each read at offset 3: the parser must honour `start`.
    stream.copy(shared, 3, from, to);
    const at = p.feed(shared, 3, 3 + (to - from));
    if (at !== NEED_MORE) return result(from + (at - 3));
  }
  if (eof && p.endOfStream()) return result(-1);
  return null;
}

/** Every way of cutting the stream in two, and byte by byte. */
function everySplit(stream: Buffer): number[][] {
  const out: number[][] = [[]];
  for (let i = 1; i < stream.length; i++) out.push([i]);
  out.push(Array.from({ length: stream.length - 1 }, (_, i) => i + 1));
  return out;
}

const crlf = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'latin1');

interface Case {
  name: string;
  stream: Buffer;
  opts?: Opts;
  /** The body is delimited by the connection's close. */
  untilClose?: boolean;
  expect: Omit<Parsed, 'end' | 'headers' | 'keepAliveMs'> & { keepAliveMs?: number; headers?: Record<string, string> };
}

const DATE = 'Date: Sat, 22 Nov 2026 02:14:16 GMT';

const CASES: Case[] = [
  {
    name: 'nginx: Content-Length, keep-alive',
    stream: crlf(['HTTP/1.1 200 OK', 'Server: nginx/1.22.1', DATE, 'Content-Type: text/plain', 'Content-Length: 17', 'Connection: keep-alive', '', 'hello from nginx\n']),
    expect: { status: 200, keepAlive: true, bytes: 17, body: 'hello from nginx\n' },
  },
  {
    name: "Node's http: lower-case fields, a Keep-Alive hint",
    stream: crlf(['HTTP/1.1 200 OK', 'content-type: text/plain', 'content-length: 11', DATE, 'Connection: keep-alive', 'Keep-Alive: timeout=5', '', 'hello world']),
    expect: { status: 200, keepAlive: true, keepAliveMs: 5000, bytes: 11, body: 'hello world' },
  },
  {
    name: 'chunked with extensions and trailers',
    stream: crlf(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', 'Trailer: Expires', '', '5;name=value', 'hello', '6 ; ext', ' world', '0', 'Expires: never', 'X-Sum: abc', '', '']),
    expect: { status: 200, keepAlive: true, bytes: 11, body: 'hello world' },
  },
  {
    name: 'chunked, upper-case hex, no trailers',
    stream: crlf(['HTTP/1.1 201 Created', 'transfer-encoding: CHUNKED', '', '1A', 'abcdefghijklmnopqrstuvwxyz', '0', '', '']),
    expect: { status: 201, keepAlive: true, bytes: 26, body: 'abcdefghijklmnopqrstuvwxyz' },
  },
  {
    name: 'gzip, chunked: the final coding frames the body',
    stream: crlf(['HTTP/1.1 200 OK', 'Transfer-Encoding: gzip, chunked', '', '3', 'abc', '0', '', '']),
    expect: { status: 200, keepAlive: true, bytes: 3, body: 'abc' },
  },
  {
    name: 'Transfer-Encoding beside Content-Length: chunked wins, then the connection closes',
    stream: crlf(['HTTP/1.1 200 OK', 'Content-Length: 99', 'Transfer-Encoding: chunked', '', '2', 'ok', '0', '', '']),
    expect: { status: 200, keepAlive: false, bytes: 2, body: 'ok' },
  },
  {
    name: 'Connection: close',
    stream: crlf(['HTTP/1.1 503 Service Unavailable', 'Content-Length: 4', 'Connection: Close', '', 'busy']),
    expect: { status: 503, keepAlive: false, bytes: 4, body: 'busy' },
  },
  {
    name: 'Connection with several tokens',
    stream: crlf(['HTTP/1.1 200 OK', 'Connection: Upgrade, close', 'Content-Length: 0', '', '']),
    expect: { status: 200, keepAlive: false, bytes: 0, body: '' },
  },
  {
    name: 'HTTP/1.0 with keep-alive',
    stream: crlf(['HTTP/1.0 200 OK', 'Connection: keep-alive', 'Content-Length: 2', '', 'ok']),
    expect: { status: 200, keepAlive: true, bytes: 2, body: 'ok' },
  },
  {
    name: 'HTTP/1.0 without a length: the body runs until close',
    stream: crlf(['HTTP/1.0 200 OK', 'Content-Type: text/plain', '', 'until the end']),
    untilClose: true,
    expect: { status: 200, keepAlive: false, bytes: 13, body: 'until the end' },
  },
  {
    name: 'HTTP/1.1 without a length or chunking: until close',
    stream: crlf(['HTTP/1.1 200 OK', '', 'streamed']),
    untilClose: true,
    expect: { status: 200, keepAlive: false, bytes: 8, body: 'streamed' },
  },
  {
    name: 'a final coding other than chunked: until close',
    stream: crlf(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked, gzip', '', 'raw bytes']),
    untilClose: true,
    expect: { status: 200, keepAlive: false, bytes: 9, body: 'raw bytes' },
  },
  {
    name: '204 has no body whatever it says',
    stream: crlf(['HTTP/1.1 204 No Content', 'Content-Length: 10', '', '']),
    expect: { status: 204, keepAlive: true, bytes: 0, body: '' },
  },
  {
    name: '304 has no body',
    stream: crlf(['HTTP/1.1 304 Not Modified', 'ETag: "x"', 'Content-Length: 1234', '', '']),
    expect: { status: 304, keepAlive: true, bytes: 0, body: '' },
  },
  {
    name: 'the answer to HEAD has no body',
    stream: crlf(['HTTP/1.1 200 OK', 'Content-Length: 1234', 'Content-Type: text/html', '', '']),
    opts: { noBody: true },
    expect: { status: 200, keepAlive: true, bytes: 0, body: '' },
  },
  {
    name: '100 Continue, then the response',
    stream: crlf(['HTTP/1.1 100 Continue', '', 'HTTP/1.1 200 OK', 'Content-Length: 3', '', 'yes']),
    expect: { status: 200, keepAlive: true, bytes: 3, body: 'yes' },
  },
  {
    name: '103 Early Hints with fields, then the response',
    stream: crlf(['HTTP/1.1 103 Early Hints', 'Link: </style.css>; rel=preload', '', 'HTTP/1.1 404 Not Found', 'Content-Length: 4', '', 'gone']),
    opts: { captureHeaders: true },
    expect: { status: 404, keepAlive: true, bytes: 4, body: 'gone', headers: { 'content-length': '4' } },
  },
  {
    name: 'bare LF line endings, no reason phrase',
    stream: Buffer.from('HTTP/1.1 200\nContent-Length: 2\n\nok'),
    expect: { status: 200, keepAlive: true, bytes: 2, body: 'ok' },
  },
  {
    name: 'an empty line before the status line',
    stream: crlf(['', 'HTTP/1.1 200 OK', 'Content-Length: 1', '', '!']),
    expect: { status: 200, keepAlive: true, bytes: 1, body: '!' },
  },
  {
    name: 'Content-Length as a list of equal values, odd spacing',
    stream: crlf(['HTTP/1.1 200 OK', 'content-LENGTH:   3 , 3  ', 'Content-Length: 3', '', 'abc']),
    expect: { status: 200, keepAlive: true, bytes: 3, body: 'abc' },
  },
  {
    name: 'headers captured: lower-case names, repeats joined, values trimmed',
    stream: crlf(['HTTP/1.1 200 OK', 'Set-Cookie: a=1', 'X-Session:  s-ada  ', 'set-cookie: b=2', 'Content-Length: 0', '', '']),
    opts: { captureHeaders: true },
    expect: { status: 200, keepAlive: true, bytes: 0, body: '', headers: { 'set-cookie': 'a=1, b=2', 'x-session': 's-ada', 'content-length': '0' } },
  },
  {
    name: 'UTF-8 body: characters split across reads decode whole',
    stream: Buffer.concat([crlf(['HTTP/1.1 200 OK', 'Content-Length: 10', '', '']), Buffer.from('héllo €', 'utf8')]),
    expect: { status: 200, keepAlive: true, bytes: 10, body: 'héllo €' },
  },
];

describe('HTTP/1.1 response parser: real response byte streams, split at every offset', () => {
  for (const c of CASES) {
    it(c.name, () => {
      for (const cuts of everySplit(c.stream)) {
        const r = feed(c.stream, cuts, c.opts, c.untilClose);
        expect(r, `cut at ${cuts.join(',')}`).not.toBeNull();
        const got = r as Parsed;
        expect(got.end, `cut at ${cuts.join(',')}`).toBe(c.untilClose ? -1 : c.stream.length);
        expect({ status: got.status, keepAlive: got.keepAlive, bytes: got.bytes, body: got.body }).toEqual({
          status: c.expect.status,
          keepAlive: c.expect.keepAlive,
          bytes: c.expect.bytes,
          body: c.expect.body,
        });
        if (c.expect.keepAliveMs !== undefined) expect(got.keepAliveMs).toBe(c.expect.keepAliveMs);
        if (c.expect.headers) expect(got.headers).toEqual(c.expect.headers);
      }
    });
  }

  it('ends each response exactly where it ends when more bytes follow in the same read', () => {
    for (const c of CASES.filter((x) => !x.untilClose)) {
      const next = crlf(['HTTP/1.1 200 OK', 'Content-Length: 0', '', '']);
      const r = feed(Buffer.concat([c.stream, next]), [], c.opts);
      expect(r?.end, c.name).toBe(c.stream.length);
    }
  });

  it('is incomplete until the last byte, and a close before then is no response', () => {
    for (const c of CASES.filter((x) => !x.untilClose)) {
      const cut = c.stream.subarray(0, c.stream.length - 1);
      expect(feed(cut, [], c.opts, true), c.name).toBeNull();
    }
  });

  it('is reusable: the next exchange starts clean, also after a split head', () => {
    const p = new ResponseParser();
    const a = crlf(['HTTP/1.1 200 OK', 'Content-Length: 2', '', 'ok']);
    const b = crlf(['HTTP/1.1 404 Not Found', 'Content-Length: 4', '', 'gone']);
    p.begin(false, false, true);
    expect(p.feed(a, 0, 10)).toBe(NEED_MORE);
    expect(p.feed(a, 10, a.length)).toBe(a.length);
    p.begin(false, false, true);
    expect(p.feed(b, 0, b.length)).toBe(b.length);
    expect([p.head.status, p.body()]).toEqual([404, 'gone']);
  });

  it('gives the same result when a repeated head is remembered, and notices when it changes', () => {
    const p = new ResponseParser();
    const head = (date: string, length: number): Buffer => crlf(['HTTP/1.1 200 OK', `Date: ${date}`, `Content-Length: ${length}`, '', '']);
    const run = (h: Buffer, body: string, noBody = false): [number, number, number] => {
      const bytes = Buffer.concat([h, Buffer.from(noBody ? '' : body)]);
      p.begin(noBody, false, false);
      return [p.feed(bytes, 0, bytes.length), p.head.status, p.bytes];
    };
    const h1 = head('Sat, 22 Nov 2026 02:14:16 GMT', 2);
    for (let i = 0; i < 10; i++) expect(run(h1, 'ok')).toEqual([h1.length + 2, 200, 2]);
    // The same head bytes answering HEAD mean no body: not the remembered framing.
    expect(run(h1, '', true)).toEqual([h1.length, 200, 0]);
    const h2 = head('Sat, 22 Nov 2026 02:14:17 GMT', 5);
    expect(run(h2, 'hello')).toEqual([h2.length + 5, 200, 5]);
    expect(run(h2, 'hello')).toEqual([h2.length + 5, 200, 5]);
    // Heads that differ every time (a counter) still parse right through the memo's pauses.
    for (let i = 0; i < 200; i++) {
      const h = crlf(['HTTP/1.1 200 OK', `X-Request: ${i}`, `Content-Length: ${i % 7}`, '', '']);
      expect(run(h, 'x'.repeat(i % 7))).toEqual([h.length + (i % 7), 200, i % 7]);
    }
  });

  it('keeps at most the capture limit of a body, counting all of it', () => {
    const size = LIMITS.maxCapturedBodyBytes + 1000;
    const stream = Buffer.concat([crlf(['HTTP/1.1 200 OK', `Content-Length: ${size}`, '', '']), Buffer.alloc(size, 'a')]);
    const r = feed(stream, [100, 70_000, 500_000]);
    expect(r?.bytes).toBe(size);
    expect(r?.body.length).toBe(LIMITS.maxCapturedBodyBytes);
  });

  it('counts a body it does not keep', () => {
    const stream = crlf(['HTTP/1.1 200 OK', 'Content-Length: 5', '', 'hello']);
    expect(feed(stream, [20], { captureBody: false })).toMatchObject({ bytes: 5, body: '' });
  });
});

describe('HTTP/1.1 response parser: malformed responses', () => {
  const bad: [string, Buffer, string][] = [
    ['not HTTP', Buffer.from('SSH-2.0-OpenSSH_9.2\r\n\r\n'), 'HPE_INVALID_CONSTANT'],
    ['HTTP/2 status line', Buffer.from('HTTP/2 200 OK\r\n\r\n'), 'HPE_INVALID_CONSTANT'],
    ['unknown minor version', Buffer.from('HTTP/1.2 200 OK\r\n\r\n'), 'HPE_INVALID_VERSION'],
    ['status of two digits', Buffer.from('HTTP/1.1 20 OK\r\n\r\n'), 'HPE_INVALID_STATUS'],
    ['status with a letter', Buffer.from('HTTP/1.1 2x0 OK\r\n\r\n'), 'HPE_INVALID_STATUS'],
    ['folded field', crlf(['HTTP/1.1 200 OK', 'X-A: 1', '  continued', '', '']), 'HPE_INVALID_HEADER_TOKEN'],
    ['space before the colon', crlf(['HTTP/1.1 200 OK', 'Content-Length : 2', '', 'ok']), 'HPE_INVALID_HEADER_TOKEN'],
    ['a line without a colon', crlf(['HTTP/1.1 200 OK', 'garbage', '', '']), 'HPE_INVALID_HEADER_TOKEN'],
    ['CR without LF', Buffer.from('HTTP/1.1 200 OK\r\n\rX'), 'HPE_LF_EXPECTED'],
    ['Content-Length not a number', crlf(['HTTP/1.1 200 OK', 'Content-Length: 12a', '', '']), 'HPE_INVALID_CONTENT_LENGTH'],
    ['negative Content-Length', crlf(['HTTP/1.1 200 OK', 'Content-Length: -1', '', '']), 'HPE_INVALID_CONTENT_LENGTH'],
    ['Content-Length list that disagrees', crlf(['HTTP/1.1 200 OK', 'Content-Length: 2, 3', '', 'ok']), 'HPE_INVALID_CONTENT_LENGTH'],
    ['two different Content-Lengths', crlf(['HTTP/1.1 200 OK', 'Content-Length: 2', 'Content-Length: 3', '', 'ok']), 'HPE_UNEXPECTED_CONTENT_LENGTH'],
    ['chunk size not hex', crlf(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', 'zz', '']), 'HPE_INVALID_CHUNK_SIZE'],
    ['chunk size overflowing', crlf(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', 'fffffffffffffff', '']), 'HPE_INVALID_CHUNK_SIZE'],
    ['chunk data longer than its size', crlf(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', '2', 'abc', '0', '', '']), 'HPE_INVALID_CHUNK_SIZE'],
    ['switching protocols unasked', crlf(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', '', '']), 'HPE_UNEXPECTED_UPGRADE'],
  ];
  for (const [name, stream, code] of bad) {
    it(`${name}: ${code}, however it is split`, () => {
      for (const cuts of everySplit(stream)) {
        let thrown: unknown;
        try {
          feed(stream, cuts);
        } catch (err) {
          thrown = err;
        }
        expect(thrown, `cut at ${cuts.join(',')}`).toBeInstanceOf(HttpParseError);
        expect((thrown as HttpParseError).code).toBe(code);
      }
    });
  }

  it('refuses a head larger than 64 KiB, even trickling in', () => {
    const big = crlf(['HTTP/1.1 200 OK', `X-Big: ${'a'.repeat(MAX_HEAD_BYTES)}`, '', '']);
    for (const cuts of [[], [100], Array.from({ length: 70 }, (_, i) => (i + 1) * 1000)]) {
      expect(() => feed(big, cuts)).toThrow(/HPE_HEADER_OVERFLOW/);
    }
  });

  it('accepts a head just under the limit split in two, with a large body after it in the same read', () => {
    const head = crlf(['HTTP/1.1 200 OK', `X-Big: ${'a'.repeat(60_000)}`, 'Content-Length: 100000', '', '']);
    const stream = Buffer.concat([head, Buffer.alloc(100_000, 'b')]);
    expect(feed(stream, [30_000], { captureBody: false })).toMatchObject({ end: stream.length, bytes: 100_000 });
  });
});
