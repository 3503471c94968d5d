import type { ServiceType } from '../../../spec/component.js';
import type { FactSheet } from '../../facts.js';
import type { CargoPackage } from './cargo.js';

const FRAMEWORKS = ['axum', 'actix-web', 'rocket', 'warp', 'poem', 'salvo', 'tide', 'tonic', 'hyper'];

/** Crates (and, for multi-database crates, their features) that name a backing service. */
const SERVICES: { type: ServiceType; crates: string[]; feature?: RegExp }[] = [
  { type: 'postgres', crates: ['tokio-postgres', 'postgres', 'deadpool-postgres', 'bb8-postgres'] },
  { type: 'postgres', crates: ['sqlx', 'diesel', 'sea-orm', 'sqlx-core'], feature: /postgres/ },
  { type: 'mysql', crates: ['mysql', 'mysql_async'] },
  { type: 'mysql', crates: ['sqlx', 'diesel', 'sea-orm'], feature: /mysql/ },
  { type: 'redis', crates: ['redis', 'deadpool-redis', 'bb8-redis', 'fred'] },
  { type: 'mongodb', crates: ['mongodb'] },
  { type: 'rabbitmq', crates: ['lapin', 'amiquip'] },
  { type: 'kafka', crates: ['rdkafka', 'kafka'] },
  { type: 'elasticsearch', crates: ['elasticsearch'] },
  { type: 'opensearch', crates: ['opensearch'] },
  { type: 'memcached', crates: ['memcache'] },
  { type: 'sqs', crates: ['aws-sdk-sqs'] },
];

export function addFramework(pkg: CargoPackage, facts: FactSheet): string | undefined {
  const dep = FRAMEWORKS.map((f) => pkg.dependencies.find((d) => d.name === f)).find(Boolean);
  if (dep) facts.add('framework', dep.name, { source: 'manifest', file: pkg.file, line: dep.line, reason: `depends on ${dep.name}` });
  return dep?.name;
}

export function addServices(pkg: CargoPackage, facts: FactSheet): void {
  for (const s of SERVICES) {
    const dep = pkg.dependencies.find((d) => s.crates.includes(d.name) && (!s.feature || d.features.some((f) => s.feature!.test(f))));
    if (dep) facts.addService(s.type, { source: 'manifest', file: pkg.file, line: dep.line, reason: `depends on ${dep.name}${s.feature ? ` (features ${dep.features.join(', ')})` : ''}` });
  }
}
