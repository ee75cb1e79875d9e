"""The per-process signal index across processes and restarts: an index a few versions
behind replays the adds other processes logged, a gap in the log means a rebuild, and
a warmed index spares the first add after a restart its build."""

from __future__ import annotations

from typing import Any

import pytest

from fasit.engine.signals import ThemeIndex
from fasit.signals import index as signal_index
from fasit.signals import services
from fasit.signals.models import IndexAdd, SignalState, Statement, Theme
from fasit.testing import AccountFactory, ConversationFactory

LEAD_TIME = [
    "Vi trenger kortere leveringstid på reservedeler.",
    "Vi behöver kortare leveranstid på reservdelar.",
    "We need spare parts delivered faster, the lead time is too long.",
    "Spare parts take too long to arrive, we need a shorter lead time.",
]
INVOICE = [
    "We want one invoice a month instead of one per delivery.",
    "Vi vill ha en samlingsfaktura per månad i stället för en per leverans.",
]


def _say(team: Any, actor: Any, text: str) -> Statement:
    conversation = ConversationFactory(team=team, account=AccountFactory(team=team))
    return services.statement_create(team=team, actor=actor, conversation=conversation, text=text)


def _no_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(team: Any) -> ThemeIndex:
        raise AssertionError("the index was rebuilt from the rows")

    monkeypatch.setattr(signal_index, "restore_index", refuse)


def _as_another_process(team: Any, actor: Any, texts: list[str], capture: Any) -> None:
    """Adds made by another process: it has its own index (built from the rows)."""
    mine = signal_index._cache.pop(signal_index.team_key(team))
    with capture(execute=True):
        for text in texts:
            _say(team, actor, text)
    signal_index._cache[signal_index.team_key(team)] = mine


def _assert_same_as_rows(team: Any, index: ThemeIndex) -> None:
    fresh = signal_index.restore_index(team)
    assert index.assignments() == fresh.assignments()
    stored = dict(
        Statement.objects.for_team(team).values_list("id", "theme__key")
    )
    assert index.assignments() == {str(pk): key for pk, key in stored.items()}
    for theme in Theme.objects.for_team(team):
        assert theme.statement_count == len(index.theme(theme.key).statement_ids)
        assert theme.accounts == index.theme(theme.key).accounts


