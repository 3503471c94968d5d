import type { Readable } from 'node:stream';
import { LineMasker } from './line-masker.js';
import { SecretMasker } from './secret-masker.js';

export { SecretMasker } from './secret-masker.js';

/** A masker for these secret values (empty and too-short ones are ignored). */
export function maskerFor(values: Iterable<string | undefined>): SecretMasker {
  const masker = new SecretMasker();
  for (const v of values) masker.add(v);
  return masker;
}

/** The values of the secret keys of a config map. */
export function secretValuesOf(config: Record<string, string>, secretKeys: Iterable<string>): string[] {
  return [...secretKeys].map((k) => config[k]).filter((v): v is string => Boolean(v));
}

/**
 * Calls `onLine` with every line of a process's output stream, secrets masked — also when a
 * value is split across chunks — and the unterminated tail at the end.
 */
export function forEachMaskedLine(stream: Readable, masker: SecretMasker, onLine: (line: string) => void): void {
  const lines = new LineMasker(masker, onLine);
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => lines.write(chunk));
  stream.on('end', () => lines.end());
}
