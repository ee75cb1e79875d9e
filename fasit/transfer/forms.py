from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fasit.core.forms import DateInput, UserChoiceField
from fasit.customers.models import Country, LegalBasis
from fasit.engine.transfer.sources import TARGETS, Entity
from fasit.tenancy.selectors import team_users
from fasit.transfer.models import EntityKind, ImportJob

TARGET_LABELS = {
    "id": _("Id in the source"),
    "name": _("Name"),
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "email": _("E-mail"),
    "phone": _("Phone"),
    "mobile": _("Mobile phone"),
    "title": _("Title"),
    "buying_role": _("Buying role"),
    "account_name": _("Account (name)"),
    "account_id": _("Account (id in the source)"),
    "account_org_number": _("Account (organisation number)"),
    "owner": _("Owner"),
    "birthday": _("Birthday"),
    "anniversary": _("Anniversary"),
    "notes": _("Notes"),
    "country": _("Country"),
    "created_at": _("Created (in the source)"),
    "deleted": _("Deleted in the source (row skipped)"),
    "org_number": _("Organisation number"),
    "domain": _("Web domain"),
    "revenue": _("Yearly revenue with us (this year)"),
    "parent_id": _("Corporate group (id in the source)"),
    "parent_name": _("Corporate group (name)"),
    "tier": _("Tier"),
    "customer_since": _("Customer since"),
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "HubSpot, Pipedrive or Salesforce export, any CSV, Excel (.xlsx) or "
            "OpenDocument (.ods) sheet, or vCard (.vcf)."
        ),
    )


class ConfigureForm(forms.Form):
    entity = forms.ChoiceField(label=_("The rows are"), choices=EntityKind.choices)
    legal_basis = forms.ChoiceField(
        label=_("Legal basis for new people (GDPR)"), choices=LegalBasis.choices, required=False
    )
    legal_basis_recorded_on = forms.DateField(
        label=_("Legal basis recorded on"), widget=DateInput(), required=False
    )
    default_country = forms.ChoiceField(
        label=_("Country of rows that name none"), choices=Country.choices
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows and give me the invalid ones back as a CSV file"),
        required=False,
    )
    save_as = forms.CharField(
        label=_("Save this mapping for the team as"), max_length=120, required=False
    )

    def __init__(self, *args: Any, job: ImportJob, owners: list[str], **kwargs: Any) -> None:
        initial = {
            "entity": job.entity,
            "legal_basis": job.legal_basis,
            "legal_basis_recorded_on": job.legal_basis_recorded_on,
            "default_country": job.default_country,
            "skip_invalid": job.skip_invalid,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.job = job
        entity = Entity(self.data.get("entity") or job.entity)
        choices = [("", "— " + str(_("not imported")) + " —")] + [
            (target, TARGET_LABELS[target]) for target in TARGETS[entity]
        ]
        for position, name in enumerate(job.header):
            self.fields[f"col_{position}"] = forms.ChoiceField(
                label=name or f"#{position + 1}",
                choices=choices,
                required=False,
                initial=job.columns[position] if position < len(job.columns) else "",
            )
        users = team_users(job.team)
        for position, value in enumerate(owners):
            self.fields[f"owner_{position}"] = UserChoiceField(
                label=value, queryset=users, required=False, empty_label="—"
            )
        self.owner_values = owners

    def column_fields(self) -> list[Any]:
        return [self[f"col_{i}"] for i in range(len(self.job.header))]

    def owner_fields(self) -> list[Any]:
        return [self[f"owner_{i}"] for i in range(len(self.owner_values))]

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "entity": data["entity"],
            "columns": [data[f"col_{i}"] for i in range(len(self.job.header))],
            "owners": {
                value: (data[f"owner_{i}"].pk if data[f"owner_{i}"] else None)
                for i, value in enumerate(self.owner_values)
            },
            "legal_basis": data["legal_basis"],
            "legal_basis_recorded_on": data["legal_basis_recorded_on"],
            "default_country": data["default_country"],
            "skip_invalid": data["skip_invalid"],
            "save_as": data["save_as"],
        }
