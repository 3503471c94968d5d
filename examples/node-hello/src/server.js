'use strict';
const http = require('node:http');

const port = Number(process.env.PORT || 3000);
const greeting = process.env.GREETING || 'Hello from node-hello';
const release = process.env.SLIPWAY_RELEASE || 'dev';

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', release }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${greeting} (release ${release})\n`);
});

server.listen(port, () => console.log(`node-hello listening on http://localhost:${port}`));

// Stop quickly and cleanly: finish in-flight requests, then exit.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  });
}
