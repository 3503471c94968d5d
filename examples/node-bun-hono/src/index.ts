import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('edge-cache'));
app.get('/cache/:key', (c) => c.json({ key: c.req.param('key'), hit: false }));

export default { port: Number(process.env.PORT), fetch: app.fetch };
