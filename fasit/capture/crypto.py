"""Mailbox passwords at rest: Fernet (AES-128-CBC with HMAC) with the operator's key
``FASIT_CAPTURE_KEY``. A database copy without the key holds no usable password."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class KeyMissing(ImproperlyConfigured):
    pass


def _fernet() -> Fernet:
    key = settings.FASIT_CAPTURE_KEY
    if not key:
        raise KeyMissing("FASIT_CAPTURE_KEY is not set")
    try:
        return Fernet(key.encode())
    except ValueError as exc:
        raise KeyMissing(f"FASIT_CAPTURE_KEY is not a Fernet key: {exc}") from None


def encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def decrypt(token: str) -> str | None:
    """The secret, or None when it was encrypted with another key."""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return None
