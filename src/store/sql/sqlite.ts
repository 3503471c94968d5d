import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { bindValue, type Row, type SqlDb } from './db.js';

/**
 * Embedded SQLite in WAL mode. Every state change is a committed transaction, so a `kill -9`
 * of any process leaves the database consistent with nothing committed lost (the WAL lives in
 * the OS's page cache, which outlives the process). synchronous=NORMAL skips the fsync per
 * commit: only a power cut or kernel crash could roll back the last few commits — never
 * corrupt the file. Set SLIPWAY_SQLITE_SYNC=FULL to fsync every commit. Several processes (a
 * runner, `slipway cancel`, `slipway approve`) share the file; busy_timeout makes them wait.
 */
export function openSqlite(file: string): SqlDb {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${process.env.SLIPWAY_SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  return new SqliteDb(db, new Mutex(), false);
}

/** better-sqlite3 is synchronous, but a transaction body awaits: one connection, one writer at a time. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  constructor(
    private readonly db: Database.Database,
    private readonly mutex: Mutex,
    private readonly inTx: boolean,
  ) {}

  private guard<T>(fn: () => T): Promise<T> {
    if (this.inTx) return Promise.resolve().then(fn);
    return this.mutex.lock(async () => fn());
  }

  all<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.guard(() => this.db.prepare(sql).all(...params.map(bindValue)) as T[]);
  }

  get<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.guard(() => this.db.prepare(sql).get(...params.map(bindValue)) as T | undefined);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.guard(() => ({ changes: this.db.prepare(sql).run(...params.map(bindValue)).changes }));
  }

  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    return this.mutex.lock(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(new SqliteDb(this.db, this.mutex, true));
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    await this.mutex.lock(async () => {
      if (this.db.open) this.db.close();
    });
  }
}
