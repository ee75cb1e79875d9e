"""The sv, nb and da catalogs are complete, reviewed and compiled.

The .mo files are committed so that running Fasit needs no gettext tools; these tests
catch a catalog left half-translated, a fuzzy guess from makemessages that nobody
reviewed, a forgotten compilemessages and a translation that would crash on format.
"""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = ["sv", "nb", "da"]
# The project catalog, plus any app that keeps its own (`fasit/<app>/locale/`), which
# Django loads for installed apps and `make messages` fills from that app's files.
CATALOG_ROOTS = [Path(settings.LOCALE_PATHS[0])] + sorted(
    path
    for path in Path(settings.BASE_DIR).glob("*/locale")
    if path.resolve() != Path(settings.LOCALE_PATHS[0]).resolve()
)
CATALOGS = [
    pytest.param(root / language / "LC_MESSAGES", id=f"{root.parent.name}-{language}")
    for root in CATALOG_ROOTS
    for language in LANGUAGES
]

# A python-format placeholder: %(name)s, %(count)d, %(ratio).1f ...
PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$")


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)


def _unquote(literal: str) -> str:
    # PO strings use the C escapes (\n, \t, \", \\), which Python string literals share.
    value = ast.literal_eval(literal)
    assert isinstance(value, str)
    return value


def _form_index(keyword: str) -> int:
    """msgstr -> 0, msgstr[1] -> 1, msgstr[10] -> 10."""
    return int(keyword.partition("[")[2].rstrip("]") or 0)


def _parse_po(path: Path) -> tuple[str, list[Entry]]:
    """Return the header and the live entries (obsolete #~ entries are left out)."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    header = ""
    entries = []
    for block in blocks:
        entry = Entry()
        parts: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif match := KEYWORD.match(line):
                current = parts.setdefault(match.group(1), [])
                current.append(_unquote(match.group(2)))
            elif line.startswith('"') and current is not None:
                current.append(_unquote(line))
        if "msgid" not in parts:
            continue
        text = {key: "".join(chunks) for key, chunks in parts.items()}
        entry.msgid = text["msgid"]
        entry.msgctxt = text.get("msgctxt")
        entry.msgid_plural = text.get("msgid_plural")
        forms = sorted((key for key in text if key.startswith("msgstr")), key=_form_index)
        entry.msgstrs = [text[key] for key in forms]
        if entry.msgid == "" and entry.msgctxt is None:
            header = entry.msgstrs[0]
        else:
            entries.append(entry)
    return header, entries


def _entries(catalog: Path) -> list[Entry]:
    return _parse_po(catalog / "django.po")[1]


def _label(entry: Entry) -> str:
    return f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid


def _sources(entry: Entry) -> list[str]:
    """The source text each msgstr form translates (form 0 the singular, the rest plural)."""
    if entry.msgid_plural is None:
        return [entry.msgid]
    return [entry.msgid] + [entry.msgid_plural] * (len(entry.msgstrs) - 1)


def _compiled(translations: gettext.GNUTranslations, entry: Entry) -> list[str]:
    """What the .mo gives for each form of the entry, looked up the way Django does."""
    context = entry.msgctxt
    if entry.msgid_plural is None:
        if context is None:
            return [translations.gettext(entry.msgid)]
        return [translations.pgettext(context, entry.msgid)]
    # nplurals=2 with plural=(n != 1): n=1 picks form 0, n=2 picks form 1.
    if context is None:
        return [translations.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
    return [translations.npgettext(context, entry.msgid, entry.msgid_plural, n) for n in (1, 2)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_project_catalog_has_entries(language: str) -> None:
    assert len(_entries(CATALOG_ROOTS[0] / language / "LC_MESSAGES")) > 100


@pytest.mark.parametrize("catalog", CATALOGS)
def test_header_names_language_utf8_and_plural_forms(catalog: Path) -> None:
    header, _ = _parse_po(catalog / "django.po")
    assert f"Language: {catalog.parent.name}\n" in header
    assert "Content-Type: text/plain; charset=UTF-8\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header


@pytest.mark.parametrize("catalog", CATALOGS)
def test_every_entry_is_translated(catalog: Path) -> None:
    untranslated = [_label(e) for e in _entries(catalog) if not all(e.msgstrs)]
    assert untranslated == []


@pytest.mark.parametrize("catalog", CATALOGS)
def test_no_entry_is_fuzzy(catalog: Path) -> None:
    fuzzy = [_label(e) for e in _entries(catalog) if "fuzzy" in e.flags]
    assert fuzzy == []


@pytest.mark.parametrize("catalog", CATALOGS)
def test_plural_entries_have_two_forms(catalog: Path) -> None:
    wrong = [_label(e) for e in _entries(catalog) if e.msgid_plural and len(e.msgstrs) != 2]
    assert wrong == []


@pytest.mark.parametrize("catalog", CATALOGS)
def test_compiled_mo_matches_po(catalog: Path) -> None:
    """Fails when someone translated but forgot `fasit manage compilemessages`."""
    with (catalog / "django.mo").open("rb") as mo:
        translations = gettext.GNUTranslations(mo)
    entries = _entries(catalog)
    expected = {_label(e): e.msgstrs for e in entries}
    compiled = {_label(e): _compiled(translations, e) for e in entries}
    assert compiled == expected


@pytest.mark.parametrize("catalog", CATALOGS)
def test_translations_keep_the_python_format_placeholders(catalog: Path) -> None:
    mismatched = [
        (_label(e), source, translated)
        for e in _entries(catalog)
        for source, translated in zip(_sources(e), e.msgstrs, strict=True)
        if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translated))
    ]
    assert mismatched == []


# The top level of market signals is "facit" in Swedish and Danish, "fasit" in
# Norwegian (DESIGN.md's vocabulary); "Fasit" is also the product's name, which stays.
TOP_LEVEL = {"sv": ("facit", "fasit"), "da": ("facit", "fasit"), "nb": ("fasit", "facit")}


@pytest.mark.parametrize("catalog", CATALOGS)
def test_the_top_level_has_the_languages_word(catalog: Path) -> None:
    language = catalog.parent.name
    right, wrong = TOP_LEVEL[language]
    misused = []
    for entry in _entries(catalog):
        source = " ".join(_sources(entry))
        for text in entry.msgstrs:
            # Every "Fasit" the translation has beyond the source's is the level word.
            extra = len(re.findall(wrong, text, re.I)) - len(re.findall("Fasit", source))
            if extra > 0:
                misused.append((_label(entry), text))
    assert misused == [], f"use “{right}” for the top level in {language}"
    confirmed = [e for e in _entries(catalog) if e.msgid == "Confirmed"]
    assert [e.msgstrs[0].lower() for e in confirmed] in ([], [right])  # app catalogs: none
