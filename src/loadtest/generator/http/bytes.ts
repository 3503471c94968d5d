/** Byte-level helpers for HTTP/1.1: ASCII constants, the token and field-value rules, case-insensitive matching. */
export const HT = 9;
export const LF = 10;
export const CR = 13;
export const SP = 32;

/** A token, as methods and header names are: tchar (RFC 9110 §5.6.2) = ALPHA / DIGIT / "!#$%&'*+-.^_`|~". */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Field values: visible ASCII, space, tab and obs-text; never CR, LF or NUL (RFC 9110 §5.5). */
export const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const TOKEN_BYTES = new Uint8Array(256);
for (let c = 0; c < 128; c++) if (TOKEN.test(String.fromCharCode(c))) TOKEN_BYTES[c] = 1;

export const isTokenByte = (b: number): boolean => TOKEN_BYTES[b] === 1;

/** `buf[at…]` equals the lower-case `name`, ignoring ASCII case (the caller checked the length). */
export function nameIs(buf: Uint8Array, at: number, name: Uint8Array): boolean {
  for (let k = 0; k < name.length; k++) {
    const b = buf[at + k] as number;
    // Folding only letters: `| 0x20` would also map some non-letters onto letters.
    const lower = b >= 65 && b <= 90 ? b | 0x20 : b;
    if (lower !== name[k]) return false;
  }
  return true;
}

/** A comma-separated list in `buf[start, end)` holds `token` (ASCII case ignored). */
export function hasToken(buf: Uint8Array, start: number, end: number, token: Uint8Array): boolean {
  let i = start;
  while (i < end) {
    while (i < end && (buf[i] === SP || buf[i] === HT || buf[i] === 44)) i++;
    const s = i;
    while (i < end && buf[i] !== 44) i++;
    let e = i;
    while (e > s && (buf[e - 1] === SP || buf[e - 1] === HT)) e--;
    if (e - s === token.length && nameIs(buf, s, token)) return true;
  }
  return false;
}
