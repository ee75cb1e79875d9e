"""Recognising who speaks: "Name: text", "[Name] text", ">> Name: text"."""

from __future__ import annotations

import html
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


# A label as video-meeting tools print display names: whatever the person typed,
# lower case ("anand sharma"), a device ("Saurabh Swaroop’s iPad"), digits, initials.
# No sentence punctuation, so speech with a colon ("so the point is: we…") does not fit
# as long as it has a comma, a full stop or more than six words before the colon.
_LABEL_RE = re.compile(
    r"^\s*(?:>>\s*)?(?P<name>[^\W_][\w'’\-@&+ ]{0,58}?(?:\s*\([^()\n]{1,40}\))?)\s*:\s*"
    r"(?P<text>.*)$"
)


def split_label(line: str) -> tuple[str | None, str]:
    """Like ``split_speaker`` but accepting any display name of up to six words before
    the colon. For files where "Name: text" at the start of a caption is the rule
    (Zoom WebVTT), so a label there is a speaker whatever its case."""
    match = _LABEL_RE.match(line)
    if match is None or len(match["name"].split()) > 6:
        return split_speaker(line)
    return clean_name(match["name"]), match["text"].strip()


# Generic labels of diarising tools and meeting apps: "Speaker 1", "SPEAKER_00",
# "spk_0", "Unknown Speaker", "Guest 2", "Talare 1" — someone has to say who that is.
_GENERIC_RE = re.compile(
    r"^(?:(?:unknown|unidentified)\s+speaker(?:\s*\d+)?|speaker[\s_-]*\w{0,3}|spk[\s_-]*\d+"
    r"|guest[\s_-]*\d*|participant[\s_-]*\d+|talare[\s_-]*\d+|taler[\s_-]*\d+"
    r"|deltag(?:are|er)[\s_-]*\d+|deltaker[\s_-]*\d+|[a-h])$",
    re.IGNORECASE,
)
# "Saurabh Swaroop’s iPad", "Maja's iPhone", "Per’s MacBook Pro": Zoom names a device
# when the person has not set a name; the owner is who speaks.
_DEVICE_RE = re.compile(
    r"\s*['’]s\s+(?:ipad|iphone|ipod|mac|macbook(?:\s+(?:pro|air))?|imac|galaxy[\w ]*|pixel[\w ]*"
    r"|android[\w ]*|surface[\w ]*|laptop|computer|pc|phone|tablet)(?:\s*\(\d+\))?\s*$",
    re.IGNORECASE,
)


def is_generic_label(name: str) -> bool:
    """Does the label name a role in the file rather than a person ("Speaker 1")?"""
    return _GENERIC_RE.match(name.strip()) is not None


def person_of_label(name: str) -> str:
    """The person a label names: a device label gives its owner."""
    return _DEVICE_RE.sub("", name).strip() or name


def clean_name(name: str) -> str:
    if "&" in name:
        # Teams writes "Carlos Far&#237;as" in voice tags.
        name = html.unescape(name)
    return " ".join(name.split())
