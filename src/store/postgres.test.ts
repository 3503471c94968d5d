import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openPostgres } from './sql/postgres.js';
import { storeContract } from './store.contract.js';
import { testDatabaseUrl, withoutTestDatabase } from './testing/test-database.js';

// Real PostgreSQL; every test gets its own schema, dropped afterwards.
describe.skipIf(withoutTestDatabase)('PostgreSQL', () => {
  let schema = '';
  storeContract('PostgreSQL', {
    async open() {
      schema = `slipway_test_${randomBytes(5).toString('hex')}`;
      return openPostgres(testDatabaseUrl(), { schema });
    },
    async reopen() {
      return openPostgres(testDatabaseUrl(), { schema });
    },
    async cleanup() {
      const client = new pg.Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  });
});
