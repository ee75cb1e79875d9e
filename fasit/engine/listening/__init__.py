"""Listening metrics from meeting transcripts: talk share, monologues, questions,
summaries, patience (see DESIGN.md, "Listening metrics")."""

from fasit.engine.listening.analyse import analyse, speaker_key
from fasit.engine.listening.questions import classify_sentence, is_summary
from fasit.engine.listening.report import ListeningReport, Question, SpeakerStats, Stretch

__all__ = [
    "ListeningReport",
    "Question",
    "SpeakerStats",
    "Stretch",
    "analyse",
    "classify_sentence",
    "is_summary",
    "speaker_key",
]
