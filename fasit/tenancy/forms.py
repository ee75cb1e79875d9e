from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fasit.core.forms import DateInput
from fasit.tenancy.models import TIME_ZONES, Role, TokenScope


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Follow my browser")), *settings.LANGUAGES],
        required=False,
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Built per form so the label is in the language of the request.
        server = gettext("The server's (%(zone)s)") % {"zone": settings.TIME_ZONE}
        self.fields["time_zone"].choices = [("", server), *TIME_ZONES]


class TeamSettingsForm(forms.Form):
    name = forms.CharField(label=_("Team name"), max_length=120)
    language = forms.ChoiceField(label=_("Team language"), choices=settings.LANGUAGES)


class MemberAddForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=80,
        help_text=_("What will use it, e.g. 'ERP sync'."),
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=TokenScope.choices)
    expires_on = forms.DateField(label=_("Expires"), required=False, widget=DateInput())

    def __init__(self, *args: Any, can_write: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A viewer's token could never write: offer only what it can do.
        if not can_write:
            self.fields["scope"].choices = [(TokenScope.READ, TokenScope.READ.label)]
