import type { IncomingHttpHeaders } from 'node:http';

// RFC 9110 §7.6.1: connection-specific headers are not forwarded by a proxy.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

type HeaderBag = Record<string, string | string[] | undefined>;

/** Copies headers without hop-by-hop ones (and without those the Connection header names). */
export function endToEndHeaders(headers: IncomingHttpHeaders | HeaderBag): Record<string, string | string[]> {
  const named = headers.connection;
  const extra = typeof named === 'string' ? named.toLowerCase().split(',').map((s) => s.trim()) : [];
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || HOP_BY_HOP.has(k) || extra.includes(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Request headers for the upstream: end-to-end ones plus X-Forwarded-*. */
export function forwardedRequestHeaders(headers: IncomingHttpHeaders, remote: string | undefined): Record<string, string | string[]> {
  const out = endToEndHeaders(headers);
  // Node's server already answered any 100-continue; undici refuses to send `expect` itself.
  delete out.expect;
  const prior = headers['x-forwarded-for'];
  const client = remote ?? 'unknown';
  out['x-forwarded-for'] = prior ? `${String(prior)}, ${client}` : client;
  out['x-forwarded-proto'] = 'http';
  if (headers.host) out['x-forwarded-host'] = headers.host;
  return out;
}
