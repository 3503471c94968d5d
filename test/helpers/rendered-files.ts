import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RenderedFile } from '../../src/render/renderer.js';

/** Writes rendered files under a fresh temp dir (tests remove it); returns it and path → content. */
export function writeRendered(files: RenderedFile[], prefix = 'slipway-test-render-'): { root: string; byPath: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const byPath: Record<string, string> = {};
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
    byPath[f.path] = f.content;
  }
  return { root, byPath };
}
