FROM node:20-slim
CMD node ignored.js
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server.js"]
