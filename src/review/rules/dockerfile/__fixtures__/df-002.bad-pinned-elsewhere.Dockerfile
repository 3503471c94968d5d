FROM node:20-slim AS build
RUN npm ci
# slipway-expect: SLW-DF-002
FROM node
COPY --from=build /app /app
