from django.urls import path

from fasit.buying import views

app_name = "buying"
urlpatterns = [
    path("", views.home, name="home"),
    path("gaps/", views.gaps, name="gaps"),
    path("insight/", views.insight, name="insight"),
    path("processes/", views.process_list, name="processes"),
    path("processes/new/", views.process_create, name="process_create"),
    path("processes/<int:pk>/", views.process_detail, name="process"),
    path("processes/<int:pk>/edit/", views.process_edit, name="process_edit"),
    path("processes/<int:pk>/stages/", views.stage_add, name="stage_add"),
    path("stages/<int:pk>/", views.stage_card, name="stage"),
    path("stages/<int:pk>/edit/", views.stage_edit, name="stage_edit"),
    path("stages/<int:pk>/move/", views.stage_move, name="stage_move"),
    path("stages/<int:pk>/remove/", views.stage_remove, name="stage_remove"),
    path("journeys/new/", views.journey_create, name="journey_create"),
    path("journeys/<int:pk>/", views.journey_detail, name="journey"),
    path("journeys/<int:pk>/edit/", views.journey_edit, name="journey_edit"),
    path("journeys/<int:pk>/history/", views.journey_history, name="journey_history"),
    path("journeys/<int:pk>/outcome/", views.journey_outcome, name="journey_outcome"),
    path("journeys/<int:pk>/delete/", views.journey_delete, name="journey_delete"),
    path("journeys/<int:pk>/stage/", views.journey_stage, name="journey_stage"),
    path("journeys/<int:pk>/members/", views.member_set, name="member_set"),
    path(
        "journeys/<int:pk>/members/<int:member_pk>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("journeys/<int:pk>/motives/", views.motive_add, name="motive_add"),
    path(
        "journeys/<int:pk>/motives/<int:motive_pk>/remove/",
        views.motive_remove,
        name="motive_remove",
    ),
    path(
        "journeys/<int:pk>/suggestions/<int:conversation_pk>/accept/",
        views.suggestion_accept,
        name="suggestion_accept",
    ),
    path(
        "journeys/<int:pk>/suggestions/<int:conversation_pk>/dismiss/",
        views.suggestion_dismiss,
        name="suggestion_dismiss",
    ),
]
