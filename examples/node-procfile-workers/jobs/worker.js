const amqp = require('amqplib');
(async () => {
  const conn = await amqp.connect(process.env.CLOUDAMQP_URL);
  const ch = await conn.createChannel();
  await ch.consume('subscribe', (msg) => ch.ack(msg));
})();
