FROM ubuntu:24.04
USER ubuntu
# slipway-expect: SLW-DF-011
RUN sudo apt-get install -y make
