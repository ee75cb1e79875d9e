from django.urls import path

from fasit.signals import views

app_name = "signals"
urlpatterns = [
    path("", views.board, name="board"),
    path("proposals/", views.proposals, name="proposals"),
    path("notifications/", views.notifications, name="notifications"),
    path("themes/<int:pk>/", views.theme_detail, name="theme"),
    path("themes/<int:pk>/rename/", views.theme_rename, name="theme_rename"),
    path("themes/<int:pk>/merge/", views.theme_merge, name="theme_merge"),
    path("themes/<int:pk>/split/", views.theme_split, name="theme_split"),
    path("themes/<int:pk>/dismiss/", views.theme_dismiss, name="theme_dismiss"),
    path("statements/<int:pk>/move/", views.statement_move, name="statement_move"),
    path("statements/<int:pk>/delete/", views.statement_delete, name="statement_delete"),
    path("conversations/<int:conversation_pk>/mark/", views.statement_mark, name="statement_mark"),
    path("proposals/<int:pk>/decide/", views.proposal_decide, name="proposal_decide"),
]
