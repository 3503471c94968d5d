import type { FactSheet } from '../../facts.js';
import type { AnalyzeContext, Provider } from '../../provider.js';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';
import { addEnvFromSource } from './env.js';
import { gem, readGemfile } from './gemfile.js';
import { addRackFacts } from './rack.js';
import { addRailsFacts } from './rails.js';
import { addBundlerVersion, addRubyVersion } from './runtime-version.js';
import { addServices } from './services.js';

export const rubyProvider: Provider = {
  id: 'ruby',
  manifests: ['Gemfile', 'Gemfile.lock', '.ruby-version', 'config.ru', 'config/database.yml', 'config/puma.rb'],
  detect(repo: RepoView, dir: string) {
    const files = filesIn(repo, dir);
    // A JavaScript project whose Gemfile only pins tooling (CocoaPods, fastlane) is not a Ruby app.
    if (files.includes('Gemfile') && files.includes('package.json') && !files.includes('config.ru') && !/^\s*gem\s+["'](rails|railties|sinatra|roda|grape|hanami|rack)["']/m.test(repo.read(repoPath(dir, 'Gemfile'), 64 * 1024) ?? '')) return [];
    if (files.includes('Gemfile')) return [{ source: 'manifest', file: repoPath(dir, 'Gemfile'), reason: 'Gemfile present' }];
    return files.includes('config.ru') ? [{ source: 'manifest', file: repoPath(dir, 'config.ru'), reason: 'config.ru (a Rack app)' }] : [];
  },
  analyze(repo: RepoView, dir: string, facts: FactSheet, ctx: AnalyzeContext): void {
    const origin = { source: 'manifest' as const, file: repoPath(dir, 'Gemfile'), reason: 'Ruby project' };
    facts.add('language', 'ruby', origin);
    facts.add('runtime', 'ruby', origin);
    const g = readGemfile(repo, dir) ?? { file: repoPath(dir, 'Gemfile'), text: '', gems: [], lock: null };
    facts.add('packageManager', 'bundler', g.lock !== null ? { source: 'lockfile', file: repoPath(dir, 'Gemfile.lock'), reason: 'Gemfile.lock' } : origin);
    addBundlerVersion(dir, g, facts);
    addRubyVersion(repo, dir, g, facts);
    facts.add('commands.install', 'bundle install', { ...origin, reason: 'Bundler installs the Gemfile' });
    if (gem(g, 'rails', 'railties') && repo.has(repoPath(dir, 'config/application.rb'))) addRailsFacts(repo, dir, g, facts);
    else addRackFacts(repo, dir, g, facts);
    const hasTests = facts.has('commands.test');
    if (!hasTests && repo.has(repoPath(dir, '.rspec'))) facts.add('commands.test', 'bundle exec rspec', { source: 'config', file: repoPath(dir, '.rspec'), reason: 'RSpec' });
    addServices(repo, dir, g, facts);
    const nested = ctx.componentDirs.filter((d) => d !== dir && (dir === '.' || d.startsWith(`${dir}/`)));
    addEnvFromSource(repo, dir, nested, facts);
    if (!facts.has('commands.start') && !repo.has(repoPath(dir, 'config.ru'))) {
      const gemspec = filesIn(repo, dir).find((f) => f.endsWith('.gemspec'));
      if (gemspec) {
        facts.deployable = false;
        facts.note({ level: 'info', file: repoPath(dir, gemspec), message: 'a gem (library) without config.ru: not deployable on its own' });
      }
    }
  },
  startHelp: 'Ruby web apps start with their Rack server: e.g. `bundle exec puma -C config/puma.rb` (Rails) or `bundle exec rackup -o 0.0.0.0 -p $PORT config.ru`.',
};
