"""The concept type and the compact term notation the area modules are written in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

LANGS: Final[tuple[str, ...]] = ("sv", "nb", "da", "en")


@dataclass(frozen=True)
class Concept:
    id: str
    names: dict[str, str]
    terms: dict[str, tuple[str, ...]]
    weight: float = 1.0
    broader: tuple[str, ...] = ()


def _split(spec: str) -> tuple[str, ...]:
    return tuple(t.strip().lower() for t in spec.split("|") if t.strip())


def concept(
    cid: str,
    names: tuple[str, str, str, str],
    *,
    sv: str,
    nb: str,
    da: str,
    en: str,
    w: float = 1.0,
    broader: tuple[str, ...] = (),
) -> Concept:
    return Concept(
        id=cid,
        names=dict(zip(LANGS, names, strict=True)),
        terms={"sv": _split(sv), "nb": _split(nb), "da": _split(da), "en": _split(en)},
        weight=w,
        broader=broader,
    )
