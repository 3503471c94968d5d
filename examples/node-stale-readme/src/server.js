const express = require('express');
const sharp = require('sharp');
const app = express();
app.get('/resize', async (req, res) => {
  const width = Number(req.query.w) || 320;
  res.type('image/webp').send(await sharp(req.query.src).resize(width).webp().toBuffer());
});
const PORT = process.env.PORT || 8080;
app.listen(PORT, () => console.log(`resizer on ${PORT}`));
