from django.urls import path

from fasit.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.records, name="records"),
    path("queue/", views.queue, name="queue"),
    path("queue/<int:pk>/keep/", views.candidate_keep, name="candidate_keep"),
    path("queue/<int:pk>/erase/", views.candidate_erase, name="candidate_erase"),
    path("notices/", views.notices, name="notices"),
    path("access/", views.access, name="access"),
    path("settings/", views.privacy_settings, name="settings"),
    path("people/<int:pk>/", views.person_privacy, name="person"),
    path("people/<int:pk>/export.<str:fmt>", views.person_export, name="export"),
    path("people/<int:pk>/consent/", views.consent_add, name="consent_add"),
    path(
        "people/<int:pk>/consent/<int:consent_pk>/withdraw/",
        views.consent_end,
        name="consent_withdraw",
    ),
    path("people/<int:pk>/notice/", views.person_notice, name="notice"),
    path("people/<int:pk>/request-erasure/", views.person_request_erasure, name="request"),
    path("people/<int:pk>/erase/", views.person_erase_view, name="erase"),
]
