FROM alpine:3.20
# slipway-expect: SLW-DF-009
RUN apk add curl
