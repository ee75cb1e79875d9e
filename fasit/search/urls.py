from django.urls import path

from fasit.search import views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="page"),
    path("dropdown/", views.search_dropdown, name="dropdown"),
]
