"""`gemlang index` / `gemlang search --index`: the same answers as a folder search, kept up to date incrementally."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import make_image_folder, paint_gem

from gemlang.cli import main
from gemlang.collection.search_index import SearchIndex, SearchIndexError

faiss = pytest.importorskip("faiss")


def test_index_search_prints_what_the_folder_search_prints(tiny_folder, tmp_path, capsys):
    cache = str(tmp_path / "cache")
    assert main(["index", str(tiny_folder), "--out", str(tmp_path / "idx"), "--cache", cache, "--no-progress"]) == 0
    assert "18 photos (flat index); 18 added" in capsys.readouterr().out
    assert main(["search", "deep blue, very hard", str(tiny_folder), "--top", "5", "--cache", cache]) == 0
    from_folder = capsys.readouterr().out
    assert main(["search", "deep blue, very hard", "--index", str(tmp_path / "idx"), "--top", "5"]) == 0
    from_index = capsys.readouterr().out
    assert len(from_index.splitlines()) == 5 and from_index == from_folder
    assert main(["search", "deep blue", str(tmp_path / "idx")]) == 2  # the index given as a folder of photos
    assert f"search it with --index {tmp_path / 'idx'}" in capsys.readouterr().err
    moved = tmp_path / "moved"
    shutil.copytree(tiny_folder, moved)  # the tiny folder is shared: move a copy's photos, not its own
    assert main(["index", str(moved), "--out", str(tmp_path / "idx2"), "--cache", cache, "--no-progress"]) == 0
    capsys.readouterr()
    shutil.rmtree(moved)
    assert main(["search", "deep blue, very hard", "--index", str(tmp_path / "idx2"), "--top", "2"]) == 0
    said = capsys.readouterr()
    assert said.out.count("(no longer there)") == 2 and "run `gemlang index` on the folder again" in said.err


def test_search_needs_exactly_one_of_a_folder_and_an_index(tiny_folder, tmp_path, capsys):
    assert main(["search", "blue"]) == 2
    assert "give a folder of photos (DIR) or an index (--index INDEX) to search" in capsys.readouterr().err
    assert main(["search", "blue", str(tiny_folder), "--index", str(tmp_path)]) == 2
    assert "either a folder of photos (DIR) or an index" in capsys.readouterr().err
    assert main(["search", "blue", "--index", str(tmp_path)]) == 2
    assert "not a gemlang search index" in capsys.readouterr().err


def _fake_embed(paths):
    """Unit vectors drawn from each file's bytes: stands in for the image tower, no photo decoded."""
    vectors = np.stack(
        [np.random.default_rng(int(hashlib.sha256(Path(p).read_bytes()).hexdigest()[:8], 16)).normal(size=16)
         for p in paths]
    ).astype(np.float32)  # fmt: skip
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), {}


def _fake_photos(folder: Path, n: int) -> Path:
    """`n` small files named like photos, each of its own content (`_fake_embed` reads the bytes, not pixels)."""
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.png").write_bytes(f"photo {i}".encode())
    return folder


@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_updates_add_new_photos_drop_removed_ones_and_survive_a_reload(tmp_path, kind):
    folder = _fake_photos(tmp_path / "photos", 300)
    index = SearchIndex.empty(16, "test")
    report = index.update(folder, _fake_embed, progress=False, kind=kind)
    assert (report.added, report.removed, index.config["kind"]) == (300, 0, kind)

    (folder / "000.png").unlink()
    (folder / "001.png").write_bytes(b"photo 1, retouched")
    (folder / "new.png").write_bytes(b"a new photo")
    report = index.update(folder, _fake_embed, progress=False, kind=kind)
    assert (report.added, report.removed, report.kept) == (2, 2, 298)
    index.save(tmp_path / "idx")
    loaded = SearchIndex.load(tmp_path / "idx")
    assert sorted(p for p, _, _ in loaded.photos.values()) == sorted(str(p) for p in folder.iterdir())

    vectors, _ = _fake_embed(sorted(folder.iterdir()))
    hits = loaded.search_vectors(vectors, k=3)
    found_itself = [h[0][0] == str(p) for h, p in zip(hits, sorted(folder.iterdir()), strict=True)]
    assert np.mean(found_itself) > (0.99 if kind == "flat" else 0.9)
    assert all(h[0][1] == pytest.approx(1.0, abs=1e-5) for h, ok in zip(hits, found_itself, strict=True) if ok)
    report = loaded.update(folder, _fake_embed, progress=False, kind=kind)  # nothing changed: nothing re-read
    assert (report.added, report.removed, report.kept) == (0, 0, 300)


def test_an_index_grows_from_exact_to_approximate_search(tmp_path, monkeypatch):
    import gemlang.collection.search_index as search_index

    monkeypatch.setattr(search_index, "FLAT_LIMIT", 100)
    folder = tmp_path / "photos"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:03d}.png").write_bytes(f"photo {i}".encode())
    index = SearchIndex.empty(16, "test")
    index.update(folder, _fake_embed, progress=False)
    assert index.config["kind"] == "flat"
    for i in range(60, 200):
        (folder / f"{i:03d}.png").write_bytes(f"photo {i}".encode())
    report = index.update(folder, _fake_embed, progress=False)
    assert report.rebuilt and index.config["kind"] == "ivf" and len(index) == 200 and index.index.ntotal == 200


