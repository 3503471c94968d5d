import Fastify from 'fastify';
import { Connection } from 'rhea-promise';

const connection = new Connection({ host: process.env.AMQP_HOST ?? 'localhost', port: 5672, transport: 'tcp' });
const app = Fastify();
app.get('/events', async () => []);
await connection.open();
await app.listen({ port: 8200, host: '0.0.0.0' });
