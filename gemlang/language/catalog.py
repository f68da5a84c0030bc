"""Batch catalog descriptions: every photo of a folder classified and described, as CSV, JSONL or Markdown.

A photo that cannot be read gets a row with the reason instead of a description; the batch goes on.
The file is written to a temporary name and renamed, so a crash never leaves half a catalog.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from gemlang.data.images import IMAGE_SUFFIXES
from gemlang.errors import UsageError
from gemlang.io import write_text_atomic
from gemlang.language.describe import Generator, describe_prediction, percent

FORMATS = (".csv", ".jsonl", ".md")
CSV_COLUMNS = ["photo", "gem", "probability", "alternative", "top_k", "description", "error"]


def photo_paths(folder: str | Path) -> list[Path]:
    """Every photo under `folder` (sub-folders included), in a stable order; hidden files skipped."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder of photos")
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES and not any(s.startswith(".") for s in p.parts[-2:])
    )


def catalog_photos(
    photos: list[Path],
    classifier: Any,
    generator: Generator | None = None,
    top_k: int = 5,
    cache: Any = None,
    progress: bool = True,
) -> list[dict[str, Any]]:
    """One row per photo: {"photo", "gem", "probability", "alternative", "top_k", "description", "error"}."""
    from tqdm.auto import tqdm

    probs, failures = classifier.predict_proba([str(p) for p in photos], cache=cache, progress=progress)
    rows = []
    for i, photo in enumerate(tqdm(photos, desc="describing", unit="photo", disable=not progress)):
        if i in failures:
            rows.append({"photo": str(photo), "error": failures[i]})
            continue
        ranked = classifier.rank(probs[i], top_k).top_k
        d = describe_prediction(ranked, generator)
        rows.append(
            {
                "photo": str(photo),
                "gem": d.gem.name,
                "probability": round(d.probability, 4),
                "alternative": d.alternative.name if d.alternative else "",
                "top_k": [[label, round(float(p), 4)] for label, p in ranked],
                "description": d.text,
                "error": "",
            }
        )
    return rows


def render_catalog(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == ".jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if fmt == ".csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            top = "; ".join(f"{label} {percent(p)}" for label, p in row.get("top_k", []))
            writer.writerow({**{c: row.get(c, "") for c in CSV_COLUMNS}, "top_k": top})
        return buffer.getvalue()
    if fmt == ".md":
        parts = ["# Catalog\n"]
        for row in rows:
            if row.get("error"):
                parts.append(f"## {row['photo']}\n\nNot described: {row['error']}\n")
            else:
                heading = f"## {row['photo']}: {row['gem']} ({percent(row['probability'])})"
                parts.append(f"{heading}\n\n{row['description']}\n")
        return "\n".join(parts)
    raise UsageError(f"unknown catalog format {fmt!r}; name the output file .csv, .jsonl or .md")


def write_catalog(rows: list[dict[str, Any]], out: str | Path) -> Path:
    """Write the rows in the format the file name asks for (.csv, .jsonl or .md), atomically."""
    out = Path(out)
    return write_text_atomic(out, render_catalog(rows, out.suffix.lower()))
