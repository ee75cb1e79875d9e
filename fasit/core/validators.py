"""Rules every way in (form, API, import, service) shares, so input is refused the same
way whichever door it came through.

Text: Django's form fields refuse a NUL byte, but a model field does not, so a name
sent through the API or written by a service would be stored (and PostgreSQL refuses NUL
in text outright, as a 500). ``CleanTextMixin`` checks every text column when a model is
``full_clean``-ed, which every service does: one-line fields (names, titles, subjects)
take no control characters at all, multi-line ones no control characters but line
breaks and tabs.

Dates: what already happened cannot be in the future (``not_future``), and a birth year
is between 1900 and this year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

# Line breaks and tabs are text in a note; every other C0 control, DEL and the C1
# controls are not.
_MULTILINE_OK = {"\n", "\r", "\t"}
EARLIEST_BIRTH_YEAR = 1900
# A conversation is logged after it happened; a day of slack covers time zones and a
# meeting logged ahead for later today. One planned further ahead is a follow-up.
CONVERSATION_AHEAD = dt.timedelta(days=1)


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 32 or 127 <= code < 160


def check_one_line(value: str) -> None:
    if any(_is_control(c) for c in value):
        raise ValidationError(
            _(
                "Remove the control characters (a NUL byte, line break, tab or similar) "
                "from this field."
            ),
            code="control_characters",
        )


def check_text(value: str) -> None:
    if any(_is_control(c) and c not in _MULTILINE_OK for c in value):
        raise ValidationError(
            _("Remove the control characters (such as a NUL byte) from this text."),
            code="control_characters",
        )


def not_future(value: dt.date, *, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    if value > today:
        raise ValidationError(_("The date cannot be in the future."), code="future")


def birth_year(year: int, *, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    if not EARLIEST_BIRTH_YEAR <= year <= today.year:
        raise ValidationError(
            _("Give a year between %(first)s and %(last)s.")
            % {"first": EARLIEST_BIRTH_YEAR, "last": today.year},
            code="year",
        )


def conversation_moment(value: dt.datetime, *, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    if value > now + CONVERSATION_AHEAD:
        raise ValidationError(
            _(
                "A conversation is logged after it happened; for one that is planned, "
                "add a follow-up instead."
            ),
            code="future",
        )


# Longer character columns (a note, a task, a reason) may be pasted with a line break.
ONE_LINE_MAX_LENGTH = 200


class CleanTextMixin(models.Model):
    """``full_clean`` refuses control characters in every text column of the model:
    any in short ones (names, titles, subjects: at most ``ONE_LINE_MAX_LENGTH``),
    all but line breaks and tabs in longer ones."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude: Any = None) -> None:
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = {k: list(v) for k, v in error.error_dict.items()}
        for field in self._meta.concrete_fields:
            if (exclude and field.name in exclude) or field.name in errors:
                continue
            if not isinstance(field, models.CharField | models.TextField):
                continue
            value = getattr(self, field.attname)
            if not isinstance(value, str) or not value:
                continue
            one_line = (
                isinstance(field, models.CharField)
                and (field.max_length or 0) <= ONE_LINE_MAX_LENGTH
            )
            check = check_one_line if one_line else check_text
            try:
                check(value)
            except ValidationError as error:
                errors[field.name] = [error]
        if errors:
            raise ValidationError(errors)
