import { createServer } from 'node:http';

// The benchmark's Node target, in its own process: a plain "hello world" over keep-alive.
const port = Number(process.argv[2]);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '11' });
  res.end('hello world');
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
