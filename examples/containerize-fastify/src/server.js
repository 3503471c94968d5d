import Fastify from 'fastify';

const app = Fastify({ logger: true });
const port = Number(process.env.PORT ?? 8080);

app.get('/', async () => ({ hello: 'fastify' }));
app.get('/health', async () => ({ status: 'ok' }));

// Fastify listens on 127.0.0.1 by default: a container needs every interface.
await app.listen({ port, host: '0.0.0.0' });
