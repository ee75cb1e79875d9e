from django.urls import path

from fasit.capture import views

app_name = "capture"
urlpatterns = [
    path("", views.capture_page, name="settings"),
    path("team/", views.team_settings, name="team_settings"),
    path("bcc/", views.bcc_address, name="bcc_address"),
    path("bcc/revoke/", views.bcc_revoke, name="bcc_revoke"),
    path("mailbox/", views.mailbox_connect, name="mailbox"),
    path("mailbox/sync/", views.mailbox_sync, name="mailbox_sync"),
    path("mailbox/disconnect/", views.mailbox_disconnect, name="mailbox_disconnect"),
    path("calendar/upload/", views.calendar_upload, name="calendar_upload"),
    path("calendar/subscribe/", views.calendar_subscribe, name="calendar_subscribe"),
    path("calendar/<int:pk>/remove/", views.calendar_remove, name="calendar_remove"),
    path("private/", views.exclusion_add, name="exclusion_add"),
    path("private/<int:pk>/remove/", views.exclusion_remove, name="exclusion_remove"),
    path("accounts/<int:pk>/mail/", views.account_mail_upload, name="account_upload"),
    path("people/<int:pk>/mail/", views.person_mail_upload, name="person_upload"),
]
