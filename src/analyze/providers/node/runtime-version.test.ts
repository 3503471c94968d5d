import { describe, expect, it } from 'vitest';
import { majorForRange, pinned } from './runtime-version.js';

describe('Node.js versions', () => {
  it('reads pins from .nvmrc/.node-version forms', () => {
    expect(pinned('v20.11.1')).toBe('20.11.1');
    expect(pinned('22')).toBe('22');
    expect(pinned('lts/iron')).toBe('20');
    expect(pinned('lts/*')).toBeUndefined();
    expect(pinned('node')).toBeUndefined();
  });

  it('turns an engines range into the newest supported major it allows', () => {
    expect(majorForRange('>=18')).toBe('24');
    expect(majorForRange('^20.11 || ^22')).toBe('22');
    expect(majorForRange('20.x')).toBe('20');
    expect(majorForRange('>=20.12 <21 || 22 || 24 <24.17.0 || 26 <26.3.1')).toBe('24');
    expect(majorForRange('^16.0.0')).toBe('16');
    expect(majorForRange('not a range')).toBeUndefined();
  });
});
