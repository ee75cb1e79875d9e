from django.urls import path

from fasit.customers import views

app_name = "accounts"
urlpatterns = [
    path("", views.account_list, name="list"),
    path("new/", views.account_create, name="create"),
    path("bulk/", views.account_bulk, name="bulk"),
    path("<int:pk>/", views.account_detail, name="detail"),
    path("<int:pk>/history/", views.account_history, name="history"),
    path("<int:pk>/edit/", views.account_edit, name="edit"),
    path("<int:pk>/delete/", views.account_delete, name="delete"),
    path("<int:pk>/revenue/", views.account_revenue_set, name="revenue_set"),
    path(
        "<int:pk>/revenue/<int:revenue_pk>/delete/",
        views.account_revenue_delete,
        name="revenue_delete",
    ),
]
