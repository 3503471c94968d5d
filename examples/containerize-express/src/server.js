'use strict';
const express = require('express');
const { Pool } = require('pg');

const port = Number(process.env.PORT || 3000);
const pool = process.env.DATABASE_URL ? new Pool({ connectionString: process.env.DATABASE_URL, max: 2 }) : null;
const app = express();

app.get('/', (_req, res) => res.type('text').send(`${process.env.GREETING || 'Hello from Express'}\n`));
// Liveness: the process answers.
app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
// Readiness: the database answers too (when one is configured).
app.get('/readyz', async (_req, res) => {
  if (!pool) return res.status(503).json({ status: 'no DATABASE_URL' });
  try {
    const { rows } = await pool.query('SELECT 1 AS ok');
    res.json({ status: 'ok', db: rows[0].ok === 1 });
  } catch (err) {
    res.status(503).json({ status: 'database unavailable', error: err.code || 'error' });
  }
});

app.listen(port, () => console.log(`containerize-express listening on ${port}`));
