# slipway-expect: SLW-DF-001
FROM node:20-slim
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
