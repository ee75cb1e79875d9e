"""Erasure on the demo team: every app's demo step stores what it stores about people
(and steps added later will too); after erasing the demo's busiest person their name,
e-mail and phone are in no column of any table."""

from __future__ import annotations

import pytest
from django.db.models import Count

from fasit.core.demo.generator import seed_demo
from fasit.customers.models import Person
from fasit.privacy.erasure import person_erase
from fasit.privacy.tests.search import search_models, search_tables


@pytest.mark.django_db
def test_erasing_the_demos_busiest_person_leaves_no_trace() -> None:
    result = seed_demo(seed=3, scale=1)
    people = Person.objects.for_team(result.team)
    names = list(people.values_list("name", flat=True))
    # One whose name no one else's contains, so a hit can only be theirs.
    person = next(
        p
        for p in people.annotate(n=Count("conversations")).order_by("-n", "pk")
        if sum(p.name.lower() in other.lower() for other in names) == 1
    )
    needles = [person.name, person.email] + ([person.phone] if person.phone else [])
    assert search_models(needles)

    person_erase(person=person, actor=None, channel="cli")

    assert search_models(needles) == []
    assert search_tables(needles) == []