def test_an_unreadable_photo_is_listed_and_the_rest_indexed(tmp_path, capsys):
    folder = make_image_folder(tmp_path / "photos", per_class=2)
    (folder / "Ruby" / "broken.jpg").write_bytes(b"not a photo")
    out = tmp_path / "idx"
    code = main(["index", str(folder), "--out", str(out), "--cache", str(tmp_path / "c"), "--no-progress"])
    assert code == 1
    printed = capsys.readouterr()
    assert "broken.jpg" in printed.err and "6 photos (flat index)" in printed.out
    shutil.rmtree(folder / "Emerald")
    paint_gem((30, 50, 200), "polygon", seed=7).save(folder / "Ruby" / "extra.jpg")
    (folder / "Ruby" / "broken.jpg").unlink()
    assert main(["index", str(folder), "--out", str(out), "--cache", str(tmp_path / "c"), "--no-progress"]) == 0
    assert "5 photos (flat index); 1 added, 2 removed, 4 unchanged" in capsys.readouterr().out


def test_the_benchmark_smoke_run_reports_latency_memory_and_recall(tmp_path):
    import json
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    command = [sys.executable, str(repo / "eval" / "search_index.py"), "--smoke", "--results-dir", str(tmp_path)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    [result] = json.loads((tmp_path / "search_index.json").read_text())["results"]
    assert result["vectors"] == 2000 and result["kind_gemlang_chooses"] == "flat"
    assert result["flat"]["p95_ms"] >= result["flat"]["p50_ms"] > 0
    recalls = {x["nprobe"]: x["recall_at_10"] for x in result["ivf"]["by_nprobe"]}
    assert recalls[max(recalls)] >= 0.9  # scanning most cells finds nearly all true neighbours
    assert "| 2,000 | flat |" in (tmp_path / "search_index.md").read_text()


def test_an_index_keeps_absolute_paths_and_foreign_file_names(tmp_path, monkeypatch, capsys):
    folder = make_image_folder(tmp_path / "photos", per_class=1)
    latin1 = os.fsdecode(b"caf\xe9.png")  # a Latin-1 name from an old archive: not UTF-8
    shutil.copy(next((folder / "Ruby").iterdir()), folder / "Ruby" / latin1)
    monkeypatch.chdir(tmp_path)
    assert main(["index", "photos", "--out", "idx", "--cache", str(tmp_path / "c"), "--no-progress"]) == 0
    assert "4 photos" in capsys.readouterr().out
    monkeypatch.chdir(folder)  # search from elsewhere: the printed paths still open
    assert main(["search", "red", "--index", str(tmp_path / "idx"), "--top", "4"]) == 0
    printed = [line.split(maxsplit=1)[1] for line in capsys.readouterr().out.splitlines()]
    assert str(folder / "Ruby" / "caf\\xe9.png") in printed
    assert all(Path(p).is_absolute() for p in printed)
    assert main(["index", str(folder), "--out", str(tmp_path / "idx"), "--no-progress"]) == 0
    assert "0 added, 0 removed, 4 unchanged" in capsys.readouterr().out  # the same photos, however typed


def test_a_search_needs_words(tiny_folder, capsys):
    assert main(["search", "?!", str(tiny_folder)]) == 2
    assert main(["search", "123", str(tiny_folder)]) == 2
    assert "no words to search for" in capsys.readouterr().err


def test_a_photo_that_cannot_be_read_is_named_once(tmp_path, capsys):
    folder = make_image_folder(tmp_path / "photos", per_class=1)
    (folder / "bad.jpg").write_text("junk")
    assert (
        main(["search", "red", str(folder), "--cache", str(tmp_path / "c")]) == 1
    )  # done, the unreadable photo skipped
    skipped = [line for line in capsys.readouterr().err.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1 and skipped[0].count("bad.jpg") == 1


def test_an_index_of_one_folder_is_not_silently_emptied_by_updating_it_from_another(tmp_path, capsys):
    first = make_image_folder(tmp_path / "first", per_class=1)
    second = make_image_folder(tmp_path / "second", per_class=1)
    out, cache = str(tmp_path / "idx"), str(tmp_path / "c")
    assert main(["index", str(first), "--out", out, "--cache", cache, "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["index", str(second), "--out", out, "--cache", cache, "--no-progress"]) != 0
    assert f"is the index of {first.resolve()}" in capsys.readouterr().err
    assert main(["index", str(second), "--out", out, "--cache", cache, "--rebuild", "--no-progress"]) == 0


def test_a_damaged_index_is_one_line_that_says_how_to_rebuild_it(tmp_path, capsys):
    index = SearchIndex.empty(16, "test")
    index.update(_fake_photos(tmp_path / "photos", 5), _fake_embed, progress=False)
    for damage in ("config.json", "vectors.faiss"):
        saved = index.save(tmp_path / damage)
        (saved / damage).write_text("{")  # cut off by a failed copy
        with pytest.raises(SearchIndexError, match=r"the index is damaged .*--rebuild"):
            SearchIndex.load(saved)
        assert main(["search", "blue", "--index", str(saved)]) == 2
        assert "--rebuild" in capsys.readouterr().err
