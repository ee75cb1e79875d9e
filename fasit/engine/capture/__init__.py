"""Contact that logs itself: reading e-mail messages, mbox archives and calendars into
plain values (no Django). The capture app matches them to a team's people."""

from fasit.engine.capture.mail import (
    FREE_MAIL_DOMAINS,
    Address,
    MailError,
    MailMessage,
    is_free_mail,
    parse_message,
    split_mbox,
    thread_subject,
)
from fasit.engine.capture.matching import Directory, Match, build_directory, match_addresses

__all__ = [
    "FREE_MAIL_DOMAINS",
    "Address",
    "Directory",
    "Match",
    "build_directory",
    "match_addresses",
    "MailError",
    "MailMessage",
    "is_free_mail",
    "parse_message",
    "split_mbox",
    "thread_subject",
]
