FROM alpine:3.20
# slipway-expect: SLW-DF-003
ADD src/ /app/src/
# slipway-expect: SLW-DF-003
ADD https://example.com/tool.bin /usr/local/bin/tool
