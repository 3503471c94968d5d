const express = require('express');
const config = require('./config');
const app = express();
app.use(express.json({ limit: '2mb' }));
app.post('/render', (req, res) => {
  if (req.get('authorization') !== `Bearer ${config.token}`) return res.sendStatus(401);
  res.type('application/pdf').send(Buffer.from('%PDF-1.7'));
});
app.listen(config.port);
