'use strict';
const mongoose = require('mongoose');
const Product = mongoose.model('Product', new mongoose.Schema({ sku: String, name: String, price: Number }));
module.exports = [{ method: 'GET', path: '/products', handler: () => Product.find().lean() }];
