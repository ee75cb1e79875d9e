from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fasit.webhooks.models import Event


class EndpointForm(forms.Form):
    url = forms.CharField(label=_("Endpoint URL"), max_length=500)
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=Event.choices, widget=forms.CheckboxSelectMultiple
    )
