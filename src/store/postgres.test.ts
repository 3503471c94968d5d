import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPostgres } from './sql/postgres.js';
import { storeContract } from './store.contract.js';

// The real PostgreSQL that .ci/run starts (see its "PostgreSQL" section). Every test gets its
// own schema, dropped afterwards.
const url = process.env.SLIPWAY_TEST_DATABASE_URL;

if (!url) {
  // On a laptop without PostgreSQL the contract is skipped; in CI a missing URL is a failure,
  // so the PostgreSQL store can never pass unseen.
  if (process.env.CI) {
    describe('Store contract: PostgreSQL', () =>
      it('has a database to run against', () => {
        throw new Error('SLIPWAY_TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL and sets it');
      }));
  } else describe.skip('Store contract: PostgreSQL — SLIPWAY_TEST_DATABASE_URL is not set (.ci/run sets it)', () => it('skipped', () => {}));
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
