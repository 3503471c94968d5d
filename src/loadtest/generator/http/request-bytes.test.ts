import { describe, expect, it } from 'vitest';
import { encodeRequest, InvalidRequestError } from './request-bytes.js';

const text = (b: Buffer): string => b.toString('latin1');

describe('request bytes', () => {
  it('a GET: request line and host, nothing else', () => {
    expect(text(encodeRequest('127.0.0.1:8080', 'GET', '/a?b=1', [], undefined))).toBe('GET /a?b=1 HTTP/1.1\r\nhost: 127.0.0.1:8080\r\n\r\n');
  });

  it('a body gets its UTF-8 length; POST without a body says 0', () => {
    const post = encodeRequest('h', 'POST', '/login', [['content-type', 'application/json']], '{"user":"zoë"}');
    expect(text(post)).toBe('POST /login HTTP/1.1\r\nhost: h\r\ncontent-type: application/json\r\ncontent-length: 15\r\n\r\n{"user":"zo\u00c3\u00ab"}');
    expect(text(encodeRequest('h', 'PUT', '/x', [], undefined))).toContain('content-length: 0\r\n');
    expect(text(encodeRequest('h', 'DELETE', '/x', [], undefined))).not.toContain('content-length');
  });

  it('a host header of the scenario replaces the default; framing headers are ours', () => {
    const b = text(encodeRequest('127.0.0.1:80', 'POST', '/', [['host', 'shop.test'], ['content-length', '99'], ['transfer-encoding', 'chunked']], 'ab'));
    expect(b).toBe('POST / HTTP/1.1\r\nhost: shop.test\r\ncontent-length: 2\r\n\r\nab');
  });

  it('non-ASCII path characters go out percent-encoded', () => {
    expect(text(encodeRequest('h', 'GET', '/café/ü?q=€', [], undefined))).toMatch(/^GET \/caf%C3%A9\/%C3%BC\?q=%E2%82%AC HTTP\/1\.1\r\n/);
  });

  it('refuses values that would split the message', () => {
    const refused = (f: () => unknown): void => expect(f).toThrow(InvalidRequestError);
    refused(() => encodeRequest('h', 'GET', '/', [['authorization', 'Bearer x\r\nX-Evil: 1']], undefined));
    refused(() => encodeRequest('h', 'GET', '/', [['x-a', 'nul\u0000']], undefined));
    refused(() => encodeRequest('h', 'GET', '/', [['bad name', 'v']], undefined));
    refused(() => encodeRequest('h', 'GET', '/a b', [], undefined));
    refused(() => encodeRequest('h', 'GET', '/a\r\nHost: x', [], undefined));
    refused(() => encodeRequest('h', 'GE T', '/', [], undefined));
    refused(() => encodeRequest('h', 'GET', '/\ud800', [], undefined));
  });
});
