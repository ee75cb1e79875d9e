from django.urls import path

from fasit.tenancy import views

urlpatterns = [
    path("team/switch/", views.team_switch, name="team_switch"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/team/", views.team_update, name="team_update"),
    path("settings/invitations/", views.invitation_create, name="invitation_create"),
    path(
        "settings/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("settings/currency/", views.team_rates_update, name="team_rates_update"),
    path("settings/members/<int:pk>/role/", views.member_role, name="member_role"),
    path("settings/members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("settings/tokens/", views.token_create, name="token_create"),
    path("settings/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("settings/categories/", views.category_add, name="category_add"),
]
