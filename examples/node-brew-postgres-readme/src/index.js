const Koa = require('koa');
const createPool = require('@databases/pg').default;
const db = createPool(process.env.DATABASE_URL);
const app = new Koa();
app.use(async (ctx) => { ctx.body = await db.query(require('@databases/pg').sql`SELECT now()`); });
app.listen(process.env.PORT || 3000);
