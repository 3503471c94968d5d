import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { COVERAGE_FILES } from '../inputs.js';

export interface Coverage {
  /** Percentage of lines covered, 0–100. */
  linePct: number;
  linesFound: number;
  linesHit: number;
  format: 'lcov' | 'cobertura';
  /** Report file, relative to the component directory. */
  file: string;
}

/** The first coverage report found in a component directory (lcov.info or Cobertura XML). */
export function readCoverage(dir: string, candidates: readonly string[] = COVERAGE_FILES): Coverage | null {
  for (const file of candidates) {
    const abs = join(dir, file);
    if (!existsSync(abs)) continue;
    const text = readFileSync(abs, 'utf8');
    const parsed = file.endsWith('.xml') ? parseCobertura(text) : parseLcov(text);
    if (parsed) return { ...parsed, file };
  }
  return null;
}

/** lcov: LF (lines found) and LH (lines hit) per source file. */
export function parseLcov(text: string): Omit<Coverage, 'file'> | null {
  let found = 0;
  let hit = 0;
  let records = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('LF:')) {
      found += Number(line.slice(3));
      records++;
    } else if (line.startsWith('LH:')) hit += Number(line.slice(3));
  }
  if (records === 0) return null;
  return { linePct: found === 0 ? 100 : (hit / found) * 100, linesFound: found, linesHit: hit, format: 'lcov' };
}

/** Cobertura: <coverage lines-valid lines-covered line-rate>. */
export function parseCobertura(text: string): Omit<Coverage, 'file'> | null {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as { coverage?: Record<string, string> };
  const c = doc.coverage;
  if (!c) return null;
  const valid = Number(c['lines-valid']);
  const covered = Number(c['lines-covered']);
  if (Number.isFinite(valid) && Number.isFinite(covered) && valid > 0) {
    return { linePct: (covered / valid) * 100, linesFound: valid, linesHit: covered, format: 'cobertura' };
  }
  const rate = Number(c['line-rate']);
  if (!Number.isFinite(rate)) return null;
  return { linePct: rate * 100, linesFound: 0, linesHit: 0, format: 'cobertura' };
}
