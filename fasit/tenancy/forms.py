from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fasit.core.forms import DateInput
from fasit.tenancy.currency import CURRENCIES
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


class TeamRatesForm(forms.Form):
    """The team's currency and one rate per currency, as units per euro."""

    currency = forms.ChoiceField(label=_("Team currency"), choices=[(c, c) for c in CURRENCIES])
    on = forms.DateField(label=_("Rates of"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in CURRENCIES:
            if code != "EUR":
                self.fields[f"rate_{code}"] = forms.DecimalField(
                    label=f"1 EUR = … {code}",
                    # The ECB publishes some rates with five decimals (GBP 0.86410).
                    min_value=Decimal("0.00001"),
                    max_digits=12,
                    decimal_places=5,
                )

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "currency": data["currency"],
            "on": data["on"],
            "rates": {c: data[f"rate_{c}"] for c in CURRENCIES if c != "EUR"},
        }


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class InvitationSignupForm(forms.Form):
    """A new account for the holder of an invitation link."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Letters, digits and @/./+/-/_ only."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("That username is taken; choose another."))
        return username

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            user = get_user_model()(username=cleaned.get("username", ""))
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


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
