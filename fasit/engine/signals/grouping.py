"""Grouping statements into themes: an incremental centroid index and ``group_all``.

Each theme keeps the sum of its statements' unit vectors (its centroid direction) and
the squared norm of that sum, both updated in O(features) when a statement joins or
leaves. Candidate themes for a statement come from an inverted index on its concept
and word features, so adding one statement never looks at every theme, and grouping
from scratch is roughly linear in the number of statements.

``group_all`` runs the same index over all statements in order, then refines: each
statement is taken out and put back where it now fits best (order effects of
leader clustering fade), and themes whose centroids are close are merged.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import io
import math
import pickle
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import repeat
from operator import mul, truediv
from pathlib import Path
from types import MappingProxyType

from fasit.engine.signals.analysis import (
    _NO_HEADS,
    Analysis,
    Lexicon,
    analyse,
    default_lexicon,
)
from fasit.engine.signals.embedding import Embedder
from fasit.engine.signals.labels import theme_label
from fasit.engine.signals.model import Decisions, Statement, Theme, level_for

LABEL_LANGUAGES = ("sv", "nb", "da", "en")
_INDEXED = ("c", "w", "p")  # n-gram features are scored but not used to find candidates
# Word, pivot and pivot-group features also count as *shared evidence*, weighted by
# how rare they are among the statements indexed (see ``ThemeIndex._overlap``).
_EVIDENCE: frozenset[str] = frozenset("wph")
# What a statement and a theme can share that names a matter (not n-grams).
_MATTER: frozenset[str] = frozenset("cwph")


@dataclass(frozen=True)
class GroupingConfig:
    """Knobs of the grouping; the defaults are what the docs and tests assume."""

    threshold: float = 0.30
    merge_threshold: float = 0.36
    refine_passes: int = 2
    embed_weight: float = 0.5
    max_postings: int = 400
    max_candidates: int = 40
    brute_force_themes: int = 300  # with an embedder, compare with all themes up to this
    # Shared rare words and pivots: the IDF-weighted share of a statement's evidence
    # that a theme's members also carry, scaled by this and added to the cosine.
    overlap_weight: float = 1.6
    # Evidence no other statement has yet cannot join anything; it counts this much in
    # the statement's own total.
    unique_weight: float = 0.5
    single_cue: float = 0.5
    # Where only one side, the statement or the theme, names lexicon concepts, the
    # concept block cannot tell whether they speak of the same matter: the other side
    # may say it in words the lexicon does not know (another language, other wording).
    # Their shared rare words and pivots then count in full, as between two statements
    # without concepts, leaving out who speaks (people words). Not in corroboration.
    one_sided_overlap: bool = True
    # Corroboration (a false "confirmed" is the worst mistake): two statements of
    # different accounts corroborate each other when their pairwise similarity is at
    # least this, or when they share two distinct matters (concepts not counting the
    # broader ones they imply, pivots). An account counts toward "confirmed" only if one
    # of its statements corroborates statements of two other accounts.
    corroboration: float = 0.30
    corroboration_anchors: int = 2
    corroboration_one: float = 0.20  # pairwise similarity enough with one shared matter
    corroboration_matter: float = 1.0  # field weight of a pivot that names a matter
    # Statements corroborate each other only if they share something besides the
    # concepts of their settings and lone cues (``Analysis.incidental``).
    corroboration_matters: bool = True
    # ... nor a compound's tail the other statement names without the compound's head
    # (``Analysis.headed``).
    corroboration_heads: bool = True
    # ... nor a word or pivot that many statements of the index carry: the subject of
    # the customers' business ("rooms" at hotels, "cars" at garages), not
    # the matter of one theme. Common: in more than this share of indexed statements and
    # more than ``corroboration_common_floor`` of them (a small index has no common words).
    corroboration_common: float = 0.12
    corroboration_common_floor: int = 6
    # Themes are merged on their centroids' cosine without the words (the same stem,
    # ``w:``) that are common in the sense above: the business's subject ("bild" at
    # photo studios) says nothing about which two themes are one matter, and in a
    # set where most statements carry it, merging on it gathered eleven themes into
    # one (blind32, docs/signals.md, fourteenth part). Pivots and groups still count.
    merge_without_common_words: bool = True
    # The kinds of feature ``merge_without_common_words`` leaves out when common: words
    # and pivots ("wp"; "photo" is the subject in every language, not only as the
    # stem "bild"). Words alone ("w") until the seventeenth part; pivots were left in
    # then because, with two statements examined per account, corroboration confirmed
    # the mid-sized themes the wider rule leaves falsely (docs/signals.md, sixteenth and
    # seventeenth parts). Pivot groups still count ("wph" measured no better).
    merge_common_kinds: str = "wp"
    # Nor, if set, does a statement join a theme when all it shares with it (concepts,
    # words, pivots, groups) is common in that sense: blind32's 35-statement theme grew
    # one join at a time on "photo" and "customer" alone. The value names the kinds of
    # feature that may be common: "wp" (words and pivots) is the measured variant. Off
    # by default: over blind 9-33 in four orders it raised B-cubed F1 a little but added
    # four false "confirmed" claims for five true ones (docs/signals.md, fifteenth part).
    join_without_common_only: str = ""
    corroboration_keys: int = 12  # accounts examined per theme (best fitting first)
    # Statements examined per account: its most typical one (closest to the theme's
    # centroid). With two, an account could count through a second, off-topic statement
    # that shared one stray word or pivot with the others ("padding", docs/signals.md,
    # seventeenth part): an account counts toward "confirmed" by what it mainly says.
    corroboration_per_key: int = 1
    corroboration_members: int = 600  # members examined per theme (the first to join)
    # A theme held at alarm is re-checked through the links of the statements that
    # joined since, until this many statements are examined; then from scratch.
    corroboration_incremental: int = 60


@dataclass
class _ThemeState:
    id: str
    members: dict[str, None] = field(default_factory=dict)
    sums: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    emb: list[float] | None = None
    emb_norm2: float = 0.0
    fixed: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)  # members with each evidence feature
    concept2: float = 0.0  # squared norm of the concept features of ``sums``
    accounts: dict[str, int] = field(default_factory=dict)  # members per independent account
    # Moves on whenever a statement joins or leaves: what was computed from the theme
    # at an earlier generation (``_representatives``) is stale.
    generation: int = 0
    # (generation, best member per language, best member of all) of ``_representatives``
    best: tuple[int, dict[str | None, str], str | None] | None = None


@dataclass
class _Held:
    """What the last corroboration check of a theme held at alarm looked at."""

    chosen: dict[str, list[str]]  # account key -> statements examined
    links: dict[tuple[str, str], bool]  # pair -> corroborates
    new: list[str] = field(default_factory=list)  # joined since


# A statement's evidence (``ThemeIndex._evidence``): its word, pivot and group features,
# their IDF weights, and the weights' total.
_Evidence = tuple[list[str], list[float], float]


def _dot(vector: Mapping[str, float], sums: Mapping[str, float]) -> float:
    # The hottest loop of grouping (every candidate theme of every statement): kept in
    # C by ``map``. The same products summed in the same order as
    # ``sum(x * sums.get(f, 0.0) for f, x in vector.items())``, so the same float.
    total: float = sum(map(mul, vector.values(), map(sums.get, vector, repeat(0.0))))
    return total


def _norm2(vector: Mapping[str, float]) -> float:
    # ``sum(x * x for x in vector.values())`` in C, as ``_dot``: the same float.
    values = vector.values()
    total: float = sum(map(mul, values, values))
    return total


# The layout of ``ThemeIndex.dumps``: moved on whenever the index's attributes change
# in a way ``engine_fingerprint`` cannot see (it already covers every source change).
DUMP_FORMAT = 1
# Attributes a dump leaves out: shared by every index of the process (the lexicon), or
# the caller's (embedder, language detection); ``loads`` is given them again.
_NOT_DUMPED = frozenset({"_lexicon", "_embedder", "_detect"})


@cache
def engine_fingerprint() -> str:
    """What a dumped index depends on besides its statements: the dump format, the
    Python version, the stemmer's version and every source and data file of the
    analysis and grouping (``engine/signals`` with its lexicon, ``engine/text``). A dump
    made under another fingerprint may analyse differently and is never loaded."""
    import Stemmer  # type: ignore[import-not-found]

    digest = hashlib.sha256()
    digest.update(f"{DUMP_FORMAT}|{sys.version_info[:2]}|".encode())
    digest.update(str(getattr(Stemmer, "__version__", "")).encode())
    root = Path(__file__).resolve().parent
    for folder in (root, root.parent / "text"):
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or "tests" in path.parts:
                continue
            if path.suffix in (".pyc", ".pyo"):
                continue
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _proxy(items: dict[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    return MappingProxyType(items) if items else _NO_HEADS


def _reduce_proxy(
    mapping: MappingProxyType[str, frozenset[str]],
) -> tuple[Callable[..., object], tuple[object, ...]]:
    return _proxy, (dict(mapping),)


class ThemeIndex:
    """Themes of one team, kept up to date one statement at a time.

    Typical use from the Django app: ``ThemeIndex.restore(statements, assignments,
    decisions)`` from the database rows, ``add(statement)`` for each new statement
    (returns the theme id to store), and ``merge``/``move``/``dismiss`` when a person
    decides, persisting the returned ``Decisions``.
    """

    def __init__(
        self,
        *,
        decisions: Decisions | None = None,
        config: GroupingConfig | None = None,
        embedder: Embedder | None = None,
        lexicon: Lexicon | None = None,
        detect: Callable[[str], str] | None = None,
    ) -> None:
        self.config = config or GroupingConfig()
        self._lexicon = lexicon or default_lexicon()
        self._embedder = embedder
        self._detect = detect
        decisions = decisions or Decisions()
        self._placements: dict[str, str] = decisions.placement_map()
        self._taught_pairs: list[tuple[str, str]] = list(decisions.taught)
        self._taught: dict[str, tuple[str, ...]] = decisions.taught_map()
        self._dismissed: set[str] = set(decisions.dismissed)
        self._statements: dict[str, Statement] = {}
        self._analysis: dict[str, Analysis] = {}
        self._embedding: dict[str, list[float]] = {}
        self._theme_of: dict[str, str] = {}
        self._themes: dict[str, _ThemeState] = {}
        self._postings: dict[str, dict[str, None]] = {}
        # Document frequency of evidence features over the indexed statements, kept up
        # to date in O(features) as statements are analysed.
        self._df: dict[str, int] = {}
        self._counted: set[str] = set()
        # Per statement: the part of its vector not explained by concepts.
        self._free: dict[str, float] = {}
        # theme id -> corroborated, as last checked. Corroboration only grows when
        # statements join (links are only added), so a True stays until one leaves.
        self._corroboration: dict[str, bool] = {}
        self._held: dict[str, _Held] = {}
        # Common features (``_common_features``) as last computed, and for how many
        # indexed statements: recomputed when the index has grown by a hundredth.
        self._common_cache: tuple[int, frozenset[str]] = (-1, frozenset())

    # --- building ---------------------------------------------------------------------

    @classmethod
    def restore(
        cls,
        statements: Iterable[Statement],
        assignments: Mapping[str, str],
        decisions: Decisions | None = None,
        **kwargs: object,
    ) -> ThemeIndex:
        """Rebuild the index from stored theme ids, without regrouping anything.

        Statements missing from ``assignments`` are added as new (joining or starting
        themes).
        """
        index = cls(decisions=decisions, **kwargs)  # type: ignore[arg-type]
        statements = list(statements)
        # Analyse everything first, so rarity is known before anything is compared.
        for statement in statements:
            index._prepare(statement)
        for statement in statements:
            statement = index._statements[statement.id]
            theme_id = assignments.get(statement.id)
            if theme_id is None:
                index.add(statement)
            else:
                index._insert(statement, theme_id, fixed=statement.id in index._placements)
        return index

    def add(self, statement: Statement) -> str:
        """Put one statement in the best theme above the threshold, or a new one."""
        if statement.id in self._theme_of:
            raise ValueError(f"statement {statement.id!r} is already in the index")
        placed = self._placements.get(statement.id)
        if placed is not None:
            self._insert(statement, placed, fixed=True)
            return placed
        self._prepare(statement)
        best, score = self._best(statement.id)
        if best is not None and score >= self.config.threshold:
            theme_id = best
        else:
            theme_id = self._new_id(statement.id)
        self._join(statement.id, theme_id)
        return theme_id

    def insert(self, statement: Statement, theme_id: str) -> None:
        """Put a statement in the theme it was stored in, as ``restore`` does: for a
        process that replays an add another process made (the same join, no search)."""
        self._insert(statement, theme_id, fixed=statement.id in self._placements)

    def add_many(self, statements: Iterable[Statement]) -> list[str]:
        batch = list(statements)
        self._embed_batch(batch)
        for s in batch:
            if s.id not in self._theme_of:
                self._prepare(s)
        return [self.add(self._statements.get(s.id, s)) for s in batch]

    # --- kept on disk -------------------------------------------------------------------

    def dumps(self) -> bytes:
        """The index as bytes for ``loads``: everything ``restore`` computed (analyses,
        themes, postings, corroboration), without the lexicon, embedder and language
        detection it was made with. Loading one costs a fraction of a restore, which
        analyses every statement again. Only for a store the caller trusts: ``loads``
        unpickles (check the bytes' origin, e.g. with an HMAC, before)."""
        state = {k: v for k, v in self.__dict__.items() if k not in _NOT_DUMPED}
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_proxy}
        pickler.dump((DUMP_FORMAT, state))
        return buffer.getvalue()

    @classmethod
    def loads(
        cls,
        data: bytes,
        *,
        embedder: Embedder | None = None,
        lexicon: Lexicon | None = None,
        detect: Callable[[str], str] | None = None,
    ) -> ThemeIndex:
        """The index ``dumps`` wrote, given the lexicon, embedder and detection it was
        made with (the caller's to match: see ``engine_fingerprint``). Raises
        ``ValueError`` for bytes of another format."""
        # Unpickling makes millions of small containers; the cyclic collector would
        # walk them again and again as they come (2-3 times the load's CPU).
        collecting = gc.isenabled()
        gc.disable()
        try:
            layout, state = pickle.loads(data)  # noqa: S301 (the caller's trusted bytes)
        except Exception as error:
            raise ValueError(f"not a dumped index: {error}") from error
        finally:
            if collecting:
                gc.enable()
        if layout != DUMP_FORMAT or not isinstance(state, dict):
            raise ValueError(f"a dumped index of format {layout!r}, not {DUMP_FORMAT}")
        index = cls.__new__(cls)
        index.__dict__.update(state)
        index._lexicon = lexicon or default_lexicon()
        index._embedder = embedder
        index._detect = detect
        return index

    # --- people's decisions -------------------------------------------------------------

    def merge(self, into: str, other: str) -> Decisions:
        """Merge theme ``other`` into ``into``; both themes' statements are pinned."""
        self._require_theme(into)
        self._require_theme(other)
        if into != other:
            for sid in list(self._themes[other].members):
                self._leave(sid)
                self._join(sid, into)
            if other in self._dismissed:
                self._dismissed.discard(other)
        for sid in self._themes[into].members:
            self._placements[sid] = into
            self._themes[into].fixed.add(sid)
        self._forget_corroboration(into)  # pinned statements corroborate each other
        return self.decisions

    def move(self, statement_id: str, theme_id: str) -> Decisions:
        """Move a statement to a theme (existing or new) and learn from its wording.

        Its content words not explained by the lexicon are mapped to the target theme's
        main concept(s), or to a concept of the theme's own, so that future statements
        worded the same way join the theme.
        """
        if statement_id not in self._statements:
            raise KeyError(statement_id)
        targets = self._main_concepts(theme_id) if theme_id in self._themes else []
        if not targets:
            targets = [f"theme:{theme_id}"]
        self._leave(statement_id)
        for term in self._analysis[statement_id].content:
            if len(term) < 3:
                continue
            for concept in targets:
                if concept not in self._taught.get(term, ()):
                    self._taught[term] = (*self._taught.get(term, ()), concept)
                    self._taught_pairs.append((term, concept))
        self._prepare(self._statements[statement_id], force=True)
        self._join(statement_id, theme_id)
        self._placements[statement_id] = theme_id
        self._themes[theme_id].fixed.add(statement_id)
        self._forget_corroboration(theme_id)
        return self.decisions

    def dismiss(self, theme_id: str) -> Decisions:
        self._require_theme(theme_id)
        self._dismissed.add(theme_id)
        return self.decisions

    @property
    def decisions(self) -> Decisions:
        return Decisions(
            placements=tuple(sorted(self._placements.items())),
            taught=tuple(self._taught_pairs),
            dismissed=frozenset(self._dismissed),
        )

    # --- reading ----------------------------------------------------------------------

    def theme_of(self, statement_id: str) -> str:
        return self._theme_of[statement_id]

    def statement(self, statement_id: str) -> Statement:
        """The statement as indexed (with its detected language filled in)."""
        return self._statements[statement_id]

    def assignments(self) -> dict[str, str]:
        return dict(self._theme_of)

    def __len__(self) -> int:
        return len(self._statements)

    def themes(self, language: str = "en") -> list[Theme]:
        """All themes, the most independent accounts first, labelled in ``language``."""
        out = [self._theme(state, language) for state in self._themes.values()]
        out.sort(key=lambda t: (-t.accounts, -len(t.statement_ids), t.id))
        return out

    def theme(self, theme_id: str, language: str = "en") -> Theme:
        self._require_theme(theme_id)
        return self._theme(self._themes[theme_id], language)

    def account_count(self, theme_id: str) -> int:
        """Independent accounts in the theme (``Theme.accounts``), kept as statements
        join and leave: no pass over the theme's statements."""
        self._require_theme(theme_id)
        return len(self._themes[theme_id].accounts)

    def _theme(self, state: _ThemeState, language: str) -> Theme:
        members = [self._statements[sid] for sid in state.members]
        keys = sorted({s.account_key for s in members})
        concepts = self._main_concepts(state.id)
        corroborated = len(keys) < 3 or self.corroborated(state.id)
        return Theme(
            id=state.id,
            label=theme_label(
                concepts,
                self._representative_words(state, language),
                language,
                self._lexicon,
            ),
            statement_ids=tuple(state.members),
            accounts=len(keys),
            level=level_for(len(keys), corroborated),
            concepts=tuple(concepts),
            account_keys=tuple(keys),
            languages=tuple(sorted({s.language or "" for s in members} - {""})),
            dismissed=state.id in self._dismissed,
            corroborated=corroborated,
        )

    # --- corroboration ------------------------------------------------------------------

    def corroborated(self, theme_id: str) -> bool:
        """Whether three independent accounts of the theme corroborate each other.

        An account counts if one of its statements is close, pair by pair, to
        statements of two other accounts (pairwise similarity ≥ ``corroboration``, or
        two shared matters). A theme whose third account joined only through what the
        theme as a whole carries (one stray shared word, a setting) is not confirmed.
        Bounded: the ``corroboration_keys`` best-fitting accounts and their
        ``corroboration_per_key`` most typical statements (one: what the account mainly
        says in the theme); cached until the theme
        changes.
        """
        self._require_theme(theme_id)
        cached = self._corroboration.get(theme_id)
        if cached:
            return True
        state = self._themes[theme_id]
        held = self._held.get(theme_id)
        if cached is False and held is not None:
            if not held.new:
                return False
            size = sum(len(v) for v in held.chosen.values()) + len(held.new)
            if size <= self.config.corroboration_incremental:
                # Only links of the statements that joined since can have changed the
                # answer: check those (a few pairs), not the whole theme again.
                for sid in held.new:
                    key = self._statements[sid].account_key
                    held.chosen.setdefault(key, []).append(sid)
                held.new.clear()
                result = self._count_corroborated(state, held.chosen, held.links)
                self._remember(theme_id, result, held)
                return result
        result, chosen, links = self._check_corroboration(state)
        self._remember(theme_id, result, _Held(chosen, links))
        return result

    def check_corroboration(self) -> int:
        """Check every theme of three or more independent accounts now (each from
        scratch, as its first ``corroborated`` would), so that later adds find the
        verdict cached: a process warming its index in the background pays for these
        checks there, not in the first add to each theme. Returns how many themes were
        checked."""
        checked = 0
        for theme_id, state in self._themes.items():
            if len(state.accounts) >= 3 and theme_id not in self._corroboration:
                self.corroborated(theme_id)
                checked += 1
        return checked

    def _remember(self, theme_id: str, result: bool, held: _Held) -> None:
        self._corroboration[theme_id] = result
        if result:
            self._held.pop(theme_id, None)
        else:
            self._held[theme_id] = held

    def _forget_corroboration(self, theme_id: str) -> None:
        self._corroboration.pop(theme_id, None)
        self._held.pop(theme_id, None)

    def _check_corroboration(
        self, state: _ThemeState
    ) -> tuple[bool, dict[str, list[str]], dict[tuple[str, str], bool]]:
        cfg = self.config
        by_key: dict[str, list[tuple[float, str]]] = {}
        for n, sid in enumerate(state.members):
            if n >= cfg.corroboration_members:
                break
            fit = _dot(self._analysis[sid].vector, state.sums)
            by_key.setdefault(self._statements[sid].account_key, []).append((fit, sid))
        links: dict[tuple[str, str], bool] = {}
        if len(by_key) < 3:
            return True, {}, links
        ranked = sorted(by_key.items(), key=lambda kv: (-max(f for f, _ in kv[1]), kv[0]))[
            : cfg.corroboration_keys
        ]
        chosen = {
            key: [
                sid
                for _, sid in sorted(items, key=lambda x: (-x[0], x[1]))[
                    : cfg.corroboration_per_key
                ]
            ]
            for key, items in ranked
        }
        return self._count_corroborated(state, chosen, links), chosen, links

    def _count_corroborated(
        self,
        state: _ThemeState,
        chosen: Mapping[str, list[str]],
        links: dict[tuple[str, str], bool],
    ) -> bool:
        """Whether three accounts of ``chosen`` each have a statement linked to
        statements of two other accounts; ``links`` caches pair verdicts."""
        singles: dict[str, _ThemeState] = {}

        def linked(a: str, b: str) -> bool:
            pair = (a, b) if a < b else (b, a)
            found = links.get(pair)
            if found is None:
                # Statements a person put in the theme (moved, merged) are the same
                # matter by their word.
                found = (a in state.fixed and b in state.fixed) or self._corroborates(a, b, singles)
                links[pair] = found
            return found

        counted = 0
        for key, sids in chosen.items():
            for a in sids:
                others = {
                    other
                    for other, bs in chosen.items()
                    if other != key and any(linked(a, b) for b in bs)
                }
                if len(others) >= 2:
                    counted += 1
                    break
            if counted >= 3:
                return True
        return False

    def _corroborates(self, a: str, b: str, singles: dict[str, _ThemeState]) -> bool:
        aa, ab = self._analysis[a], self._analysis[b]
        va, vb = aa.vector, ab.vector
        # What the two share once the concepts of their settings are left out ("i
        # kølerummet", "i källarlagret" beside words about phones or a fall): nothing
        # shared at all, no corroboration, however close the concept block makes them.
        aside = aa.incidental | ab.incidental
        if self.config.corroboration_heads:
            # A compound's tail shared without its head names another thing of the
            # same kind: a coffee machine is not a copier ("kaffe|maskinen",
            # "kopi|maskinen") nor gym equipment ("apparater").
            aside = aside | {
                f
                for x, y in ((aa, ab), (ab, aa))
                for f, heads in x.headed.items()
                if f in y.vector and heads.isdisjoint(y.vector)
            }
        common = max(
            self.config.corroboration_common * len(self._counted),
            float(self.config.corroboration_common_floor),
        )
        shared_common = {
            f for f in va if f[0] in _EVIDENCE and f in vb and self._df.get(f, 0) > common
        }
        aside = aside | shared_common
        if self.config.corroboration_matters and not any(f in vb and f not in aside for f in va):
            return False
        concepts = {f[2:] for f in va if f[0] == "c" and f in vb and f not in aside}
        # Pivots of people, places, time, actions and properties ("guests", "ask",
        # "morning") are the setting of many matters, not the matter: not anchors.
        weights = self._lexicon.pivot_weight
        matter = self.config.corroboration_matter
        anchors = sum(
            1
            for f in va
            if f[0] == "p"
            and f in vb
            and weights.get(f[2:], 1.0) >= matter
            and f not in shared_common
        ) + sum(
            1
            for c in concepts
            if not any(c in self._lexicon.broader(o) for o in concepts if o != c)
        )
        if anchors >= self.config.corroboration_anchors:
            return True
        # One shared matter (a thing, a concept) is enough when the two statements are
        # also close as wholes; without one they must be closer.
        threshold = self.config.corroboration if not anchors else self.config.corroboration_one
        for x, y in ((a, b), (b, a)):
            state = singles.get(y)
            if state is None:
                state = singles[y] = self._single(y)
            if self._similarity(x, state, one_sided=False) < threshold:
                return False
        return True

    def _single(self, sid: str) -> _ThemeState:
        """A theme of one statement, to compare two statements as the index does."""
        vector = self._analysis[sid].vector
        return _ThemeState(
            id=sid,
            members={sid: None},
            sums=dict(vector),
            norm2=sum(x * x for x in vector.values()),
            counts={f: 1 for f in vector if f[0] in _EVIDENCE},
            concept2=sum(x * x for f, x in vector.items() if f[0] == "c"),
            emb=self._embedding.get(sid),
            emb_norm2=1.0 if sid in self._embedding else 0.0,
        )

    def _main_concepts(self, theme_id: str) -> list[str]:
        state = self._themes[theme_id]
        weights = {f[2:]: v for f, v in state.sums.items() if f.startswith("c:")}
        if not weights:
            return []
        top = max(weights.values())
        size = max(1, len(state.members))
        ranked = sorted(weights, key=lambda c: (-weights[c], c))
        # A concept names the theme only if it is close to the top one and carried by a
        # good part of the statements, not by one stray word.
        return [c for c in ranked[:2] if weights[c] >= 0.6 * top and weights[c] / size >= 0.15]

    def _representative_words(self, state: _ThemeState, language: str = "") -> tuple[str, ...]:
        """Words of the statement most typical of the theme; among those said in
        ``language`` if any were, so a label reads in the reader's language."""
        return self._representatives(state, (language,))[language]

    def _representatives(
        self, state: _ThemeState, languages: Iterable[str]
    ) -> dict[str, tuple[str, ...]]:
        """``_representative_words`` for several languages in one pass over the theme
        (each member's fit is computed once, not once per language: a large theme's
        labels are a pass over its statements)."""
        if state.best is None or state.best[0] != state.generation:
            best_all: tuple[float, str] | None = None
            best: dict[str | None, tuple[float, str]] = {}
            for sid in state.members:
                score = _dot(self._analysis[sid].vector, state.sums)
                if best_all is None or score > best_all[0]:
                    best_all = (score, sid)
                lang = self._statements[sid].language
                found = best.get(lang)
                if found is None or score > found[0]:
                    best[lang] = (score, sid)
            # Kept until the theme changes: the app asks for the theme and then for its
            # labels after the same add.
            state.best = (
                state.generation,
                {lang: sid for lang, (_, sid) in best.items()},
                best_all[1] if best_all else None,
            )
        _, per_language, overall = state.best
        out: dict[str, tuple[str, ...]] = {}
        for language in languages:
            chosen = per_language.get(language, overall)
            out[language] = self._analysis[chosen].words if chosen is not None else ()
        return out

    def labels(self, theme_id: str) -> dict[str, str]:
        """The theme's label in each of sv, nb, da and en."""
        self._require_theme(theme_id)
        state = self._themes[theme_id]
        concepts = self._main_concepts(theme_id)
        words = self._representatives(state, LABEL_LANGUAGES)
        return {
            lang: theme_label(concepts, words[lang], lang, self._lexicon)
            for lang in LABEL_LANGUAGES
        }

    # --- internals --------------------------------------------------------------------

    def _require_theme(self, theme_id: str) -> None:
        if theme_id not in self._themes:
            raise KeyError(f"no theme {theme_id!r}")

    def _new_id(self, statement_id: str) -> str:
        candidate = f"t-{statement_id}"
        n = 2
        while candidate in self._themes:
            candidate = f"t-{statement_id}-{n}"
            n += 1
        return candidate

    def _language(self, statement: Statement) -> str:
        if statement.language:
            return statement.language
        if self._detect is None:
            from fasit.engine.text.language import detect_language

            self._detect = detect_language
        return self._detect(statement.text)

    def _prepare(self, statement: Statement, *, force: bool = False) -> None:
        if statement.id in self._analysis and not force:
            return
        language = self._language(statement)
        if statement.language is None:
            statement = replace(statement, language=language)
        self._statements[statement.id] = statement
        if statement.id in self._counted:
            self._count(self._analysis[statement.id].vector, -1)
        self._analysis[statement.id] = analyse(
            statement.text, language, lexicon=self._lexicon, taught=self._taught
        )
        vector = self._analysis[statement.id].vector
        self._count(vector, 1)
        self._free[statement.id] = 1.0 - sum(x * x for f, x in vector.items() if f[0] == "c")
        self._counted.add(statement.id)
        if self._embedder is not None and statement.id not in self._embedding:
            self._embed_batch([statement])

    def _count(self, vector: Mapping[str, float], delta: int) -> None:
        df = self._df
        for f in vector:
            if f[0] in _EVIDENCE:
                df[f] = df.get(f, 0) + delta

    def _embed_batch(self, statements: Sequence[Statement]) -> None:
        if self._embedder is None:
            return
        todo = [s for s in statements if s.id not in self._embedding]
        if not todo:
            return
        for s, vec in zip(todo, self._embedder.embed([s.text for s in todo]), strict=True):
            norm = math.sqrt(sum(v * v for v in vec)) or 1.0
            self._embedding[s.id] = [v / norm for v in vec]

    def _insert(self, statement: Statement, theme_id: str, *, fixed: bool) -> None:
        if statement.id in self._theme_of:
            raise ValueError(f"statement {statement.id!r} is already in the index")
        self._prepare(statement)
        self._join(statement.id, theme_id)
        if fixed:
            self._themes[theme_id].fixed.add(statement.id)
            self._forget_corroboration(theme_id)

    def _join(self, sid: str, theme_id: str) -> None:
        held = self._held.get(theme_id)
        if held is not None:
            held.new.append(sid)
        state = self._themes.get(theme_id)
        if state is None:
            state = self._themes[theme_id] = _ThemeState(theme_id)
        state.generation += 1
        vector = self._analysis[sid].vector
        sums = state.sums
        dot = _dot(vector, sums)
        state.norm2 += 2 * dot + _norm2(vector)
        counts = state.counts
        postings = self._postings
        for f, x in vector.items():
            kind = f[0]
            if kind == "c":
                state.concept2 += 2 * x * sums.get(f, 0.0) + x * x
            sums[f] = sums.get(f, 0.0) + x
            if kind in _INDEXED:
                postings.setdefault(f, {})[theme_id] = None
            if kind in _EVIDENCE:
                counts[f] = counts.get(f, 0) + 1
        emb = self._embedding.get(sid)
        if emb is not None:
            if state.emb is None:
                state.emb = [0.0] * len(emb)
            edot = sum(a * b for a, b in zip(emb, state.emb, strict=True))
            state.emb_norm2 += 2 * edot + 1.0
            state.emb = [a + b for a, b in zip(state.emb, emb, strict=True)]
        state.members[sid] = None
        key = self._statements[sid].account_key
        state.accounts[key] = state.accounts.get(key, 0) + 1
        self._theme_of[sid] = theme_id

    def _leave(self, sid: str) -> None:
        theme_id = self._theme_of.pop(sid)
        self._forget_corroboration(theme_id)
        state = self._themes[theme_id]
        state.generation += 1
        del state.members[sid]
        state.fixed.discard(sid)
        if not state.members:
            self._drop(theme_id)
            return
        key = self._statements[sid].account_key
        if state.accounts[key] > 1:
            state.accounts[key] -= 1
        else:
            del state.accounts[key]
        vector = self._analysis[sid].vector
        # |s - v|² = |s|² - 2 s·v + |v|², in O(features of the statement): a large
        # theme is not summed over again each time one statement leaves it.
        sums = state.sums
        state.norm2 -= 2 * _dot(vector, sums) - _norm2(vector)
        counts = state.counts
        for f, x in vector.items():
            kind = f[0]
            if kind == "c":
                state.concept2 -= 2 * x * sums.get(f, 0.0) - x * x
            if kind in _EVIDENCE:
                n = counts.get(f, 0) - 1
                if n > 0:
                    counts[f] = n
                else:
                    counts.pop(f, None)
            left = sums.get(f, 0.0) - x
            if left > 1e-9:
                sums[f] = left
            else:
                sums.pop(f, None)
                posting = self._postings.get(f)
                if posting is not None:
                    posting.pop(theme_id, None)
        state.norm2 = max(0.0, state.norm2)
        state.concept2 = max(0.0, state.concept2)
        emb = self._embedding.get(sid)
        if emb is not None and state.emb is not None:
            state.emb = [a - b for a, b in zip(state.emb, emb, strict=True)]
            state.emb_norm2 = max(0.0, sum(v * v for v in state.emb))

    def _drop(self, theme_id: str) -> None:
        state = self._themes.pop(theme_id)
        for f in state.sums:
            posting = self._postings.get(f)
            if posting is not None:
                posting.pop(theme_id, None)
                if not posting:
                    del self._postings[f]

    def _evidence(self, vector: Mapping[str, float]) -> _Evidence:
        """The statement's evidence features, their IDF weights (in the same order), and
        their total (``_overlap``'s denominator). Depends on the statement and the
        document frequencies only, not on the theme: ``_similarities`` computes it once
        per statement instead of once per candidate theme."""
        df = self._df
        n = len(self._counted) + 1
        unique = self.config.unique_weight
        features: list[str] = []
        weights: list[float] = []
        total = 0.0
        for f, x in vector.items():
            if f[0] not in _EVIDENCE:
                continue
            d = df.get(f, 1)
            w = x * math.log(1.0 + n / d)
            features.append(f)
            weights.append(w)
            total += w if d > 1 else w * unique
        return features, weights, total

    def _overlap(
        self,
        vector: Mapping[str, float],
        state: _ThemeState,
        evidence: _Evidence | None = None,
    ) -> float:
        """IDF-weighted share of a statement's word/pivot evidence the theme carries.

        Each evidence feature counts by how many of the theme's members have it and by
        its IDF: a rare word most members share (a place, a product, a piece of jargon)
        is strong evidence, a common one weak. ``evidence`` is ``_evidence(vector)``
        if the caller has it already.
        """
        return self._overlaps(vector, state, evidence)[0]

    def _overlaps(
        self,
        vector: Mapping[str, float],
        state: _ThemeState,
        evidence: _Evidence | None = None,
        aside: frozenset[str] = frozenset(),
    ) -> tuple[float, float]:
        """``_overlap``, and the same with the features in ``aside`` not counted as
        shared, in one pass."""
        size = len(state.members)
        if not size or not state.counts:
            return 0.0, 0.0
        features, weights, total = evidence if evidence is not None else self._evidence(vector)
        if not total:
            return 0.0, 0.0
        found = list(map(state.counts.get, features, repeat(0)))
        hits = len(found) - found.count(0)
        if not hits:
            return 0.0, 0.0
        # Kept in C (once per candidate theme of every statement): the terms
        # w * members with it / size, added in the statement's order. A feature the
        # theme lacks adds 0.0, which leaves a sum of non-negative terms as it was, so
        # the float is the one a loop over the shared features alone gives.
        shared: float = sum(map(truediv, map(mul, weights, found), repeat(size)))
        if aside:
            kept = 0.0
            kept_hits = 0
            for f, w, c in zip(features, weights, found, strict=True):
                if c and f not in aside:
                    kept += w * c / size
                    kept_hits += 1
        else:
            kept, kept_hits = shared, hits
        # One shared word alone (without its broader group) is a weaker cue than two.
        cue = self.config.single_cue
        return (
            shared / total * (1.0 if hits > 1 else cue),
            kept / total * (1.0 if kept_hits > 1 else cue),
        )

    def _similarity(self, sid: str, state: _ThemeState, *, one_sided: bool = True) -> float:
        return self._similarities(sid, (state,), one_sided=one_sided)[0]

    def _similarities(
        self, sid: str, states: Iterable[_ThemeState], *, one_sided: bool = True
    ) -> list[float]:
        """The statement's similarity to each theme. One pass for all the candidates
        of a statement (``_best``): nothing joins or leaves meanwhile, so what depends
        on the statement alone (its vector, free share, evidence weights) is looked up
        once, not once per theme. ``one_sided``: apply
        ``GroupingConfig.one_sided_overlap`` (grouping does, corroboration does not)."""
        cfg = self.config
        analysis = self._analysis[sid]
        vector = analysis.vector
        overlap_weight = cfg.overlap_weight
        own_free = self._free[sid]
        # The statement's side of the one-sided test (see ``one_sided_overlap``): it has
        # words to share, and whether it names concepts.
        one_sided = one_sided and cfg.one_sided_overlap and own_free > 0.05
        own_concepts = own_free < 1.0 - 1e-9
        emb = self._embedding.get(sid)
        w = cfg.embed_weight
        evidence: _Evidence | None = None
        # The statement's matters that are not the business's subject: if it carries
        # common ones, a theme must share one of the others (``join_without_common_only``).
        matters: list[str] | None = None
        if cfg.join_without_common_only:
            common = self._common_features()
            if common and any(f in common for f in vector):
                matters = [f for f in vector if f[0] in _MATTER and f not in common]
        out: list[float] = []
        for state in states:
            if state.norm2 <= 0:
                out.append(0.0)
                continue
            if matters is not None and not any(f in state.sums for f in matters):
                out.append(0.0)
                continue
            lexical = _dot(vector, state.sums) / math.sqrt(state.norm2)
            if overlap_weight:
                # Shared words weigh in as far as the statement is not already explained
                # by lexicon concepts (whose evidence is the cosine's concept block).
                free = own_free * (1.0 - state.concept2 / state.norm2)
                # ... unless only one side names concepts (see ``one_sided_overlap``).
                sided = (
                    one_sided
                    and state.norm2 - state.concept2 > 1e-9
                    and own_concepts != (state.concept2 > 1e-9 * state.norm2)
                )
                if free > 0.05 or sided:
                    if evidence is None:
                        evidence = self._evidence(vector)
                    aside = analysis.incidental if sided else frozenset()
                    overlap, without_people = self._overlaps(vector, state, evidence, aside)
                    if free > 0.05:
                        lexical += overlap_weight * free * overlap
                    if sided:
                        lexical = max(lexical, overlap_weight * without_people)
            if emb is None or state.emb is None or state.emb_norm2 <= 0:
                out.append(lexical)
                continue
            cos = sum(a * b for a, b in zip(emb, state.emb, strict=True)) / math.sqrt(
                state.emb_norm2
            )
            out.append((1 - w) * lexical + w * cos)
        return out

    def _candidates(self, vector: Mapping[str, float]) -> set[str]:
        cap = self.config.max_postings
        postings = self._postings
        found: set[str] = set()
        for f in vector:
            if f[0] not in _INDEXED:
                continue
            posting = postings.get(f)
            if not posting:
                continue
            if len(posting) <= cap:
                found.update(posting)
            else:
                # A very common feature alone says little; its oldest themes (the
                # ones that grew first) are the likely homes.
                for n, theme_id in enumerate(posting):
                    if n >= cap:
                        break
                    found.add(theme_id)
        if self._embedder is not None and len(self._themes) <= self.config.brute_force_themes:
            found.update(self._themes)
        return found

    def _best(self, sid: str, exclude: str | None = None) -> tuple[str | None, float]:
        themes = self._themes
        ids = [t for t in self._candidates(self._analysis[sid].vector) if t != exclude]
        best: str | None = None
        best_score = 0.0
        scores = self._similarities(sid, [themes[t] for t in ids])
        for theme_id, score in zip(ids, scores, strict=True):
            if score > best_score or (score == best_score and best is not None and theme_id < best):
                best, best_score = theme_id, score
        return best, best_score

    # --- group_all --------------------------------------------------------------------

    def refine(self) -> None:
        """Re-seat statements where they fit best now, then merge close themes."""
        for _ in range(self.config.refine_passes):
            moved = 0
            for sid in list(self._theme_of):
                own = self._theme_of[sid]
                if sid in self._themes[own].fixed or len(self._themes[own].members) == 1:
                    continue
                self._leave(sid)
                best, score = self._best(sid)
                if best is not None and score >= self.config.threshold:
                    target = best
                else:
                    target = own if own not in self._themes else self._new_id(sid)
                self._join(sid, target)
                moved += target != own
            if not moved:
                break
        self._merge_close()

    def _common_words(self, kinds: str = "w") -> frozenset[str]:
        """Features of ``kinds`` (words, ``w:``, by default) more of the indexed
        statements carry than ``corroboration_common`` of them (and more than its floor)."""
        cfg = self.config
        common = max(
            cfg.corroboration_common * len(self._counted), float(cfg.corroboration_common_floor)
        )
        return frozenset(f for f, d in self._df.items() if f[0] in kinds and d > common)

    def _common_features(self) -> frozenset[str]:
        """``_common_words`` for the feature kinds of ``join_without_common_only``,
        cached while the index grows by less than a hundredth (one ``add`` does not
        scan every document frequency)."""
        n = len(self._counted)
        seen, common = self._common_cache
        if seen >= 0 and abs(n - seen) <= max(0, n // 100):
            return common
        cfg = self.config
        kinds = cfg.join_without_common_only
        floor = max(cfg.corroboration_common * n, float(cfg.corroboration_common_floor))
        common = frozenset(f for f, d in self._df.items() if f[0] in kinds and d > floor)
        self._common_cache = (n, common)
        return common

    def _merge_close(self) -> None:
        # The index does not change its statements while merging, so the document
        # frequencies and the common words are fixed for the whole pass.
        cfg = self.config
        common = (
            self._common_words(cfg.merge_common_kinds)
            if cfg.merge_without_common_words
            else frozenset()
        )
        changed = True
        while changed:
            changed = False
            for theme_id in sorted(self._themes, key=lambda t: -len(self._themes[t].members)):
                state = self._themes.get(theme_id)
                if state is None or state.norm2 <= 0:
                    continue
                scale = math.sqrt(state.norm2)
                centroid = {f: v / scale for f, v in state.sums.items() if f not in common}
                best: str | None = None
                best_score = self.config.merge_threshold
                for other in self._candidates(centroid):
                    if other == theme_id:
                        continue
                    ostate = self._themes[other]
                    if ostate.norm2 <= 0 or (state.fixed and ostate.fixed):
                        continue
                    score = _dot(centroid, ostate.sums) / math.sqrt(ostate.norm2)
                    if score >= best_score:
                        best, best_score = other, score
                if best is None:
                    continue
                keep, gone = (
                    (theme_id, best)
                    if (bool(state.fixed), len(state.members))
                    >= (
                        bool(self._themes[best].fixed),
                        len(self._themes[best].members),
                    )
                    else (best, theme_id)
                )
                for sid in list(self._themes[gone].members):
                    self._leave(sid)
                    self._join(sid, keep)
                changed = True


def group_all(
    statements: Iterable[Statement],
    *,
    decisions: Decisions | None = None,
    config: GroupingConfig | None = None,
    embedder: Embedder | None = None,
    language: str = "en",
    lexicon: Lexicon | None = None,
) -> list[Theme]:
    """Group statements from scratch; every statement ends in exactly one theme.

    Statements placed by people (``decisions.placements``) are seeded first and never
    moved; the rest join them or each other.
    """
    index = build_index(
        statements, decisions=decisions, config=config, embedder=embedder, lexicon=lexicon
    )
    return index.themes(language)


def build_index(
    statements: Iterable[Statement],
    *,
    decisions: Decisions | None = None,
    config: GroupingConfig | None = None,
    embedder: Embedder | None = None,
    lexicon: Lexicon | None = None,
) -> ThemeIndex:
    """``group_all`` but returning the index, for callers that go on adding."""
    index = ThemeIndex(decisions=decisions, config=config, embedder=embedder, lexicon=lexicon)
    batch = list(statements)
    placed = index.decisions.placement_map()
    seeds = [s for s in batch if s.id in placed]
    rest = [s for s in batch if s.id not in placed]
    index.add_many(seeds)
    index.add_many(rest)
    index.refine()
    return index


def account_count(statements: Iterable[Statement]) -> int:
    """Independent accounts behind statements (one corporate group counts once)."""
    return len(Counter(s.account_key for s in statements))
