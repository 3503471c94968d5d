FROM node:20-slim AS build
WORKDIR /app
USER root
RUN npm ci
FROM node:20-slim
COPY --from=build /app /app
USER node
CMD ["node", "/app/server.js"]
