from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fasit.core.forms import DateInput, UserChoiceField
from fasit.customers.models import (
    Account,
    BuyingRole,
    Country,
    CustomerCategory,
    DataSource,
    FamilyMember,
    ImportantDate,
    Interest,
    LifeEvent,
    Person,
    Tier,
)
from fasit.customers.services import ACCOUNT_FIELDS, PERSON_FIELDS
from fasit.tenancy.selectors import team_writers


class TeamForm(forms.ModelForm):
    """A model form whose choices of related records come from one team only."""

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.team = team
        self.limit_choices()

    def limit_choices(self) -> None:
        pass


class AccountForm(TeamForm):
    class Meta:
        model = Account
        # The same fields the service accepts, so the form never offers one it ignores.
        fields = list(ACCOUNT_FIELDS)
        widgets = {"customer_since": DateInput(), "notes": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"owner": UserChoiceField}

    def limit_choices(self) -> None:
        self.fields["category"].queryset = CustomerCategory.objects.for_team(self.team)
        self.fields["owner"].queryset = team_writers(self.team)
        parents = Account.objects.for_team(self.team)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def _post_clean(self) -> None:
        # Validation is the service's job (org numbers need the country); skip the
        # model-level pass so errors are reported once, by the service.
        pass


class AccountBulkForm(forms.Form):
    """What to set on the accounts ticked in the list; the button pressed (``action``)
    says which of the three."""

    action = forms.ChoiceField(
        choices=[("owner", "owner"), ("tier", "tier"), ("category", "category")]
    )
    owner = UserChoiceField(label=_("New owner"), queryset=None, required=False)
    tier = forms.ChoiceField(
        label=_("New tier"), choices=[("", "---------"), *Tier.choices], required=False
    )
    category = forms.ModelChoiceField(label=_("Customer category"), queryset=None, required=False)

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        # Prefixed: the filter form on the same page has its own tier and category.
        super().__init__(*args, prefix="bulk", **kwargs)
        self.fields["owner"].queryset = team_writers(team)
        self.fields["category"].queryset = CustomerCategory.objects.for_team(team)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        action = data.get("action")
        if action and not data.get(action):
            raise forms.ValidationError(_("Choose the new value first."))
        return data

    def change(self) -> dict[str, Any]:
        action = self.cleaned_data["action"]
        return {action: self.cleaned_data[action]}


class AccountFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    tier = forms.ChoiceField(
        label=_("Tier"), choices=[("", _("All tiers")), *Tier.choices], required=False
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", _("All countries")), *Country.choices], required=False
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=CustomerCategory.objects.none(),
        required=False,
        empty_label=_("All categories"),
    )
    mine = forms.BooleanField(label=_("Only mine"), required=False)

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = CustomerCategory.objects.for_team(team)


class RevenueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200)
    amount = forms.DecimalField(label=_("Revenue"), min_value=0, max_digits=14, decimal_places=2)
    currency = forms.ChoiceField(
        label=_("Currency"), choices=[(c, c) for c in ("NOK", "SEK", "DKK", "EUR")]
    )


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PersonForm(TeamForm):
    consent_wording = forms.CharField(
        label=_("Consent: what they agreed to"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "When the legal basis is consent: the words the person was given. Kept with the "
            "date and who recorded it; a consent can be withdrawn on the person's privacy page."
        ),
    )

    class Meta:
        model = Person
        fields = list(PERSON_FIELDS)
        widgets = {
            "legal_basis_recorded_on": DateInput(),
            "what_matters": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def limit_choices(self) -> None:
        # Optional in the form: left out, a new person's data came from themselves and
        # an existing person's source stays as it was.
        self.fields["data_source"].required = False

    def clean_data_source(self) -> str:
        return str(
            self.cleaned_data.get("data_source") or self.instance.data_source or DataSource.PERSON
        )

    def _post_clean(self) -> None:
        pass


class PersonCreateForm(PersonForm):
    account = forms.ModelChoiceField(
        label=_("Account"), queryset=Account.objects.none(), required=False
    )
    title = forms.CharField(label=_("Title"), max_length=120, required=False)
    buying_role = forms.ChoiceField(
        label=_("Buying role"), choices=[("", "—"), *BuyingRole.choices], required=False
    )

    def limit_choices(self) -> None:
        super().limit_choices()
        self.fields["account"].queryset = Account.objects.for_team(self.team)


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    # A name to type rather than a list to scroll: teams have thousands of accounts.
    account_name = forms.CharField(label=_("Account"), required=False)
    account = forms.ModelChoiceField(
        queryset=Account.objects.none(), required=False, widget=forms.HiddenInput
    )
    buying_role = forms.ChoiceField(
        label=_("Buying role"), choices=[("", _("All roles")), *BuyingRole.choices], required=False
    )

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = Account.objects.for_team(team)


class PersonRoleForm(forms.Form):
    account = forms.ModelChoiceField(label=_("Account"), queryset=Account.objects.none())
    title = forms.CharField(label=_("Title"), max_length=120, required=False)
    buying_role = forms.ChoiceField(
        label=_("Buying role"), choices=[("", "—"), *BuyingRole.choices], required=False
    )

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = Account.objects.for_team(team)


class FamilyMemberForm(forms.ModelForm):
    class Meta:
        model = FamilyMember
        fields = ["relation", "name", "note"]


class InterestForm(forms.ModelForm):
    class Meta:
        model = Interest
        fields = ["name"]


class LifeEventForm(forms.ModelForm):
    class Meta:
        model = LifeEvent
        fields = ["date", "text"]
        widgets = {"date": DateInput()}


class ImportantDateForm(forms.ModelForm):
    class Meta:
        model = ImportantDate
        fields = ["kind", "day", "month", "year", "label"]

    def _post_clean(self) -> None:
        pass


PROFILE_FORMS: dict[str, type[forms.ModelForm]] = {
    "family": FamilyMemberForm,
    "interest": InterestForm,
    "life_event": LifeEventForm,
    "date": ImportantDateForm,
}