def test_a_process_behind_replays_the_adds_of_another(
    team_a: Any, alice: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _say(team_a, alice, LEAD_TIME[0])
        _say(team_a, alice, INVOICE[0])
    assert signal_index._cache[signal_index.team_key(team_a)][0] == 2
    _as_another_process(team_a, alice, [LEAD_TIME[1], INVOICE[1]], django_capture_on_commit_callbacks)
    assert SignalState.objects.get(team=team_a).version == 4
    with monkeypatch.context() as patch:
        _no_rebuild(patch)
        with django_capture_on_commit_callbacks(execute=True):
            added = _say(team_a, alice, LEAD_TIME[2])
    version, index = signal_index._cache[signal_index.team_key(team_a)]
    assert version == 5
    _assert_same_as_rows(team_a, index)
    # Three independent customers in the lead-time theme, counted by this process.
    assert added.theme is not None
    assert Theme.objects.get(pk=added.theme.pk).accounts == 3
    assert Theme.objects.for_team(team_a).count() == 2


def test_a_gap_in_the_log_means_a_rebuild(
    team_a: Any, alice: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = _say(team_a, alice, LEAD_TIME[0])
        _say(team_a, alice, LEAD_TIME[1])
    first_id = str(first.pk)
    mine = signal_index._cache.pop(signal_index.team_key(team_a))
    # Another process deletes a statement (no replayable add) and adds one.
    with django_capture_on_commit_callbacks(execute=True):
        services.statement_delete(statement=first, actor=alice)
        _say(team_a, alice, LEAD_TIME[2])
    signal_index._cache[signal_index.team_key(team_a)] = mine
    with django_capture_on_commit_callbacks(execute=True):
        added = _say(team_a, alice, LEAD_TIME[3])
    version, index = signal_index._cache[signal_index.team_key(team_a)]
    assert version == SignalState.objects.get(team=team_a).version
    assert first_id not in index.assignments()
    _assert_same_as_rows(team_a, index)
    assert added.theme is not None
    assert Theme.objects.get(pk=added.theme.pk).statement_count == 3


def test_the_log_of_another_team_is_never_replayed(
    team_a: Any, team_b: Any, alice: Any, charlie: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _say(team_a, alice, LEAD_TIME[0])
        _say(team_b, charlie, LEAD_TIME[1])
        _say(team_b, charlie, LEAD_TIME[2])
        _say(team_a, alice, LEAD_TIME[3])
    _version, index = signal_index._cache[signal_index.team_key(team_a)]
    assert len(index) == 2
    _assert_same_as_rows(team_a, index)
    assert set(IndexAdd.objects.filter(team=team_a).values_list("version", flat=True)) == {1, 2}


def test_the_log_keeps_only_recent_adds(
    team_a: Any, alice: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(signal_index, "LOG_KEEP", 2)
    monkeypatch.setattr(signal_index, "LOG_PRUNE_EVERY", 2)
    with django_capture_on_commit_callbacks(execute=True):
        for text in LEAD_TIME:
            _say(team_a, alice, text)
    assert list(IndexAdd.objects.filter(team=team_a).values_list("version", flat=True)) == [3, 4]
    # A process four versions behind cannot replay: it rebuilds, and groups right.
    signal_index._cache[signal_index.team_key(team_a)] = (0, ThemeIndex())
    with django_capture_on_commit_callbacks(execute=True):
        _say(team_a, alice, INVOICE[0])
    _assert_same_as_rows(team_a, signal_index._cache[signal_index.team_key(team_a)][1])


def test_a_warmed_index_serves_the_first_add_after_a_restart(
    team_a: Any, team_b: Any, alice: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for text in LEAD_TIME[:3]:
            _say(team_a, alice, text)
    signal_index.reset()  # a restart: no index in the process
    signal_index.warm_all()
    assert signal_index._cache[signal_index.team_key(team_a)][0] == 3
    assert signal_index.cached(team_b) is None  # no statements, nothing held
    with monkeypatch.context() as patch:
        _no_rebuild(patch)
        with django_capture_on_commit_callbacks(execute=True):
            added = _say(team_a, alice, LEAD_TIME[3])
    assert added.theme is not None
    assert Theme.objects.get(pk=added.theme.pk).statement_count == 4
    _assert_same_as_rows(team_a, signal_index._cache[signal_index.team_key(team_a)][1])


def test_the_warm_up_checks_corroboration_so_the_first_add_need_not(
    team_a: Any, alice: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for text in LEAD_TIME[:3]:
            _say(team_a, alice, text)
    theme = Theme.objects.for_team(team_a).get()
    assert (theme.accounts, theme.level) == (3, "confirmed")
    signal_index.reset()  # a restart
    signal_index.warm(team_a)
    index = signal_index._cache[signal_index.team_key(team_a)][1]
    assert index._corroboration == {theme.key: True}

    def from_scratch(self: ThemeIndex, state: Any) -> Any:
        raise AssertionError("corroboration checked from scratch in the add")

    with monkeypatch.context() as patch:
        patch.setattr(ThemeIndex, "_check_corroboration", from_scratch)
        with django_capture_on_commit_callbacks(execute=True):
            added = _say(team_a, alice, LEAD_TIME[3])
    assert added.theme is not None and added.theme.pk == theme.pk
    assert Theme.objects.get(pk=theme.pk).level == "confirmed"


def test_a_warm_up_that_sees_a_write_reads_again(
    team_a: Any, alice: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _say(team_a, alice, LEAD_TIME[0])
    signal_index.reset()
    restore = signal_index.restore_index
    writes = iter([LEAD_TIME[1]])

    def restore_while_another_writes(team: Any) -> ThemeIndex:
        index = restore(team)
        text = next(writes, None)
        if text is not None:  # committed after the rows were read
            with monkeypatch.context() as patch:
                patch.setattr(signal_index, "restore_index", restore)
                # Another process's add (this one is inside its warm-up, which the
                # other process does not wait for).
                patch.setattr(signal_index, "warm", lambda team: None)
                with django_capture_on_commit_callbacks(execute=True):
                    _say(team_a, alice, text)
            signal_index.reset()
        return index

    monkeypatch.setattr(signal_index, "restore_index", restore_while_another_writes)
    signal_index.warm(team_a)
    version, index = signal_index._cache[signal_index.team_key(team_a)]
    assert version == 2
    assert len(index) == 2


def test_a_writer_in_the_same_transaction_does_not_wait_for_itself(
    team_a: Any, alice: Any
) -> None:
    # Without on-commit callbacks (the test's transaction never commits) each add takes
    # the index out and never puts it back: the next add of the same thread rebuilds at
    # once, without waiting for a checkin that cannot come.
    for text in LEAD_TIME:
        _say(team_a, alice, text)
    assert Theme.objects.for_team(team_a).get().statement_count == 4
    assert not signal_index._recently_out(signal_index.team_key(team_a), by_other=True)


def test_a_statement_joining_a_large_theme_counts_corporate_groups_once(
    team_a: Any, alice: Any
) -> None:
    # From the ninth statement on (not at doubling sizes) a join updates the row from
    # the engine's kept account count, without reading the theme's statements.
    first = AccountFactory(team=team_a)
    parent = AccountFactory(team=team_a)
    child = AccountFactory(team=team_a, parent=parent)
    text = LEAD_TIME[0]
    said = [
        services.statement_create(
            team=team_a,
            actor=alice,
            conversation=ConversationFactory(team=team_a, account=account),
            text=text,
        )
        for account in [first] * 9 + [parent, child]
    ]
    theme = Theme.objects.for_team(team_a).get()
    assert {s.theme_id for s in said} == {theme.pk}
    assert (theme.statement_count, theme.accounts, theme.level) == (11, 2, "alarm")
    services.statement_create(
        team=team_a,
        actor=alice,
        conversation=ConversationFactory(team=team_a, account=AccountFactory(team=team_a)),
        text=text,
    )
    theme.refresh_from_db()
    assert (theme.statement_count, theme.accounts, theme.level) == (12, 3, "confirmed")


def test_a_web_worker_warms_the_indexes_in_the_background_at_start(
    monkeypatch: Any, settings: Any
) -> None:
    from fasit.core.management.commands import fasit_serve

    warmed = []
    monkeypatch.setattr(signal_index, "warm_all", lambda: warmed.append(True))
    app = fasit_serve._gunicorn_app("127.0.0.1:0")
    hook = app.cfg.post_worker_init
    settings.FASIT_SIGNALS_WARM = False
    hook(None)
    settings.FASIT_SIGNALS_WARM = True
    hook(None)
    import threading

    for thread in threading.enumerate():
        if thread.name == "fasit-signals-warm":
            thread.join(timeout=10)
    assert warmed == [True]


def test_an_index_kept_for_a_deleted_team_is_not_used_for_a_new_team_with_its_id(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fasit.testing import TeamFactory

    old = TeamFactory(name="Old", slug="old-team")
    with django_capture_on_commit_callbacks(execute=True):
        _say(old, None, INVOICE[0])
    old_pk = old.pk
    kept = signal_index.cached(old)
    assert kept is not None and kept[0] == 1
    old.delete()
    # The id comes again for another team (SQLite hands it out again after the
    # transaction that took it rolled back; a database restored from a backup).
    new = TeamFactory(id=old_pk, name="New", slug="new-team")
    # A process that never held the old team's index warms the new one and adds
    # twice (log versions 1 and 2).
    mine = dict(signal_index._cache)
    signal_index.reset()
    with django_capture_on_commit_callbacks(execute=True):
        _say(new, None, LEAD_TIME[0])
        _say(new, None, LEAD_TIME[1])
    signal_index.reset()
    signal_index._cache.update(mine)
    # This process still holds the old team's index at version 1: a warm-up must build
    # the new team's, not take the old one for it.
    signal_index.warm(new)
    warmed = signal_index.cached(new)
    assert warmed is not None and warmed[0] == 2
    _assert_same_as_rows(new, warmed[1])
    assert [k for k in signal_index._cache if k[0] == old_pk] == [signal_index.team_key(new)]
    # A writer never replays the new team's log onto the old team's index.
    signal_index.reset()
    signal_index._cache.update(mine)
    with django_capture_on_commit_callbacks(execute=True):
        added = _say(new, None, LEAD_TIME[2])
    current = signal_index.cached(new)
    assert current is not None and current[0] == 3
    assert len(current[1]) == 3
    _assert_same_as_rows(new, current[1])
    assert Theme.objects.get(pk=added.theme_id).statement_count == 3
