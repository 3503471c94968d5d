'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const { once } = require('node:events');

test('answers on /healthz', async () => {
  const child = spawn(process.execPath, [`${__dirname}/server.js`], { env: { ...process.env, PORT: '0' }, stdio: 'pipe' });
  child.stdout.setEncoding('utf8');
  const [line] = await once(child.stdout, 'data');
  assert.match(line, /listening/);
  child.kill('SIGTERM');
  await once(child, 'exit');
});
