"""Production settings: `check --deploy` passes with the plainest environment, each
HTTPS default can be changed, and every page carries a CSP and a Permissions-Policy."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

FASIT = Path(sys.executable).parent / "fasit"
ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    # The plainest production environment of docs/operations.md, and nothing else
    # (PATH and HOME only so the interpreter starts; the data dir defaults to ./var).
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DEBUG": "false",
        "SECURE_COOKIES": "true",
        "SECRET_KEY": secrets.token_urlsafe(48)[:50],
        "ALLOWED_HOSTS": "crm.example.com",
        **extra,
    }


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.clock_free  # `fasit check` in a child process
def test_check_deploy_passes_in_the_plainest_production_environment(tmp_path: Path) -> None:
    result = run(
        [str(FASIT), "manage", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(tmp_path),
        tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.clock_free  # `fasit check` in a child process
def test_check_deploy_warns_without_secure_cookies(tmp_path: Path) -> None:
    result = run(
        [str(FASIT), "manage", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(tmp_path, SECURE_COOKIES="false"),
        tmp_path,
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr  # no HSTS


SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({k: getattr(s, k) for k in ("
    "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', "
    "'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SECURE_PROXY_SSL_HEADER')}))"
)


def settings_in(tmp_path: Path, **extra: str) -> dict[str, Any]:
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="fasit.settings", **extra)
    result = run([sys.executable, "-c", SHOW], env, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.clock_free  # `fasit check` in a child process
def test_secure_defaults_follow_secure_cookies_and_each_can_be_changed(tmp_path: Path) -> None:
    assert settings_in(tmp_path) == {
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": None,
    }
    changed = settings_in(
        tmp_path,
        SECURE_HSTS_SECONDS="3600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_HSTS_PRELOAD="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
    )
    assert changed["SECURE_HSTS_SECONDS"] == 3600
    assert changed["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert changed["SECURE_HSTS_PRELOAD"] is False
    assert changed["SECURE_SSL_REDIRECT"] is False
    assert changed["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert settings_in(tmp_path, SECURE_PROXY_SSL_HEADER="X-Scheme=secure")[
        "SECURE_PROXY_SSL_HEADER"
    ] == ["HTTP_X_SCHEME", "secure"]


@pytest.mark.clock_free  # `fasit check` in a child process
def test_a_malformed_proxy_header_stops_the_process(tmp_path: Path) -> None:
    env = production_env(
        tmp_path, DJANGO_SETTINGS_MODULE="fasit.settings", SECURE_PROXY_SSL_HEADER="X Proto"
    )
    result = run([sys.executable, "-c", SHOW], env, tmp_path)
    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER" in result.stderr


def test_pages_carry_a_strict_csp_and_a_permissions_policy(alice_client: Client) -> None:
    for path in ("/", "/login/", "/settings/"):
        response = alice_client.get(path)
        csp = response.headers["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
        assert directives["script-src"] == "'self'", path
        assert "unsafe" not in directives["default-src"]
        assert directives["frame-ancestors"] == "'none'"
        assert "camera=()" in response.headers["Permissions-Policy"]
    anonymous = Client().get("/login/")
    assert "script-src 'self'" in anonymous.headers["Content-Security-Policy"]


# Templates served as pages (not e-mails, not downloaded files) must not hold inline
# script: the CSP would block it.
NOT_PAGES = ("/email/", "privacy/export.html")
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on* handler"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
    (re.compile(r"<style[\s>]", re.I), "inline <style> element"),
    (re.compile(r"\bhx-on[:-]", re.I), "hx-on (needs eval)"),
]


@pytest.mark.parametrize("pattern,what", INLINE, ids=[w for _, w in INLINE])
def test_no_template_has_inline_script(pattern: Any, what: str) -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "fasit").rglob("templates/**/*.html")
        if not any(part in str(path) for part in NOT_PAGES)
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], f"{what} in {offenders}"
