import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPostgres } from './sql/postgres.js';
import { storeContract } from './store.contract.js';

// The real PostgreSQL that .ci/run starts (see its "PostgreSQL" section). Every test gets its
// own schema, dropped afterwards.
const url = process.env.SLIPWAY_TEST_DATABASE_URL;

if (!url) {
  describe.skip('Store contract: PostgreSQL — SLIPWAY_TEST_DATABASE_URL is not set (.ci/run sets it)', () => it('skipped', () => {}));
} else {
  let schema = '';
  storeContract('PostgreSQL', {
    async open() {
      schema = `slipway_test_${randomBytes(5).toString('hex')}`;
      return openPostgres(url, { schema });
    },
    async reopen() {
      return openPostgres(url, { schema });
    },
    async cleanup() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  });
}
