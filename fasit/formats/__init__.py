"""One date, time and number format per language (FORMAT_MODULE_PATH).

Django's own formats mix styles within one language ("Dec. 5, 2026" and "12/05/2026"
in English). Fasit shows each kind of value one way per language, on every page, in
e-mails, charts and the calendar: the long and the short date are the same format,
and so are the long and the short date with time. ``fasit.core.formatting`` and the
template filters built on it (``day``, ``moment``, ``day_month``, ``number``,
``money``) are the only ways code formats a value for a person; machine-facing output
(the API, JSON reports, CLI tables meant for scripts) stays ISO 8601.
"""
