const api = window.SHOP_API ?? '/api';
fetch(`${api}/products`)
  .then((r) => r.json())
  .then((products) => {
    document.getElementById('products').innerHTML = products
      .map((p) => `<li>${p.name} — ${(p.price_cents / 100).toFixed(2)} €</li>`)
      .join('');
  });
