"""py3langid's model, loaded in milliseconds rather than half a second.

py3langid ships its model LZMA-compressed (4.5 MB, 68 MB unpacked); unpacking it is
about 0.5 s of CPU, paid by every process that detects a language: `fasit listen` took
0.6–0.75 s for 34 ms of analysis. The first process to need the model therefore keeps
its arrays, unpacked, as NumPy files in a cache directory; every later process maps
them (``mmap``), which costs a few milliseconds. The arrays are the same, so the
results are identical. The cache is derived data: deleting it only costs the next
process the unpacking again. When it cannot be written (a read-only home) the model
is unpacked in memory as before.

Where: ``$FASIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/fasit``, else ``~/.cache/fasit``;
one folder per model file (named by its size and modification time), so a new
py3langid release gets a fresh copy.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

_FILES = ("ptc", "pc", "classes", "nextmove", "row", "output")


def cache_root() -> Path:
    explicit = os.environ.get("FASIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "fasit"


def _model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE  # type: ignore[import-untyped]

    return Path(str(MODEL_DIR)) / str(MODEL_FILE)


def _cache_dir(model: Path) -> Path:
    stat = model.stat()
    return cache_root() / f"py3langid-{stat.st_size}-{stat.st_mtime_ns}"


def identifiers(languages: list[str]) -> tuple[Any, Any]:
    """Two py3langid ``LanguageIdentifier``s sharing one model, both normalising
    probabilities: one restricted to ``languages``, one over all of them."""
    from py3langid.langid import LanguageIdentifier

    model = _model_file()
    arrays = _load_cached(model)
    if arrays is None:
        full = LanguageIdentifier.from_model_file(model, norm_probs=True)
        _store(model, full)
        arrays = (
            full.nb_ptc,
            full.nb_pc,
            list(full.nb_classes),
            full.tk_nextmove,
            list(full.tk_row),
            full.tk_output,
        )
    else:
        full = _identifier(LanguageIdentifier, arrays)
    restricted = _identifier(LanguageIdentifier, arrays)
    restricted.set_languages(languages)
    return restricted, full


def _identifier(cls: Any, arrays: tuple[Any, ...]) -> Any:
    ptc, pc, classes, nextmove, row, output = arrays
    return cls(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def _load_cached(model: Path) -> tuple[Any, ...] | None:
    import numpy as np

    try:
        folder = _cache_dir(model)
        if not all((folder / f"{name}.npy").is_file() for name in _FILES):
            return None
        ptc = np.load(folder / "ptc.npy", mmap_mode="r")
        pc = np.load(folder / "pc.npy")
        classes = np.load(folder / "classes.npy").tolist()
        # A memoryview over the mapped file indexes to Python ints, as py3langid's
        # own array.array does, without copying the 39 MB transition table.
        nextmove = memoryview(np.load(folder / "nextmove.npy", mmap_mode="r"))
        row = np.load(folder / "row.npy").tolist()
        output = np.load(folder / "output.npy").tolist()
    except (OSError, ValueError):
        return None
    return ptc, pc, classes, nextmove, row, output


def _store(model: Path, identifier: Any) -> None:
    import numpy as np

    try:
        folder = _cache_dir(model)
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".py3langid-", dir=folder.parent))
    except OSError:
        return
    try:
        np.save(tmp / "ptc.npy", np.asarray(identifier.nb_ptc))
        np.save(tmp / "pc.npy", np.asarray(identifier.nb_pc))
        np.save(tmp / "classes.npy", np.array(list(identifier.nb_classes)))
        np.save(tmp / "nextmove.npy", np.asarray(memoryview(identifier.tk_nextmove)))
        np.save(tmp / "row.npy", np.asarray(memoryview(identifier.tk_row)))
        np.save(tmp / "output.npy", np.asarray(identifier.tk_output, dtype=np.int32))
        # Atomic: another process either sees the whole folder or none of it.
        tmp.rename(folder)
    except OSError:
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
