from django.urls import path

from fasit.webhooks import views

app_name = "webhooks"

urlpatterns = [
    path("", views.endpoint_add, name="endpoint_add"),
    path("<int:pk>/delete/", views.endpoint_delete, name="endpoint_delete"),
    path("<int:pk>/enable/", views.endpoint_enable, name="endpoint_enable"),
]
