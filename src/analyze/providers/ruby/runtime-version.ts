import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { Gemfile } from './gemfile.js';

/** Ruby version: .ruby-version, .tool-versions, the Gemfile's `ruby` line, Gemfile.lock's RUBY VERSION. */
export function addRubyVersion(repo: RepoView, dir: string, g: Gemfile, facts: FactSheet): void {
  const pin = (file: string, re: RegExp, reason: string, weight?: number) => {
    const path = repoPath(dir, file);
    const text = file === 'Gemfile' ? g.text : file === 'Gemfile.lock' ? g.lock : repo.has(path) ? repo.read(path, 4096) : null;
    const m = text ? re.exec(text) : null;
    if (!m) return;
    const line = findLine(text!, re);
    facts.add('runtimeVersion', m[1]!, { source: 'manifest', file: path, line, excerpt: lineText(text!, line), reason, ...(weight ? { weight } : {}) });
  };
  pin('.ruby-version', /^\s*(?:ruby-)?(\d+\.\d+(?:\.\d+)?)/m, '.ruby-version');
  pin('.tool-versions', /^ruby\s+(\d+\.\d+(?:\.\d+)?)/m, '.tool-versions (asdf)');
  pin('Gemfile', /^\s*ruby\s+["'](\d+\.\d+(?:\.\d+)?)["']/m, 'Gemfile ruby directive');
  pin('Gemfile', /^\s*ruby\s+["'][>~=]+\s*(\d+\.\d+(?:\.\d+)?)["']/m, 'Gemfile ruby requirement (lower bound)', 0.6);
  pin('Gemfile.lock', /^RUBY VERSION\s*\n\s*ruby\s+(\d+\.\d+\.\d+)/m, 'Gemfile.lock RUBY VERSION');
}

/** Bundler's version from Gemfile.lock's BUNDLED WITH. */
export function addBundlerVersion(dir: string, g: Gemfile, facts: FactSheet): void {
  const m = g.lock ? /^BUNDLED WITH\s*\n\s*([\d.]+)/m.exec(g.lock) : null;
  if (!m) return;
  const line = findLine(g.lock!, /^BUNDLED WITH/);
  facts.add('packageManagerVersion', m[1]!, { source: 'lockfile', file: repoPath(dir, 'Gemfile.lock'), line: line ? line + 1 : undefined, reason: 'Gemfile.lock BUNDLED WITH' });
}
