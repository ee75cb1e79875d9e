import pytest

from fasit.engine.transcripts.speakers import split_speaker


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sara Holm: Hej.", ("Sara Holm", "Hej.")),
        (">> Sara Holm: Hej.", ("Sara Holm", "Hej.")),
        ("[Sara Holm] Hej.", ("Sara Holm", "Hej.")),
        ("Sara Holm (Guest): Hej.", ("Sara Holm (Guest)", "Hej.")),
        ("Speaker 2: Ja.", ("Speaker 2", "Ja.")),
        ("Ellen af Klint: Ja.", ("Ellen af Klint", "Ja.")),
        ("Det jag menar är: vi behöver mer.", (None, "Det jag menar är: vi behöver mer.")),
        ("Date: 2024-05-02", (None, "Date: 2024-05-02")),
    ],
)
def test_split_speaker(line: str, expected: tuple[str | None, str]) -> None:
    assert split_speaker(line) == expected
