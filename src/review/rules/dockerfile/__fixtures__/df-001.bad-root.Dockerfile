FROM python:3.12-slim
RUN useradd app
# slipway-expect: SLW-DF-001
USER root
CMD ["python", "app.py"]
