import type { ServiceType } from '../../../spec/component.js';
import { parseShell } from '../commands/shell.js';
import { parseDockerRun, serviceOfImage } from './docker-run.js';
import { readmeOrigin, type ReadmeContext } from './types.js';

const NAMES: readonly [RegExp, ServiceType][] = [
  [/\bpostgre(s|sql)\b|\bpostgis\b/i, 'postgres'],
  [/\bmysql\b/i, 'mysql'],
  [/\bmariadb\b/i, 'mariadb'],
  [/\bmongo(db)?\b/i, 'mongodb'],
  [/\bredis\b|\bvalkey\b/i, 'redis'],
  [/\brabbitmq\b/i, 'rabbitmq'],
  [/\bkafka\b/i, 'kafka'],
  [/\belasticsearch\b/i, 'elasticsearch'],
  [/\bopensearch\b/i, 'opensearch'],
  [/\bmemcached?\b/i, 'memcached'],
  [/\bminio\b/i, 'minio'],
];
const PACKAGES: readonly [RegExp, ServiceType][] = [
  [/^(postgresql|postgres|postgresql@\d+|postgresql-\d+|libpq)/, 'postgres'],
  [/^(mysql|mysql-server|mysql@\d+)$/, 'mysql'],
  [/^mariadb(-server)?$/, 'mariadb'],
  [/^(mongodb|mongodb-community(@[\d.]+)?|mongodb-org)$/, 'mongodb'],
  [/^(redis|redis-server|valkey)$/, 'redis'],
  [/^rabbitmq(-server)?$/, 'rabbitmq'],
  [/^(kafka)$/, 'kafka'],
  [/^(elasticsearch|elasticsearch-full)$/, 'elasticsearch'],
  [/^memcached$/, 'memcached'],
  [/^minio$/, 'minio'],
];
const SERVER_PROGRAMS: Record<string, ServiceType> = {
  createdb: 'postgres', psql: 'postgres', pg_ctl: 'postgres', 'redis-server': 'redis', mongod: 'mongodb', 'rabbitmq-server': 'rabbitmq',
};
const OPTIONAL = /\b(optional(ly)?|if you (want|need|wish)|alternatively|instead of|not required|no longer|moved from|deprecated|for (development|testing) only)\b/i;
const REQUIREMENT_SECTION = /\b(prerequisites?|requirements?|dependencies|before you begin|you will need|services)\b/i;

/** Backing services a README names: `docker run postgres`, `brew install redis`, "requires PostgreSQL". */
export function addReadmeServices(ctx: ReadmeContext): void {
  const { facts, view } = ctx;
  for (const l of view.shell) {
    if (/\boptional\b/i.test(l.section)) continue; // "Optional features": not a requirement
    const run = parseDockerRun(l.text);
    const image = run && serviceOfImage(run.image);
    if (image) {
      facts.addService(image.type, { ...readmeOrigin(view, l.line, l.text, `README starts ${image.type} with docker run`), ...(image.version ? { version: image.version } : {}) });
      continue;
    }
    for (const c of parseShell(l.text).commands) {
      const argv = c.argv[0] === 'sudo' ? c.argv.slice(1) : c.argv;
      const installer = /^(brew|apt|apt-get|apk|yum|dnf|port|choco|scoop)$/.test(argv[0] ?? '') && /^(install|add|services)$/.test(argv[1] ?? '');
      if (installer) {
        for (const pkg of argv.slice(2).filter((a) => !a.startsWith('-'))) {
          const hit = PACKAGES.find(([re]) => re.test(pkg));
          if (hit) facts.addService(hit[1], readmeOrigin(view, l.line, l.text, `README ${argv[1] === 'services' ? 'starts' : 'installs'} ${pkg}`));
        }
      }
      const server = SERVER_PROGRAMS[argv[0] ?? ''];
      if (server) facts.addService(server, readmeOrigin(view, l.line, l.text, `README runs ${argv[0]}`, 0.5));
    }
  }
  for (const p of view.prose) {
    const text = p.text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
    if (OPTIONAL.test(text) || /\boptional\b/i.test(p.section)) continue;
    const hits = NAMES.filter(([re]) => re.test(text));
    if (hits.length === 0) continue;
    const dbs = hits.filter(([, t]) => t === 'postgres' || t === 'mysql' || t === 'mariadb' || t === 'mongodb');
    if (dbs.length > 1 && /\b(or|either|supports?|choose|one of)\b/i.test(text)) continue; // a choice, not a requirement
    const listed = REQUIREMENT_SECTION.test(p.section) && /^\s*([-*+]|\d+\.)\s/.test(p.text);
    for (const [re, type] of hits) {
      if (listed || needs(text, re)) facts.addService(type, readmeOrigin(view, p.line, p.text, `README says the app needs ${type}`, 0.5));
    }
  }
}

/** "requires PostgreSQL", "a running Redis", "PostgreSQL is required", "uses Redis as a cache". */
function needs(text: string, name: RegExp): boolean {
  const n = name.source;
  const before = new RegExp(`\\b(requires?|required|needs?|depends? on|you(?:'ll| will) need|make sure|backed by|connects? to|start(?:ing)?|run(?:ning)?|install(?:ed|ing)?)\\s+(?:an?\\s+|the\\s+|your\\s+)?(?:running\\s+|local\\s+|working\\s+|instance of\\s+)?(?:${n})`, 'i');
  const after = new RegExp(`(?:${n})\\s+(?:\\d[\\d.]*\\+?\\s+)?(?:is|are|must be|has to be|should be)\\s+(?:required|needed|running|installed)`, 'i');
  const role = new RegExp(`\\buses?\\s+(?:${n})\\s+(?:as|for)\\b|(?:${n})\\s+(?:database|server|instance)\\s+(?:is\\s+)?(?:required|needed)`, 'i');
  return before.test(text) || after.test(text) || role.test(text);
}
