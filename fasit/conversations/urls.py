from django.urls import path

from fasit.conversations import listening_views, views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("log/", views.conversation_log, name="log"),
    path("log/people/", views.account_people_choices, name="people_choices"),
    path("log/accounts/", views.account_choices, name="account_choices"),
    path("<int:pk>/", views.conversation_detail, name="detail"),
    path("<int:pk>/edit/", views.conversation_edit, name="edit"),
    path("<int:pk>/history/", views.conversation_history, name="history"),
    path("<int:pk>/delete/", views.conversation_delete, name="delete"),
    path("<int:pk>/transcript/", views.transcript_upload, name="transcript_upload"),
    path("<int:pk>/transcript/download/", views.transcript_download, name="transcript_download"),
    path("<int:pk>/follow-ups/", views.followup_add, name="followup_add"),
    path("follow-ups/", views.followup_list, name="follow_ups"),
    path("follow-ups/done/", views.followups_done, name="followups_done"),
    path("follow-ups/<int:pk>/toggle/", views.followup_toggle, name="followup_toggle"),
    path("<int:pk>/listening/", listening_views.listening_card, name="listening_card"),
    path(
        "<int:pk>/transcript/speakers/",
        listening_views.transcript_speakers,
        name="transcript_speakers",
    ),
    path("listening/", listening_views.listening_team, name="listening"),
    path("listening/<int:user_id>/", listening_views.listening_user, name="listening_user"),
]
