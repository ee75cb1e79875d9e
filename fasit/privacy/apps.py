from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "fasit.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from fasit.privacy import lookups, receivers  # noqa: F401
