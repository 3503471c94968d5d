import pytest

from orders.models import Order


@pytest.mark.django_db
def test_order_list(client):
    Order.objects.create(email="a@example.com", total_cents=1200)
    assert client.get("/orders/").json()["orders"][0]["email"] == "a@example.com"
