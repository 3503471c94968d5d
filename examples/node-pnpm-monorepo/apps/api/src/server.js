import express from 'express';
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL);
const app = express();
app.get('/api/health', (_req, res) => res.send('ok'));
app.get('/api/counter', async (_req, res) => res.json({ value: await redis.incr('counter') }));
app.listen(process.env.PORT);
