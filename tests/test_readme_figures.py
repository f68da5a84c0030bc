"""Every figure in the README's benchmark table is the figure in the report that the row names.

Convention (also in README.md, "Benchmarks"): each row of the table ends with a `source` cell,

    `REPORT` KEY, KEY, ...

REPORT is a file under eval/results/ written by the row's command (or, when it contains a `/`, a file the
command writes elsewhere, relative to the repository: `gemlang/default_model/config.json`), and there is one
KEY per number of the row's `figure` cell, in the same order:
- a .json report: a dotted path into it (`cross_validation.top1`, `conditions.photo+hardness.top1`; list
  items by index, `results.2.ivf.by_nprobe.3.p95_ms`);
- a .csv report: `ROW.COLUMN`, ROW being the value of the first column (`residual-cnn.top1`);
- a .md report (only for a report that writes no JSON yet): the words just before the number (`median`).
A number followed by `%` is checked against 100 x the value; one followed by a unit (`ms`, `min`) or
nothing against the value itself; each to the decimals written. A number without a unit takes the unit of
the next number (`32–68%`). So a re-run that changes a figure fails here until the README follows.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "eval" / "results"
# A number that is not part of a word or a name like "top-1"; its unit, if any.
NUMBER = re.compile(r"(?<![\w.\-@^])(\d+(?:\.\d+)?)\s*(%|ms|min)?(?![\w])")


def benchmark_rows() -> list[dict[str, str]]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Benchmarks", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    return [dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True)) for line in lines[2:]]


def figures(cell: str) -> list[tuple[str, str]]:
    """(number as written, unit) for each number in a figure cell; a bare number takes the next unit."""
    found = NUMBER.findall(cell)
    out, unit = [], ""
    for number, u in reversed(found):
        unit = u or unit
        out.append((number, unit))
    return out[::-1]


def report_value(report: str, key: str) -> float:
    path = ROOT / report if "/" in report else RESULTS / report
    if path.suffix == ".md":
        match = re.search(re.escape(key) + r"\s+(\d+(?:\.\d+)?)", path.read_text())
        assert match, f"{report}: no number after {key!r}"
        return float(match.group(1))
    if path.suffix == ".json":
        value = json.loads(path.read_text())
        for part in key.split("."):
            value = value[int(part)] if isinstance(value, list) else value[part]
        return float(value)
    if path.suffix == ".csv":
        row, column = key.rsplit(".", 1)
        with open(path, newline="") as f:
            rows = {r[next(iter(r))]: r for r in csv.DictReader(f)}
        return float(rows[row][column])
    raise AssertionError(f"{report}: the README's figures must come from a .json, .csv or .md report")


def parse_source(cell: str) -> tuple[str, list[str]]:
    match = re.fullmatch(r"`([^`]+)`\s+(.+)", cell)
    assert match, f"source cell {cell!r} is not '`REPORT` KEY, KEY, ...'"
    return match.group(1), [k.strip() for k in match.group(2).split(",")]


ROWS = benchmark_rows()


def test_the_benchmark_table_has_rows_and_every_row_names_its_source():
    assert len(ROWS) >= 5
    for row in ROWS:
        assert row.get("source"), f"row {row['what']!r} names no source report"


@pytest.mark.parametrize("row", ROWS, ids=[r["what"][:40] for r in ROWS])
def test_readme_figure_matches_its_report(row):
    report, keys = parse_source(row["source"])
    numbers = figures(row["figure"])
    assert len(numbers) == len(keys), f"{row['what']!r}: {len(numbers)} figures but {len(keys)} keys"
    for (written, unit), key in zip(numbers, keys, strict=True):
        value = report_value(report, key) * (100 if unit == "%" else 1)
        decimals = len(written.split(".")[1]) if "." in written else 0
        where = f"{row['what']!r}: README says {written}{unit}, {report} {key} = {value}"
        assert f"{value:.{decimals}f}" == written, where


def test_figures_are_read_with_their_units():
    assert figures("82.3% → 85.8% / 89.2% top-1") == [("82.3", "%"), ("85.8", "%"), ("89.2", "%")]
    expected = [("32", "%"), ("68", "%"), ("54.5", "ms"), ("7.6", "min")]
    assert figures("32–68% top-1, 54.5 ms median, 7.6 min") == expected
