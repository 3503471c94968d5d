'use strict';
const express = require('express');
const helmet = require('helmet');
const pino = require('pino-http');
const db = require('./db');

const app = express();
app.use(helmet());
app.use(express.json());
app.use(pino({ level: process.env.LOG_LEVEL || 'info' }));

app.get('/health', async (_req, res) => {
  await db.raw('select 1');
  res.json({ status: 'ok' });
});

app.get('/orders/:id', async (req, res) => {
  const order = await db('orders').where({ id: req.params.id }).first();
  if (!order) return res.status(404).json({ error: 'not found' });
  res.json(order);
});

app.post('/orders', async (req, res) => {
  const [order] = await db('orders').insert({ customer: req.body.customer, total: req.body.total }).returning('*');
  res.status(201).json(order);
});

const port = Number(process.env.PORT) || 8080;
if (require.main === module) app.listen(port, () => console.log(`orders-api on :${port}`));
module.exports = app;
