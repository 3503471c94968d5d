FROM node:20-slim
# slipway-expect: SLW-DF-006
ENTRYPOINT /usr/local/bin/start.sh
# slipway-expect: SLW-DF-006
CMD node server.js --port $PORT
