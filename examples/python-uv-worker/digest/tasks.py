import os

import psycopg

from .celery_app import app


@app.task
def build_digest():
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rows = conn.execute("select title from articles where published_at > now() - interval '1 day'").fetchall()
    return [r[0] for r in rows]
