ARG NODE_VERSION=20
FROM node:${NODE_VERSION}-slim AS build
FROM build AS test
FROM gcr.io/distroless/nodejs20-debian12@sha256:0a2f2f1f3b3a7c1e5d5e9f3c7a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b
FROM scratch
