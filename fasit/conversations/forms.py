from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import F, Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from fasit.conversations.models import (
    Conversation,
    Initiator,
    Kind,
    SpeakerSide,
    validate_notes_length,
)
from fasit.conversations.transcripts import SpeakerMatch
from fasit.core.forms import (
    DateInput,
    DateTimeInput,
    LocalDateTimeField,
    UserChoiceField,
    UserMultipleChoiceField,
)
from fasit.customers.models import Account, Person
from fasit.engine.transcripts.speakers import is_generic_label
from fasit.tenancy.selectors import team_users, team_writers

PEOPLE_SHORTLIST = 12
ACCOUNT_SHORTLIST = 50


def account_shortlist(
    team: Any, user: Any, chosen: Account | None, query: str = ""
) -> list[Account]:
    """The accounts the log form offers: those matching a search, else the user's own
    (or, for someone who owns none, the team's most recently met), with the chosen
    one first. A team can have thousands of accounts; a phone shows a few dozen."""
    accounts = Account.objects.for_team(team)
    if query:
        found = accounts.filter(name__icontains=query).order_by("name")
    else:
        own = accounts.filter(owner=user) if user is not None else accounts.none()
        found = (
            own.order_by("name")
            if own.exists()
            else accounts.annotate(
                last_met=Subquery(
                    Conversation.objects.filter(account=OuterRef("pk"))
                    .order_by("-occurred_at")
                    .values("occurred_at")[:1]
                )
            ).order_by(F("last_met").desc(nulls_last=True), "name")
        )
    shortlist = list(found[:ACCOUNT_SHORTLIST])
    if chosen is not None and chosen not in shortlist:
        shortlist.insert(0, chosen)
    return shortlist


class ConversationForm(forms.Form):
    """The quick log: the few fields a seller fills in on a phone after a meeting."""

    account = forms.ModelChoiceField(label=_("Account"), queryset=Account.objects.none())
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect, initial=Kind.MEETING
    )
    occurred_at = LocalDateTimeField(label=_("When"), widget=DateTimeInput())
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
    users = UserMultipleChoiceField(
        label=_("Who from us"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        validators=[validate_notes_length],
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What did the customer say? Markdown is supported."),
    )
    follow_up = forms.CharField(label=_("Follow-up"), max_length=300, required=False)
    follow_up_due = forms.DateField(label=_("Follow-up due"), required=False, widget=DateInput())
    transcript = forms.FileField(
        label=_("Transcript"),
        required=False,
        help_text=_(
            "Teams, Zoom, Meet, Otter or Whisper transcript (VTT, SRT, Word, JSON or text), "
            "at most 50 MB."
        ),
    )

    def __init__(
        self,
        *args: Any,
        team: Any,
        account: Account | None = None,
        people_query: str = "",
        user: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = Account.objects.for_team(team)
        self.fields["users"].queryset = team_writers(team)
        # Any of the team's people validates; what is *shown* is a short list.
        self.fields["people"].queryset = Person.objects.for_team(team)
        self.fields["occurred_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.people_selected = {
            int(pk) for pk in (self["people"].value() or []) if str(pk).isdigit()
        }
        chosen = account or self._chosen_account(team)
        self.people_shortlist = self._shortlist(team, chosen, people_query)
        self._team, self._user, self._chosen = team, user, chosen

    @cached_property
    def account_shortlist(self) -> list[Account]:
        return account_shortlist(self._team, self._user, self._chosen)

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


class FollowUpFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("open", _("Open")), ("done", _("Done")), ("all", _("All"))],
        required=False,
    )
    mine = forms.BooleanField(label=_("Only mine"), required=False)


class FollowUpForm(forms.Form):
    task = forms.CharField(label=_("Task"), max_length=300)
    owner = UserChoiceField(label=_("Owner"), queryset=Person.objects.none(), required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team_writers(team)


class TranscriptForm(forms.Form):
    transcript = forms.FileField(label=_("Transcript"))


class SpeakerMappingForm(forms.Form):
    """Who each transcript speaker is: a user of the team (a seller), a person of the
    account, another customer or another from us. One select per speaker."""

    def __init__(self, *args: Any, analysis: Any, team: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.users = {str(u.pk): u for u in team_users(team)}
        self.people = {str(p.pk): p for p in people}
        choices = [
            (
                _("From us"),
                [(f"user:{pk}", u.get_full_name() or u.username) for pk, u in self.users.items()]
                + [(SpeakerSide.OTHER_US.value, _("Other from us"))],
            ),
            (
                _("The customer"),
                [(f"person:{pk}", p.name) for pk, p in self.people.items()]
                + [(SpeakerSide.OTHER_CUSTOMER.value, _("Other customer"))],
            ),
        ]
        self.speakers = list(analysis.speakers.all())
        self.has_generic = any(is_generic_label(s.name) for s in self.speakers)
        for speaker in self.speakers:
            self.fields[f"speaker_{speaker.pk}"] = forms.ChoiceField(
                label=speaker.name, choices=choices, initial=self._value(speaker)
            )

    @staticmethod
    def _value(speaker: Any) -> str:
        if speaker.side == SpeakerSide.USER and speaker.user_id:
            return f"user:{speaker.user_id}"
        if speaker.side == SpeakerSide.PERSON and speaker.person_id:
            return f"person:{speaker.person_id}"
        if speaker.side in (SpeakerSide.USER, SpeakerSide.OTHER_US):
            return SpeakerSide.OTHER_US.value
        return SpeakerSide.OTHER_CUSTOMER.value

    def speaker_fields(self) -> list[tuple[Any, Any]]:
        return [(s, self[f"speaker_{s.pk}"]) for s in self.speakers]

    def mapping(self) -> dict[int, SpeakerMatch]:
        """speaker id -> match, from the cleaned data."""
        result = {}
        for speaker in self.speakers:
            kind, _sep, pk = self.cleaned_data[f"speaker_{speaker.pk}"].partition(":")
            if kind == SpeakerSide.USER:
                result[speaker.pk] = SpeakerMatch(SpeakerSide.USER, user=self.users[pk])
            elif kind == SpeakerSide.PERSON:
                result[speaker.pk] = SpeakerMatch(SpeakerSide.PERSON, person=self.people[pk])
            else:
                result[speaker.pk] = SpeakerMatch(kind)
        return result
