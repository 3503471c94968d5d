# slipway-expect: SLW-DF-002
FROM python
# slipway-expect: SLW-DF-002
FROM nginx:latest AS web
