from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    name = "fasit.signin"
    label = "signin"
    verbose_name = _("Sign-in")
