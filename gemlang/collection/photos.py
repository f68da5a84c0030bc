"""The photos of a folder, walked lazily and in a stable order, so a million-photo folder costs no memory.

The order is the sorted order of names, directory by directory (what `sorted(rglob)` gives for one level),
so two runs over the same folder visit the photos in the same order: resuming continues where a killed run
stopped, and the Ray engine's rows come out in the single-process order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from gemlang.data.images import IMAGE_SUFFIXES


def _check_folder(folder: Path) -> None:
    if folder.is_file():
        raise FileNotFoundError(f"{folder}: is a file; give the folder that holds the photos (or use gemlang predict)")
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder of photos")


def iter_photos(folder: str | Path) -> Iterator[Path]:
    """Every photo under `folder` (sub-folders included, linked ones too, hidden files and folders skipped),
    lazily."""
    folder = Path(folder)
    _check_folder(folder)
    yield from _walk(folder, {os.path.realpath(folder)})


def _walk(folder: Path, visited: set[str]) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:  # an unreadable sub-folder is skipped, as an unreadable photo would be
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:  # a link in a loop: a photo that cannot be read, reported as such
            is_dir = False
        if is_dir:  # a linked folder too, as `gemlang train` reads it; each real folder once (no loops)
            real = os.path.realpath(entry.path)
            if real not in visited:
                visited.add(real)
                yield from _walk(Path(entry.path), visited)
        elif Path(entry.name).suffix.lower() in IMAGE_SUFFIXES:
            # a broken link, a pipe or a device too: each is reported (never read) rather than silently left out
            yield Path(entry.path)


def count_photos(folder: str | Path) -> int:
    """How many photos `iter_photos` will yield (a cheap directory walk, for the progress bar's ETA)."""
    return sum(1 for _ in iter_photos(folder))


def photo_paths(folder: str | Path) -> list[Path]:
    """All photos under `folder` as a list, for folders small enough to hold in memory."""
    return list(iter_photos(folder))


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (the last one shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
