import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { router } from './routes/webhooks';

const app = new Koa();
app.use(bodyParser());
app.use(router.routes());

const PORT = parseInt(process.env.PORT || '7000', 10);
app.listen(PORT, () => console.log(`relay listening on ${PORT}`));
