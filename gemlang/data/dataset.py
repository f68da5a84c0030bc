"""Photo collections as one folder per class, with an optional `metadata.csv` beside the class folders.

`metadata.csv` has a `path` column (relative to the data folder, e.g. `Ruby/ruby_1.jpg`) and any other
columns a collection has, e.g. `hardness` or `locality`; rows are attached to the photos they name.
"""

from __future__ import annotations

import csv
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gemlang.data.images import IMAGE_SUFFIXES, NOT_REGULAR, missing_photo, written_by_gemlang
from gemlang.errors import GemlangError
from gemlang.wording import some_of

IGNORED_NAMES = {"metadata.csv", "README.md", "README", "LICENSE", "Thumbs.db"}


class DatasetError(GemlangError, ValueError):
    """A data folder gemlang cannot train or evaluate on; the message says how to fix it."""


@dataclass
class ImageFolder:
    root: Path
    classes: list[str]
    paths: list[Path]
    labels: np.ndarray
    metadata: dict[str, dict[str, str]] = field(default_factory=dict)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    metadata_repeats: dict[str, int] = field(default_factory=dict)  # photos metadata.csv lists more than once
    metadata_columns: list[str] = field(default_factory=list)  # its header, repeated names and all

    def __len__(self) -> int:
        return len(self.paths)

    def subset(self, indices) -> ImageFolder:
        indices = np.asarray(indices, dtype=int)
        return ImageFolder(
            self.root,
            self.classes,
            [self.paths[i] for i in indices],
            self.labels[indices],
            self.metadata,
            list(self.skipped),
            self.metadata_repeats,
            self.metadata_columns,
        )

    def without(self, bad: dict[Path, str]) -> ImageFolder:
        """The same folder minus photos found unreadable, which are added to `skipped` with the reason."""
        keep = [i for i, p in enumerate(self.paths) if p not in bad]
        out = self.subset(keep)
        out.skipped += [(p, reason) for p, reason in bad.items()]
        return out

    def metadata_for(self, path: Path) -> dict[str, str]:
        return self.metadata.get(path.relative_to(self.root).as_posix(), {})


def scan_image_folder(root: str | Path, min_classes: int = 2) -> ImageFolder:
    """List the photos of a folder-per-class collection; files that are not photos are skipped and listed."""
    root = Path(root)
    if not root.is_dir():
        what = "a file, not a folder" if root.exists() else "no such folder"
        # named as given, by whichever option (--data, --embedding): the message names none
        raise DatasetError(f"{root}: {what}. Give a folder with one sub-folder of photos per class.")
    class_dirs = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    classes, paths, labels, skipped = [], [], [], []
    for class_dir in class_dirs:
        every = sorted(p for p in class_dir.rglob("*") if not p.name.startswith("."))
        broken = [p for p in every if p.is_symlink() and not p.exists()]  # a dangling or looping link
        skipped += [(p, missing_photo(p).removeprefix(f"{p}: ")) for p in broken]
        # a pipe, socket or device (or a link to one) is listed, never read: reading one may never end
        skipped += [(p, NOT_REGULAR) for p in every if p.exists() and not (p.is_file() or p.is_dir())]
        files = [p for p in every if p.is_file()]
        photos = [p for p in files if p.suffix.lower() in IMAGE_SUFFIXES]
        skipped += [(p, "not a photo (unknown file type)") for p in files if p not in photos]
        made = {p for p in photos if written_by_gemlang(p)}
        skipped += [(p, "a picture gemlang made (a report or heat map), not a photo") for p in sorted(made)]
        photos = [p for p in photos if p not in made]
        if not photos:
            skipped.append((class_dir, "class folder has no photos; class left out"))
            continue
        paths += photos
        labels += [len(classes)] * len(photos)
        classes.append(class_dir.name)
    stray = [p for p in root.iterdir() if p.is_file() and p.name not in IGNORED_NAMES and not p.name.startswith(".")]
    skipped += [(p, "file outside any class folder") for p in stray]
    if not paths:
        loose = sum(1 for p in stray if p.suffix.lower() in IMAGE_SUFFIXES)
        found = f"{loose} photo(s) lie directly in it, none in a class folder" if loose else "no photos found"
        raise DatasetError(f"{root}: {found}. Expected one sub-folder per class, e.g. {root}/Ruby/photo1.jpg.")
    if len(classes) < min_classes:
        raise DatasetError(
            f"{root}: found {len(classes)} class folder(s) with photos ({', '.join(classes)}); "
            f"at least {min_classes} are needed to train or cross-validate a classifier."
        )
    metadata, repeats, columns = _read_metadata(root)
    return ImageFolder(root, classes, paths, np.array(labels, dtype=int), metadata, skipped, repeats, columns)


