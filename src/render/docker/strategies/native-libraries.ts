import type { Component } from '../../../spec/component.js';

/** Client libraries the database drivers of Ruby and PHP apps link against, per backing service. */
const LIBS: Partial<Record<string, { build: string; runtime: string }>> = {
  postgres: { build: 'libpq-dev', runtime: 'libpq5' },
  mysql: { build: 'default-libmysqlclient-dev', runtime: 'libmariadb3' },
  mariadb: { build: 'default-libmysqlclient-dev', runtime: 'libmariadb3' },
};

export function nativeLibraries(component: Component): { build: string[]; runtime: string[] } {
  const found = component.services.map((s) => LIBS[s.type]).filter((l) => l !== undefined);
  return { build: [...new Set(found.map((l) => l.build))], runtime: [...new Set(found.map((l) => l.runtime))] };
}
