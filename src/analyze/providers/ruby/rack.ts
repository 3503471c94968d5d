import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';
import { gem, type Gemfile } from './gemfile.js';
import { pumaPort } from './puma.js';

const RACK_FRAMEWORKS = ['sinatra', 'roda', 'grape', 'hanami', 'cuba', 'hanami-router'];

/**
 * Rack apps (Sinatra, Roda, Grape …): with config.ru, puma (or rackup) serves it on $PORT,
 * default 9292; a classic Sinatra script without config.ru runs with ruby on 4567.
 */
export function addRackFacts(repo: RepoView, dir: string, g: Gemfile, facts: FactSheet): void {
  const at = (f: string) => repoPath(dir, f);
  const framework = RACK_FRAMEWORKS.map((n) => gem(g, n)).find(Boolean);
  if (framework) facts.add('framework', framework.name, { source: 'manifest', file: framework.file, line: framework.line, reason: `gem ${framework.name}` });
  const sourcePort = findSetPort(repo, dir);
  if (repo.has(at('config.ru'))) {
    const puma = gem(g, 'puma');
    const config = puma ? pumaPort(repo, at('config/puma.rb')) : undefined;
    const port = config?.port ?? sourcePort?.port ?? 9292;
    if (config?.port) facts.add('port', config.port, config.origin);
    else if (sourcePort) facts.add('port', sourcePort.port, sourcePort.origin);
    else facts.add('port', 9292, { source: 'convention', file: at('config.ru'), reason: 'rack servers listen on 9292 by default' });
    const command = puma
      ? `bundle exec puma${config ? ' -C config/puma.rb' : ''}${config?.readsPort ? '' : ` -p \${PORT:-${port}}`} config.ru`
      : `bundle exec rackup -o 0.0.0.0 -p \${PORT:-${port}} config.ru`;
    facts.add('commands.start', command, { source: 'config', file: at('config.ru'), reason: puma ? 'config.ru served by puma' : 'config.ru served by rackup' });
    return;
  }
  const script = filesIn(repo, dir).filter((f) => f.endsWith('.rb')).find((f) => /require\s+["']sinatra["']/.test(repo.read(at(f), 48 * 1024) ?? ''));
  if (!script) return;
  const port = sourcePort?.port ?? 4567;
  if (sourcePort) facts.add('port', sourcePort.port, sourcePort.origin);
  else facts.add('port', 4567, { source: 'convention', file: at(script), reason: 'Sinatra listens on 4567 by default' });
  facts.add('commands.start', `bundle exec ruby ${script} -o 0.0.0.0 -p \${PORT:-${port}}`, { source: 'source', file: at(script), reason: 'classic Sinatra app script' });
}

/** `set :port, 8080` in a top-level Ruby file. */
function findSetPort(repo: RepoView, dir: string) {
  for (const f of filesIn(repo, dir).filter((x) => x.endsWith('.rb') || x === 'config.ru')) {
    const file = repoPath(dir, f);
    const text = repo.read(file, 48 * 1024);
    const line = text ? findLine(text, /^\s*set\s+:port\s*,\s*(?:ENV\.fetch\([^)]*?,\s*)?["']?\d+/) : undefined;
    if (!line) continue;
    const port = Number(/(\d{2,5})["']?\s*\)?\s*$/.exec(lineText(text!, line) ?? '')?.[1]);
    if (port) return { port, origin: { source: 'source' as const, file, line, excerpt: lineText(text!, line), reason: 'set :port' } };
  }
  return undefined;
}
