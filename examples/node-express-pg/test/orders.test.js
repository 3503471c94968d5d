const request = require('supertest');
const app = require('../src/server');

test('unknown order is 404', async () => {
  const res = await request(app).get('/orders/999999');
  expect(res.status).toBe(404);
});
