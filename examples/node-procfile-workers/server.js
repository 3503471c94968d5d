const express = require('express');
const amqp = require('amqplib');
const app = express();
app.use(express.json());
let channel;
amqp.connect(process.env.CLOUDAMQP_URL).then(async (c) => { channel = await c.createChannel(); });
app.post('/subscribe', (req, res) => { channel.sendToQueue('subscribe', Buffer.from(JSON.stringify(req.body))); res.sendStatus(202); });
app.listen(process.env.PORT || 5000);
