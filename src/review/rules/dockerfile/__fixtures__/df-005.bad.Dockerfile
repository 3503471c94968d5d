FROM node:20-slim AS build
HEALTHCHECK NONE
# slipway-expect: SLW-DF-005
FROM node:20-slim
EXPOSE 3000
CMD ["node", "server.js"]
