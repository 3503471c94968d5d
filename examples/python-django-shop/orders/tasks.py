from celery import shared_task
from django.core.mail import send_mail

from .models import Order


@shared_task
def send_confirmation(order_id):
    order = Order.objects.get(pk=order_id)
    send_mail("Your order", f"Order {order.id} is confirmed.", None, [order.email])
    Order.objects.filter(pk=order_id).update(confirmed=True)
