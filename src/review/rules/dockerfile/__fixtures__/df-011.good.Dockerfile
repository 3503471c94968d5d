FROM ubuntu:24.04
RUN echo "no pseudo tools here" > /etc/motd
USER ubuntu
