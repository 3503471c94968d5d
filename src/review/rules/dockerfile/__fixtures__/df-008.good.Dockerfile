FROM python:3.12-slim AS a
RUN pip install --no-cache-dir -r requirements.txt
FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
RUN pip install gunicorn
