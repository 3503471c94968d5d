/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/**
 * The little SQL surface both backends share. Statements use `?` placeholders (rewritten to
 * $1, $2 … for PostgreSQL); booleans are bound as 0/1; every value is TEXT, INTEGER or NULL,
 * so one schema and one set of queries serve both.
 */
export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres';
  all<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /** Runs `fn` in one transaction that takes the write lock first (SQLite BEGIN IMMEDIATE). */
  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function bindValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}
