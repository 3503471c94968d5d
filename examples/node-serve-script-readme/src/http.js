const fastify = require('fastify')();
fastify.get('/thumb', async () => ({ ok: true }));
fastify.listen({ port: 6060, host: '0.0.0.0' });
