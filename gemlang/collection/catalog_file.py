"""The catalog on disk: appended and committed batch by batch, so a killed run loses at most one batch.

Beside OUT lives OUT.run.json, the run record: the settings the catalog was written with (model
fingerprint, top-k, prose generator, columns) and how much of OUT is committed. Each batch is appended,
flushed and fsynced, and only then is the record replaced (atomically) with the new committed length.
Opening OUT again therefore:

- truncates anything past the committed length (a torn line of a run killed mid-write, or a batch whose
  record never landed), so the file never holds a broken line;
- refuses, with the settings that differ, to append rows made with another model or option;
- yields the keys (content hashes) of the photos already catalogued, so they are skipped.

A --restart keeps OUT until its new catalog is complete: the new rows go to `restart_path(OUT)`
(catalog.restarting.csv beside catalog.csv), which a stopped restart leaves for the next run to go on with,
and the finished run puts in OUT's place (`finish_restart`).

Formats, by OUT's suffix: .jsonl (one JSON object a photo), .csv, .md, and .parquet: a folder of Parquet
parts, one per batch, each written to a temporary name and renamed (a part is complete or absent).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from gemlang.collection.catalog_rows import COLUMN_NAMES, COLUMNS, row_key
from gemlang.errors import GemlangError
from gemlang.io import atomic_file, printable, write_json_atomic
from gemlang.language.describe import percent

RECORD_FORMAT = "gemlang-catalog-run"
# (row key, photo as the row names it) -> the path the photo has moved to
Moved = dict[tuple[str, str], str]
COMPARED_SETTINGS = ("model", "top_k", "generator", "columns")


class CatalogFileError(GemlangError):
    """OUT cannot be resumed as asked; the message says why and what to do."""


def run_record_path(out: Path) -> Path:
    return out.with_name(out.name + ".run.json")


def restart_path(out: Path) -> Path:
    """Where a --restart writes its catalog while OUT keeps the old one: catalog.csv -> catalog.restarting.csv."""
    return out.with_name(f"{out.stem}.restarting{out.suffix}")


class KeySet:
    """Keys of the photos already catalogued, as 64-bit prefixes of their SHA-256: 8 bytes a photo.

    10^7 photos take 80 MB rather than the ~1 GB a set of hex strings would; two different photos share
    a 64-bit prefix with probability ~3e-6 at that size.
    """

    def __init__(self, codes: np.ndarray | None = None):
        self._sorted = np.unique(codes) if codes is not None else np.empty(0, np.uint64)
        self._recent: set[int] = set()

    @staticmethod
    def code(key: str) -> int:
        return int(key.removeprefix("path:")[:16], 16) ^ (1 if key.startswith("path:") else 0)

    def add(self, key: str) -> None:
        self._recent.add(self.code(key))
        if len(self._recent) >= 100_000:
            self._sorted = np.union1d(self._sorted, np.fromiter(self._recent, np.uint64, len(self._recent)))
            self._recent.clear()

    def __contains__(self, key: str) -> bool:
        c = self.code(key)
        if c in self._recent:
            return True
        i = np.searchsorted(self._sorted, np.uint64(c))
        return bool(i < len(self._sorted) and self._sorted[i] == c)

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)

    def to_array(self) -> np.ndarray:
        return np.union1d(self._sorted, np.fromiter(self._recent, np.uint64, len(self._recent)))


# --- formats ---------------------------------------------------------------------------------------------
class _Prefix(io.RawIOBase):
    """The first `limit` bytes of a binary file: the committed part of a catalog another run may be extending."""

    def __init__(self, raw: io.BufferedReader, limit: int | None):
        self.raw, self.left = raw, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = len(buffer) if self.left is None else min(len(buffer), self.left)
        data = self.raw.read(n)
        buffer[: len(data)] = data
        if self.left is not None:
            self.left -= len(data)
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open_committed(path: Path, committed: int | None) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BufferedReader(_Prefix(open(path, "rb"), committed)), encoding="utf-8", newline="")


class TextCatalog:
    """JSONL, CSV and Markdown: one file, appended in binary mode so committed lengths are exact bytes."""

    header = ""
    columns = COLUMN_NAMES  # what a row holds in this format; a run resumes only a catalog of the same

    def __init__(self, path: Path):
        self.path = path

    def start(self) -> int:
        with open(self.path, "wb") as f:
            f.write(self.header.encode())
            f.flush()
            os.fsync(f.fileno())
        return len(self.header.encode())

    def recover(self, committed: int) -> None:
        size = self.path.stat().st_size
        if size < committed:
            raise CatalogFileError(
                f"{self.path} is shorter than its run record says ({size} < {committed} bytes): it was changed "
                "outside gemlang. Move it away or pass --restart to catalog from scratch."
            )
        if size > committed:
            os.truncate(self.path, committed)

    def append(self, rows: list[dict[str, Any]]) -> int:
        with open(self.path, "ab") as f:
            f.write("".join(self.render(row) for row in rows).encode())
            f.flush()
            os.fsync(f.fileno())
            return f.tell()

    def render(self, row: dict[str, Any]) -> str:
        raise NotImplementedError

    def replace_with(self, new: Path) -> None:
        """Put the catalog `new` in this one's place, at one rename."""
        if new.exists():
            os.replace(new, self.path)

    def move_rows(self, committed: int, moved: Moved) -> int:
        """Rewrite the first `committed` bytes beside the file, each row of `moved` with its photo's new path, and
        replace the file with it; the new committed length."""
        with _open_committed(self.path, committed) as f, atomic_file(self.path, "wb") as out:
            for text in self._moved(f, moved):
                out.write(text.encode())
            out.flush()
            os.fsync(out.fileno())
            size = out.tell()
        return size

    def _moved(self, f: io.TextIOWrapper, moved: Moved) -> Iterator[str]:
        raise NotImplementedError

    def keys(self) -> Iterator[tuple[str, bool]]:
        """(key, failed) of every committed row."""
        for row in self.rows():
            yield row_key(row), bool(row.get("error"))

    def rows(self, committed: int | None = None) -> Iterator[dict[str, Any]]:
        """The rows in the first `committed` bytes (default: the whole file)."""
        raise NotImplementedError


