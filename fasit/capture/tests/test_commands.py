from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from fasit.cli import main

pytestmark = pytest.mark.django_db


def test_mail_and_calendar_sync_from_the_command_line(team_a: Any) -> None:
    out = StringIO()
    call_command("fasit_mail", "sync", stdout=out)
    assert "0 mailboxes: 0 messages read, 0 captured, 0 failed." in out.getvalue()
    out = StringIO()
    call_command("fasit_calendar", "sync", "--team", "team-a", stdout=out)
    assert "0 calendars read, 0 failed." in out.getvalue()
    out = StringIO()
    call_command("fasit_mail", "sync", "--enqueue", stdout=out)
    assert "Queued" in out.getvalue()


def test_bad_use_is_explained(team_a: Any) -> None:
    with pytest.raises(CommandError, match="use: fasit mail"):
        call_command("fasit_mail")
    with pytest.raises(CommandError, match="HOST:PORT"):
        call_command("fasit_mail", "serve", "--addr", "nonsense")
    with pytest.raises(CommandError, match="No team"):
        call_command("fasit_calendar", "sync", "--team", "nobody")
    assert main(["--help"]) == 0
