import type { ServiceType } from '../../../spec/component.js';
import type { FactSheet } from '../../facts.js';
import type { ConfigEntry } from './app-config.js';
import { hasDependency, type JvmModule } from './model.js';

/** Databases a JDBC/R2DBC driver or URL can name; the rest of the services are clients. */
const DATABASES: ServiceType[] = ['postgres', 'mysql', 'mariadb'];

const DEPENDENCIES: [ServiceType, string[]][] = [
  ['postgres', ['org.postgresql:postgresql', 'org.postgresql:r2dbc-postgresql', 'io.r2dbc:r2dbc-postgresql', 'io.vertx:vertx-pg-client', 'io.quarkus:quarkus-jdbc-postgresql', 'io.quarkus:quarkus-reactive-pg-client']],
  ['mysql', ['mysql:mysql-connector-java', 'com.mysql:mysql-connector-j', 'io.asyncer:r2dbc-mysql', 'dev.miku:r2dbc-mysql', 'io.quarkus:quarkus-jdbc-mysql']],
  ['mariadb', ['org.mariadb.jdbc:mariadb-java-client', 'org.mariadb:r2dbc-mariadb', 'io.quarkus:quarkus-jdbc-mariadb']],
  ['mongodb', ['org.springframework.boot:spring-boot-starter-data-mongodb', 'org.springframework.boot:spring-boot-starter-data-mongodb-reactive', 'org.mongodb:mongodb-driver*', 'io.quarkus:quarkus-mongodb-client']],
  ['redis', ['org.springframework.boot:spring-boot-starter-data-redis', 'org.springframework.boot:spring-boot-starter-data-redis-reactive', 'redis.clients:jedis', 'io.lettuce:lettuce-core', 'org.redisson:redisson', 'io.quarkus:quarkus-redis-client']],
  ['rabbitmq', ['org.springframework.boot:spring-boot-starter-amqp', 'org.springframework.amqp:spring-rabbit', 'com.rabbitmq:amqp-client']],
  ['kafka', ['org.springframework.kafka:spring-kafka', 'org.apache.kafka:kafka-clients', 'io.quarkus:quarkus-kafka-client']],
  ['elasticsearch', ['org.springframework.boot:spring-boot-starter-data-elasticsearch', 'co.elastic.clients:elasticsearch-java', 'org.elasticsearch.client:elasticsearch-rest-high-level-client']],
  ['opensearch', ['org.opensearch.client:opensearch-java', 'org.opensearch.client:opensearch-rest-high-level-client']],
  ['memcached', ['net.spy:spymemcached', 'com.googlecode.xmemcached:xmemcached']],
  ['minio', ['io.minio:minio']],
  ['sqs', ['software.amazon.awssdk:sqs', 'io.awspring.cloud:spring-cloud-aws-starter-sqs', 'com.amazonaws:aws-java-sdk-sqs']],
];

const URL_DATABASE: [RegExp, ServiceType | 'embedded'][] = [
  [/^(jdbc|r2dbc)(:pool)?:postgresql:/, 'postgres'],
  [/^(jdbc|r2dbc)(:pool)?:mysql:/, 'mysql'],
  [/^(jdbc|r2dbc)(:pool)?:mariadb:/, 'mariadb'],
  [/^(jdbc|r2dbc)(:pool)?:(h2|hsqldb|derby|sqlite)/, 'embedded'],
];

const CONFIG_KEYS: [RegExp, ServiceType][] = [
  [/^spring\.(data\.)?mongodb\.(uri|host)$/, 'mongodb'],
  [/^spring\.(data\.)?redis\.(url|host)$/, 'redis'],
  [/^spring\.rabbitmq\.(host|addresses)$/, 'rabbitmq'],
  [/^spring\.kafka\.bootstrap-servers$/, 'kafka'],
  [/^spring\.elasticsearch\.(uris|rest\.uris)$/, 'elasticsearch'],
];

/**
 * Services from drivers and starters, checked against the configuration: a driver is often
 * on the classpath "just in case". When the configuration names databases, those win: one
 * server database anywhere (or the one of the default profile) is the service; an embedded
 * default with several profile alternatives means the database is a choice left to the user.
 */
export function addServices(m: JvmModule, config: readonly ConfigEntry[], facts: FactSheet): void {
  const named = new Map<ServiceType | 'embedded', ConfigEntry[]>();
  for (const e of config) {
    for (const [re, type] of URL_DATABASE) if (re.test(e.value.trim())) named.set(type, [...(named.get(type) ?? []), e]);
  }
  const servers = DATABASES.filter((d) => named.has(d));
  const defaultServer = servers.filter((d) => named.get(d)!.some((e) => e.profile === undefined));
  const chosen = servers.length === 1 ? servers : defaultServer.length ? defaultServer : [];
  for (const type of chosen) {
    for (const e of named.get(type)!) facts.addService(type, { source: 'config', file: e.file, line: e.line, excerpt: `${e.key}: ${e.value}`.slice(0, 200), reason: `connection URL${e.profile ? ` (profile ${e.profile})` : ''}` });
  }
  if (servers.length > 1 && chosen.length === 0) {
    facts.note({ level: 'info', file: named.get(servers[0]!)![0]!.file, message: `the default configuration uses an embedded database; profiles offer ${servers.join(', ')}`, hint: 'add the database you run in production under services in slipway.yaml' });
  }
  for (const [type, ids] of DEPENDENCIES) {
    const dep = hasDependency(m, ...ids);
    if (!dep) continue;
    if (DATABASES.includes(type) && named.size > 0) {
      if (!chosen.includes(type)) facts.note({ level: 'info', file: m.buildFile, line: dep.line, message: `${dep.id} is a dependency, but the configuration does not connect to ${type}; not added as a service` });
      continue;
    }
    facts.addService(type, { source: 'manifest', file: m.buildFile, line: dep.line, reason: `depends on ${dep.id}` });
  }
  for (const e of config) {
    for (const [re, type] of CONFIG_KEYS) {
      if (re.test(e.key) && e.profile === undefined) facts.addService(type, { source: 'config', file: e.file, line: e.line, excerpt: `${e.key}: ${e.value}`.slice(0, 200), reason: `${e.key} is configured` });
    }
  }
}
