from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "fasit.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from fasit.search import receivers  # noqa: F401

        post_migrate.connect(_index_unindexed_teams, sender=self, dispatch_uid="search_backfill")


def _index_unindexed_teams(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """Index the records that were there before the search arrived.

    Done after all migrations (post_migrate), with the app's own code, rather than in a
    data migration: the index reads the current models of several apps, which a
    migration in the middle of the history cannot rely on (a later column of any of
    them would break it). A team with records and no index entry at all is one that
    has never been indexed; ``fasit manage fasit_search_index`` rebuilds any team."""
    from fasit.customers.models import Account
    from fasit.search.documents import index_team
    from fasit.search.models import SearchEntry
    from fasit.tenancy.models import Team

    indexed = SearchEntry.objects.using(using).values("team_id")
    with_records = Account.objects.using(using).values("team_id")
    for team in Team.objects.using(using).filter(pk__in=with_records).exclude(pk__in=indexed):
        index_team(team)
