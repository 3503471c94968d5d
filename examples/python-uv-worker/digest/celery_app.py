import os

from celery import Celery

app = Celery("digest", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
app.conf.beat_schedule = {"nightly": {"task": "digest.tasks.build_digest", "schedule": 24 * 3600}}
