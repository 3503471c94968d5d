from fastapi import FastAPI
from redis.asyncio import Redis

from .settings import settings

app = FastAPI(title="inventory-api")
cache = Redis.from_url(settings.REDIS_URL)


@app.get("/health")
async def health():
    return {"status": "ok"}


@app.get("/items/{sku}")
async def stock(sku: str):
    cached = await cache.get(f"stock:{sku}")
    return {"sku": sku, "quantity": int(cached or 0)}
