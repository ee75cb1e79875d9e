from django.urls import path

from fasit.customers import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("new/", views.person_create, name="create"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/history/", views.person_history, name="history"),
    path("<int:pk>/edit/", views.person_edit, name="edit"),
    path("<int:pk>/delete/", views.person_delete, name="delete"),
    path("<int:pk>/roles/", views.person_role_add, name="role_add"),
    path("<int:pk>/roles/new/", views.person_role_form, name="role_form"),
    path("<int:pk>/roles/<int:role_pk>/delete/", views.person_role_remove, name="role_remove"),
    path("<int:pk>/profile/<slug:kind>/", views.profile_item_add, name="profile_add"),
    path(
        "<int:pk>/profile/<slug:kind>/<int:item_pk>/delete/",
        views.profile_item_remove,
        name="profile_remove",
    ),
]
