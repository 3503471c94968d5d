FROM python:3.12-slim
CMD ["python", "worker.py"]