class JsonlCatalog(TextCatalog):
    def render(self, row: dict[str, Any]) -> str:
        return json.dumps(row, ensure_ascii=False) + "\n"

    def _moved(self, f: io.TextIOWrapper, moved: Moved) -> Iterator[str]:
        for line in f:
            row = json.loads(line)
            new = moved.get((row_key(row), row["photo"]))
            yield line if new is None else self.render({**row, "photo": new})

    def rows(self, committed: int | None = None) -> Iterator[dict[str, Any]]:
        with _open_committed(self.path, committed) as f:
            for line in f:
                yield json.loads(line)


def ranked_text(ranked: list[list]) -> str:
    return "; ".join(f"{label} {percent(p)}" for label, p in ranked)


class CsvCatalog(TextCatalog):
    """A ranked column twice: as text to read ("Ruby 98%; Almandine 1%") and, in NAME_json, as the JSON list of
    [label, probability] the JSONL row holds."""

    columns = [name for c in COLUMNS for name in ([c.name, f"{c.name}_json"] if c.kind == "ranked" else [c.name])]
    header = ",".join(columns) + "\n"

    def render(self, row: dict[str, Any]) -> str:
        buffer = io.StringIO()
        values = []
        for c in COLUMNS:
            v = row.get(c.name)
            if c.kind == "ranked":
                values.append(ranked_text(v or []))
                v = json.dumps(v or [], ensure_ascii=False)
            elif c.kind == "flag":
                v = "" if v is None else "yes" if v else "no"
            values.append("" if v is None else v)
        csv.writer(buffer, lineterminator="\n").writerow(values)
        return buffer.getvalue()

    def _moved(self, f: io.TextIOWrapper, moved: Moved) -> Iterator[str]:
        reader, buffer = csv.reader(f), io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        header = next(reader)
        writer.writerow(header)
        photo, digest = header.index("photo"), header.index("sha256")
        for cells in reader:
            new = moved.get((row_key({"photo": cells[photo], "sha256": cells[digest]}), cells[photo]))
            writer.writerow(cells if new is None else [*cells[:photo], new, *cells[photo + 1 :]])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    def rows(self, committed: int | None = None) -> Iterator[dict[str, Any]]:
        with _open_committed(self.path, committed) as f:
            yield from csv.DictReader(f)


