import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyze.js';
import { RepoView } from '../../repo.js';
import { jvmProvider } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, '__fixtures__', name);
const example = (name: string) => join(here, '../../../../examples', name);
const analyzeWith = (dir: string) => analyzeRepo(RepoView.open(dir), [jvmProvider]);

describe('jvm provider: detect', () => {
  it.each(['java-spring-clinic', 'java-gradle-multimodule', 'kotlin-ktor-gradle', 'java-broken-pom'])('detects %s', (name) => {
    expect(jvmProvider.detect(RepoView.open(example(name)), '.').length).toBeGreaterThan(0);
  });

  it.each(['python-django-shop', 'go-gin-orders', 'dotnet-todo-api', 'static-landing', 'node-hello'])('does not detect %s', (name) => {
    expect(jvmProvider.detect(RepoView.open(example(name)), '.')).toEqual([]);
  });

  it('makes the build root the component when one module is the app, not the subprojects', () => {
    const repo = RepoView.open(example('java-gradle-multimodule'));
    expect(jvmProvider.detect(repo, '.').length).toBeGreaterThan(0);
    expect(jvmProvider.detect(repo, 'service')).toEqual([]);
    expect(jvmProvider.detect(repo, 'core')).toEqual([]);
  });
});

describe('jvm provider: analysis', () => {
  it('makes each app module of a multi-app Maven build a component, built through the root pom', () => {
    const r = analyzeWith(fixture('maven-multi-app'));
    const components = r.spec!.components;
    expect(components.map((c) => c.path).sort()).toEqual(['billing', 'orders']);
    expect(components.find((c) => c.path === 'orders')).toMatchObject({
      runtimeVersion: '21',
      port: 8082,
      commands: { build: '../mvnw -B -f ../pom.xml -pl orders -am package -DskipTests', start: 'java -Dserver.port=${PORT:-8082} -jar target/orders-5.0.0.jar' },
      services: [{ type: 'rabbitmq' }],
    });
    expect(components.find((c) => c.path === 'billing')!.port).toBe(8083);
  });

  it('resolves version-catalog aliases and ignores plugins applied with `apply false`', () => {
    const r = analyzeWith(fixture('gradle-catalog'));
    expect(r.spec!.components).toHaveLength(1);
    expect(r.spec!.components[0]).toMatchObject({
      path: '.',
      language: 'kotlin',
      runtimeVersion: '21',
      framework: 'spring-boot',
      port: 8080,
      healthcheck: '/catalog/actuator/health',
      commands: { build: './gradlew :app:bootJar', start: 'java -Dserver.port=${PORT:-8080} -jar app/build/libs/app-1.1.0.jar' },
      services: [{ type: 'postgres' }],
    });
  });

  it('does not add databases that are only alternatives to an embedded default', () => {
    const r = analyzeWith(fixture('spring-db-alternatives'));
    expect(r.spec!.components[0]!.services).toEqual([]);
    expect(r.notes.some((n) => /embedded database/.test(n.message))).toBe(true);
  });

  it('treats a build without an application module as a library', () => {
    const r = analyzeWith(fixture('maven-library'));
    expect(r.ok).toBe(false);
    expect(r.notes.some((n) => /library/.test(n.message))).toBe(true);
  });

  it('says that a war needs a servlet container', () => {
    const r = analyzeWith(fixture('maven-war'));
    expect(r.spec!.components[0]!.commands.start).toBeUndefined();
    expect(r.notes).toContainEqual(expect.objectContaining({ level: 'warn', file: 'pom.xml' }));
    expect(r.unresolved.map((u) => u.field)).toContain('commands.start');
  });

  it('keeps a component with a malformed pom.xml, at low confidence, with the line in a note', () => {
    const r = analyzeWith(example('java-broken-pom'));
    const c = r.spec!.components[0]!;
    expect(c).toMatchObject({ language: 'java', packageManager: 'maven', port: 8085 });
    expect(c.evidence!.language!.confidence).toBeLessThan(0.9);
    expect(r.notes).toContainEqual(expect.objectContaining({ level: 'error', file: 'pom.xml', line: 26 }));
  });

  it('has a README describing what it detects', () => {
    expect(existsSync(join(here, 'README.md'))).toBe(true);
  });
});
