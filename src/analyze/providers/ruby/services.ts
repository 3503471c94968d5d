import type { ServiceType } from '../../../spec/component.js';
import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';
import { gem, type Gemfile } from './gemfile.js';

const DATABASE_GEMS: [ServiceType, string[]][] = [
  ['postgres', ['pg', 'activerecord-postgis-adapter', 'sequel_pg']],
  ['mysql', ['mysql2', 'trilogy']],
];
const CLIENT_GEMS: [ServiceType, string[]][] = [
  ['redis', ['redis', 'sidekiq', 'resque', 'redis-rails', 'kredis', 'hiredis-client', 'redis-client']],
  ['rabbitmq', ['bunny', 'sneakers', 'march_hare']],
  ['mongodb', ['mongoid', 'mongo']],
  ['kafka', ['ruby-kafka', 'rdkafka', 'karafka', 'racecar']],
  ['elasticsearch', ['elasticsearch', 'searchkick', 'chewy', 'elasticsearch-model']],
  ['opensearch', ['opensearch-ruby']],
  ['memcached', ['dalli']],
  ['sqs', ['aws-sdk-sqs', 'shoryuken']],
];
const ADAPTERS: [RegExp, ServiceType | 'sqlite'][] = [
  [/\b(postgresql|postgis)\b/, 'postgres'],
  [/\b(mysql2|trilogy|mysql)\b/, 'mysql'],
  [/\bsqlite3?\b/, 'sqlite'],
];

/**
 * Services: config/database.yml names the database (its production section, else the
 * default); database gems are only a fallback, since apps often carry several adapters.
 * Client gems (redis, sidekiq, bunny …) add theirs.
 */
export function addServices(repo: RepoView, dir: string, g: Gemfile, facts: FactSheet): void {
  const configured = databaseYml(repo, dir);
  if (configured && configured.type !== 'sqlite') facts.addService(configured.type, configured.origin);
  if (!configured) {
    for (const [type, names] of DATABASE_GEMS) {
      const hit = gem(g, ...names);
      if (hit) facts.addService(type, { source: 'manifest', file: hit.file, line: hit.line, reason: `gem ${hit.name}` });
    }
  }
  for (const [type, names] of CLIENT_GEMS) {
    const hit = gem(g, ...names);
    if (hit) facts.addService(type, { source: 'manifest', file: hit.file, line: hit.line, reason: `gem ${hit.name}` });
  }
}

/** The adapter of database.yml's production (else default) section; ERB is read as text. */
function databaseYml(repo: RepoView, dir: string) {
  const file = repoPath(dir, 'config/database.yml');
  const text = repo.read(file, 64 * 1024);
  if (!text) return undefined;
  const lines = text.split('\n');
  const sectionStart = (name: string) => lines.findIndex((l) => new RegExp(`^${name}:`).test(l));
  for (const section of ['production', 'default', 'development']) {
    const start = sectionStart(section);
    if (start < 0) continue;
    for (let i = start + 1; i < lines.length && !/^\S/.test(lines[i]!); i++) {
      const adapter = /^\s+adapter:\s*(.+)$/.exec(lines[i]!);
      if (!adapter) continue;
      const hit = ADAPTERS.find(([re]) => re.test(adapter[1]!));
      if (hit) return { type: hit[1], origin: { source: 'config' as const, file, line: i + 1, excerpt: lines[i]!.trim(), reason: `database.yml ${section} adapter` } };
    }
  }
  return undefined;
}
