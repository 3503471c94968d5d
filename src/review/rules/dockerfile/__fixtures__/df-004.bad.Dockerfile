FROM node:20-slim
# slipway-expect: SLW-DF-004
ARG NPM_TOKEN
# slipway-expect: SLW-DF-004
ENV NODE_ENV=production DB_PASSWORD=hunter2
# slipway-expect: SLW-DF-004
ENV API_KEY abc123
