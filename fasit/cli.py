"""The ``fasit`` console script.

Engine commands (``listen``, ``signals group``) run with no database and never
import Django; everything else boots Django first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

USAGE = """usage: fasit COMMAND [ARGS...]

commands:
  demo [--no-serve] [--seed N] [--scale N] [--addr HOST:PORT]
                         migrate, seed demo data, print the logins, serve
  serve [--addr HOST:PORT]
                         serve Fasit (runs pending migrations first)
  worker                 run the background task worker
  listen FILE [--seller NAME ...] [--json]
                         analyse a meeting transcript (no database)
  signals group INPUT.jsonl [--json]
                         group customer statements into themes (no database)
  signals regroup --team SLUG
                         regroup a team's statements from scratch (keeps people's decisions)
  import FILE [FILE ...] --team SLUG [--source hubspot|pipedrive|salesforce|csv|vcard]
         [--dry-run] [--skip-invalid] [--json]
                         import accounts and people (all or nothing)
  export --team SLUG --format csv|xlsx|json OUT
                         export a team's records (json: the full team, for re-import)
  privacy export --person ID [--format json|html] [--out FILE]
                         everything Fasit holds about a person (GDPR Art. 15, 20)
  privacy erase --person ID [--yes] [--reason TEXT]
                         erase a person everywhere (GDPR Art. 17)
  privacy retention [--team SLUG] [--date YYYY-MM-DD] [--enqueue]
                         apply the retention rules (daily, from cron)
  privacy vacuum         rewrite the database so erased values leave its free pages
  token --team SLUG --user NAME [--scope read|write] [--name N] [--expires YYYY-MM-DD]
                         make a personal API access token (printed once)
  webhooks               send due webhook deliveries and "account went dark" events (cron)
  mail sync [--team SLUG] [--enqueue]
                         read the connected mailboxes into conversations (from cron)
  mail serve [--addr HOST:PORT]
                         the SMTP server for the BCC addresses (log-<token>@FASIT_MAIL_DOMAIN)
  calendar sync [--team SLUG] [--enqueue]
                         read the subscribed calendars into conversations (from cron)
  manage ARGS...         any Django management command
"""


def _django(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["fasit", *argv])
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "listen":
        from fasit.engine.listening.command import main as listen_main

        return listen_main(rest)
    if command == "signals" and rest[:1] == ["regroup"]:
        return _django(["signals_regroup", *rest[1:]])
    if command == "signals":
        from fasit.engine.signals.command import main as signals_main

        return signals_main(rest)
    if command == "manage":
        return _django(rest)
    if command == "demo":
        return _django(["fasit_demo", *rest])
    if command == "serve":
        return _django(["fasit_serve", *rest])
    if command == "worker":
        return _django(["fasit_worker", *rest])
    if command in {"import", "export"}:
        return _django([f"fasit_{command}", *rest])
    if command == "webhooks":
        return _django(["fasit_webhooks", *rest])
    if command == "token":
        return _django(["fasit_token", *rest])
    if command in {"mail", "calendar"}:
        return _django([f"fasit_{command}", *rest])
    if command == "privacy":
        return _django(["fasit_privacy", *rest])
    if command in {"report", "dates"}:
        return _django([f"fasit_{command}", *rest])
    print(f"fasit: unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
