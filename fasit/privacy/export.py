"""A person's data as a printable HTML page (print it to PDF from the browser) or as
JSON, each export noted in the team's register."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify

from fasit.customers.models import Person
from fasit.privacy.selectors import dossier_counts, person_dossier
from fasit.privacy.services import export_record

FORMATS = ("html", "json")


@dataclass(frozen=True)
class Export:
    content: str
    content_type: str
    filename: str


def export_person(
    *, person: Person, actor: Any, channel: str, fmt: str = "json", language: str | None = None
) -> Export:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    dossier = person_dossier(person)
    export_record(person=person, actor=actor, channel=channel, detail=fmt.upper())
    stem = f"fasit-{slugify(person.name) or 'person'}-{person.pk}"
    if fmt == "json":
        text = json.dumps(dossier, ensure_ascii=False, indent=2, default=str)
        return Export(text + "\n", "application/json; charset=utf-8", f"{stem}.json")
    with translation.override(language or translation.get_language()):
        html = render_to_string(
            "privacy/export.html", {"d": dossier, "counts": dossier_counts(dossier)}
        )
    return Export(html, "text/html; charset=utf-8", f"{stem}.html")
