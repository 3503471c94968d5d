import type { FactSheet } from '../../facts.js';
import { placeholder, setting, type ConfigEntry } from './app-config.js';
import { hasDependency, type JvmModule } from './model.js';

/** Port keys per framework, and the framework's default port. */
const PORT_KEYS: Record<string, { keys: string[]; fallback: number; name: string }> = {
  'spring-boot': { keys: ['server.port'], fallback: 8080, name: 'Spring Boot' },
  quarkus: { keys: ['quarkus.http.port'], fallback: 8080, name: 'Quarkus' },
  micronaut: { keys: ['micronaut.server.port'], fallback: 8080, name: 'Micronaut' },
  ktor: { keys: ['ktor.deployment.port'], fallback: 8080, name: 'Ktor' },
};

/**
 * The port the app listens on: the configured value (or the default of a `${PORT:8080}`
 * placeholder) of the default profile, else the framework's default. Returned so the start
 * command can pass the same number.
 */
export function addPort(app: JvmModule, config: readonly ConfigEntry[], facts: FactSheet): number | undefined {
  const spec = app.app ? PORT_KEYS[app.app.kind] : undefined;
  if (!spec) return undefined;
  const entry = setting(config, ...spec.keys);
  const { env, fallback } = entry ? placeholder(entry.value) : {};
  const port = fallback && /^\d+$/.test(fallback) ? Number(fallback) : undefined;
  if (entry && port) {
    facts.add('port', port, { source: 'config', file: entry.file, line: entry.line, excerpt: `${entry.key}: ${entry.value}`, reason: `${entry.key}${env ? ` (default of \${${env}})` : ''}` });
    return port;
  }
  facts.add('port', spec.fallback, { source: 'convention', file: app.buildFile, reason: `${spec.name} listens on ${spec.fallback} by default` });
  return spec.fallback;
}

/**
 * Health path: Spring Boot Actuator (`/actuator/health`, `/health` on Boot 1.x) under the
 * context path, unless management runs on a separate port; SmallRye Health on Quarkus.
 */
export function addHealthcheck(app: JvmModule, config: readonly ConfigEntry[], facts: FactSheet): void {
  const kind = app.app?.kind;
  if (kind === 'spring-boot') {
    const actuator = hasDependency(app, 'org.springframework.boot:spring-boot-starter-actuator');
    if (!actuator || setting(config, 'management.server.port', 'management.port')) return;
    const context = setting(config, 'server.servlet.context-path', 'server.context-path', 'server.contextPath', 'spring.webflux.base-path')?.value ?? '';
    const boot1 = app.bootVersion?.startsWith('1.');
    const base = setting(config, 'management.endpoints.web.base-path', 'management.context-path')?.value ?? (boot1 ? '' : '/actuator');
    const path = `${trim(context)}${trim(base)}/health` || '/health';
    facts.add('healthcheck', path, { source: 'manifest', file: app.buildFile, line: actuator.line, reason: 'spring-boot-starter-actuator: health endpoint' });
  } else if (kind === 'quarkus') {
    const dep = hasDependency(app, 'io.quarkus:quarkus-smallrye-health');
    if (dep) facts.add('healthcheck', '/q/health', { source: 'manifest', file: app.buildFile, line: dep.line, reason: 'quarkus-smallrye-health' });
  } else if (kind === 'micronaut') {
    const dep = hasDependency(app, 'io.micronaut:micronaut-management');
    if (dep) facts.add('healthcheck', '/health', { source: 'manifest', file: app.buildFile, line: dep.line, reason: 'micronaut-management' });
  }
}

/** `${DB_PASSWORD}` / `${DB_HOST:localhost}` in the configuration: environment variables. */
export function addEnvFromConfig(config: readonly ConfigEntry[], facts: FactSheet): void {
  for (const e of config) {
    for (const m of e.value.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/g)) {
      facts.addEnv(m[1]!, { required: m[2] === undefined && e.profile === undefined, ...(m[2] ? { default: m[2] } : {}) }, {
        source: 'config', file: e.file, line: e.line, excerpt: `${e.key}: ${e.value}`.slice(0, 200), reason: `placeholder in ${e.key}${e.profile ? ` (profile ${e.profile})` : ''}`,
      });
    }
  }
}

function trim(p: string): string {
  const t = p.trim().replace(/\/+$/, '');
  return !t || t === '/' ? '' : t.startsWith('/') ? t : `/${t}`;
}
