from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuyingConfig(AppConfig):
    name = "fasit.buying"
    label = "buying"
    verbose_name = _("Buying processes")

    def ready(self) -> None:
        from fasit.buying import receivers

        receivers.connect()
