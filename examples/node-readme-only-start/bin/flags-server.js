#!/usr/bin/env node
const polka = require('polka');
const { flags } = require('../lib/flags');
const port = process.argv.includes('--port') ? Number(process.argv[process.argv.indexOf('--port') + 1]) : undefined;
polka().get('/flags/:name', (req, res) => res.end(JSON.stringify(flags[req.params.name] ?? false))).listen(port);
