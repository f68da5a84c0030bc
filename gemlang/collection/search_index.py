"""A search index of a collection: the image-text embeddings of its photos in FAISS.

`gemlang index DIR --out INDEX` embeds every photo once (gemlang's image-text space,
`gemlang.language.alignment`) and stores the unit vectors; `gemlang search TEXT --index INDEX` then embeds
only the text and asks FAISS for the nearest photos by cosine (inner product of unit vectors), with no
photo encoded at query time.

- Small collections (< FLAT_LIMIT photos) use an exact flat index. Larger ones use IVF (`IndexIVFFlat`,
  inner product): k-means cells, a query scans the `nprobe` nearest cells. IVF rather than HNSW because
  IVF removes vectors in place, which keeps updates incremental. eval/search_index.py measures latency,
  memory and recall@10 against exact search.
- Updating is incremental: photos are identified by path and content hash; new or changed photos are
  embedded and added, removed or changed ones dropped. The index is rebuilt from its own vectors only when
  it moves between flat and IVF or outgrows its k-means cells.
- INDEX is a folder (config.json, vectors.faiss, photos.jsonl) written atomically as a whole: a crash
  mid-update leaves the previous index intact. FAISS files hold arrays only, nothing is unpickled.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from gemlang.collection.catalog_rows import digest_or_reason
from gemlang.collection.fingerprint import fingerprint
from gemlang.collection.photos import batched, iter_photos
from gemlang.errors import GemlangError
from gemlang.io import atomic_folder, bars_off

FORMAT = "gemlang-search-index"
FLAT_LIMIT = 100_000  # exact search stays under ~10 ms a query below this on one core
VECTORS_FILE, PHOTOS_FILE = "vectors.faiss", "photos.jsonl"
EMBED_BATCH = 256


class SearchIndexError(GemlangError):
    """An index folder that cannot be used as asked; the message says why and what to do."""


def _faiss():
    try:
        import faiss
    except ImportError as e:
        raise SearchIndexError("the search index needs FAISS: pip install faiss-cpu") from e
    return faiss


def ivf_cells(n: int) -> int:
    """k-means cells for n vectors: ~sqrt(n), so a cell holds ~sqrt(n) vectors (FAISS's rule of thumb)."""
    return int(np.clip(round(math.sqrt(n)), 1, 16_384))


def default_nprobe(cells: int) -> int:
    """Cells scanned a query: 1/16 of them (at least 16), recall@10 >= 0.95 in eval/search_index.py."""
    return min(cells, max(16, cells // 16))


def build_faiss(vectors: np.ndarray, ids: np.ndarray, kind: str, seed: int = 0):
    """A FAISS index of unit vectors (inner product = cosine) keyed by int64 ids: "flat" or "ivf"."""
    faiss = _faiss()
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    ids = np.ascontiguousarray(ids, dtype=np.int64)
    dim = vectors.shape[1]
    if kind == "flat":
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
    elif kind == "ivf":
        cells = ivf_cells(len(vectors))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, cells, faiss.METRIC_INNER_PRODUCT)
        index.cp.seed = seed
        rng = np.random.default_rng(seed)
        sample = vectors[rng.choice(len(vectors), min(len(vectors), 64 * cells), replace=False)]
        # an ivf index asked for on a small collection: as many points a cell as there are, not FAISS's warning
        index.cp.min_points_per_centroid = max(1, min(index.cp.min_points_per_centroid, len(sample) // cells))
        index.train(sample)  # 64 points a cell: enough for k-means, minutes less than FAISS's default 256
        index.set_direct_map_type(faiss.DirectMap.Hashtable)  # removal and reconstruction by id
        index.nprobe = default_nprobe(cells)
    else:
        raise SearchIndexError(f"unknown index kind {kind!r}; use 'flat' or 'ivf'")
    if len(vectors):
        index.add_with_ids(vectors, ids)
    return index


def _stat(photo: Path) -> str:
    try:
        st = photo.stat()
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def index_kind(n: int) -> str:
    return "flat" if n < FLAT_LIMIT else "ivf"


def alignment_signature(model: Any) -> str:
    """What decides the image embeddings: the alignment's config and its image projection's weights."""
    return fingerprint(model.config(), model.image_head)


@dataclass
class UpdateReport:
    added: int = 0
    removed: int = 0
    kept: int = 0
    rebuilt: bool = False
    failures: dict[str, str] = field(default_factory=dict)  # photo -> why it could not be embedded


class SearchIndex:
    """FAISS vectors + which photo each id is + the config (alignment, kind, cells, nprobe)."""

    def __init__(self, index: Any, photos: dict[int, tuple[str, str, str]], config: dict[str, Any]):
        self.index = index
        self.photos = photos  # id -> (photo path, sha256, "size:mtime_ns" when it was hashed)
        self.config = config

    @classmethod
    def empty(cls, dim: int, alignment: str) -> SearchIndex:
        index = build_faiss(np.empty((0, dim), np.float32), np.empty(0, np.int64), "flat")
        return cls(index, {}, {"format": FORMAT, "format_version": 1, "alignment": alignment, "dim": dim,
                               "kind": "flat", "trained_on": 0, "next_id": 0})  # fmt: skip

    def __len__(self) -> int:
        return len(self.photos)

    # --- persistence ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> SearchIndex:
        faiss = _faiss()
        path = Path(path)
        if not (path / "config.json").is_file():
            raise SearchIndexError(
                f"{path}: not a gemlang search index (no config.json); make one with `gemlang index`"
            )
        rebuild = "rebuild it with `gemlang index DIR --out " + str(path) + " --rebuild`"
        try:
            config = json.loads((path / "config.json").read_text())
        except (ValueError, OSError) as e:  # cut off by a failed copy, or edited by hand
            raise SearchIndexError(f"{path}: the index is damaged (config.json: {e}); {rebuild}") from e
        if not isinstance(config, dict) or config.get("format") != FORMAT:
            found = config.get("format") if isinstance(config, dict) else type(config).__name__
            raise SearchIndexError(f"{path}: config.json is not a {FORMAT} config (format={found!r})")
        try:
            index = faiss.read_index(str(path / VECTORS_FILE))
            if config["kind"] == "ivf":
                index.nprobe = int(config["nprobe"])
            photos = {}
            with open(path / PHOTOS_FILE, encoding="utf-8") as f:
                for line in f:
                    entry = json.loads(line)
                    photos[int(entry["id"])] = (entry["photo"], entry["sha256"], entry.get("stat", ""))
        except (RuntimeError, ValueError, KeyError, TypeError, OSError) as e:  # faiss raises RuntimeError
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise SearchIndexError(f"{path}: the index is damaged ({first}); {rebuild}") from e
        if index.ntotal != len(photos):
            raise SearchIndexError(f"{path}: {VECTORS_FILE} and {PHOTOS_FILE} disagree; {rebuild}")
        return cls(index, photos, config)

    def save(self, path: str | Path) -> Path:
        faiss = _faiss()
        with atomic_folder(path) as tmp:
            faiss.write_index(self.index, str(tmp / VECTORS_FILE))
            with open(tmp / PHOTOS_FILE, "w", encoding="utf-8") as f:
                for i, (photo, digest, stat) in self.photos.items():
                    entry = {"id": i, "photo": photo, "sha256": digest, "stat": stat}
                    f.write(json.dumps(entry) + "\n")  # ASCII escapes keep a non-UTF-8 file name intact
            config = {**self.config, "count": len(self), "nprobe": getattr(self.index, "nprobe", None)}
            (tmp / "config.json").write_text(json.dumps(config, indent=2) + "\n")
        return Path(path)

    # --- queries -------------------------------------------------------------------------------------
    def search_vectors(self, queries: np.ndarray, k: int = 10) -> list[list[tuple[str, float]]]:
        """For each unit query vector, the k nearest photos with their cosines, best first."""
        if not len(self):
            return [[] for _ in queries]
        scores, ids = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), min(k, len(self)))
        return [
            [(self.photos[int(i)][0], float(s)) for s, i in zip(row_s, row_i, strict=True) if i >= 0]
            for row_s, row_i in zip(scores, ids, strict=True)
        ]

    # --- updates -------------------------------------------------------------------------------------
    def _all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        ids = np.fromiter(self.photos, np.int64, len(self.photos))
        if not len(ids):
            return np.empty((0, self.config["dim"]), np.float32), ids
        return self.index.reconstruct_batch(ids), ids

    def update(
        self,
        folder: str | Path,
        embed: Callable[[list[Path]], tuple[np.ndarray, dict[int, str]]],
        progress: bool = True,
        kind: str = "auto",
    ) -> UpdateReport:
        """Make the index hold exactly the readable photos under `folder`, embedding only new or changed ones."""
        from tqdm.auto import tqdm

        report = UpdateReport()
        by_path = {photo: (i, digest, stat) for i, (photo, digest, stat) in self.photos.items()}
        seen: set[str] = set()
        stale: list[int] = []
        new: list[tuple[Path, str, str]] = []
        for photo in tqdm(iter_photos(folder), desc="checking photos", unit="photo", disable=bars_off(progress)):
            key = str(photo)
            seen.add(key)
            known = by_path.get(key)
            stat = _stat(photo)
            if known and stat and known[2] == stat:  # same size and time: unchanged, no need to re-read it
                report.kept += 1
                continue
            digest, reason = digest_or_reason(photo)
            if reason:
                report.failures[key] = reason
            if known and known[1] == digest:
                report.kept += 1
                self.photos[known[0]] = (key, digest, stat)
                continue
            if known:
                stale.append(known[0])
            if digest:
                new.append((photo, digest, stat))
        stale += [i for photo, (i, _, _) in by_path.items() if photo not in seen]
        if stale:
            self.index.remove_ids(np.array(stale, dtype=np.int64))
            for i in stale:
                del self.photos[i]
            report.removed = len(stale)

        bar = tqdm(total=len(new), desc="embedding photos", unit="photo", disable=bars_off(progress))
        for batch in batched(new, EMBED_BATCH):
            vectors, failures = embed([p for p, _, _ in batch])
            ok = [j for j in range(len(batch)) if j not in failures]
            report.failures.update({str(batch[j][0]): why for j, why in failures.items()})
            ids = np.arange(self.config["next_id"], self.config["next_id"] + len(ok), dtype=np.int64)
            self.config["next_id"] += len(ok)
            self._add(vectors[ok], ids)
            for i, j in zip(ids, ok, strict=True):
                self.photos[int(i)] = (str(batch[j][0]), batch[j][1], batch[j][2])
            report.added += len(ok)
            bar.update(len(batch))
        bar.close()

        wanted = index_kind(len(self)) if kind == "auto" else kind
        trained = self.config["trained_on"]
        if wanted != self.config["kind"] or (wanted == "ivf" and not trained / 4 <= len(self) <= trained * 4):
            vectors, ids = self._all_vectors()
            self.index = build_faiss(vectors, ids, wanted)
            self.config.update(kind=wanted, trained_on=len(self) if wanted == "ivf" else 0)
            report.rebuilt = True
        return report

    def _add(self, vectors: np.ndarray, ids: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)


def index_folder(
    folder: str | Path,
    out: str | Path,
    model: Any,
    cache: Any = None,
    rebuild: bool = False,
    kind: str = "auto",
    progress: bool = True,
    source: str = "default",
) -> tuple[SearchIndex, UpdateReport]:
    """Create or update the index at `out` for the photos under `folder`, embedded by alignment `model`. Photos
    are kept by absolute path, so search results open from any directory and `photos/` and `./photos` agree.
    `source` is where the alignment came from ("default" or its folder), so `gemlang search` can use it again."""
    out = Path(out)
    folder = Path(folder).resolve()
    signature = alignment_signature(model)
    dim = model.image_head.config["out_dim"]
    if out.exists() and not rebuild:
        index = SearchIndex.load(out)
        if index.config["alignment"] != signature:
            raise SearchIndexError(
                f"{out} was built with another image-text alignment ({index.config['alignment']}, this one is "
                f"{signature}); pass --rebuild to re-embed every photo"
            )
        indexed = index.config.get("folder")
        if indexed and Path(indexed) != folder:  # an update holds exactly one folder's photos: the rest would go
            raise SearchIndexError(
                f"{out} is the index of {indexed}: updating it from {folder} would drop that folder's photos. "
                "Give another --out for this folder, or --rebuild to make it the index of this folder alone"
            )
    else:
        index = SearchIndex.empty(dim, signature)
    index.config["folder"] = str(folder)
    index.config["alignment_source"] = source
    report = index.update(folder, lambda photos: model.embed_images(photos, cache=cache), progress, kind)
    index.save(out)
    return index, report
