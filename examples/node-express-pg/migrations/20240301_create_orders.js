exports.up = (knex) => knex.schema.createTable('orders', (t) => {
  t.increments('id');
  t.string('customer').notNullable();
  t.decimal('total', 10, 2).notNullable();
  t.timestamps(true, true);
});
exports.down = (knex) => knex.schema.dropTable('orders');
