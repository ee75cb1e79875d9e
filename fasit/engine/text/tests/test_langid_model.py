"""py3langid's model cached unpacked: the same answers, from the cache the second time."""

from __future__ import annotations

from pathlib import Path

import pytest

from fasit.engine.text import langid_model

TEXTS = [
    "Hur ser ert lager ut i dag och vem bestämmer?",
    "Hvordan planlegger dere vedlikeholdet i dag?",
    "Hvad synes I om det nye setup?",
    "Walk me through your renewal process.",
    "Ya la voy a presentar, se está viendo pero no proyectado.",
]


def _ranks(pair: tuple[object, object]) -> list[list[tuple[str, float]]]:
    restricted, full = pair
    return [restricted.rank(t)[:4] for t in TEXTS] + [full.rank(t)[:3] for t in TEXTS]  # type: ignore[attr-defined]


def test_the_cache_gives_the_same_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FASIT_CACHE_DIR", str(tmp_path))
    fresh = _ranks(langid_model.identifiers(["sv", "no", "da", "en"]))
    [folder] = tmp_path.iterdir()
    assert sorted(p.name for p in folder.iterdir()) == [
        "classes.npy",
        "nextmove.npy",
        "output.npy",
        "pc.npy",
        "ptc.npy",
        "row.npy",
    ]
    cached = _ranks(langid_model.identifiers(["sv", "no", "da", "en"]))
    assert cached == fresh
    assert [r[0][0] for r in cached[:5]] == ["sv", "no", "da", "en", "en"]
    assert cached[9][0][0] == "es"


def test_an_unwritable_cache_still_detects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("FASIT_CACHE_DIR", str(blocker / "cache"))
    restricted, _full = langid_model.identifiers(["sv", "no", "da", "en"])
    assert restricted.rank(TEXTS[0])[0][0] == "sv"
