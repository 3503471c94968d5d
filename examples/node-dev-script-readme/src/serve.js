const express = require('express');
const { WebClient } = require('@slack/web-api');
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);
const app = express();
app.use(express.urlencoded({ extended: false }));
app.post('/slack/commands', async (req, res) => {
  await slack.chat.postMessage({ channel: req.body.channel_id, text: 'on it' });
  res.sendStatus(200);
});
app.listen(process.env.PORT || 3000);
