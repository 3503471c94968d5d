import Router from '@koa/router';
import { createHmac, timingSafeEqual } from 'node:crypto';

export const router = new Router();
const secret = process.env.WEBHOOK_SECRET ?? '';

router.get('/ping', (ctx) => { ctx.body = 'pong'; });
router.post('/hooks/:provider', (ctx) => {
  const sig = String(ctx.get('x-signature'));
  const mac = createHmac('sha256', secret).update(JSON.stringify(ctx.request.body)).digest('hex');
  ctx.status = sig.length === mac.length && timingSafeEqual(Buffer.from(sig), Buffer.from(mac)) ? 202 : 401;
});
