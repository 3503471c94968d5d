FROM debian:bookworm-slim
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \
    && echo "4f3c2b1a0f9e8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh
