FROM debian:bookworm-slim
# slipway-expect: SLW-DF-016
RUN curl -fsSL https://get.example.com/install.sh | sh
