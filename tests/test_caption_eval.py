"""eval/captions.py: independent references stay independent and licensed, and the smoke mode runs."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

from PIL import Image

from gemlang.knowledge import class_names
from gemlang.knowledge.knowledge_base import sourced_facts

REPO = Path(__file__).resolve().parents[1]
REFERENCES = REPO / "eval" / "data" / "references"


def _references() -> list[dict]:
    return [json.loads(line) for line in (REFERENCES / "references.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_reference_names_a_class_its_source_and_licence():
    rows = _references()
    names = set(class_names())
    assert len(rows) >= 25
    assert len({r["class"] for r in rows}) == len(rows)
    for row in rows:
        assert row["class"] in names
        assert row["url"].startswith("http") and row["title"] and row["licence"]
        assert "CC BY-SA" in row["licence"] or "Public domain" in row["licence"], row["licence"]
        assert len(row["text"].split()) >= 30, row["class"]
    attribution = (REFERENCES / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert all(row["url"] in attribution for row in rows)
    assert (REFERENCES / "LICENSE").is_file()


def test_no_sourced_fact_cites_an_evaluation_reference():
    """The facts gemlang writes descriptions from must not come from the text they are scored against."""
    reference_urls = {row["url"] for row in _references()}
    reference_urls |= {u for row in _references() for u in row["licence"].split() if u.startswith("http")}
    reference_urls = {u.rstrip(")") for u in reference_urls}
    for facts in sourced_facts().values():
        for _, citation in facts.values():
            for url in re.findall(r"<(http[^>]+)>", citation):
                assert url not in reference_urls, citation


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


COPIED_RUN = 12  # words in a row shared with a reference: a copied passage, not a shared name or phrase


def test_no_sourced_fact_copies_an_evaluation_reference():
    """A fact written in gemlang's words shares no long run of words with any evaluation reference (many pages
    repeat encyclopedia text word for word; a fact taken from one would score against itself)."""
    references = [(row["class"], _words(row["text"])) for row in _references()]
    for name, facts in sourced_facts().items():
        for field, (text, _) in facts.items():
            fact = _words(text)
            for reference_class, reference in references:
                match = SequenceMatcher(None, fact, reference, autojunk=False).find_longest_match()
                run = " ".join(fact[match.a : match.a + match.size])
                assert match.size < COPIED_RUN, f"{name}.{field} repeats {reference_class}'s reference: {run!r}"


def _paint(folder: Path, name: str, colour: tuple[int, int, int], n: int = 4) -> None:
    (folder / name).mkdir(parents=True)
    for i in range(n):
        shade = tuple(min(255, c + 9 * i) for c in colour)
        Image.new("RGB", (32, 32), shade).save(folder / name / f"{i}.png")


def test_smoke_mode_scores_descriptions_against_the_references(tmp_path):
    data = tmp_path / "photos"
    _paint(data, "Ruby", (180, 20, 40))
    _paint(data, "Emerald", (20, 150, 60))
    _paint(data, "Sapphire Blue", (30, 40, 170))
    results = tmp_path / "results"
    run = subprocess.run(
        [sys.executable, str(REPO / "eval" / "captions.py"), "--smoke", "--data", str(data),
         "--results", str(results), "--cache", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=300, cwd=REPO,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads((results / "captions.json").read_text())
    assert report["smoke"] and report["n_reference_classes"] == 3 and report["n_scored"] == 12
    prose = report["variants"]["prose"]["tfidf_cosine"]["mean"]
    floor = report["variants"]["wrong_gem_floor"]["tfidf_cosine"]["mean"]
    assert 0 < floor < prose <= 1
    assert "independent" in (results / "captions.md").read_text()


def test_wrong_gem_floor_never_uses_a_shared_passage(tmp_path):
    """Colour varieties may share their gem's passage; the floor must then come from a gem with another passage."""
    data = tmp_path / "photos"
    _paint(data, "Aventurine Green", (60, 140, 80))
    _paint(data, "Aventurine Yellow", (210, 180, 60))
    _paint(data, "Emerald", (20, 150, 60))
    rows = {r["class"]: r for r in _references()}
    assert rows["Aventurine Green"]["text"] == rows["Aventurine Yellow"]["text"]
    refs = tmp_path / "refs.jsonl"
    refs.write_text("\n".join(json.dumps(rows[c]) for c in ("Aventurine Green", "Aventurine Yellow", "Emerald")) + "\n")
    results = tmp_path / "results"
    run = subprocess.run(
        [sys.executable, str(REPO / "eval" / "captions.py"), "--smoke", "--data", str(data), "--references",
         str(refs), "--results", str(results), "--cache", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=300, cwd=REPO,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    per_item = list(csv.DictReader((results / "captions.per_item.csv").open()))
    aventurines = [r for r in per_item if r["id"].startswith("Aventurine")]
    assert len(aventurines) == 8
    assert all(r["prose_tfidf"] != r["wrong_gem_floor_tfidf"] for r in aventurines)
