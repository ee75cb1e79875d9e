from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fasit.customers.models import Tier
from fasit.engine.relationships.cadence import MAX_NORM, MIN_NORM
from fasit.relationships.models import FeedKind
from fasit.relationships.services import MAX_DAYS_BEFORE


class ReminderForm(forms.Form):
    days_before = forms.IntegerField(
        label=_("Remind me this many days before"), min_value=0, max_value=MAX_DAYS_BEFORE
    )
    digest = forms.BooleanField(label=_("Send me the daily digest by e-mail"), required=False)


class FeedKindsForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("What goes into my calendar feed"),
        choices=FeedKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class NormsForm(forms.Form):
    """One field per tier: the team's norm in days."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for tier, label in Tier.choices:
            self.fields[tier] = forms.IntegerField(
                label=label, min_value=MIN_NORM, max_value=MAX_NORM
            )


class OverrideForm(forms.Form):
    """An account's or person's own norm; empty goes back to the default."""

    days = forms.IntegerField(
        label=_("Own norm (days)"), min_value=MIN_NORM, max_value=MAX_NORM, required=False
    )


class DatesFilterForm(forms.Form):
    SCOPES = [("mine", _("My accounts")), ("team", _("The whole team"))]
    scope = forms.ChoiceField(label=_("Whose"), choices=SCOPES, required=False)
    days = forms.IntegerField(label=_("Days ahead"), min_value=0, max_value=366, required=False)


class MineForm(forms.Form):
    mine = forms.BooleanField(label=_("Only my accounts"), required=False)


class BeingOnFilterForm(MineForm):
    dark = forms.BooleanField(label=_("Only those going dark"), required=False)
