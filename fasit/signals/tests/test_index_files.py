"""The signal index kept on disk: a process that starts loads the index another built
(and replays the adds logged since) instead of analysing every statement again, and
never uses a file that is not exactly the team's current index: another team's, another
engine's, a changed or truncated one, one behind a delete or an erasure."""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from fasit.engine.signals import ThemeIndex
from fasit.signals import index as signal_index
from fasit.signals import services
from fasit.signals.models import SignalState, Statement
from fasit.testing import AccountFactory, ConversationFactory, TeamFactory

from .test_index_cache import INVOICE, LEAD_TIME, _assert_same_as_rows

OTHER = [
    "Vi vil gjerne kunne betale per time i stedet for et fast månedsbeløp.",
    "We would like to pay per hour rather than a fixed monthly fee.",
    "Vi vill kunna betala per timme i stället för en fast månadsavgift.",
]


@pytest.fixture
def files(settings: Any, tmp_path: Path) -> Path:
    folder = tmp_path / "signal-index"
    settings.FASIT_SIGNALS_INDEX_DIR = str(folder)
    return folder


class Builds:
    """Counts the builds from the rows (``restore_index``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = signal_index.restore_index

        def counted(team: Any) -> ThemeIndex:
            self.count += 1
            return real(team)

        monkeypatch.setattr(signal_index, "restore_index", counted)


def _say(team: Any, text: str, capture: Any, account: Any = None) -> Statement:
    account = account or AccountFactory(team=team)
    conversation = ConversationFactory(team=team, account=account)
    with capture(execute=True):
        return services.statement_create(
            team=team, actor=None, conversation=conversation, text=text
        )


def _restart() -> None:
    """A new process: nothing cached in memory."""
    signal_index.reset()


def _same_answers(a: ThemeIndex, b: ThemeIndex) -> None:
    assert a.assignments() == b.assignments()
    assert a.decisions == b.decisions
    themes_a = {t.id: t for t in a.themes()}
    themes_b = {t.id: t for t in b.themes()}
    assert themes_a == themes_b
    for theme_id in themes_a:
        assert a.corroborated(theme_id) == b.corroborated(theme_id)
        assert a.account_count(theme_id) == b.account_count(theme_id)
        assert a.labels(theme_id) == b.labels(theme_id)


def _no_files() -> None:
    """A first start: no index file yet (the adds above wrote one at their warm-up)."""
    shutil.rmtree(Path(signal_index._store()), ignore_errors=True)  # type: ignore[arg-type]


def _team_with_statements(team: Any, capture: Any) -> list[Statement]:
    said = [_say(team, text, capture) for text in LEAD_TIME + INVOICE]
    _no_files()
    return said


def test_a_started_process_loads_the_index_another_built(
    team_a: Any, files: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(team_a)  # the first process builds and writes the file
    assert builds.count == 1
    path = signal_index.index_file(team_a)
    assert path is not None and path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    built = signal_index.cached(team_a)
    assert built is not None

    _restart()
    signal_index.warm(team_a)  # the next loads it
    assert builds.count == 1
    loaded = signal_index.cached(team_a)
    assert loaded is not None and loaded[0] == built[0] == 6
    _same_answers(loaded[1], built[1])
    _same_answers(loaded[1], signal_index.restore_index(team_a))
    _assert_same_as_rows(team_a, loaded[1])
    # And it goes on as a rebuilt one would: the next add lands in the same theme.
    rebuilt = signal_index.restore_index(team_a)
    before = builds.count
    added = _say(team_a, OTHER[0], django_capture_on_commit_callbacks)
    assert builds.count == before  # the add used the loaded index
    statement = signal_index.engine_statement(
        Statement.objects.filter(pk=added.pk).values(*signal_index.STATEMENT_FIELDS)[0], {}
    )
    assert rebuilt.add(statement) == added.theme.key  # type: ignore[union-attr]


def test_a_restart_replays_the_adds_since_the_file_and_writes_it_again(
    team_a: Any, files: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    signal_index.warm(team_a)  # file at version 6
    for text in OTHER:  # another process adds three (logged)
        _say(team_a, text, django_capture_on_commit_callbacks)
    assert SignalState.objects.get(team=team_a).version == 9
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(team_a)
    assert builds.count == 0
    loaded = signal_index.cached(team_a)
    assert loaded is not None and loaded[0] == 9
    _assert_same_as_rows(team_a, loaded[1])
    _same_answers(loaded[1], signal_index.restore_index(team_a))
    read = signal_index._read_file(team_a)
    assert read is not None and read[0] == 9  # written again: the next start replays none


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage"])
def test_a_changed_or_truncated_file_is_rebuilt(
    team_a: Any,
    files: Path,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: Any,
    damage: str,
) -> None:
    _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    signal_index.warm(team_a)
    path = signal_index.index_file(team_a)
    assert path is not None
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-100] ^= 0x01
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"\x80\x04not a pickle at all")
    path.write_bytes(bytes(data))
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(team_a)
    assert builds.count == 1
    warmed = signal_index.cached(team_a)
    assert warmed is not None
    _assert_same_as_rows(team_a, warmed[1])
    assert signal_index._read_file(team_a) is not None  # a good file again


def test_a_file_signed_with_another_key_is_not_loaded(
    team_a: Any,
    files: Path,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: Any,
    settings: Any,
) -> None:
    _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    signal_index.warm(team_a)
    settings.SECRET_KEY = "another installation's key, long enough to be a real one"
    assert signal_index._read_file(team_a) is None


def test_a_file_of_another_engine_is_rebuilt(
    team_a: Any, files: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    signal_index.warm(team_a)
    monkeypatch.setattr(signal_index, "engine_fingerprint", lambda: "another engine")
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(team_a)
    assert builds.count == 1
    read = signal_index._read_file(team_a)
    assert read is not None  # rewritten under this engine's fingerprint


def test_a_file_of_another_embedding_model_is_not_loaded(
    team_a: Any, files: Path, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    signal_index.warm(team_a)
    assert signal_index._read_file(team_a) is not None
    assert signal_index._header(team_a, 0)["embedding"] == ""
    settings.FASIT_EMBEDDING_MODEL = "/models/some-model"
    assert signal_index._read_file(team_a) is None


def test_an_index_of_one_team_is_never_loaded_for_another(
    team_a: Any,
    team_b: Any,
    files: Path,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: Any,
) -> None:
    _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _say(team_b, OTHER[0], django_capture_on_commit_callbacks)
    _no_files()
    _restart()
    signal_index.warm(team_a)
    path_a, path_b = signal_index.index_file(team_a), signal_index.index_file(team_b)
    assert path_a is not None and path_b is not None and path_a != path_b
    # Team A's file put where team B's belongs (a copy, a mix-up) is refused.
    shutil.copy(path_a, path_b)
    assert signal_index._read_file(team_b) is None
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(team_b)
    assert builds.count == 1
    warmed = signal_index.cached(team_b)
    assert warmed is not None and len(warmed[1]) == 1
    _assert_same_as_rows(team_b, warmed[1])


def test_a_new_team_with_a_former_teams_id_never_loads_its_file(
    db: Any, files: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    old = TeamFactory(name="Old", slug="old-team")
    for text in LEAD_TIME:
        _say(old, text, django_capture_on_commit_callbacks)
    _no_files()
    _restart()
    signal_index.warm(old)
    old_path = signal_index.index_file(old)
    assert old_path is not None and old_path.exists()
    old_pk = old.pk
    kept = old_path.read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        old.delete()
    assert not old_path.exists()  # a deleted team's file goes with it
    old_path.write_bytes(kept)  # ... but say a copy of it were still there
    new = TeamFactory(id=old_pk, name="New", slug="new-team")
    new_path = signal_index.index_file(new)
    assert new_path is not None
    if new.created_at != old.created_at:
        assert new_path != old_path
    # Even the old file under the new team's name is refused unless every statement
    # and theme matches the new team's rows.
    _say(new, INVOICE[0], django_capture_on_commit_callbacks)
    shutil.copy(old_path, new_path)
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(new)
    assert builds.count == 1
    warmed = signal_index.cached(new)
    assert warmed is not None and len(warmed[1]) == 1
    _assert_same_as_rows(new, warmed[1])


def test_a_delete_removes_the_file_and_a_stale_copy_is_never_used(
    team_a: Any, files: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    said = _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    signal_index.warm(team_a)
    path = signal_index.index_file(team_a)
    assert path is not None
    stale = path.read_bytes()
    gone = said[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.statement_delete(statement=gone, actor=None)
    assert not path.exists()
    # A copy written before the delete (a process that saved just before it) is
    # behind by a change the log cannot replay: never loaded.
    path.write_bytes(stale)
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(team_a)
    assert builds.count == 1
    warmed = signal_index.cached(team_a)
    assert warmed is not None and str(gone.pk) not in warmed[1].assignments()
    _assert_same_as_rows(team_a, warmed[1])
    assert gone.text.encode() not in path.read_bytes()


def test_an_erasure_leaves_no_file_with_the_erased_statements(
    team_a: Any, files: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    said = _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    signal_index.warm(team_a)
    path = signal_index.index_file(team_a)
    assert path is not None
    stale = path.read_bytes()
    erased = said[1]
    assert erased.text.encode() in stale
    with django_capture_on_commit_callbacks(execute=True):
        services.statements_forget(team=team_a, statement_ids=[erased.pk])
    assert not path.exists()
    # Only adds since the file may be replayed: the erasure is a gap.
    path.write_bytes(stale)
    _say(team_a, OTHER[0], django_capture_on_commit_callbacks)  # version moves on by an add
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(team_a)
    assert builds.count == 1
    warmed = signal_index.cached(team_a)
    assert warmed is not None and str(erased.pk) not in warmed[1].assignments()
    _assert_same_as_rows(team_a, warmed[1])
    assert erased.text.encode() not in path.read_bytes()


def test_a_file_ahead_of_the_database_is_dropped(
    team_a: Any, files: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    signal_index.warm(team_a)
    # The database went back (restored from a backup taken before the last add).
    SignalState.objects.filter(team=team_a).update(version=3)
    _restart()
    builds = Builds(monkeypatch)
    signal_index.warm(team_a)
    assert builds.count == 1


def test_a_file_written_while_an_erasure_committed_is_deleted(
    team_a: Any, files: Path, django_capture_on_commit_callbacks: Any
) -> None:
    said = _team_with_statements(team_a, django_capture_on_commit_callbacks)
    _restart()
    index = signal_index.restore_index(team_a)
    version = SignalState.objects.get(team=team_a).version
    # The erasure commits (deleting any file) while the index above is still being
    # built; then the build's file is written.
    with django_capture_on_commit_callbacks(execute=True):
        services.statements_forget(team=team_a, statement_ids=[said[0].pk])
    signal_index.save_index(team_a, version, index)
    path = signal_index.index_file(team_a)
    assert path is not None and not path.exists()
    # An add since the build is no reason to drop it (the log replays it).
    index = signal_index.restore_index(team_a)
    version = SignalState.objects.get(team=team_a).version
    _say(team_a, OTHER[0], django_capture_on_commit_callbacks)
    signal_index.save_index(team_a, version, index)
    assert path.exists()


@pytest.mark.django_db(transaction=True)
def test_processes_take_turns_one_builds_the_others_load(
    files: Path, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    team = TeamFactory(name="Turns", slug="turns")
    for text in LEAD_TIME + INVOICE:
        _say(team, text, django_capture_on_commit_callbacks)
    _no_files()
    _restart()
    builds = Builds(monkeypatch)
    results: list[Any] = []

    def another_process() -> None:
        from django.db import connections

        try:
            # Its own builder locks (another process's memory), the same lock file.
            signal_index.warm(team)
            results.append(signal_index.cached(team))
        finally:
            connections.close_all()

    # This "process" holds the team's lock file while it builds; the other waits.
    with signal_index._file_lock(team):
        thread = threading.Thread(target=another_process)
        thread.start()
        thread.join(timeout=0.5)
        assert thread.is_alive()  # waiting for the lock, not building
        assert builds.count == 0
        index = signal_index.restore_index(team)
        signal_index.save_index(team, SignalState.objects.get(team=team).version, index)
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert builds.count == 1  # ours; the other loaded the file
    assert results and results[0] is not None
    _same_answers(results[0][1], index)
    # No temporary files left behind, and no lock file: each let go of it deleted it,
    # the one that waited on it too (it opened the name again and made a new one).
    assert sorted(p.suffix for p in files.iterdir()) == [".index"]
    assert not [p for p in files.iterdir() if p.name.startswith(".tmp-")]
    assert os.stat(files).st_mode & 0o077 == 0


def test_a_lock_file_deleted_under_a_waiter_is_opened_again(tmp_path: Path) -> None:
    """The holder deletes the lock file as it lets go; a process that waited on it gets
    a file no longer in the folder, so it opens the name again and queues behind the
    process that made the new file, instead of working beside it."""
    import fcntl

    lock = tmp_path / "team-1.lock"
    first = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(first, fcntl.LOCK_EX)
    inside: list[str] = []

    def waiter() -> None:
        with signal_index._held(lock):
            inside.append("waiter")

    thread = threading.Thread(target=waiter)
    thread.start()
    thread.join(timeout=0.5)
    assert thread.is_alive()  # waiting on the first file
    # The first holder deletes the file and lets go; meanwhile a third made the name
    # again and holds that file.
    os.unlink(lock)
    third = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(third, fcntl.LOCK_EX)
    os.close(first)
    thread.join(timeout=0.5)
    assert thread.is_alive()  # got the deleted file, saw it, and queues on the new one
    assert inside == []
    inside.append("third")
    os.unlink(lock)
    os.close(third)
    thread.join(timeout=30)
    assert inside == ["third", "waiter"]
    assert not lock.exists()  # the waiter deleted the file it made as it let go


@pytest.mark.django_db
def test_a_lock_file_left_by_a_killed_process_goes_with_its_team(
    files: Path, django_capture_on_commit_callbacks: Any
) -> None:
    team = TeamFactory(name="Gone", slug="gone")
    path = signal_index.index_file(team)
    assert path is not None
    with signal_index._file_lock(team):
        assert path.with_suffix(".lock").exists()
    assert not path.with_suffix(".lock").exists()  # deleted as it was let go
    files.mkdir(exist_ok=True)
    path.with_suffix(".lock").touch()  # as a process killed holding it leaves it
    path.touch()
    with django_capture_on_commit_callbacks(execute=True):
        team.delete()
    assert list(files.iterdir()) == []
    # One held is left to its holder.
    held = files / "held.lock"
    with signal_index._held(held):
        signal_index.discard_lock_file(held)
        assert held.exists()
    assert not held.exists()
