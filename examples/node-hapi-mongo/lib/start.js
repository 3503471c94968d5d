'use strict';
const Hapi = require('@hapi/hapi');
const mongoose = require('mongoose');

const init = async () => {
  await mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/catalog');
  const server = Hapi.server({ port: process.env.PORT || 3030, host: '0.0.0.0' });
  server.route({ method: 'GET', path: '/health', handler: () => ({ ok: true }) });
  server.route(require('./products'));
  await server.start();
  console.log('Server running on %s', server.info.uri);
};

process.on('unhandledRejection', (err) => { console.error(err); process.exit(1); });
init();
