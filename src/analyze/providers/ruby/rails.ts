import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import { anyGem, gem, type Gemfile } from './gemfile.js';
import { pumaPort } from './puma.js';

const ASSET_GEMS = ['sprockets', 'sprockets-rails', 'propshaft', 'webpacker', 'shakapacker', 'jsbundling-rails', 'cssbundling-rails', 'vite_rails', 'tailwindcss-rails', 'dartsass-rails'];

/**
 * Rails: puma (with config/puma.rb when present) on $PORT, assets precompiled at build,
 * `db:migrate` once per release, the /up health route of Rails 7.1+, background job
 * processes (Sidekiq, GoodJob, Solid Queue), and the secret the production boot needs.
 */
export function addRailsFacts(repo: RepoView, dir: string, g: Gemfile, facts: FactSheet): void {
  const at = (f: string) => repoPath(dir, f);
  const rails = gem(g, 'rails', 'railties')!;
  const railsOrigin = { source: 'manifest' as const, file: rails.file, line: rails.line, reason: 'Rails app' };
  facts.add('framework', 'rails', railsOrigin);

  const puma = pumaPort(repo, at('config/puma.rb'));
  const port = puma?.port ?? 3000;
  if (puma?.port) facts.add('port', puma.port, puma.origin);
  else facts.add('port', 3000, { source: 'convention', file: rails.file, reason: 'Rails serves on 3000 by default' });
  if (gem(g, 'puma') && puma) {
    const flag = puma.readsPort ? '' : ` -p \${PORT:-${port}}`;
    facts.add('commands.start', `bundle exec puma -C config/puma.rb${flag}`, { source: 'config', file: at('config/puma.rb'), reason: 'puma with the app\'s config/puma.rb' });
  } else {
    facts.add('commands.start', `bundle exec rails server -b 0.0.0.0 -p \${PORT:-${port}}`, { ...railsOrigin, reason: 'rails server on all interfaces' });
  }

  const assets = ASSET_GEMS.map((n) => gem(g, n)).find(Boolean);
  if (assets || repo.glob(at('app/assets/**')).length) {
    facts.add('commands.build', 'SECRET_KEY_BASE_DUMMY=1 bundle exec rails assets:precompile', { source: 'manifest', file: assets?.file ?? rails.file, line: assets?.line, reason: assets ? `gem ${assets.name}: assets are compiled at build time` : 'app/assets present' });
  }
  if (repo.has(at('config/database.yml')) || repo.glob(at('db/migrate/*')).length) {
    facts.add('commands.release', 'bundle exec rails db:migrate', { source: 'config', file: at('config/database.yml'), reason: 'Active Record migrations run once per release' });
  }
  const rspec = anyGem(g, 'rspec-rails', 'rspec');
  if (rspec || repo.has(at('.rspec'))) facts.add('commands.test', 'bundle exec rspec', { source: 'manifest', file: rspec?.file ?? at('.rspec'), line: rspec?.line, reason: 'RSpec' });
  else if (repo.glob(at('test/**/*_test.rb')).length) facts.add('commands.test', 'bundle exec rails test', { ...railsOrigin, reason: 'Rails minitest suite' });

  const routes = repo.read(at('config/routes.rb'), 64 * 1024);
  const up = routes ? findLine(routes, /["']rails\/health#show["']|\b(get|match)\s+["']\/?(up|health|healthz|healthcheck|ping)["']/) : undefined;
  if (up) {
    const path = /(get|match)\s+["']\/?([\w/-]+)["']/.exec(lineText(routes!, up) ?? '')?.[2] ?? 'up';
    facts.add('healthcheck', `/${path}`, { source: 'config', file: at('config/routes.rb'), line: up, excerpt: lineText(routes!, up), reason: 'health route' });
  }

  const secretOrigin = { source: 'convention' as const, file: rails.file, reason: 'Rails production boot' };
  facts.addEnv('RAILS_ENV', { default: 'production' }, secretOrigin);
  if (repo.has(at('config/credentials.yml.enc'))) facts.addEnv('RAILS_MASTER_KEY', { required: true, secret: true, description: 'decrypts config/credentials.yml.enc' }, { ...secretOrigin, file: at('config/credentials.yml.enc') });
  else facts.addEnv('SECRET_KEY_BASE', { required: true, secret: true }, secretOrigin);
  addJobProcesses(repo, dir, g, facts);
}

/** Job workers a gem implies; a Procfile, when present, lists the processes itself. */
function addJobProcesses(repo: RepoView, dir: string, g: Gemfile, facts: FactSheet): void {
  if (repo.has(repoPath(dir, 'Procfile'))) return;
  const sidekiq = gem(g, 'sidekiq');
  if (sidekiq) {
    const config = repo.has(repoPath(dir, 'config/sidekiq.yml')) ? ' -C config/sidekiq.yml' : '';
    facts.addProcess('worker', `bundle exec sidekiq${config}`, { source: 'manifest', file: sidekiq.file, line: sidekiq.line, reason: 'gem sidekiq: job worker' });
    return;
  }
  const goodJob = gem(g, 'good_job');
  if (goodJob) return facts.addProcess('worker', 'bundle exec good_job start', { source: 'manifest', file: goodJob.file, line: goodJob.line, reason: 'gem good_job: job worker' });
  const solid = gem(g, 'solid_queue');
  if (solid && repo.has(repoPath(dir, 'bin/jobs'))) return facts.addProcess('worker', 'bin/jobs', { source: 'manifest', file: solid.file, line: solid.line, reason: 'Solid Queue supervisor' });
  const dj = gem(g, 'delayed_job_active_record', 'delayed_job');
  if (dj) facts.addProcess('worker', 'bundle exec rails jobs:work', { source: 'manifest', file: dj.file, line: dj.line, reason: 'Delayed Job worker' });
}
