"""Password reset by e-mail (Django's views, Fasit's translated templates). Names are
Django's own, which its views reverse."""

from django.contrib.auth import views as auth_views
from django.urls import path

from fasit.signin import views

urlpatterns = [
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt"
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

# Two-step sign-in, included under the "signin" namespace by fasit/urls.py.
two_factor_patterns = [
    path("login/code/", views.verify, name="verify"),
    path("settings/two-step/", views.two_factor, name="two_factor"),
    path("settings/two-step/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("settings/two-step/off/", views.disable, name="disable"),
    path("settings/two-step/team/", views.team_policy, name="team_policy"),
]
