from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fasit.conversations.models import Initiator, Kind
from fasit.core.forms import DateInput, DateTimeInput
from fasit.customers.models import Account, Person
from fasit.tenancy.selectors import team_users

PEOPLE_SHORTLIST = 12


class ConversationForm(forms.Form):
    """The quick log: the few fields a seller fills in on a phone after a meeting."""

    account = forms.ModelChoiceField(label=_("Account"), queryset=Account.objects.none())
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect, initial=Kind.MEETING
    )
    occurred_at = forms.DateTimeField(label=_("When"), widget=DateTimeInput())
    initiated_by = forms.ChoiceField(
        label=_("Who took the initiative"),
        choices=Initiator.choices,
        initial=Initiator.US,
        widget=forms.RadioSelect,
    )
    customer_replied = forms.BooleanField(
        label=_("The customer answered (e-mail)"),
        required=False,
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Who from the customer"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    users = forms.ModelMultipleChoiceField(
        label=_("Who from us"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What did the customer say? Markdown is supported."),
    )
    follow_up = forms.CharField(label=_("Follow-up"), max_length=300, required=False)
    follow_up_due = forms.DateField(label=_("Follow-up due"), required=False, widget=DateInput())
    transcript = forms.FileField(
        label=_("Transcript"),
        required=False,
        help_text=_("Teams, Zoom or Meet transcript (VTT, SRT or text), at most 50 MB."),
    )

    def __init__(
        self,
        *args: Any,
        team: Any,
        account: Account | None = None,
        people_query: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = Account.objects.for_team(team)
        self.fields["users"].queryset = team_users(team)
        # Any of the team's people validates; what is *shown* is a short list.
        self.fields["people"].queryset = Person.objects.for_team(team)
        self.fields["occurred_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.people_selected = {
            int(pk) for pk in (self["people"].value() or []) if str(pk).isdigit()
        }
        chosen = account or self._chosen_account(team)
        self.people_shortlist = self._shortlist(team, chosen, people_query)

    def _chosen_account(self, team: Any) -> Account | None:
        pk = self["account"].value()
        if not pk or not str(pk).isdigit():
            return None
        return Account.objects.for_team(team).filter(pk=pk).first()

    def _shortlist(self, team: Any, account: Account | None, query: str) -> list[Person]:
        """The people to offer as checkboxes: who we met most recently at the account
        (or who matches the search), plus whoever is already ticked. A key account
        can have hundreds of people; a phone screen can show a dozen."""
        people = Person.objects.for_team(team)
        selected = list(people.filter(pk__in=self.people_selected))
        if account is None:
            return selected
        candidates = people.filter(roles__account=account)
        if query:
            candidates = candidates.filter(name__icontains=query)
        candidates = candidates.annotate(last_met=Max("conversations__occurred_at")).order_by(
            F("last_met").desc(nulls_last=True), "name"
        )
        shortlist = list(candidates.exclude(pk__in=self.people_selected)[:PEOPLE_SHORTLIST])
        return selected + shortlist

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("follow_up_due") and not data.get("follow_up"):
            self.add_error("follow_up", _("Say what should be done by that date."))
        return data


class ConversationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Kind.choices], required=False
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())
    mine = forms.BooleanField(label=_("Only mine"), required=False)


class FollowUpForm(forms.Form):
    task = forms.CharField(label=_("Task"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Person.objects.none(), required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team_users(team)


class TranscriptForm(forms.Form):
    transcript = forms.FileField(label=_("Transcript"))
