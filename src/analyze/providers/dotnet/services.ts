import type { ServiceType } from '../../../spec/component.js';
import type { FactSheet } from '../../facts.js';
import type { RepoView } from '../../repo.js';
import { readProject, type DotnetProject } from './project.js';

const PACKAGES: [ServiceType, RegExp][] = [
  ['postgres', /^Npgsql(\.EntityFrameworkCore\.PostgreSQL)?$/],
  ['mysql', /^(Pomelo\.EntityFrameworkCore\.MySql|MySql\.Data|MySqlConnector|MySql\.EntityFrameworkCore)$/],
  ['mongodb', /^MongoDB\.(Driver|EntityFrameworkCore)$/],
  ['redis', /^(StackExchange\.Redis|Microsoft\.Extensions\.Caching\.StackExchangeRedis|Aspire\.StackExchange\.Redis)$/],
  ['rabbitmq', /^(RabbitMQ\.Client|MassTransit\.RabbitMQ|EasyNetQ)$/],
  ['kafka', /^Confluent\.Kafka$/],
  ['elasticsearch', /^(Elastic\.Clients\.Elasticsearch|NEST|Elasticsearch\.Net)$/],
  ['opensearch', /^OpenSearch\.Client$/],
  ['sqs', /^AWSSDK\.SQS$/],
  ['minio', /^Minio$/],
  ['memcached', /^EnyimMemcachedCore$/],
];
const MAX_REFERENCE_DEPTH = 3;

/** Services from the package references of the project and the projects it references (its data layer). */
export function addServices(repo: RepoView, project: DotnetProject, facts: FactSheet): void {
  const seen = new Set<string>();
  const visit = (p: DotnetProject, depth: number) => {
    if (seen.has(p.file)) return;
    seen.add(p.file);
    for (const pkg of p.packages) {
      const hit = PACKAGES.find(([, re]) => re.test(pkg.name));
      if (hit) facts.addService(hit[0], { source: 'manifest', file: pkg.file, line: pkg.line, reason: `PackageReference ${pkg.name}${p === project ? '' : ` (via ${p.file})`}` });
      if (/SqlServer/.test(pkg.name) && p === project) {
        facts.note({ level: 'info', file: pkg.file, line: pkg.line, message: 'uses SQL Server, which Slipway does not run as a service', hint: 'point the connection string at your SQL Server instance' });
      }
    }
    if (depth >= MAX_REFERENCE_DEPTH) return;
    for (const ref of p.projectRefs) {
      const child = readProject(repo, ref);
      if (child) visit(child, depth + 1);
    }
  };
  visit(project, 0);
}
