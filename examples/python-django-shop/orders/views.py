from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Order


def order_list(request):
    return JsonResponse({"orders": list(Order.objects.values("id", "email", "total_cents"))})


def order_detail(request, pk):
    order = get_object_or_404(Order, pk=pk)
    return JsonResponse({"id": order.id, "email": order.email, "confirmed": order.confirmed})
