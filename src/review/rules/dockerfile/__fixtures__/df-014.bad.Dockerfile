FROM node:20-slim
# slipway-expect: SLW-DF-014
WORKDIR app
