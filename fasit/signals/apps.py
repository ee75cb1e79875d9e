from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "fasit.signals"
    label = "market_signals"
    verbose_name = _("Market signals")

    def ready(self) -> None:
        from fasit.signals import receivers  # noqa: F401
