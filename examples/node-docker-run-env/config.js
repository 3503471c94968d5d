module.exports = {
  port: process.env.LISTEN_PORT,
  token: process.env.API_TOKEN,
  chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
};
