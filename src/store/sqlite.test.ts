import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from './sql/sqlite.js';
import { storeContract } from './store.contract.js';

let dir = '';
storeContract('SQLite (WAL)', {
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'slipway-store-'));
    return openSqlite(join(dir, 'slipway.db'));
  },
  async reopen() {
    return openSqlite(join(dir, 'slipway.db'));
  },
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});
