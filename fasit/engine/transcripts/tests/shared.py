"""Where the team's shared evaluation files are: ``../shared/eval`` beside the
repository (CI lays it there); a worktree one level deeper finds it further up."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[4]


def shared_eval(*parts: str) -> Path:
    """``shared/eval/<parts>`` in the nearest folder above the repository that has
    one; ``../shared/eval/<parts>`` (absent) when none does."""
    for folder in REPO.parents:
        candidate = folder.joinpath("shared", "eval", *parts)
        if candidate.exists():
            return candidate
    return REPO.parent.joinpath("shared", "eval", *parts)


REAL_TRANSCRIPTS = shared_eval("real-transcripts")
