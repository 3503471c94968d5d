FROM debian:bookworm-slim
# slipway-expect: SLW-DF-019
RUN apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*
