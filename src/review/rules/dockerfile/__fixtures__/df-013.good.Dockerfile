FROM debian:bookworm-slim
RUN test -f /etc/hosts || exit 1
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
