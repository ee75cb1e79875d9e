from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from fasit.api import api
from fasit.signin.urls import two_factor_patterns
from fasit.signin.views import SignInView, admin_login

urlpatterns = [
    # First: an API request is resolved without trying every page's pattern before it
    # (about 40 µs of an API list's ~1.5 ms on SQLite). No page lives under /api/.
    path("api/", api.urls),
    path("", include("fasit.core.urls")),
    path("", include("fasit.tenancy.urls")),
    path("accounts/", include("fasit.customers.urls_accounts")),
    path("people/", include("fasit.customers.urls_people")),
    path("conversations/", include("fasit.conversations.urls")),
    path("signals/", include("fasit.signals.urls")),
    path("relationships/", include("fasit.relationships.urls")),
    path("buying/", include("fasit.buying.urls")),
    path("transfer/", include("fasit.transfer.urls")),
    path("privacy/", include("fasit.privacy.urls")),
    path("settings/webhooks/", include("fasit.webhooks.urls")),
    path("capture/", include("fasit.capture.urls")),
    path("search/", include("fasit.search.urls")),
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(success_url="/password/done/"),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("", include("fasit.signin.urls")),
    path("", include((two_factor_patterns, "signin"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/login/", admin_login),
    path("admin/", admin.site.urls),
]

handler403 = "fasit.core.views.permission_denied"
