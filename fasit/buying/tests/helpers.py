"""Journeys for tests, built through the services like a user would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fasit.buying import services
from fasit.buying.models import BuyingProcess, Journey, Stage
from fasit.testing import AccountFactory, CategoryFactory


def process_for(team: Any, actor: Any, name: str = "Industri") -> BuyingProcess:
    category = CategoryFactory(team=team, name=name)
    return services.process_create(team=team, actor=actor, category=category)


def stages_of(process: BuyingProcess) -> list[Stage]:
    return list(process.stages.order_by("order"))


def journey_at(
    team: Any,
    actor: Any,
    *,
    process: BuyingProcess,
    index: int,
    since: dt.date,
    account: Any = None,
    title: str = "Nye transportbånd",
    **forecast: Any,
) -> Journey:
    account = account or AccountFactory(team=team, category=process.category)
    return services.journey_create(
        team=team,
        actor=actor,
        account=account,
        title=title,
        stage=stages_of(process)[index],
        started_on=since,
        **forecast,
    )
