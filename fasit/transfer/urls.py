from django.urls import path

from fasit.transfer import duplicate_views, export_views, views

app_name = "transfer"
urlpatterns = [
    path("imports/", views.import_list, name="imports"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/invalid.csv", views.import_invalid_rows, name="import_invalid_rows"),
    path("exports/", export_views.export_page, name="exports"),
    # ?what=accounts|people|conversations|follow_ups&format=csv|xlsx and the list's filters
    path("exports/list/", export_views.export_list, name="export_list"),
    path("exports/people.vcf", export_views.team_vcards, name="team_vcards"),
    path("exports/people/<int:pk>.vcf", export_views.person_vcard, name="person_vcard"),
    path(
        "exports/accounts/<int:pk>/people.vcf", export_views.account_vcards, name="account_vcards"
    ),
    path("exports/team.json", export_views.team_export, name="team_export"),
    path("exports/team/import/", export_views.team_import, name="team_import"),
    path("duplicates/", duplicate_views.duplicates, name="duplicates"),
    path(
        "duplicates/<slug:kind>/<int:keep_pk>/<int:drop_pk>/",
        duplicate_views.merge,
        name="merge",
    ),
]
