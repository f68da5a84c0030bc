"""`gemlang catalog --engine ray`: the describing spread over a Ray Data actor pool.

Each actor loads the classifier (and the prose generator) once and describes batches with the same
`describe_batch` as the single-process engine. Rows come back to the driver in the folder's order
(`preserve_order`) and are written there by the same resumable writer, so a Ray run and a one-process run
give the same file, resume each other, and are killed and resumed the same way.

Locally, `ray.init(num_cpus=workers)` starts a private Ray; with `address` ("auto" or "ray://head:10001")
the actors run on a cluster, where every node needs gemlang installed (`pip install 'gemlang[scale]'`),
the model folder and the photos at the same paths (a shared file system), and the feature cache folder on
shared storage if features are to be reused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from gemlang.collection.catalog_file import KeySet
from gemlang.collection.catalog_rows import describe_batch, digest_or_reason, error_row, skipped_row
from gemlang.collection.photos import batched
from gemlang.errors import GemlangError

# Photos handed to Ray per dataset: bounds the driver's memory for collections of millions of photos.
CHUNK = 50_000


class CatalogActor:
    """Holds one classifier; turns a batch of photo paths into one JSON row per photo."""

    def __init__(
        self,
        model: str,
        backend: str | None,
        generator: str | None,
        top_k: int,
        cache_dir: str | None,
        done: np.ndarray,
    ):
        from gemlang.features import FeatureCache
        from gemlang.language.describe import load_generator
        from gemlang.model import GemClassifier

        self.classifier = GemClassifier.load(model, backend=backend)
        self.generator = load_generator(generator)
        self.top_k = top_k
        self.cache = FeatureCache(cache_dir)
        self.done = KeySet(done)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        photos = [Path(p) for p in batch["photo"]]
        out = [""] * len(photos)
        todo, where = [], []
        for i, photo in enumerate(photos):
            digest, reason = digest_or_reason(photo)
            if reason:
                out[i] = json.dumps(error_row(photo, "", reason), ensure_ascii=False)
            elif digest in self.done:
                out[i] = json.dumps(skipped_row(photo, digest), ensure_ascii=False)
            else:
                todo.append((photo, digest))
                where.append(i)
        for i, row in zip(
            where, describe_batch(todo, self.classifier, self.generator, self.top_k, self.cache), strict=True
        ):
            out[i] = json.dumps(row, ensure_ascii=False)
        return {"row": np.array(out, dtype=object)}


def start_ray(address: str | None, workers: int) -> None:
    """Connect to the cluster at `address`, or start a local Ray with `workers` CPUs."""
    try:
        import ray
    except ImportError as e:
        raise GemlangError("--engine ray needs Ray: pip install 'gemlang[scale]'") from e
    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, object_store_memory=256 * 2**20)


def ray_batches(
    photos: Iterator[Path],
    done: KeySet,
    *,
    model: str,
    backend: str | None,
    generator: str | None,
    top_k: int,
    batch_size: int,
    cache_dir: str | None,
    workers: int,
) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """(photos visited, rows) per batch, in the folder's order, described by `workers` Ray actors."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False  # the driver shows one bar for the whole run
    for chunk in batched(photos, CHUNK):
        ds = ray.data.from_items([{"photo": str(p)} for p in chunk])
        described = ds.map_batches(
            CatalogActor,
            fn_constructor_kwargs={
                "model": model,
                "backend": backend,
                "generator": generator,
                "top_k": top_k,
                "cache_dir": cache_dir,
                "done": done.to_array(),
            },
            batch_size=batch_size,
            batch_format="numpy",
            concurrency=workers,
            num_cpus=1,
        )
        for batch in described.iter_batches(batch_size=batch_size, batch_format="numpy"):
            rows = [json.loads(s) for s in batch["row"] if s]
            yield len(batch["row"]), rows
