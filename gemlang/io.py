"""Atomic writes: a crash or Ctrl-C mid-write never leaves a half-written file or model folder behind."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from gemlang.errors import UsageError


def bars_off(progress: bool) -> bool | None:
    """tqdm's `disable` for a command's progress bars: off when asked (--no-progress), and off when stderr is no
    terminal (tqdm's None), so a log file gets no frames of a bar."""
    return None if progress else True


def printable(text: str) -> str:
    """Text as UTF-8 can hold it: a file name in another encoding (Latin-1 from an old archive reaches Python
    as lone surrogates) is kept as backslash escapes ('caf\\xe9.jpg') instead of failing a print or a write."""
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


@contextlib.contextmanager
def atomic_file(path: str | Path, mode: str = "w") -> Iterator[TextIO | BinaryIO]:
    """Open a temporary file beside `path`; it replaces `path` only if the block finishes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:  # named as the person gave it, not by the temporary file's name
        raise OSError(e.errno, e.strerror, str(path)) from e
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
            yield f
        os.chmod(tmp, 0o644)  # mkstemp makes it private; results are meant to be read
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | Path, text: str) -> Path:
    with atomic_file(path) as f:
        f.write(text)
    return Path(path)


def write_json_atomic(data: object, path: str | Path) -> None:
    with atomic_file(path) as f:
        json.dump(data, f, indent=2)
        f.write("\n")


# What gemlang writes in its output folders (models, search indexes, alignments, fusion settings, ONNX graphs): a
# folder holding only these is an earlier output, replaced whole; anything else in it belongs to someone.
OWN_ENTRIES = re.compile(
    r"config\.json|manifest\.json|MODEL_CARD\.md|trained_photos\.txt|[a-z_]+\.safetensors|part\d+\.onnx|"
    r"vectors\.faiss|photos\.jsonl|companion|int8|fusion"
)


def read_config(folder: Path, error: type[Exception], fix: str) -> dict:
    """FOLDER/config.json as a dict. One cut off by a failed copy, edited by hand, or holding no JSON object is
    `error` saying so, then `fix` (what to do)."""
    try:
        config = json.loads((folder / "config.json").read_text())
    except (ValueError, OSError) as e:
        raise error(f"{folder}: config.json cannot be read ({e}); {fix}") from e
    if not isinstance(config, dict):
        raise error(f"{folder}: config.json holds a {type(config).__name__}, not settings; {fix}")
    return config


def save_figure(fig, path: str | Path, dpi: int) -> None:
    """Write a matplotlib figure as a PNG atomically (a crash leaves the old file or none) and close it."""
    import matplotlib.pyplot as plt

    from gemlang.data.images import WRITTEN_BY

    with atomic_file(path, "wb") as f:
        fig.savefig(f, format="png", dpi=dpi, metadata=dict([WRITTEN_BY]))  # not taken for a photo if put among them
    plt.close(fig)


def check_writable(path: str | Path) -> None:
    """Refuse an output path that cannot be written: under a file, or in a folder this user cannot write (a
    read-only disk, another user's folder). Call it before long work, so the work is not thrown away."""
    path = Path(path).absolute()
    where = path.parent if path.exists() else path
    ancestor = next(p for p in (where, *where.parents) if p.exists())  # what creating `path` would write into
    if not ancestor.is_dir():
        raise UsageError(f"{path}: {ancestor} is a file, so nothing can be written under it: choose another path.")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise UsageError(
            f"{path}: {ancestor} cannot be written (no permission, or a read-only disk): choose another path."
        )


def check_replaceable(path: str | Path) -> None:
    """Refuse an output folder that holds anything gemlang did not write there, or that cannot be written
    (call it before long work)."""
    path = Path(path)
    check_writable(path)
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path} is a file, not a folder: choose another output folder.")
    here = Path.cwd().resolve()
    if here == path.resolve() or path.resolve() in here.parents:  # replacing it would pull the floor away
        raise UsageError(f"{path} is the current folder (or holds it): name a folder to write, e.g. --out my_model")
    if path.is_dir() and (foreign := foreign_entries(path, OWN_ENTRIES)):
        raise UsageError(
            f"{path} already holds files gemlang did not write there ({foreign}); it is left as it was. Move them "
            "away, or choose a new or empty output folder."
        )


def foreign_entries(folder: Path, own: re.Pattern) -> str:
    """The first names in `folder` that `own` does not match, as a message lists them ("a.jpg, b.jpg, c.jpg …");
    "" when all it holds is its own."""
    foreign = sorted(p.name for p in folder.iterdir() if not own.fullmatch(p.name))
    return ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")


@contextlib.contextmanager
def atomic_folder(path: str | Path) -> Iterator[Path]:
    """Yield an empty temporary folder beside `path`; it replaces `path` (a model folder) only on success.

    An existing `path` is replaced only if all it holds is what gemlang writes in such folders
    (`check_replaceable`): a folder of photos or documents given as --out, or a note kept in a model folder,
    is never deleted.
    """
    path = Path(path).resolve()  # '.' has no name to put a temporary folder beside
    check_replaceable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}."))
    try:
        yield tmp
        tmp.chmod(0o755)
        for file in tmp.iterdir():
            file.chmod(0o755 if file.is_dir() else 0o644)
        if path.exists():
            check_replaceable(path)  # again: something may have been put there while the work ran
            old = path.with_name(f".{path.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
