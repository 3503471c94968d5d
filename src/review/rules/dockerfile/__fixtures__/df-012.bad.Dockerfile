FROM ubuntu:24.04
# slipway-expect: SLW-DF-012
EXPOSE 8080 22/tcp
