FROM debian:bookworm-slim
# slipway-expect: SLW-DF-007
RUN apt-get update \
    && apt-get install -y curl ca-certificates
# slipway-expect: SLW-DF-007
RUN apt-get update && apt-get install -y --no-install-recommends git
