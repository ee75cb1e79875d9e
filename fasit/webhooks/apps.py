from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "fasit.webhooks"
    verbose_name = "Webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from fasit.webhooks import receivers  # noqa: F401