def _markdown_text(text: str) -> str:
    """A file name as Markdown shows it literally: on one line, no HTML (a "<!--" would hide what follows), no
    emphasis or link marks."""
    text = html.escape(" ".join(str(text).split()), quote=False)
    return re.sub(r"([`*_\[\]#|])", r"\\\1", text)


class MarkdownCatalog(TextCatalog):
    """Readable, and still resumable: each row carries its key and its photo's path in an HTML comment a
    reader never sees, so a later run can tell which photos are gone or replaced (as for the other formats)."""

    header = "# Catalog\n"
    _KEY = re.compile(r'^<!-- row (\S+)( failed)?(?: photo=("(?:[^"\\]|\\.)*"))? -->$', re.MULTILINE)

    @staticmethod
    def _mark(key: str, failed: bool, photo: str) -> str:
        # the path as JSON, "<" and ">" escaped so that no file name can open or close a comment
        path = json.dumps(str(photo)).replace("<", "\\u003c").replace(">", "\\u003e")
        return f"<!-- row {key}{' failed' if failed else ''} photo={path} -->"

    def render(self, row: dict[str, Any]) -> str:
        mark = self._mark(row_key(row), bool(row.get("error")), row["photo"])
        photo = _markdown_text(row["photo"])
        if row.get("error"):
            return f"\n## {photo}\n{mark}\n\nNot described: {_markdown_text(row['error'])}\n"
        # the runners-up, as the other formats keep them; for a photo out of scope, what it looks most like
        ranked = ranked_text(row.get("top_k") or [])
        if not row.get("gem"):  # out of scope: the description says what it is
            closest = f"\n\nClosest known gems: {ranked}." if ranked else ""
            return f"\n## {photo}\n{mark}\n\n{row['description']}{closest}\n"
        also = f"\n\nCandidates: {ranked}." if len(row.get("top_k") or []) > 1 else ""
        head = f"\n## {photo}: {row['gem']} ({percent(row['probability'])})\n{mark}\n\n"
        return f"{head}{row['description']}{also}\n"

    def _moved(self, f: io.TextIOWrapper, moved: Moved) -> Iterator[str]:
        """The text with the heading and the marker of each moved row naming the new path (the rest as it was)."""
        text, start = f.read(), 0
        for m in self._KEY.finditer(text):
            key, failed, photo = m.groups()
            new = moved.get((key, json.loads(photo))) if photo else None
            if new is None:
                continue
            heading = text.rfind("\n## ", start, m.start()) + 1  # "## PHOTO\n" or "## PHOTO: Gem (p%)\n" above it
            shown = "## " + _markdown_text(json.loads(photo))
            yield text[start:heading] + "## " + _markdown_text(new) + text[heading + len(shown) : m.start()]
            yield self._mark(key, bool(failed), new)
            start = m.end()
        yield text[start:]

    def keys(self) -> Iterator[tuple[str, bool]]:
        text = self.path.read_text(encoding="utf-8")
        for m in self._KEY.finditer(text):
            yield m.group(1), bool(m.group(2))

    def rows(self, committed: int | None = None) -> Iterator[dict[str, Any]]:
        """What the markers keep of each row: its photo, content hash and whether it failed (a catalog written
        before markers named the photo gives rows without one)."""
        with _open_committed(self.path, committed) as f:
            text = f.read()
        for m in self._KEY.finditer(text):
            key, failed, photo = m.groups()
            yield {
                "photo": json.loads(photo) if photo else None,
                "sha256": "" if key.startswith("path:") else key,
                "error": "not described" if failed else None,
            }


