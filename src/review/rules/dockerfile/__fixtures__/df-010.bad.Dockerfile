FROM debian:bookworm-slim
# slipway-expect: SLW-DF-010
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
