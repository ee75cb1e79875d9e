from django.urls import path

from fasit.relationships import views

app_name = "relationships"
urlpatterns = [
    path("key-accounts/", views.key_accounts, name="key_accounts"),
    path("being-on/", views.being_on, name="being_on"),
    path("loyalty/", views.loyalty, name="loyalty"),
    path("dates/", views.dates, name="dates"),
    path("reminders/", views.reminders, name="reminders"),
    path("reminders/feed/", views.feed_regenerate, name="feed_regenerate"),
    path("reminders/feed/revoke/", views.feed_revoke, name="feed_revoke"),
    path("reminders/feed/kinds/", views.feed_kinds, name="feed_kinds"),
    path("norms/", views.norms_set, name="norms_set"),
    path("accounts/<int:pk>/cadence/", views.account_cadence, name="account_cadence"),
    path("people/<int:pk>/cadence/", views.person_cadence, name="person_cadence"),
    # A capability URL: the token is the key (calendar apps cannot log in).
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