def class_difference(found: Sequence[str], expected: Sequence[str]) -> str:
    """How a folder's classes differ from a model's: "not in the model: Moonstone; missing here: Ruby, …" (or "in
    another order")."""
    here, known = set(found), set(expected)
    parts = [f"{what}: {some_of(sorted(names), 6)}" for what, names in
             (("not in the model", here - known), ("missing here", known - here)) if names]  # fmt: skip
    return "; ".join(parts) or "in another order"


def _read_metadata(root: Path) -> tuple[dict[str, dict[str, str]], dict[str, int], list[str]]:
    """metadata.csv's rows by photo path (relative to `root`, as `Ruby/ruby_1.jpg`; a Windows `Ruby\\ruby_1.jpg`
    or an absolute path inside `root` is read as that), the last row of a photo listed twice; how many
    times each photo listed more than once is; and the column names, as the header gives them."""
    csv_path = root / "metadata.csv"
    if not csv_path.exists():
        return {}, {}, []
    try:  # utf-8-sig: spreadsheets save "CSV UTF-8" with a byte-order mark before the first column's name
        with open(csv_path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f, strict=True)  # an unclosed quote is an error, not rows swallowed
            # names as written but "Path" as "path"
            columns = [("path" if n.strip().lower() == "path" else n.strip()) for n in next(reader, [])]
            if "path" not in columns:
                raise DatasetError(f"{csv_path}: needs a 'path' column naming each photo relative to {root}.")
            rows = [_row(columns, values) for values in reader if values]
    except UnicodeDecodeError as e:
        raise DatasetError(f"{csv_path}: not UTF-8 text ({e.reason}); save it as CSV UTF-8.") from e
    except csv.Error as e:
        raise DatasetError(f"{csv_path}: malformed CSV ({e}); check its quotes.") from e
    by_path: dict[str, dict[str, str]] = {}
    listed: dict[str, int] = {}
    for row in rows:
        if path := _relative(row["path"], root):
            by_path[path] = {k: v for k, v in row.items() if k != "path"}
            listed[path] = listed.get(path, 0) + 1
    return by_path, {path: n for path, n in listed.items() if n > 1}, columns


def _row(columns: list[str], values: list[str]) -> dict[str | None, str]:
    """One metadata.csv line by column name. Of a name given twice (a spreadsheet slip), the first value filled
    in is kept, not the last column's, so no reading is lost to an empty twin; values past the last column are
    kept under None, for `metadata_problems` to say, not dropped unsaid."""
    row: dict[str | None, str] = {}
    for name, value in zip(columns, values, strict=False):  # a short line fills the rest below
        if not row.get(name):
            row[name] = value.strip()
    row |= {name: "" for name in columns if name not in row}
    if len(values) > len(columns):
        row[None] = ", ".join(values[len(columns) :])
    return row


def _relative(path: str, root: Path) -> str:
    """A metadata.csv path as the folder's photos are keyed: forward slashes, relative to `root`."""
    path = path.replace("\\", "/")
    if Path(path).is_absolute() and Path(path).resolve().is_relative_to(root.resolve()):
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    return posixpath.normpath(path) if path else path  # "./Ruby/ruby_1.jpg" is Ruby/ruby_1.jpg
