from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fasit.capture.models import TlsMode


class MailUploadForm(forms.Form):
    file = forms.FileField(
        label=_("E-mail file"),
        help_text=_("An .eml message or an .mbox archive (exported from your mail program)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".eml,.mbox,message/rfc822"}),
    )


class ExclusionForm(forms.Form):
    value = forms.CharField(
        label=_("E-mail address or domain"),
        max_length=254,
        help_text=_("Never captured from your mail: name@example.com, or example.com."),
    )


class CaptureSettingsForm(forms.Form):
    store_body = forms.BooleanField(
        label=_("Keep the beginning of e-mail bodies"),
        required=False,
        help_text=_("Off: only who, when and the subject are kept."),
    )
    body_chars = forms.IntegerField(
        label=_("Characters to keep"), min_value=1, max_value=5000, initial=500
    )


class MailboxForm(forms.Form):
    host = forms.CharField(
        label=_("IMAP server"),
        max_length=255,
        help_text=_("For example imap.gmail.com or outlook.office365.com."),
    )
    port = forms.IntegerField(label=_("Port"), min_value=1, max_value=65535, initial=993)
    tls = forms.ChoiceField(label=_("Encryption"), choices=TlsMode.choices, initial=TlsMode.SSL)
    username = forms.CharField(label=_("User name"), max_length=255)
    password = forms.CharField(
        label=_("App password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Stored encrypted and never shown again. Leave empty to keep the stored one."),
    )
    folders = forms.CharField(
        label=_("Folders"),
        max_length=500,
        required=False,
        help_text=_("Comma-separated. Empty: the inbox and the sent folder."),
    )


class CalendarUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Calendar file"),
        help_text=_("An .ics file exported from Outlook, Google or Apple Calendar."),
        widget=forms.ClearableFileInput(attrs={"accept": ".ics,text/calendar"}),
    )


class CalendarSubscribeForm(forms.Form):
    url = forms.CharField(
        label=_("Calendar address"),
        max_length=1000,
        help_text=_(
            'The "publish calendar" (ICS) link of Outlook or the secret iCal address of Google.'
        ),
    )
