"""`gemlang catalog` on a collection: streaming, resumable after kill -9, one model per file, Parquet, Ray."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import TINY_CLASSES, make_image_folder, paint_gem
from PIL import Image

from gemlang.cli import main
from gemlang.collection.catalog_file import KeySet, read_rows, run_record_path

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    """48 painted photos in three folders, one of them not an image at all."""
    root = make_image_folder(tmp_path_factory.mktemp("collection") / "photos", per_class=16)
    (root / "Ruby" / "broken.jpg").write_bytes(b"not a photo")
    return root


def _catalog(folder, out, model, *extra) -> int:
    return main(["catalog", str(folder), "--out", str(out), "--model", str(model), "--no-progress", *extra])


def _photo_count(rows) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["photo"]] = counts.get(row["photo"], 0) + 1
    return counts


def test_a_killed_run_resumes_with_every_photo_exactly_once(collection, tiny_model_dir, tmp_path):
    out = tmp_path / "catalog.jsonl"
    photos = sorted(str(p) for p in collection.rglob("*.jpg"))
    command = [sys.executable, "-m", "gemlang.cli", "catalog", str(collection), "--out", str(out),
               "--model", str(tiny_model_dir), "--cache", str(tmp_path / "cache"), "--batch-size", "2"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    record = run_record_path(out)
    deadline = time.time() + 300
    while time.time() < deadline and run.poll() is None:  # kill -9 once a few batches are committed
        try:
            committed = json.loads(record.read_text())["committed"]
        except (OSError, ValueError, KeyError):
            committed = 0
        if committed and out.read_bytes()[:committed].count(b"\n") >= len(photos) // 3:
            run.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    assert run.wait() == -signal.SIGKILL, "the catalog finished before it could be killed"

    committed = json.loads(record.read_text())["committed"]
    before = out.read_bytes()[:committed]
    assert 0 < before.count(b"\n") < len(photos)
    with open(out, "ab") as f:  # what a kill in the middle of a write leaves behind
        f.write(b'{"photo": "half a ro')
    assert len(list(read_rows(out))) == before.count(b"\n")  # a reader sees the committed rows only
    assert out.read_bytes().endswith(b"half a ro")  # and leaves the file alone

    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1  # broken.jpg
    assert "broken.jpg" in done.stderr and "already in catalog.jsonl" in done.stdout
    text = out.read_bytes()
    assert text.startswith(before)  # every row committed before the kill is kept as it was
    rows = [json.loads(line) for line in text.splitlines()]  # and no broken line is left
    assert _photo_count(rows) == {p: 1 for p in photos}
    assert {r["gem"] for r in rows if not r["error"] and not r["out_of_scope"]} <= set(TINY_CLASSES)
    assert all(r["gem"] == "" for r in rows if r["out_of_scope"])  # a flagged photo names no gem


def test_resuming_with_another_option_is_an_error_that_names_it(collection, tiny_model_dir, tmp_path, capsys):
    out = tmp_path / "catalog.csv"
    assert _catalog(collection, out, tiny_model_dir, "--top-k", "3", "--cache", str(tmp_path / "c")) == 1
    first = out.read_text()
    capsys.readouterr()
    assert _catalog(collection, out, tiny_model_dir, "--top-k", "2") == 2
    assert "top_k: 3 in catalog.csv, 2 now" in capsys.readouterr().err
    assert out.read_text() == first  # nothing was appended to the catalog
    assert _catalog(collection, out, tiny_model_dir, "--top-k", "3") == 1  # same options: nothing left to do
    assert "0 of 49 photos described" in capsys.readouterr().out and out.read_text() == first


def test_resuming_with_another_model_names_both_models(collection, tiny_model_dir, tmp_path, capsys):
    out, other = tmp_path / "catalog.csv", tmp_path / "other_model"
    shutil.copytree(tiny_model_dir, other)
    config = json.loads((other / "config.json").read_text())
    (other / "config.json").write_text(json.dumps({**config, "temperature": config["temperature"] * 2}))
    assert _catalog(collection, out, tiny_model_dir, "--cache", str(tmp_path / "c")) == 1
    capsys.readouterr()
    assert _catalog(collection, out, other) == 2
    err = capsys.readouterr().err
    assert f"model: '{tiny_model_dir}' (sha256:" in err and f"'{other}' (sha256:" in err


def test_a_csv_catalog_gives_the_candidates_as_text_and_as_the_numbers_the_jsonl_holds(
    collection, tiny_model_dir, tmp_path, capsys
):
    import csv

    jsonl, out, cache = tmp_path / "catalog.jsonl", tmp_path / "catalog.csv", str(tmp_path / "c")
    assert _catalog(collection, jsonl, tiny_model_dir, "--cache", cache) == 1
    assert _catalog(collection, out, tiny_model_dir, "--cache", cache) == 1
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    held = {row["photo"]: row["top_k"] for row in read_rows(jsonl)}
    assert {row["photo"]: json.loads(row["top_k_json"]) for row in rows} == held
    described = next(row for row in rows if not row["error"])
    assert described["top_k"].startswith(json.loads(described["top_k_json"])[0][0]) and "%" in described["top_k"]
    # a CSV an earlier gemlang wrote, without top_k_json, is not extended with rows that would not line up
    record = json.loads(run_record_path(out).read_text())
    record["settings"]["columns"].remove("top_k_json")
    run_record_path(out).write_text(json.dumps(record))
    before = out.read_text()
    capsys.readouterr()
    assert _catalog(collection, out, tiny_model_dir, "--cache", cache) == 2
    said = capsys.readouterr().err
    assert "written by another version of gemlang, with other columns (new: top_k_json)" in said
    assert "Pass --restart to rebuild it" in said and out.read_text() == before
    assert _catalog(collection, out, tiny_model_dir, "--cache", cache, "--restart") == 1
    with open(out, newline="") as f:
        assert {row["photo"]: json.loads(row["top_k_json"]) for row in csv.DictReader(f)} == held


def test_a_file_not_written_by_catalog_is_never_appended_to(collection, tiny_model_dir, tmp_path, capsys):
    out = tmp_path / "notes.jsonl"
    out.write_text('{"mine": 1}\n')
    assert _catalog(collection, out, tiny_model_dir) == 2
    assert "--restart" in capsys.readouterr().err and out.read_text() == '{"mine": 1}\n'


def test_a_catalog_edited_by_hand_is_not_cut_on_resume(collection, tiny_model_dir, tmp_path, capsys):
    out = tmp_path / "catalog.md"
    assert _catalog(collection, out, tiny_model_dir, "--cache", str(tmp_path / "c")) == 1
    text = out.read_text()
    edited = text.replace("\n", "\n> curator's note: check this one\n", 1)  # longer, with rows moved
    out.write_text(edited)
    capsys.readouterr()
    assert _catalog(collection, out, tiny_model_dir) == 2
    assert "changed outside gemlang" in capsys.readouterr().err and out.read_text() == edited


def test_copies_and_moved_photos_are_catalogued_once(collection, tiny_model_dir, tmp_path, capsys):
    folder = tmp_path / "photos"
    shutil.copytree(collection / "Emerald", folder / "a")
    out = tmp_path / "catalog.jsonl"
    assert _catalog(folder, out, tiny_model_dir, "--cache", str(tmp_path / "c")) == 0
    (folder / "a").rename(folder / "b")  # moved
    shutil.copy(folder / "b" / "0.jpg", folder / "b" / "copy of 0.jpg")  # a second copy
    assert _catalog(folder, out, tiny_model_dir, "--cache", str(tmp_path / "c")) == 0
    said = capsys.readouterr()
    assert "0 of 17 photos described, 16 already in catalog.jsonl, 1 skipped as a copy of a photo" in said.out
    assert f"{folder / 'b' / 'copy of 0.jpg'}: a copy of {folder / 'b' / '0.jpg'}, whose row describes it" in said.err
    assert "16 photo(s) moved" in said.err and len(list(read_rows(out))) == 16


def test_parquet_holds_the_same_rows_as_jsonl(collection, tiny_model_dir, tmp_path):
    pytest.importorskip("pyarrow")
    cache = str(tmp_path / "cache")
    assert _catalog(collection, tmp_path / "c.jsonl", tiny_model_dir, "--cache", cache, "--batch-size", "16") == 1
    assert _catalog(collection, tmp_path / "c.parquet", tiny_model_dir, "--cache", cache, "--batch-size", "16") == 1
    assert len(list((tmp_path / "c.parquet").glob("part-*.parquet"))) == 4  # one part per batch
    assert list(read_rows(tmp_path / "c.parquet")) == list(read_rows(tmp_path / "c.jsonl"))
    upper = tmp_path / "C.PARQUET"  # the suffix in capitals: the same format, and a second run resumes it
    assert _catalog(collection, upper, tiny_model_dir, "--cache", cache, "--batch-size", "16") == 1
    assert _catalog(collection, upper, tiny_model_dir, "--cache", cache, "--batch-size", "16") == 1
    assert list(read_rows(upper)) == list(read_rows(tmp_path / "c.jsonl"))


def test_ray_on_two_local_workers_gives_the_rows_of_one_process(collection, tiny_model_dir, tmp_path):
    pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    import ray

    one, two = tmp_path / "one.jsonl", tmp_path / "ray.jsonl"
    assert _catalog(collection, one, tiny_model_dir, "--cache", str(tmp_path / "c1"), "--batch-size", "8") == 1
    try:
        code = _catalog(collection, two, tiny_model_dir, "--cache", str(tmp_path / "c2"), "--batch-size", "8",
                        "--engine", "ray", "--workers", "2")  # fmt: skip
    finally:
        ray.shutdown()
    assert code == 1
    single, spread = list(read_rows(one)), list(read_rows(two))
    assert [r["photo"] for r in spread] == [r["photo"] for r in single]
    for a, b in zip(single, spread, strict=True):
        assert {k: v for k, v in a.items() if k not in ("probability", "top_k")} == {
            k: v for k, v in b.items() if k not in ("probability", "top_k")
        }
        assert a["probability"] == pytest.approx(b["probability"], abs=1e-3)
        assert [t[0] for t in a["top_k"]] == [t[0] for t in b["top_k"]]


def test_key_set_finds_what_was_added_and_nothing_else():
    rng = np.random.default_rng(0)
    keys = ["".join(rng.choice(list("0123456789abcdef"), 64)) for _ in range(300)]
    done = KeySet(np.array([KeySet.code(k) for k in keys[:100]], dtype=np.uint64))
    for k in keys[100:200]:
        done.add(k)
    assert all(k in done for k in keys[:200]) and not any(k in done for k in keys[200:])
    assert len(done) == 200 and "path:" + keys[0] not in done


def test_the_throughput_smoke_run_catalogues_every_photo(tmp_path):
    command = [sys.executable, str(REPO / "eval" / "catalog_throughput.py"), "--smoke", "--results-dir", str(tmp_path)]
    subprocess.run(command, check=True, capture_output=True, timeout=600, env={**os.environ, "PYTHONPATH": str(REPO)})
    result = json.loads((tmp_path / "catalog_throughput.json").read_text())
    assert result["photos"] == 12 and result["photos_per_s"] > 0
    assert result["summary"].startswith("12 of 12 photos described")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".md", ".parquet"])
def test_a_file_name_in_another_encoding_is_written_escaped_not_a_crash(tmp_path, suffix):
    from gemlang.collection.catalog_file import CatalogWriter, read_rows
    from gemlang.collection.catalog_rows import error_row

    latin1 = os.fsdecode(b"caf\xe9.jpg")  # how Python sees a Latin-1 name on a UTF-8 file system
    writer = CatalogWriter(tmp_path / f"catalog{suffix}", {"model": "m"})
    writer.append([error_row(tmp_path / latin1, "", f"{latin1}: not an image")])
    if suffix == ".md":  # written for people to read; its markers keep what a later run reads back
        assert "caf\\xe9.jpg" in (tmp_path / "catalog.md").read_text(encoding="utf-8")
    [row] = list(read_rows(tmp_path / f"catalog{suffix}"))
    assert row["photo"].endswith("caf\\xe9.jpg") and row["error"]
    assert suffix == ".md" or row["error"].startswith("caf\\xe9.jpg")  # Markdown's reason is in its text


def test_an_output_in_a_missing_folder_is_created_and_a_folder_for_a_file_is_refused(tmp_path):
    from gemlang.collection.catalog_file import CatalogFileError, CatalogWriter

    CatalogWriter(tmp_path / "new" / "deeper" / "catalog.jsonl", {"model": "m"})
    assert (tmp_path / "new" / "deeper" / "catalog.jsonl").is_file()
    (tmp_path / "taken.csv").mkdir()
    with pytest.raises(CatalogFileError, match="is a folder"):
        CatalogWriter(tmp_path / "taken.csv", {"model": "m"}, restart=True)
    (tmp_path / "taken.parquet").write_text("x")
    with pytest.raises(CatalogFileError, match="is a file"):
        CatalogWriter(tmp_path / "taken.parquet", {"model": "m"}, restart=True)


def test_a_photo_that_failed_is_tried_again_and_stops_failing_once_fixed(tiny_model_dir, tmp_path, capsys):
    folder = make_image_folder(tmp_path / "photos", per_class=1)
    (folder / "Ruby" / "broken.jpg").write_bytes(b"not a photo")
    (folder / "Ruby" / "gone.jpg").symlink_to(tmp_path / "nowhere.jpg")
    out = tmp_path / "catalog.jsonl"
    cache = ("--cache", str(tmp_path / "c"))
    assert _catalog(folder, out, tiny_model_dir, *cache) == 1
    assert "nowhere.jpg, which does not exist" in capsys.readouterr().err  # a broken link is listed, not lost
    assert _catalog(folder, out, tiny_model_dir, *cache) == 1  # nothing changed: both still fail
    assert "2 photo(s) an earlier run could not read still cannot be read" in capsys.readouterr().err
    assert len(list(read_rows(out))) == 5  # and their error rows are not written twice

    paint_gem((200, 20, 40), "polygon", seed=7).save(folder / "Ruby" / "broken.jpg")  # fixed
    (folder / "Ruby" / "gone.jpg").unlink()  # removed
    assert _catalog(folder, out, tiny_model_dir, *cache) == 0
    assert "were replaced" not in capsys.readouterr().err  # fixed, not replaced: nothing to restart for
    rows = list(read_rows(out))
    fixed = [r for r in rows if r["photo"].endswith("broken.jpg") and not r["error"]]
    assert len(fixed) == 1 and fixed[0]["top_k"][0][0] in TINY_CLASSES  # described now (named, or flagged)


def test_two_runs_never_write_one_catalog_at_once(collection, tiny_model_dir, tmp_path, capsys):
    from gemlang.collection.catalog_file import CatalogWriter

    out = tmp_path / "catalog.jsonl"
    running = CatalogWriter(out, {"model": "x"})  # holds OUT's lock as a run in progress would
    assert _catalog(collection, out, tiny_model_dir) == 2
    assert "another `gemlang catalog` is writing" in capsys.readouterr().err
    running.close()  # that run ends
    assert _catalog(collection, out, tiny_model_dir, "--restart", "--cache", str(tmp_path / "c")) == 1
    assert not (tmp_path / "catalog.jsonl.lock").exists()  # the lock goes with the run


def test_a_first_run_calls_copies_copies_not_rows_already_in_the_catalog(tiny_model_dir, tiny_folder, tmp_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    shutil.copy(tiny_folder / "Ruby" / "0.jpg", folder / "a.jpg")
    shutil.copy(tiny_folder / "Ruby" / "0.jpg", folder / "b.jpg")  # the same photo twice
    shutil.copy(tiny_folder / "Ruby" / "1.jpg", folder / "c.jpg")
    out = tmp_path / "catalog.jsonl"
    copy = "1 skipped as a copy of a photo already in the catalog (one row per content)"
    listed = f"{folder / 'b.jpg'}: a copy of {folder / 'a.jpg'}, whose row describes it"
    assert _catalog(folder, out, tiny_model_dir) == 0
    said = capsys.readouterr()
    assert f"2 of 3 photos described, {copy}" in said.out and listed in said.err
    assert "already in catalog.jsonl" not in said.out
    assert _catalog(folder, out, tiny_model_dir) == 0
    said = capsys.readouterr()
    assert f"2 already in catalog.jsonl, {copy}" in said.out and listed in said.err
    alone = tmp_path / "alone.jsonl"  # one photo a batch: the copy is skipped before it is seen as one
    assert _catalog(folder, alone, tiny_model_dir, "--batch-size", "1") == 0
    said = capsys.readouterr()
    assert copy in said.out and "already in catalog.jsonl" not in said.out and listed in said.err


def test_many_copies_are_listed_ten_then_counted(tiny_model_dir, tiny_folder, tmp_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    for i in range(13):  # a photo and 12 copies of it
        shutil.copy(tiny_folder / "Ruby" / "0.jpg", folder / f"{i:02d}.jpg")
    assert _catalog(folder, tmp_path / "catalog.csv", tiny_model_dir) == 0
    said = capsys.readouterr()
    assert "1 of 13 photos described, 12 skipped as copies of photos already in the catalog" in said.out
    assert said.err.count(f"a copy of {folder / '00.jpg'}, whose row describes it") == 10
    assert "and 2 more copies, skipped likewise" in said.err


def test_a_catalog_holding_rows_of_another_folder_is_noted_not_refused(tiny_model_dir, tiny_folder, tmp_path, capsys):
    out = tmp_path / "catalog.jsonl"
    first, second = shutil.copytree(tiny_folder / "Ruby", tmp_path / "a"), tmp_path / "b"
    second.mkdir()
    shutil.copy(tiny_folder / "Emerald" / "0.jpg", second / "e.jpg")
    assert _catalog(first, out, tiny_model_dir) == 0
    assert "note:" not in capsys.readouterr().err
    assert _catalog(second, out, tiny_model_dir) == 0
    err = capsys.readouterr().err
    assert f"note: catalog.jsonl also holds 6 row(s) of photos outside {second}, e.g. {first}" in err
    assert "use another --out to catalog this folder on its own" in err
    assert len(list(read_rows(out))) == 7


def _catalogued(tiny_folder, tmp_path, model, suffix, capsys) -> tuple[Path, Path]:
    """(folder, catalog): a copy of the Ruby photos, catalogued once, with nothing stale to report yet."""
    folder, out = tmp_path / "photos", tmp_path / f"catalog{suffix}"
    shutil.copytree(tiny_folder / "Ruby", folder)
    assert _catalog(folder, out, model) == 0
    err = capsys.readouterr().err
    assert "no longer there" not in err and "were replaced" not in err
    return folder, out


@pytest.mark.parametrize("suffix", [".jsonl", ".md"])
def test_rows_of_photos_since_deleted_are_reported(tiny_model_dir, tiny_folder, tmp_path, capsys, suffix):
    folder, out = _catalogued(tiny_folder, tmp_path, tiny_model_dir, suffix, capsys)
    (folder / "0.jpg").unlink()
    assert _catalog(folder, out, tiny_model_dir) == 0
    err = capsys.readouterr().err
    assert f"1 row(s) of catalog{suffix} describe photos no longer there" in err and "--restart" in err


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".md", ".parquet"])
def test_photos_moved_or_renamed_get_their_new_paths_in_their_rows_without_being_described_again(
    tiny_model_dir, tiny_folder, tmp_path, capsys, suffix
):
    from gemlang.collection.catalog_file import _markdown_text

    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    folder, out = _catalogued(tiny_folder, tmp_path, tiny_model_dir, suffix, capsys)
    before = {row["sha256"]: row for row in read_rows(out)}
    (folder / "sub").mkdir()
    (folder / "0.jpg").rename(folder / "sub" / "0.jpg")  # moved
    (folder / "1.jpg").rename(folder / "renamed.jpg")
    (folder / "2.jpg").unlink()
    assert _catalog(folder, out, tiny_model_dir) == 0
    said = capsys.readouterr()
    assert f"0 of 5 photos described, 5 already in catalog{suffix}" in said.out
    assert f"2 photo(s) moved: their rows in catalog{suffix} now give the new paths" in said.err
    assert f"1 row(s) of catalog{suffix} describe photos no longer there" in said.err  # 2.jpg, deleted
    rows = {row["sha256"]: row for row in read_rows(out)}
    now = ["sub/0.jpg", "renamed.jpg", "2.jpg", "3.jpg", "4.jpg", "5.jpg"]
    assert {row["photo"] for row in rows.values()} == {str(folder / photo) for photo in now}
    assert all({**row, "photo": ""} == {**before[key], "photo": ""} for key, row in rows.items())  # moved, not redone
    if suffix == ".md":  # the heading a reader sees names the new path too
        assert f"## {_markdown_text(str(folder / 'renamed.jpg'))}:" in out.read_text()
    assert _catalog(folder, out, tiny_model_dir) == 0  # the run record follows: resumed as it is, nothing to move
    said = capsys.readouterr()
    assert f"0 of 5 photos described, 5 already in catalog{suffix}" in said.out and "photo(s) moved" not in said.err


@pytest.mark.parametrize("suffix", [".jsonl", ".md"])
def test_a_photo_replaced_under_its_name_is_reported(tiny_model_dir, tiny_folder, tmp_path, capsys, suffix):
    folder, out = _catalogued(tiny_folder, tmp_path, tiny_model_dir, suffix, capsys)
    Image.new("RGB", (64, 64), (20, 160, 60)).save(folder / "0.jpg")  # another stone, the same file name
    assert _catalog(folder, out, tiny_model_dir) == 0
    err = capsys.readouterr().err
    assert "1 photo(s) were replaced since an earlier run described them" in err and "--restart" in err
    assert "no longer there" not in err


def test_an_heic_photo_in_a_folder_is_reported_not_passed_over(tiny_model_dir, tiny_folder, tmp_path, capsys):
    folder = tmp_path / "photos"
    shutil.copytree(tiny_folder / "Ruby", folder)
    (folder / "IMG_0001.HEIC").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
    out = tmp_path / "catalog.jsonl"
    assert _catalog(folder, out, tiny_model_dir) == 1  # a photo could not be read
    assert "an HEIC photo" in capsys.readouterr().err
    assert any(row["photo"].endswith("IMG_0001.HEIC") and row["error"] for row in read_rows(out))


def test_a_pipe_or_a_link_to_a_device_is_listed_as_unreadable_not_read_forever(
    tiny_model_dir, tiny_folder, tmp_path, capsys, alarm
):
    folder = tmp_path / "photos"
    shutil.copytree(tiny_folder / "Ruby", folder)
    os.mkfifo(folder / "pipe.jpg")
    (folder / "zero.jpg").symlink_to("/dev/zero")
    out = tmp_path / "catalog.jsonl"
    assert _catalog(folder, out, tiny_model_dir) == 1  # done, two photos could not be read
    said = capsys.readouterr()
    assert "6 of 8 photos described, 2 could not be read" in said.out
    for name in ("pipe.jpg", "zero.jpg"):
        assert f"{name}: not a regular file (a device, pipe or socket)" in said.err
    errors = {Path(row["photo"]).name: row["error"] for row in read_rows(out) if row["error"]}
    assert set(errors) == {"pipe.jpg", "zero.jpg"}
    assert main(["predict", str(folder / "zero.jpg"), "--model", str(tiny_model_dir)]) == 2
    assert "zero.jpg: not a regular file (a device, pipe or socket)" in capsys.readouterr().err


def test_rows_name_photos_by_full_path_so_another_working_folder_or_an_odd_name_is_no_deletion(
    tiny_model_dir, tiny_folder, tmp_path, capsys, monkeypatch
):
    folder = tmp_path / "work" / "photos"
    shutil.copytree(tiny_folder / "Ruby", folder)
    shutil.copy(tiny_folder / "Ruby" / "1.jpg", folder / os.fsdecode(b"caf\xe9.jpg"))  # a Latin-1 name
    (tmp_path / "elsewhere").mkdir()
    out = tmp_path / "catalog.jsonl"
    monkeypatch.chdir(tmp_path / "work")
    assert _catalog(Path("photos"), out, tiny_model_dir) == 0
    assert all(Path(row["photo"]).is_absolute() for row in read_rows(out))
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert _catalog(Path("../work/photos"), out, tiny_model_dir) == 0
    assert "no longer there" not in capsys.readouterr().err


def test_ray_options_without_the_ray_engine_are_refused(tiny_folder, tiny_model_dir, tmp_path, capsys):
    assert _catalog(tiny_folder, tmp_path / "c.jsonl", tiny_model_dir, "--workers", "8") == 2
    assert "--workers sets up Ray: use it with --engine ray" in capsys.readouterr().err
    assert _catalog(tiny_folder, tmp_path / "c.jsonl", tiny_model_dir, "--workers", "8", "--address", "auto") == 2
    assert "--address and --workers set up Ray: use them with --engine ray" in capsys.readouterr().err


def test_a_markdown_catalog_shows_odd_file_names_literally(tmp_path):
    from gemlang.collection.catalog_file import CatalogWriter, read_rows
    from gemlang.collection.catalog_rows import error_row

    writer = CatalogWriter(tmp_path / "catalog.md", {"model": "m"})
    writer.append(
        [error_row(tmp_path / "## <!-- x.jpg", "", "not an image"), error_row(tmp_path / "a\nb.jpg", "", "x")]
    )
    text = (tmp_path / "catalog.md").read_text(encoding="utf-8")
    assert "<!-- x.jpg" not in text and "\\#\\# &lt;!-- x.jpg" in text  # no comment opened that hides the rest
    assert "a b.jpg" in text  # a name with a line break stays on its heading's line
    # and each is read back as it was, for a later run to tell which photos are gone
    assert [row["photo"] for row in read_rows(tmp_path / "catalog.md")] == [
        str(tmp_path / "## <!-- x.jpg"),
        str(tmp_path / "a\nb.jpg"),
    ]


def test_linked_sub_folders_are_walked_once_and_a_link_loop_ends(tiny_folder, tmp_path):
    from gemlang.collection.catalog_rows import digest_or_reason
    from gemlang.collection.photos import iter_photos

    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "rubies").symlink_to(tiny_folder / "Ruby", target_is_directory=True)  # as `gemlang train` reads it
    (folder / "rubies_again").symlink_to(tiny_folder / "Ruby", target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    found = list(iter_photos(folder))
    assert len(found) == len(list((tiny_folder / "Ruby").iterdir())) > 0
    (folder / "a.jpg").symlink_to(folder / "b.jpg")  # two links pointing at each other: a photo that cannot be read
    (folder / "b.jpg").symlink_to(folder / "a.jpg")
    looping = [p for p in iter_photos(folder) if p.name in ("a.jpg", "b.jpg")]
    assert len(looping) == 2 and "loops back on itself" in digest_or_reason(looping[0])[1]


def test_a_generator_folder_of_no_text_model_is_refused_before_anything_is_written(tiny_model_dir, tmp_path, capsys):
    folder = make_image_folder(tmp_path / "photos", per_class=1)
    out = tmp_path / "catalog.jsonl"
    assert _catalog(folder, out, tiny_model_dir, "--generator", str(tiny_model_dir)) == 2
    assert "not a text-generation model" in capsys.readouterr().err
    assert not list(tmp_path.glob("catalog.jsonl*"))  # no record to block the next, correct run


def test_a_markdown_catalog_keeps_the_candidates_the_other_formats_keep():
    from gemlang.collection.catalog_file import MarkdownCatalog

    catalog = MarkdownCatalog(Path("unused.md"))
    row = {"photo": "a.jpg", "sha256": "ab", "gem": "Opal", "probability": 0.89, "description": "An opal.",
           "top_k": [["Opal", 0.89], ["Chrysocolla", 0.09]], "error": ""}  # fmt: skip
    assert "Candidates: Opal 89%; Chrysocolla 9%." in catalog.render(row)
    flagged = {**row, "gem": "", "description": "This does not look like a gemstone photo."}
    assert "Closest known gems: Opal 89%" in catalog.render(flagged)


def test_a_poor_photo_is_said_so_in_its_row_as_predict_and_describe_say_it(tiny_model_dir, tmp_path, capsys):
    from PIL import Image

    from gemlang.cli import main

    folder = make_image_folder(tmp_path / "photos", per_class=1)
    ruby = next((folder / "Ruby").iterdir())
    Image.open(ruby).resize((24, 24)).save(folder / "Ruby" / "thumb.jpg")
    Image.open(ruby).convert("L").save(folder / "Ruby" / "grey.png")
    out = tmp_path / "catalog.jsonl"
    assert _catalog(folder, out, tiny_model_dir, "--cache", str(tmp_path / "c")) == 0
    rows = {Path(r["photo"]).name: r for r in read_rows(out)}
    flaws = {name: r["photo_flaws"] for name, r in rows.items()}
    assert flaws["thumb.jpg"] == "very small (24 x 24 px)" and flaws[ruby.name] == ""
    assert "black and white" in flaws["grey.png"] and rows["grey.png"]["scope_kind"] != "unknown_mineral"
    capsys.readouterr()
    assert main(["predict", str(folder / "Ruby" / "thumb.jpg"), "--model", str(tiny_model_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["photo_flaws"] == ["very small (24 x 24 px)"]
    assert main(["predict", str(folder / "Ruby" / "thumb.jpg"), "--model", str(tiny_model_dir)]) == 0
    assert "note: the photo is very small (24 x 24 px)" in capsys.readouterr().out


def test_ctrl_c_says_what_is_kept_and_how_to_go_on(collection, tiny_model_dir, tmp_path, capsys, monkeypatch):
    import gemlang.collection.catalog_run as catalog_run

    def stopped(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(catalog_run, "run_catalog", stopped)
    out = tmp_path / "catalog.jsonl"
    assert _catalog(collection, out, tiny_model_dir) == 130
    err = capsys.readouterr().err
    assert f"stopped: 0 photos are in {out}; run the same command again" in err
    assert not (tmp_path / "catalog.jsonl.lock").exists()  # the lock goes with the run


def _stop_after_one_batch(monkeypatch) -> None:
    """The next run is stopped (Ctrl-C) once it has committed one batch of new rows."""
    from gemlang.collection.catalog_file import CatalogWriter

    append, calls = CatalogWriter.append, []

    def append_once(writer, rows):
        if rows and calls:
            raise KeyboardInterrupt
        calls.extend([rows] if rows else [])
        append(writer, rows)

    monkeypatch.setattr(CatalogWriter, "append", append_once)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_stopped_restart_keeps_the_old_catalog_and_the_same_command_goes_on_with_it(
    tiny_model_dir, tiny_folder, tmp_path, capsys, monkeypatch, suffix
):
    from gemlang.collection.catalog_file import restart_path

    folder, out = tmp_path / "photos", tmp_path / f"catalog{suffix}"
    shutil.copytree(tiny_folder / "Ruby", folder)
    assert _catalog(folder, out, tiny_model_dir) == 0
    old, old_record = list(read_rows(out)), run_record_path(out).read_text()
    (folder / "0.jpg").unlink()  # the restart is to drop its row
    side = restart_path(out)
    capsys.readouterr()

    with monkeypatch.context() as patch:
        _stop_after_one_batch(patch)
        assert _catalog(folder, out, tiny_model_dir, "--restart", "--batch-size", "2") == 130
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"--restart: cataloguing anew into {side.name}; {out.name} keeps its 6 row(s) until the run " \
        "completes and replaces it"  # fmt: skip
    assert err[1].startswith(f"stopped: 2 photos are in {side}, and {out} is kept as it was until the restart")
    assert list(read_rows(out)) == old and run_record_path(out).read_text() == old_record
    assert len(list(read_rows(side))) == 2

    with monkeypatch.context() as patch:  # stopped again, run without --restart: the restart goes on all the same
        _stop_after_one_batch(patch)
        assert _catalog(folder, out, tiny_model_dir, "--batch-size", "2") == 130
    going_on = f"going on with the --restart stopped earlier (2 photos already in {side.name}); {out.name} keeps"
    assert capsys.readouterr().err.startswith(going_on)
    assert list(read_rows(out)) == old and len(list(read_rows(side))) == 4

    assert _catalog(folder, out, tiny_model_dir, "--restart", "--batch-size", "2") == 0
    said = capsys.readouterr()
    assert "(4 photos already in" in said.err and said.out.startswith("1 of 5 photos described, 4 already in")
    rows = list(read_rows(out))
    assert sorted(Path(r["photo"]).name for r in rows) == [f"{i}.jpg" for i in range(1, 6)]
    assert not side.exists() and not run_record_path(side).exists()
    assert _catalog(folder, out, tiny_model_dir) == 0  # the new catalog resumes as any other
    assert capsys.readouterr().out.startswith("0 of 5 photos described, 5 already in")


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_restart_stopped_between_replacing_out_and_its_record_is_finished_by_the_next_run(tmp_path, suffix):
    from gemlang.collection.catalog_file import CatalogWriter, catalog_format, restart_path
    from gemlang.collection.catalog_rows import error_row

    out = tmp_path / f"catalog{suffix}"
    CatalogWriter(out, {"model": "m"}).append([error_row(tmp_path / "old.jpg", "", "old.jpg: unreadable")])
    restart = CatalogWriter(out, {"model": "m"}, restart=True)
    restart.append([error_row(tmp_path / "new.jpg", "", "new.jpg: unreadable")])
    restart.close()
    catalog_format(out)(out).replace_with(restart_path(out))  # the first step of finishing it, and no more
    again = CatalogWriter(out, {"model": "m"})
    assert not again.restarting and [Path(r["photo"]).name for r in read_rows(out)] == ["new.jpg"]
    assert not run_record_path(restart_path(out)).exists() and not list(tmp_path.glob(".*"))


def test_a_stone_small_in_a_plain_frame_is_named_from_its_crop_as_the_chat_does(tiny_model_dir, tmp_path, capsys):
    from PIL import Image

    from gemlang.cli import main
    from gemlang.data.images import SMALL_IN_FRAME, stone_box

    folder = make_image_folder(tmp_path / "photos", per_class=1)
    ruby = Image.open(next((folder / "Ruby").iterdir())).convert("RGB").resize((90, 90))
    framed = Image.new("RGB", (400, 400), (205, 205, 210))
    framed.paste(ruby, (155, 155))
    framed.save(folder / "Ruby" / "afar.png")
    crop = framed.crop(stone_box(framed))
    crop.save(tmp_path / "crop.png")
    out = tmp_path / "catalog.jsonl"
    assert _catalog(folder, out, tiny_model_dir, "--cache", str(tmp_path / "c")) == 0
    rows = {Path(r["photo"]).name: r for r in read_rows(out)}
    assert rows["afar.png"]["photo_flaws"] == SMALL_IN_FRAME
    assert all(r["photo_flaws"] == "" for name, r in rows.items() if name != "afar.png")
    capsys.readouterr()
    for photo in (folder / "Ruby" / "afar.png", tmp_path / "crop.png"):
        assert main(["predict", str(photo), "--model", str(tiny_model_dir), "--json"]) == 0
    afar, cropped = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert afar["top_k"] == cropped["top_k"] and afar["photo_flaws"] == [SMALL_IN_FRAME]
    assert cropped["photo_flaws"] == [] and [t[0] for t in rows["afar.png"]["top_k"]] == [t[0] for t in afar["top_k"]]
    assert main(["predict", str(folder / "Ruby" / "afar.png"), "--model", str(tiny_model_dir)]) == 0
    assert "looked at cropped to the stone" in capsys.readouterr().out


def test_a_tiny_stone_in_a_large_frame_is_small_in_the_frame_not_a_very_small_photo(tiny_model_dir, tmp_path, capsys):
    from PIL import Image

    from gemlang.cli import main
    from gemlang.data.images import SMALL_IN_FRAME

    folder = make_image_folder(tmp_path / "photos", per_class=1)
    ruby = Image.open(next((folder / "Ruby").iterdir())).convert("RGB").resize((50, 40))
    framed = Image.new("RGB", (800, 800), (255, 255, 255))
    framed.paste(ruby, (375, 380))  # the crop is under 64 px, the photo 800 px
    framed.save(tmp_path / "far.png")
    assert main(["predict", str(tmp_path / "far.png"), "--model", str(tiny_model_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["photo_flaws"] == [SMALL_IN_FRAME]
