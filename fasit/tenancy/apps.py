from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "fasit.tenancy"
    label = "tenancy"
    verbose_name = _("Teams")

    def ready(self) -> None:
        from fasit.tenancy import signals  # noqa: F401
