import os

from fastapi import FastAPI
from psycopg_pool import ConnectionPool
from redis import Redis

app = FastAPI(title="catalog")
pool = ConnectionPool(os.environ["DATABASE_URL"], open=False)
jobs = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


@app.on_event("startup")
def open_pool():
    pool.open()


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/products")
def products():
    with pool.connection() as conn:
        rows = conn.execute("select id, name, price_cents from products order by id").fetchall()
    return [{"id": r[0], "name": r[1], "price_cents": r[2]} for r in rows]


@app.post("/products/{product_id}/image")
def resize(product_id: int):
    jobs.rpush("resize", product_id)
    return {"queued": product_id}
