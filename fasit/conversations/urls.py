from django.urls import path

from fasit.conversations import views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("log/", views.conversation_log, name="log"),
    path("log/people/", views.account_people_choices, name="people_choices"),
    path("<int:pk>/", views.conversation_detail, name="detail"),
    path("<int:pk>/edit/", views.conversation_edit, name="edit"),
    path("<int:pk>/delete/", views.conversation_delete, name="delete"),
    path("<int:pk>/transcript/", views.transcript_upload, name="transcript_upload"),
    path("<int:pk>/transcript/download/", views.transcript_download, name="transcript_download"),
    path("<int:pk>/follow-ups/", views.followup_add, name="followup_add"),
    path("follow-ups/<int:pk>/toggle/", views.followup_toggle, name="followup_toggle"),
]
