from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fasit.core.forms import DateInput
from fasit.customers.models import LegalBasis
from fasit.privacy.models import NoticeChannel, PrivacySettings
from fasit.privacy.services import MAX_RETENTION_MONTHS, SETTINGS_FIELDS


class ConsentForm(forms.Form):
    wording = forms.CharField(
        label=_("What they agreed to"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The words the person was given, as they were given."),
    )
    given_on = forms.DateField(label=_("Given on"), widget=DateInput(), required=False)


class NoticeSentForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    sent_on = forms.DateField(label=_("Sent on"), widget=DateInput())
    channel = forms.ChoiceField(label=_("How"), choices=NoticeChannel.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("sent_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        error_messages={"required": _("Tick the box to confirm the erasure.")},
    )
    reason = forms.CharField(
        label=_("Why (for the register)"),
        required=False,
        max_length=300,
        help_text=_("For example: asked by e-mail on 3 March. Do not write the person's name."),
    )


class RequestForm(forms.Form):
    detail = forms.CharField(
        label=_("How and when they asked"),
        required=False,
        max_length=200,
    )


class KeepForm(forms.Form):
    until = forms.DateField(label=_("Keep until"), widget=DateInput())
    reason = forms.CharField(label=_("Why"), max_length=300)


class PrivacySettingsForm(forms.ModelForm):
    class Meta:
        model = PrivacySettings
        fields = list(SETTINGS_FIELDS)


class RetentionRulesForm(forms.Form):
    """One field per legal basis: months without real contact, empty for no limit."""

    def __init__(self, *args: Any, rules: dict[str, int | None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for basis, label in LegalBasis.choices:
            self.fields[basis] = forms.IntegerField(
                label=label,
                required=False,
                min_value=1,
                max_value=MAX_RETENTION_MONTHS,
                initial=rules.get(basis),
                help_text=_("Months without real contact; empty: no limit."),
            )