class ParquetCatalog:
    """A folder of Parquet parts (a Parquet dataset: pyarrow, pandas, Spark, DuckDB and Ray read it whole)."""

    columns = COLUMN_NAMES

    def __init__(self, path: Path):
        self.path = path

    @staticmethod
    def schema():
        import pyarrow as pa

        ranked = pa.list_(pa.struct([("label", pa.string()), ("probability", pa.float64())]))
        kinds = {"text": pa.string(), "number": pa.float64(), "flag": pa.bool_(), "ranked": ranked}
        return pa.schema([(c.name, kinds[c.kind]) for c in COLUMNS])

    def _parts(self) -> list[Path]:
        return sorted(self.path.glob("part-*.parquet"))

    def start(self) -> int:
        self.path.mkdir(parents=True, exist_ok=True)
        for part in self._parts():
            part.unlink()
        self.recover(0)
        return 0

    def recover(self, committed: int) -> None:
        for tmp in self.path.glob(".part-*"):  # a part being written when the run was killed
            tmp.unlink()

    def append(self, rows: list[dict[str, Any]]) -> int:
        import pyarrow as pa

        n = len(self._parts())
        if rows:
            columns = {
                c.name: [
                    [{"label": label, "probability": p} for label, p in r[c.name] or []]
                    if c.kind == "ranked"
                    else r[c.name]
                    for r in rows
                ]
                for c in COLUMNS
            }
            self._write_part(pa.table(columns, schema=self.schema()), self.path / f"part-{n:06d}.parquet")
            n += 1
        return n

    def replace_with(self, new: Path) -> None:
        """Put the folder `new` in this one's place, at two renames; a file of someone's in this folder (not a part)
        stays in it. Stopped part-way, the next call finishes it."""
        old = self.path.with_name(f".{self.path.name}.replaced")
        if new.exists():
            if self.path.exists() and not old.exists():
                os.replace(self.path, old)
            os.replace(new, self.path)
        if old.exists():
            for entry in old.iterdir():
                if not entry.name.startswith(("part-", ".part-")):
                    os.replace(entry, self.path / entry.name)
            shutil.rmtree(old)

    @staticmethod
    def _write_part(table, final: Path) -> None:
        """Write a part under a temporary name, then rename it: a part is complete or absent."""
        import pyarrow.parquet as pq

        tmp = final.with_name(f".{final.name}.tmp")
        pq.write_table(table, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, final)

    def move_rows(self, committed: int, moved: Moved) -> int:
        """Each part holding a row of `moved` rewritten with the photo's new path; the parts committed stay as many."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for part in self._parts():
            table = pq.read_table(part)
            photos, digests = table.column("photo").to_pylist(), table.column("sha256").to_pylist()
            now = [moved.get((row_key({"photo": p, "sha256": d}), p), p) for p, d in zip(photos, digests, strict=True)]
            if now != photos:
                column = table.schema.get_field_index("photo")
                self._write_part(table.set_column(column, "photo", pa.array(now, pa.string())), part)
        return committed

    def rows(self, committed: int | None = None) -> Iterator[dict[str, Any]]:
        import pyarrow.parquet as pq

        for part in self._parts():
            for row in pq.read_table(part).to_pylist():
                row["top_k"] = [[t["label"], t["probability"]] for t in row["top_k"] or []]
                yield row

    def keys(self) -> Iterator[tuple[str, bool]]:
        import pyarrow.parquet as pq

        for part in self._parts():
            table = pq.read_table(part, columns=["photo", "sha256", "error"]).to_pydict()
            for photo, digest, error in zip(table["photo"], table["sha256"], table["error"], strict=True):
                yield row_key({"photo": photo, "sha256": digest}), bool(error)


FORMATS = {".jsonl": JsonlCatalog, ".csv": CsvCatalog, ".md": MarkdownCatalog, ".parquet": ParquetCatalog}


def catalog_format(out: Path):
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise CatalogFileError(f"--out {out}: name the catalog file .jsonl, .csv, .md or .parquet (a folder of parts)")
    if fmt is ParquetCatalog:
        try:
            import pyarrow  # noqa: F401
        except ImportError as e:
            raise CatalogFileError("Parquet output needs pyarrow: pip install 'gemlang[scale]'") from e
    return fmt


def read_rows(out: str | Path) -> Iterator[dict[str, Any]]:
    """The committed rows of a catalog, even while a run is appending to it (CSV gives its text cells)."""
    out = Path(out)
    record = run_record_path(out)
    committed = json.loads(record.read_text())["committed"] if record.exists() else None
    yield from catalog_format(out)(out).rows(committed)


# --- opening, resuming, committing ---------------------------------------------------------------------------
def _tail_digest(out: Path, committed: int, span: int = 4096) -> str | None:
    """SHA-256 of the last `span` committed bytes of a one-file catalog (None for Parquet's folder): a file
    edited by hand no longer matches, where a run killed mid-write only left bytes past `committed`."""
    if not out.is_file():
        return None
    with open(out, "rb") as f:
        f.seek(max(0, committed - span))
        return hashlib.sha256(f.read(min(span, committed))).hexdigest()


def _lock_for_writing(out: Path):
    """Hold an exclusive lock on OUT.lock until `CatalogWriter.close` removes it: a second run on the same OUT
    would interleave its batches with this one's. The kernel drops the lock when the process ends, however it
    ends; a lock file a finished run removed while another run opened it is not the lock, so that run tries again."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, as before
        return None
    path = out.with_name(out.name + ".lock")
    while True:
        handle = open(path, "a")  # noqa: SIM115 (held open until the run closes it)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise CatalogFileError(
                f"another `gemlang catalog` is writing {out} right now; wait for it to finish, or choose another --out"
            ) from None
        if path.exists() and path.stat().st_ino == os.fstat(handle.fileno()).st_ino:
            return handle
        handle.close()  # locked a file the run before removed: lock the one now at `path`


