import express from 'express';
import { request } from 'undici';

const ES = process.env.ES_URL ?? 'http://localhost:9200';
const app = express();
app.get('/search', async (req, res) => {
  const { body } = await request(`${ES}/products/_search?q=${encodeURIComponent(req.query.q ?? '')}`);
  res.json(await body.json());
});
app.get('/healthz', (_req, res) => res.send('ok'));
app.listen(process.env.PORT ?? 3000);
