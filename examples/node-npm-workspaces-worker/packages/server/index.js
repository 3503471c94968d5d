const fastify = require('fastify')({ logger: true });
const { Queue } = require('bullmq');
const { connection } = require('@invoicing/shared');

const queue = new Queue('invoices', { connection });
fastify.post('/invoices', async (req) => ({ id: (await queue.add('render', req.body)).id }));
fastify.get('/healthz', async () => 'ok');
fastify.listen({ port: process.env.PORT || 3000, host: '0.0.0.0' });