def finish_restart(out: Path) -> None:
    """Put the catalog of a --restart in OUT's place, then its run record in OUT's record's. Each step is done only
    if it is still to do, so a run stopped between them leaves what the next call finishes."""
    catalog_format(out)(out).replace_with(restart_path(out))
    os.replace(run_record_path(restart_path(out)), run_record_path(out))


def _finish_a_stopped_finish(out: Path) -> None:
    """A restart's run record without its catalog: a run stopped between the two steps of `finish_restart`, when OUT
    holds the rows the record counts (finished now), or a restart whose catalog was deleted (its record goes too)."""
    side, record_path = restart_path(out), run_record_path(restart_path(out))
    if side.exists() or not record_path.exists():
        return
    try:
        record = json.loads(record_path.read_text())
        committed = record["committed"]
    except (OSError, ValueError, KeyError):
        record, committed = {}, None
    if out.is_dir():
        holds = len(list(out.glob("part-*.parquet"))) == committed
    else:
        holds = (
            out.is_file()
            and out.stat().st_size == committed
            and record.get("tail_sha256") == _tail_digest(out, committed)
        )
    if holds:
        finish_restart(out)
    else:
        record_path.unlink()


class CatalogWriter:
    """OUT opened for a run: `done` holds the keys already in it; `append` commits one batch to `path`.

    `path` is OUT, or for a restart (`restarting`) `restart_path(OUT)`, which `finish` puts in OUT's place: OUT keeps
    the old catalog until then, and a later run, with --restart or without, goes on with the stopped restart.
    """

    def __init__(self, out: Path, settings: dict[str, Any], restart: bool = False):
        self.out = out
        fmt = catalog_format(out)
        self.settings = settings | {"columns": list(fmt.columns)}
        # a folder where a file goes, or the reverse
        if out.is_dir() != (out.suffix.lower() == ".parquet") and out.exists():
            raise CatalogFileError(f"{out} is a {'folder' if out.is_dir() else 'file'}: choose another --out.")
        out.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _lock_for_writing(out)
        _finish_a_stopped_finish(out)
        side = restart_path(out)
        self.restarting = run_record_path(side).exists() or restart and out.exists()
        self.path = side if self.restarting else out
        self.catalog = fmt(self.path)
        self.record = run_record_path(self.path)
        self.done = KeySet()
        self.failed_before = KeySet()  # photos OUT holds an error row for: counted again only if they still fail
        self.kept = self._rows_held() if self.restarting else 0  # the rows OUT keeps until the restart is done
        try:
            resumed = self._resume() if self.restarting or not restart else False
        except CatalogFileError:
            if not restart:
                raise
            resumed = False  # a stopped restart of other options, or changed: this restart starts anew
        self.resumed_restart = self.restarting and resumed
        if not resumed:
            self.committed = self.catalog.start()
            self._write_record()

    def _resume(self) -> bool:
        """Check the catalog at `path` against this run and recover it; False when there is nothing to resume."""
        if not self.record.exists():
            if self.path.exists() and (self.path.is_dir() and any(self.path.iterdir()) or self.path.is_file()):
                raise CatalogFileError(
                    f"{self.path} exists but has no run record ({self.record.name}), so it was not written by "
                    "`gemlang catalog` and cannot be resumed. Choose another --out, or pass --restart to replace it."
                )
            return False
        try:
            record = json.loads(self.record.read_text())
            earlier, committed = record["settings"], record["committed"]
        except (OSError, ValueError, KeyError) as e:
            raise CatalogFileError(f"{self.record}: not a readable run record ({e}); pass --restart") from e
        if not self.path.exists():
            return False
        differ = [k for k in COMPARED_SETTINGS if earlier.get(k) != self.settings.get(k)]
        if "columns" in differ:  # written by another version of gemlang: no option of this run would match it
            before, now = earlier.get("columns") or [], self.settings["columns"]
            added, gone = [c for c in now if c not in before], [c for c in before if c not in now]
            changes = [f"{label}: {', '.join(names)}" for label, names in (("new", added), ("gone", gone)) if names]
            raise CatalogFileError(
                f"{self.path} was written by another version of gemlang, with other columns "
                f"({'; '.join(changes) or 'in another order'}), so this run's rows would not line up with its rows. "
                "Pass --restart to rebuild it with the current columns, or choose another --out to keep it as it is."
            )
        if differ:

            def shown(settings: dict, key: str) -> str:  # a model by where it came from, beside its fingerprint
                source = settings.get("model_source") if key == "model" else None
                return f"{source!r} ({settings.get(key)})" if source else repr(settings.get(key))

            said = "; ".join(
                f"{k}: {shown(earlier, k)} in {self.path.name}, {shown(self.settings, k)} now" for k in differ
            )
            raise CatalogFileError(
                f"{self.path} was written with other settings ({said}). A catalog holds rows of one model and one set "
                "of options: choose another --out, run with the same options to resume, or pass --restart."
            )
        if record.get("tail_sha256") not in (None, _tail_digest(self.path, committed)):
            raise CatalogFileError(
                f"{self.path} was changed outside gemlang since its last run (its committed rows differ from what "
                "was written), so appending could cut an edited row. Move it away or pass --restart."
            )
        self.catalog.recover(committed)
        self.committed = committed
        failed: list[int] = []

        def codes() -> Iterator[int]:  # photos described; those that failed are tried again
            for key, error in self.catalog.keys():
                if error:
                    failed.append(KeySet.code(key))
                else:
                    yield KeySet.code(key)

        self.done = KeySet(np.fromiter(codes(), np.uint64))
        self.failed_before = KeySet(np.array(failed, np.uint64))
        return True

    def _rows_held(self) -> int:
        """How many committed rows OUT holds (0 for a file `gemlang catalog` did not write, or cannot read)."""
        try:
            return (
                sum(1 for _ in read_rows(self.out)) if run_record_path(self.out).exists() and self.out.exists() else 0
            )
        except (OSError, ValueError, KeyError):
            return 0

    def finish(self) -> None:
        """The run is complete: a restart's catalog takes OUT's place (`finish_restart`); nothing is written after."""
        if self.restarting:
            finish_restart(self.out)

    def close(self) -> None:
        """The run is over: remove OUT.lock and release it (removed first, while still held)."""
        if self._lock is not None:
            Path(self._lock.name).unlink(missing_ok=True)
            self._lock.close()
            self._lock = None

    def _write_record(self) -> None:
        record = {"format": RECORD_FORMAT, "settings": self.settings, "committed": self.committed}
        write_json_atomic(record | {"tail_sha256": _tail_digest(self.path, self.committed)}, self.record)

    def move_rows(self, moved: Moved) -> None:
        """Give the rows of photos that moved their new path: OUT rewritten beside itself replaces it (a Parquet part
        at a time), then the run record follows. Killed between the two, OUT holds whole rows either way, and the
        next run refuses it as changed since its last run (--restart rebuilds it)."""
        if moved:
            self.committed = self.catalog.move_rows(self.committed, moved)
            self._write_record()

    def append(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        rows = [{k: printable(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
        self.committed = self.catalog.append(rows)
        self._write_record()
        for row in rows:
            self.done.add(row_key(row))
