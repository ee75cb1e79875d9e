from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fasit.conversations.selectors import people_around
from fasit.core.forms import DateInput
from fasit.customers.models import Country, CustomerCategory, Person
from fasit.signals.models import Kind, Level, Theme


class BoardFilterForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Customer category"),
        queryset=CustomerCategory.objects.none(),
        required=False,
        empty_label=_("All categories"),
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", _("All countries")), *Country.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Kind.choices], required=False
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", _("All levels")), *Level.choices], required=False
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())
    dismissed = forms.BooleanField(label=_("Show dismissed"), required=False)

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = CustomerCategory.objects.for_team(team)

    def engine_filters(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "category": data.get("category"),
            "country": data.get("country", ""),
            "kind": data.get("kind", ""),
            "since": data.get("since"),
            "until": data.get("until"),
        }


class StatementForm(forms.Form):
    """Mark a sentence as a statement: what was said, its kind and who said it."""

    text = forms.CharField(
        label=_("What the customer said"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, initial=Kind.NEED)
    person = forms.ModelChoiceField(
        label=_("Said by"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args: Any, conversation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The account's people and whoever took part: a team can have thousands.
        self.fields["person"].queryset = people_around(conversation)


class RenameForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)


class ThemeChoiceForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("A new theme of its own"),
    )

    def __init__(self, *args: Any, team: Any, exclude: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        themes = Theme.objects.for_team(team)
        if exclude is not None:
            themes = themes.exclude(pk=exclude.pk)
        self.fields["theme"].queryset = themes
