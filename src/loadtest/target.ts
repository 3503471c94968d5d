import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { EXIT, UserError } from '../errors.js';

export type Lookup = (host: string) => Promise<{ address: string }[]>;

const defaultLookup: Lookup = (host) => lookup(host, { all: true });

/**
 * Load goes to this machine unless the user says otherwise: a target whose host is not a
 * loopback address (every address its name resolves to) needs `--allow-remote`.
 */
export async function checkTarget(url: URL, allowRemote: boolean, resolve: Lookup = defaultLookup): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`${url.href}: only http:// and https:// targets can be load-tested`, EXIT.usage);
  }
  if (url.username || url.password) {
    throw new UserError('the target URL holds credentials', EXIT.usage, 'send them as a header from a scenario file (--scenario), e.g. authorization: "Bearer {{env.TOKEN}}"');
  }
  if (allowRemote) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolve(host)).map((a) => a.address);
    } catch (err) {
      throw new UserError(`cannot resolve ${host}: ${(err as Error).message}`, EXIT.usage);
    }
  }
  const remote = addresses.filter((a) => !isLoopback(a));
  if (addresses.length === 0 || remote.length > 0) {
    throw new UserError(
      `${url.host} is not on this machine (${remote.join(', ') || 'no address'}): refusing to send load to it`,
      EXIT.usage,
      'load-test only systems you own; add --allow-remote to target another host',
    );
  }
}

export function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** The URL with any password removed, for reports and logs. */
export function displayUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.password = '';
  copy.username = '';
  return copy.href;
}
