from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationshipsConfig(AppConfig):
    name = "fasit.relationships"
    label = "relationships"
    verbose_name = _("Relationships")

    def ready(self) -> None:
        from fasit.relationships import receivers

        receivers.connect()
