"""Shared by the listening tests: a meeting with bob (seller) and Kari (customer),
and uploading a transcript through the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fasit.conversations.models import Conversation


@dataclass
class Meeting:
    conversation: Conversation
    kari: Any


def _upload(client: Any, conversation: Conversation, content: bytes, name: str = "m.vtt") -> Any:
    return client.post(
        reverse("conversations:transcript_upload", args=[conversation.pk]),
        {"transcript": SimpleUploadedFile(name, content)},
    )
