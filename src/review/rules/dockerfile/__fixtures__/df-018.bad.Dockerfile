FROM alpine:3.20
# slipway-expect: SLW-DF-018
MAINTAINER Jane Doe <jane@example.com>
