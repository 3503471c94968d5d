import { FIELD_VALUE, TOKEN } from './bytes.js';

/**
 * A request as the bytes written to the socket: built once for a scenario request without
 * placeholders, per request otherwise. Values come from scenario files and from responses
 * (extracted values), so anything that could split the message is refused, not sent.
 */
export class InvalidRequestError extends Error {
  readonly code = 'INVALID_REQUEST';
}

const NON_ASCII = /[^\x00-\x7f]/gu;
const PATH_FORBIDDEN = /[\x00-\x20\x7f]/;
/** Methods whose requests carry a body: they announce an empty one too, as undici and curl do. */
const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function encodeRequest(host: string, method: string, path: string, headers: readonly (readonly [string, string])[], body: string | undefined): Buffer {
  if (!TOKEN.test(method)) throw new InvalidRequestError(`method "${method}" is not a token`);
  // Non-ASCII characters go out percent-encoded as UTF-8, as a URL would carry them.
  const target = path.replace(NON_ASCII, percentEncode);
  if (PATH_FORBIDDEN.test(target)) throw new InvalidRequestError('the path holds a space or a control character');
  let fields = '';
  let hostSet = false;
  for (const [name, value] of headers) {
    if (!TOKEN.test(name)) throw new InvalidRequestError(`header name "${name}" is not a token`);
    if (!FIELD_VALUE.test(value)) throw new InvalidRequestError(`header ${name} holds a line break or a control character`);
    const lower = name.toLowerCase();
    // Framing is ours: the length always matches the body sent.
    if (lower === 'content-length' || lower === 'transfer-encoding') continue;
    if (lower === 'host') hostSet = true;
    fields += `${name}: ${value}\r\n`;
  }
  const payload = body === undefined ? null : Buffer.from(body, 'utf8');
  if (payload || PAYLOAD_METHODS.has(method)) fields += `content-length: ${payload?.length ?? 0}\r\n`;
  const head = `${method} ${target} HTTP/1.1\r\n${hostSet ? '' : `host: ${host}\r\n`}${fields}\r\n`;
  const headBytes = Buffer.from(head, 'latin1');
  return payload ? Buffer.concat([headBytes, payload]) : headBytes;
}

function percentEncode(c: string): string {
  try {
    return encodeURIComponent(c);
  } catch {
    throw new InvalidRequestError('the path holds a lone surrogate');
  }
}
