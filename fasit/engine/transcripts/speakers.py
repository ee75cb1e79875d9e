"""Recognising who speaks: "Name: text", "[Name] text", ">> Name: text"."""

from __future__ import annotations

import re

# Lower-case words that may sit inside a personal name ("Ellen af Klint").
_NAME_PARTICLES = frozenset(
    ("af", "av", "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "del", "bin")
)
_NAME_BODY = r"[^\W_][\w.'’\- ]{0,60}?(?:\s*\([^()\n]{1,40}\))?"
_PREFIX_RE = re.compile(rf"^\s*(?:>>\s*|-\s+)?(?P<name>{_NAME_BODY})\s*:\s+(?P<text>\S.*)$")
_PREFIX_EMPTY_RE = re.compile(rf"^\s*(?:>>\s*|-\s+)?(?P<name>{_NAME_BODY})\s*:\s*$")
_BRACKET_RE = re.compile(r"^\s*\[(?P<name>[^\[\]\n]{1,60})\]\s*:?\s*(?P<text>.*)$")
# Keys of document headers that look like "Name: value" lines but are not speech.
_HEADER_KEYS = frozenset(
    " ".join(
        (
            "date time title subject meeting attendees participants transcript location",
            "datum tid titel ämne möte deltagare plats dato tittel emne møte deltakere sted",
            "møde",
        )
    ).split()
)


def looks_like_name(name: str) -> bool:
    """A plausible speaker label: up to six words, each capitalised (or a name particle
    or a number, as in "Speaker 2"), no sentence punctuation."""
    bare = re.sub(r"\([^()]*\)", "", name).strip()
    words = bare.split()
    if not words or len(words) > 6 or bare.casefold() in _HEADER_KEYS:
        return False
    if bare[-1] in ",;!?":
        return False
    return words[0][0].isupper() and all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _NAME_PARTICLES for w in words
    )


def split_speaker(line: str) -> tuple[str | None, str]:
    """Return (speaker, text) for a line; speaker is None when the line names nobody."""
    match = _PREFIX_RE.match(line) or _BRACKET_RE.match(line)
    if match is not None and looks_like_name(match["name"]):
        return clean_name(match["name"]), match["text"].strip()
    match = _PREFIX_EMPTY_RE.match(line)
    if match is not None and looks_like_name(match["name"]):
        return clean_name(match["name"]), ""
    return None, line.strip()


def clean_name(name: str) -> str:
    return " ".join(name.split())
