/**
 * The PostgreSQL that .ci/run starts for the tests (its "PostgreSQL" section). Tests that need
 * it skip only on a machine outside CI; under CI a missing URL fails them, so the PostgreSQL
 * paths can never pass unseen.
 */
const url = process.env['SLIPWAY_TEST_DATABASE_URL'];

export const withoutTestDatabase = !url && !process.env['CI'];

export function testDatabaseUrl(): string {
  if (!url) throw new Error('SLIPWAY_TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL and sets it');
  return url;
}
