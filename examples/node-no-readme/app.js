var express = require('express');
var mysql = require('mysql');
var pool = mysql.createPool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD, database: 'reports' });
var app = express();
app.use('/', require('./routes/index'));
app.locals.pool = pool;
module.exports = app;
