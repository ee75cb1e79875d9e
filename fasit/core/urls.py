from django.urls import path

from fasit.core import views

urlpatterns = [path("", views.home, name="home")]
