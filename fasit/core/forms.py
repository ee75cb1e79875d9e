from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%Y-%m-%dT%H:%M")
        super().__init__(**kwargs)


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time in the user's time zone, accepted on the nights the clocks change.

    Django refuses a time that is ambiguous (02:30 comes twice when summer time ends) or
    missing (02:30 never comes when it starts). A seller logging last night's event
    should not be refused for that: an ambiguous time is read as its first occurrence
    (still summer time), a missing one with the offset in force before the change, so
    02:30 on the night summer time starts is stored as 03:30 summer time — the instant
    the clock would have shown 02:30 had it not jumped.
    """

    def to_python(self, value: Any) -> dt.datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            moment = value
        elif isinstance(value, dt.date):
            moment = dt.datetime.combine(value, dt.time())
        else:
            try:
                parsed = parse_datetime(str(value).strip())
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
            # The form's own input formats (BaseTemporalField) when it is not ISO.
            moment = parsed or forms.BaseTemporalField.to_python(self, value)
        if timezone.is_aware(moment):
            return moment
        # fold=0: the first of two ambiguous times; for a missing time, the old offset.
        return moment.replace(tzinfo=timezone.get_current_timezone(), fold=0)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when it names one
    the form has, otherwise at the top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def user_label(user: Any) -> str:
    return user.get_full_name() or user.username


class UserChoiceField(forms.ModelChoiceField):
    """Team users by their names, not their login names."""

    def label_from_instance(self, obj: Any) -> str:
        return user_label(obj)


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return user_label(obj)


def submit(form: forms.BaseForm, service: Any, **kwargs: Any) -> bool:
    """Validate ``form`` and call ``service(**kwargs, **form.cleaned_data)``; a
    ValidationError from the service lands on the form. True when it went through."""
    if not form.is_valid():
        return False
    try:
        service(**kwargs, **form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False
    return True
