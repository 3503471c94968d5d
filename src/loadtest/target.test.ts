import { describe, expect, it } from 'vitest';
import { checkTarget, displayUrl, isLoopback, type Lookup } from './target.js';

const resolvesTo = (...addresses: string[]): Lookup => async () => addresses.map((address) => ({ address }));

describe('targets stay on this machine unless --allow-remote', () => {
  it('accepts loopback addresses and names that resolve only to them', async () => {
    await expect(checkTarget(new URL('http://127.0.0.1:7100/'), false)).resolves.toBeUndefined();
    await expect(checkTarget(new URL('http://[::1]:7100/'), false)).resolves.toBeUndefined();
    await expect(checkTarget(new URL('http://localhost:7100/'), false, resolvesTo('127.0.0.1', '::1'))).resolves.toBeUndefined();
  });

  it('refuses other hosts, and names resolving to any non-loopback address', async () => {
    await expect(checkTarget(new URL('http://10.0.0.5/'), false)).rejects.toThrow(/refusing to send load/);
    await expect(checkTarget(new URL('https://shop.example/'), false, resolvesTo('93.184.216.34'))).rejects.toThrow(/--allow-remote|refusing/);
    await expect(checkTarget(new URL('http://sneaky.test/'), false, resolvesTo('127.0.0.1', '10.1.1.1'))).rejects.toThrow(/10\.1\.1\.1/);
    await expect(checkTarget(new URL('http://10.0.0.5/'), true)).resolves.toBeUndefined();
  });

  it('refuses other schemes and credentials in the URL', async () => {
    await expect(checkTarget(new URL('ftp://127.0.0.1/'), false)).rejects.toThrow(/only http/);
    await expect(checkTarget(new URL('http://u:p@127.0.0.1/'), false)).rejects.toThrow(/credentials/);
  });

  it('knows loopback forms', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '0.0.0.0', '::', '128.0.0.1'].some(isLoopback)).toBe(false);
    expect(displayUrl(new URL('http://u:secret@127.0.0.1/x'))).toBe('http://127.0.0.1/x');
  });
});
