FROM debian:bookworm-slim
# slipway-expect: SLW-DF-013
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
