FROM python:3.12-slim
COPY requirements.txt .
# slipway-expect: SLW-DF-008
RUN pip install -r requirements.txt
