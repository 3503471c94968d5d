import pg from 'pg';
import { bindValue, type Row, type SqlDb } from './db.js';

export interface PostgresOptions {
  /** Schema holding Slipway's tables (created when missing); default "public". */
  schema?: string;
}

/** PostgreSQL through a small pool; `?` placeholders become $1, $2 … */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<SqlDb> {
  const schema = opts.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  if (schema !== 'public') await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  return new PgDb(pool, null);
}

function toPg(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

class PgDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  constructor(
    private readonly pool: pg.Pool,
    private readonly client: pg.PoolClient | null,
  ) {}

  private async query<T extends Row>(sql: string, params: readonly unknown[]): Promise<pg.QueryResult<T>> {
    const runner = this.client ?? this.pool;
    return runner.query<T>(toPg(sql), params.map(bindValue));
  }

  async all<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.query<T>(sql, params)).rows;
  }

  async get<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.query<T>(sql, params)).rows[0];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    if (this.client) return fn(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PgDb(this.pool, client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
