FROM node:20-slim
ARG NODE_VERSION=20
ENV NODE_ENV=production PASSWORD_MIN_LENGTH=12 TOKEN_TTL=3600
RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci
