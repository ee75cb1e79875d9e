from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fasit.buying.models import (
    BuyingProcess,
    Journey,
    MotiveTheme,
    Outcome,
    Pull,
    Stage,
    Stance,
)
from fasit.conversations.models import Conversation
from fasit.core.formatting import format_date
from fasit.core.forms import DateInput
from fasit.customers.models import Account, BuyingRole, CustomerCategory, Person

CURRENCIES = [(c, c) for c in ("NOK", "SEK", "DKK", "EUR")]


class ProcessCreateForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Customer category"),
        queryset=CustomerCategory.objects.none(),
        required=False,
        empty_label=_("None: the team's default process"),
    )
    copy_from = forms.ModelChoiceField(
        label=_("Start from"),
        queryset=BuyingProcess.objects.none(),
        required=False,
        empty_label=_("The default template"),
    )

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        taken = BuyingProcess.objects.for_team(team).exclude(category=None).values("category")
        self.fields["category"].queryset = CustomerCategory.objects.for_team(team).exclude(
            pk__in=taken
        )
        self.fields["copy_from"].queryset = BuyingProcess.objects.for_team(team)


class ProcessForm(forms.ModelForm):
    class Meta:
        model = BuyingProcess
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def _post_clean(self) -> None:
        pass


class StageAddForm(forms.Form):
    name = forms.CharField(label=_("New stage"), max_length=120)


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = [
            "name",
            "questions",
            "signs",
            "sign_keywords",
            "buying_support",
            "selling_support",
            "typical_days",
        ]
        widgets = {
            "questions": forms.Textarea(attrs={"rows": 3}),
            "signs": forms.Textarea(attrs={"rows": 3}),
            "sign_keywords": forms.Textarea(attrs={"rows": 2}),
            "buying_support": forms.Textarea(attrs={"rows": 3}),
            "selling_support": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self) -> None:
        pass


class JourneyCreateForm(forms.Form):
    account = forms.ModelChoiceField(label=_("Account"), queryset=Account.objects.none())
    title = forms.CharField(
        label=_("What they are considering"),
        max_length=200,
        help_text=_("In the customer's terms, e.g. “Replace the packing line conveyors”."),
    )
    stage = forms.ModelChoiceField(
        label=_("Where the customer is now"),
        queryset=Stage.objects.none(),
        required=False,
        empty_label=_("The first stage"),
    )
    started_on = forms.DateField(label=_("Since"), required=False, widget=DateInput())
    note = forms.CharField(
        label=_("How we know"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    value = forms.DecimalField(
        label=_("Value"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES, initial="NOK")

    def __init__(self, *args: Any, team: Any, account: Account | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = Account.objects.for_team(team)
        process = (
            BuyingProcess.objects.for_team(team).filter(category=account.category_id).first()
            if account is not None
            else None
        )
        if process is not None:
            self.fields["stage"].queryset = Stage.objects.filter(process=process)
        else:
            del self.fields["stage"]


class JourneyForm(forms.ModelForm):
    class Meta:
        model = Journey
        fields = [
            "title",
            "value",
            "currency",
            "forecast_probability",
            "forecast_close",
            "forecast_value",
        ]
        widgets = {
            "forecast_close": DateInput(),
            "currency": forms.Select(choices=CURRENCIES),
        }

    def _post_clean(self) -> None:
        pass


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    closed_on = forms.DateField(label=_("Closed on"), required=False, widget=DateInput())


def _conversation_label(conversation: Conversation) -> str:
    return f"{format_date(conversation.occurred_at)} · {conversation.title}"


class _JourneyForm(forms.Form):
    def __init__(self, *args: Any, journey: Journey, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.journey = journey
        if "conversation" in self.fields:
            field = self.fields["conversation"]
            field.queryset = (
                Conversation.objects.for_team(journey.team)
                .filter(account=journey.account_id)
                .select_related("account")
                .order_by("-occurred_at")
            )
            field.label_from_instance = _conversation_label  # type: ignore[attr-defined]
        if "person" in self.fields:
            self.fields["person"].queryset = (
                Person.objects.for_team(journey.team)
                .filter(roles__account=journey.account_id)
                .distinct()
                .order_by("name")
            )


class StageChangeForm(_JourneyForm):
    stage = forms.ModelChoiceField(label=_("The customer moved to"), queryset=Stage.objects.none())
    changed_on = forms.DateField(label=_("On"), required=False, widget=DateInput())
    conversation = forms.ModelChoiceField(
        label=_("Evidence: conversation"),
        queryset=Conversation.objects.none(),
        required=False,
    )
    note = forms.CharField(
        label=_("Evidence: what the customer said or did"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, journey: Journey, **kwargs: Any) -> None:
        super().__init__(*args, journey=journey, **kwargs)
        stages = Stage.objects.filter(process=journey.process_id).exclude(pk=journey.stage_id)
        self.fields["stage"].queryset = stages


class MemberForm(_JourneyForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    role = forms.ChoiceField(
        label=_("Buying role"), choices=[("", "—"), *BuyingRole.choices], required=False
    )
    stance = forms.ChoiceField(label=_("Stance"), choices=Stance.choices, initial=Stance.UNKNOWN)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class MotiveForm(_JourneyForm):
    text = forms.CharField(
        label=_("Buying motive, in the customer's own words"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    person = forms.ModelChoiceField(
        label=_("Whose"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Shared by the group"),
    )
    theme = forms.ChoiceField(label=_("About"), choices=MotiveTheme.choices, initial="other")
    pulls = forms.ChoiceField(label=_("Pulls"), choices=Pull.choices, initial=Pull.CHANGE)
    conversation = forms.ModelChoiceField(
        label=_("Said in"), queryset=Conversation.objects.none(), required=False
    )


class JourneyFilterForm(forms.Form):
    process = forms.ModelChoiceField(
        label=_("Buying process"),
        queryset=BuyingProcess.objects.none(),
        required=False,
        empty_label=_("All categories"),
    )
    risk = forms.ChoiceField(
        label=_("Status-quo risk"),
        choices=[
            ("", _("Any risk")),
            ("high", _("High")),
            ("medium", _("Medium")),
            ("low", _("Low")),
        ],
        required=False,
    )

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = BuyingProcess.objects.for_team(team)
