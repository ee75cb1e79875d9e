"""Password reset by e-mail: a link to the account's address, the same answer for
unknown addresses, translated pages and e-mail."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from fasit.testing import UserFactory


@pytest.fixture
def erik(db: Any) -> Any:
    user = UserFactory(username="erik", first_name="Erik", email="erik@example.com")
    user.set_password("old password 1")
    user.save()
    return user


def link_in(message: Any) -> str:
    match = re.search(r"http://testserver(/password/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def without_tokens(content: bytes) -> str:
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", content.decode())


def test_the_login_page_links_to_the_reset() -> None:
    page = Client().get(reverse("login")).content.decode()
    assert reverse("password_reset") in page
    assert "Forgot your password?" in page


def test_reset_by_e_mail_sets_a_new_password(erik: Any, mailoutbox: Any) -> None:
    client = Client()
    response = client.post(reverse("password_reset"), {"email": "ERIK@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["erik@example.com"]
    assert mail.subject == "Reset your Fasit password"
    assert "Your username is erik." in mail.body

    form = client.get(link_in(mail), follow=True)
    assert "Choose a new password" in form.content.decode()
    set_url = form.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": "a fresh long phrase", "new_password2": "a fresh long phrase"}
    )
    assert done["Location"] == reverse("password_reset_complete")
    erik.refresh_from_db()
    assert erik.check_password("a fresh long phrase")
    # The link works once.
    again = client.get(link_in(mail), follow=True)
    assert "This link no longer works" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(erik: Any, mailoutbox: Any) -> None:
    known = Client().post(reverse("password_reset"), {"email": "erik@example.com"}, follow=True)
    unknown = Client().post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert without_tokens(known.content) == without_tokens(unknown.content)
    assert len(mailoutbox) == 1


def test_an_inactive_user_gets_no_mail(erik: Any, mailoutbox: Any) -> None:
    get_user_model().objects.filter(pk=erik.pk).update(is_active=False)
    Client().post(reverse("password_reset"), {"email": "erik@example.com"})
    assert mailoutbox == []


def test_pages_and_mail_are_translated(erik: Any, mailoutbox: Any) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    page = client.get(reverse("password_reset")).content.decode()
    assert "Återställ ditt lösenord" in page
    client.post(reverse("password_reset"), {"email": "erik@example.com"})
    assert mailoutbox[0].subject == "Återställ ditt lösenord i Fasit"
    assert "Ditt användarnamn är erik." in mailoutbox[0].body


def test_a_forged_link_is_refused(erik: Any) -> None:
    page = Client().get("/password/reset/MQ/abc-123/", follow=True).content.decode()
    assert "This link no longer works" in page
