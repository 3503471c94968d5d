import { test } from 'node:test';
import assert from 'node:assert';
test('placeholder quota math', () => assert.equal(100 - 1, 99));
