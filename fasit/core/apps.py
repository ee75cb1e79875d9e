from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "fasit.core"
    label = "core"
    verbose_name = _("Fasit core")

    def ready(self) -> None:
        from fasit.core import guard

        guard.install()


class OperatorAdminConfig(admin_apps.AdminConfig):
    """``django.contrib.admin`` with Fasit's superuser-only site as ``admin.site``."""

    default = False  # CoreConfig stays the default config of fasit.core
    default_site = "fasit.core.admin.OperatorAdminSite"
