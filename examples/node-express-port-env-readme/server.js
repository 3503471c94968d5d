const express = require('express');
const maxmind = require('maxmind');
const app = express();
const ready = maxmind.open(process.env.GEOIP_DB || './GeoLite2-City.mmdb');
app.get('/lookup/:ip', async (req, res) => res.json((await ready).get(req.params.ip)));
app.listen(process.env.PORT);
