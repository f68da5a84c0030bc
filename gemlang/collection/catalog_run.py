"""`gemlang catalog`: describe every photo of a collection into a file, streaming and resumable.

Photos are walked lazily, described a batch at a time and committed to OUT batch by batch
(`catalog_file.CatalogWriter`), so memory stays flat however large the collection, a killed run loses at
most one batch, and running the same command again resumes: photos whose content is already in OUT are
skipped (a renamed or moved photo is not described twice, and neither is a second copy of one; the command
then gives a moved photo's row its new path, see `gemlang.commands.catalog.stale_rows`).

The describing runs in this process (`engine="local"`) or on Ray Data actors (`engine="ray"`,
`gemlang.collection.ray_engine`); either way the rows come back here in the folder's order and are written
by the same code, so both engines give the same file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gemlang.collection.catalog_file import CatalogWriter, KeySet
from gemlang.collection.catalog_rows import (
    describe_batch,
    digest_or_reason,
    error_row,
    row_key,
    skipped_row,
)
from gemlang.collection.fingerprint import folder_fingerprint
from gemlang.collection.photos import batched, count_photos, iter_photos
from gemlang.io import bars_off

# (photos visited, a row for each: described, failed or `skipped_row`) per batch, in the folder's order
Batches = Iterator[tuple[int, list[dict[str, Any]]]]
COPIES_NAMED = 10


@dataclass
class CatalogSummary:
    visited: int = 0
    described: int = 0
    failed: int = 0  # photos of this run that could not be described (new error rows)
    still_failing: int = 0  # photos OUT already held an error row for that still cannot be read
    resumed: int = 0  # photos whose content OUT held before this run
    copies: int = 0  # copies of a photo this run catalogued under another name (a catalog has one row per content)
    # (photo, content key) of the first COPIES_NAMED copies, for the run to say whose row describes each
    copies_named: list[tuple[str, str]] = field(default_factory=list)

    @property
    def any_failed(self) -> bool:
        return bool(self.failed or self.still_failing)


def run_settings(model: str, top_k: int, generator: str | None) -> dict[str, Any]:
    """What a catalog's rows depend on; a resumed run must match (see catalog_file.COMPARED_SETTINGS), the
    columns of its format too, which `CatalogWriter` adds.

    `model` is a model folder or "default"; its fingerprint is taken from its files.
    """
    from gemlang.model import DEFAULT_MODEL_DIR

    return {
        "model": folder_fingerprint(DEFAULT_MODEL_DIR if model == "default" else model),
        "model_source": str(model),
        "top_k": int(top_k),
        "generator": str(Path(generator).resolve()) if generator else "templates",
    }


def local_batches(
    photos: Iterator[Path],
    done: KeySet,
    classifier: Any,
    generator: Any,
    top_k: int,
    batch_size: int,
    cache: Any,
) -> Batches:
    """Describe in this process; photos whose key is in `done` (updated by the caller as it writes) are skipped."""
    for batch in batched(photos, batch_size):
        todo, rows = [], []
        for photo in batch:
            digest, reason = digest_or_reason(photo)
            if reason:
                rows.append(error_row(photo, "", reason))
            elif digest in done:
                rows.append(skipped_row(photo, digest))
            else:
                todo.append((photo, digest))
        yield len(batch), rows + describe_batch(todo, classifier, generator, top_k, cache)


def run_catalog(
    folder: str | Path,
    writer: CatalogWriter,
    batches: Callable[[Iterator[Path], KeySet], Batches],
    progress: bool = True,
    on_failure: Callable[[dict[str, Any]], None] | None = None,
) -> CatalogSummary:
    """Stream the photos of `folder` through `batches` (an engine) into `writer`; one commit per batch."""
    from tqdm.auto import tqdm

    summary = CatalogSummary()
    total = count_photos(folder)
    # keys OUT held before this run: the first photo skipped with one is resumed (its row's photo, or the photo
    # moved), any later one a copy; a photo skipped with another key is a copy of one this run described
    earlier, resumed = KeySet(writer.done.to_array()), KeySet()
    with tqdm(total=total, desc="cataloguing", unit="photo", disable=bars_off(progress), smoothing=0.05) as bar:
        if writer.done:
            bar.set_postfix_str(f"resuming: {len(writer.done)} photos already in {writer.path.name}")
        for visited, rows in batches(iter_photos(folder), writer.done):
            fresh, seen, refailed = [], set(), 0
            for row in rows:
                key = row_key(row)
                if row.get("error") and key in writer.failed_before:  # its error row is in OUT already
                    refailed += 1
                    continue
                if row.get("skipped") or key in writer.done or key in seen:
                    if key in earlier and key not in resumed:
                        summary.resumed += 1
                        resumed.add(key)
                    else:
                        summary.copies += 1
                        if len(summary.copies_named) < COPIES_NAMED:
                            summary.copies_named.append((row["photo"], key))
                    continue
                seen.add(key)
                fresh.append(row)
                if row.get("error"):
                    summary.failed += 1
                    if on_failure:
                        on_failure(row)
            writer.append(fresh)
            summary.visited += visited
            summary.described += len(fresh) - sum(1 for r in fresh if r.get("error"))
            summary.still_failing += refailed
            bar.update(visited)
    return summary
