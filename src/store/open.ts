import { join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { ensureStateDir } from './state-dir.js';
import { openSqlite } from './sql/sqlite.js';
import { SqlStore } from './sql/sql-store.js';
import type { Store } from './types.js';

/** Where the embedded database lives inside a project. */
export function sqlitePath(projectDir: string): string {
  return join(projectDir, '.slipway', 'slipway.db');
}

/**
 * The project's store: PostgreSQL when SLIPWAY_DATABASE_URL is a postgres:// URL (optionally
 * SLIPWAY_DATABASE_SCHEMA), else SQLite at <project>/.slipway/slipway.db. Migrates on open.
 */
export async function openStore(projectDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const url = env.SLIPWAY_DATABASE_URL;
  if (!url) {
    ensureStateDir(projectDir);
    return SqlStore.open(openSqlite(sqlitePath(projectDir)));
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new UserError(`SLIPWAY_DATABASE_URL must be a postgres:// URL (got "${redactUrl(url)}")`, EXIT.usage, 'unset it to use the embedded SQLite database');
  }
  try {
    // pg loads only when PostgreSQL is configured.
    const { openPostgres } = await import('./sql/postgres.js');
    return await SqlStore.open(await openPostgres(url, { schema: env.SLIPWAY_DATABASE_SCHEMA }));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      `cannot use PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}${code ? ` (${code})` : ''}`,
      EXIT.failure,
      'check that the server runs and SLIPWAY_DATABASE_URL is right, or unset it to use the embedded SQLite database',
    );
  }
}

/** postgres://user:secret@host/db → postgres://user:***@host/db */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}
