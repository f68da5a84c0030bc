"""What one catalog row holds, in one place, and the describing of one batch of photos.

`COLUMNS` is the row schema every output (JSONL, CSV, Markdown, Parquet) and both engines (one process,
Ray) follow. A column is a name, a kind (how CSV and Parquet store it) and how to read its value off a
`DescribedPhoto`; adding a column is one line here:

    Column("species", "text", lambda r: r.description.gem.species),

A photo that cannot be read gets a row with only `photo`, `sha256` (when the file could be hashed) and
`error` filled; the batch goes on.
"""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gemlang.data.images import ImageError, missing_photo, photo_digest


@dataclass
class DescribedPhoto:
    """Everything known about one described photo; columns pick their values from it."""

    photo: Path
    digest: str
    prediction: Any  # gemlang.model.Prediction
    description: Any  # gemlang.language.describe.Description
    scope: Any = None  # gemlang.scope.ScopeVerdict: is the photo a gem photo of a known class?
    flaws: tuple[str, ...] = ()  # what makes the photo a poor witness (`photo_shortcomings`): "very dark", ...


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text", "number", "flag" or "ranked" ([[label, probability], ...])
    value: Callable[[DescribedPhoto], Any]


def _flagged(r: DescribedPhoto) -> bool:
    return bool(r.scope and r.scope.flagged)


def _description(r: DescribedPhoto) -> str:
    """A flagged photo gets what it is instead of prose about a gem the model does not believe in; one too small
    for the check to judge says so before the prose."""
    said = r.scope.sentence() if r.scope else ""
    return said if _flagged(r) else " ".join(text for text in (said, r.description.text) if text)


def _ranked(r: DescribedPhoto) -> list[list]:
    return [[label, round(float(p), 4)] for label, p in r.prediction.top_k]


COLUMNS: tuple[Column, ...] = (
    Column("photo", "text", lambda r: str(r.photo)),
    Column("sha256", "text", lambda r: r.digest),
    # A photo the scope check flags names no gem (filtering a catalog by gem must not pick it up); top_k keeps
    # the classes it looks most like.
    Column("gem", "text", lambda r: "" if _flagged(r) else r.description.named),
    Column("probability", "number", lambda r: None if _flagged(r) else round(float(r.description.probability), 4)),
    Column(
        "alternative",
        "text",
        lambda r: r.description.alternative.name if r.description.alternative and not _flagged(r) else "",
    ),
    Column("top_k", "ranked", _ranked),
    Column("description", "text", _description),
    # None when the model carries no scope check; scope_kind says which: not_a_gem_photo, unknown_mineral, ...
    Column(
        "out_of_scope",
        "flag",
        lambda r: r.scope.flagged if r.scope and not r.scope.kind.startswith("unchecked") else None,
    ),  # fmt: skip
    Column("scope_kind", "text", lambda r: r.scope.kind if r.scope else "unchecked"),
    # "very dark; very small (40 x 40 px)": the gem named is less sure than its probability says; "stone small in
    # the frame": looked at cropped to the stone
    Column("photo_flaws", "text", lambda r: "; ".join(r.flaws)),
    Column("error", "text", lambda r: ""),
)
COLUMN_NAMES = [c.name for c in COLUMNS]
EMPTY = {"text": "", "number": None, "flag": None, "ranked": []}


def described_row(r: DescribedPhoto) -> dict[str, Any]:
    return {c.name: c.value(r) for c in COLUMNS}


def error_row(photo: str | Path, digest: str, reason: str) -> dict[str, Any]:
    row = {c.name: EMPTY[c.kind] for c in COLUMNS}
    return {**row, "photo": str(photo), "sha256": digest, "error": reason}


def skipped_row(photo: str | Path, digest: str) -> dict[str, Any]:
    """What an engine gives for a photo whose content OUT holds already: never written, but the run can say
    whether it was resumed or is a copy of a photo catalogued under another name."""
    return {"photo": str(photo), "sha256": digest, "skipped": True}


def row_key(row: dict[str, Any]) -> str:
    """What identifies a catalogued photo: its content hash, or its path when it could not even be read."""
    return row.get("sha256") or "path:" + hashlib.sha256(str(row["photo"]).encode()).hexdigest()


def digest_or_reason(photo: Path) -> tuple[str, str]:
    """(content hash, "") or ("", why the file cannot be read)."""
    try:
        return photo_digest(photo), ""
    except ImageError as e:  # a device, pipe or folder named like a photo, or a file too large to be one
        return "", str(e)
    except OSError as e:
        if e.errno in (errno.ENOENT, errno.ELOOP):
            return "", missing_photo(photo)
        return "", f"{photo}: cannot read the file ({e})"


def describe_batch(
    photos: Sequence[tuple[Path, str]],
    classifier: Any,
    generator: Any = None,
    top_k: int = 5,
    cache: Any = None,
) -> list[dict[str, Any]]:
    """One row per (photo, content hash), in order; photos that cannot be read get an error row."""
    from gemlang.language.describe import describe_prediction
    from gemlang.scope import analysed_as_the_chat

    if not photos:
        return []
    probs, scopes, failures, flaws = analysed_as_the_chat(classifier, [str(p) for p, _ in photos], cache=cache)
    rows = []
    for i, (photo, digest) in enumerate(photos):
        if i in failures:
            rows.append(error_row(photo, digest, failures[i]))
            continue
        scope, prediction = scopes[i], classifier.rank(probs[i], top_k)
        flagged = scope.flagged  # its prose is not printed: templates suffice for the columns it fills
        description = describe_prediction(prediction.top_k, None if flagged else generator)
        rows.append(described_row(DescribedPhoto(photo, digest, prediction, description, scope, tuple(flaws[i]))))
    return rows
