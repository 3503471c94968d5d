import semver from 'semver';
import type { FactSheet } from '../../facts.js';
import { lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import { keyLine, type PackageManifest } from './package-json.js';
import { ancestors } from './workspaces.js';

/** Node.js majors with images Slipway builds on, newest first: an engines range picks the first it allows. */
export const SUPPORTED_NODE_MAJORS = [24, 22, 20] as const;

const LTS_CODENAMES: Record<string, string> = {
  argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24',
};

/** Runtime version candidates: version files pin (weight 0.9), an engines range only bounds (0.7). */
export function addRuntimeVersion(repo: RepoView, dir: string, m: PackageManifest | null, facts: FactSheet): void {
  for (const d of [dir, ...ancestors(dir)]) {
    for (const name of ['.nvmrc', '.node-version']) {
      const file = repoPath(d, name);
      const text = repo.read(file, 256);
      const version = text === null ? undefined : pinned(text.split('\n')[0] ?? '');
      if (version) facts.add('runtimeVersion', version, { source: 'manifest', file, line: 1, excerpt: lineText(text!, 1), reason: name });
    }
    const tools = repoPath(d, '.tool-versions');
    const toolText = repo.read(tools, 4096);
    const toolLine = toolText?.split('\n').findIndex((l) => /^nodejs\s+/.test(l)) ?? -1;
    if (toolText && toolLine >= 0) {
      const version = pinned(toolText.split('\n')[toolLine]!.replace(/^nodejs\s+/, ''));
      if (version) facts.add('runtimeVersion', version, { source: 'manifest', file: tools, line: toolLine + 1, reason: '.tool-versions > nodejs' });
    }
    if (facts.has('runtimeVersion')) break;
  }
  if (!m) return;
  const volta = m.pkg.volta?.node;
  if (volta && pinned(volta)) {
    facts.add('runtimeVersion', pinned(volta)!, { source: 'manifest', file: m.file, ...keyLine(m, 'node', 'volta'), reason: 'package.json > volta > node' });
  }
  const range = m.pkg.engines.node;
  const fromRange = range ? majorForRange(range) : undefined;
  if (fromRange) {
    facts.add('runtimeVersion', fromRange, {
      source: 'manifest', file: m.file, ...keyLine(m, 'node', 'engines'), weight: 0.7,
      reason: `package.json > engines > node allows ${range}: the newest supported major in it`,
    });
  }
}

/** A pinned version (`v20.11.1`, `20`, `lts/iron`) as Slipway writes it; undefined for `node`/`lts/*`. */
export function pinned(raw: string): string | undefined {
  const v = raw.trim().replace(/^v/, '');
  const lts = /^lts\/([a-z]+)$/i.exec(v);
  if (lts) return LTS_CODENAMES[lts[1]!.toLowerCase()];
  return /^\d+(\.\d+){0,2}$/.test(v) ? v : undefined;
}

/** The newest supported major an engines range allows, else the range's lowest major. */
export function majorForRange(range: string): string | undefined {
  if (pinned(range)) return pinned(range);
  let valid: string | null;
  try {
    valid = semver.validRange(range);
  } catch {
    return undefined;
  }
  if (!valid) return undefined;
  for (const major of SUPPORTED_NODE_MAJORS) {
    if (semver.intersects(valid, `${major}.x`)) return String(major);
  }
  const min = semver.minVersion(valid);
  return min ? String(min.major) : undefined;
}
