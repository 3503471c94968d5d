const express = require('express');
const session = require('express-session');
const MongoStore = require('connect-mongo');
const app = express();
app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  store: MongoStore.create({ mongoUrl: process.env.SESSION_STORE_URL }),
}));
app.get('/', (req, res) => res.render('home', { user: req.session.user }));
app.listen(process.env.PORT || 3000);
