import { posix } from 'node:path';

/**
 * The answer key hidden from the analyzer: every Dockerfile/Containerfile variant
 * (Dockerfile, Dockerfile.base, dev.Dockerfile …), every compose file and every .dockerignore,
 * wherever they are. Stricter than the corpus asks (only the recorded Dockerfile and the
 * variants next to it), so no score can come from reading the truth.
 */
export function hiddenFromAnalyzer(path: string): boolean {
  const base = posix.basename(path);
  return /^(Dockerfile|Containerfile)/i.test(base) || /\.(Dockerfile|Containerfile)$/i.test(base) || /compose[^/]*\.ya?ml$/i.test(base) || base === '.dockerignore';
}
