import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify({ logger: true });
await app.register(rateLimit, { max: Number(process.env.RATE_MAX ?? 100), timeWindow: '1 minute' });

app.get('/livez', async () => ({ ok: true }));
app.get('/quota/:key', async (req) => ({ key: req.params.key, remaining: 100 }));

// The port is required: the platform always sets it.
await app.listen({ port: Number(process.env.PORT), host: '0.0.0.0' });
