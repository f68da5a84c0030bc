"""Atomic writes: an interrupted write leaves the previous file or folder as it was."""

from __future__ import annotations

import pytest

from gemlang.io import atomic_file, atomic_folder


def test_interrupted_file_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "r.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_file(target) as f:
        f.write("half")
        raise RuntimeError("crash")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_interrupted_folder_write_keeps_the_old_folder(tmp_path):
    target = tmp_path / "model"
    target.mkdir()
    (target / "config.json").write_text("old")
    with pytest.raises(KeyboardInterrupt), atomic_folder(target) as tmp:
        (tmp / "config.json").write_text("new")
        raise KeyboardInterrupt
    assert (target / "config.json").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["model"]


def test_completed_folder_write_replaces_and_is_readable(tmp_path):
    target = tmp_path / "model"
    with atomic_folder(target) as tmp:
        (tmp / "config.json").write_text("1")
        (tmp / "int8").mkdir()
    with atomic_folder(target) as tmp:
        (tmp / "config.json").write_text("2")
        (tmp / "head.safetensors").write_text("2")
    assert sorted(p.name for p in target.iterdir()) == ["config.json", "head.safetensors"]
    assert oct(target.stat().st_mode & 0o777) == "0o755"


def test_an_output_folder_of_someone_elses_files_is_never_replaced(tmp_path):
    from gemlang.errors import UsageError
    from gemlang.io import atomic_folder

    photos = tmp_path / "photos"
    (photos / "Ruby").mkdir(parents=True)
    (photos / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="gemlang did not write"):
        with atomic_folder(photos) as tmp:
            (tmp / "config.json").write_text("{}")
    assert (photos / "notes.txt").read_text() == "mine" and (photos / "Ruby").is_dir()
    model = tmp_path / "model"
    for version in ("1", "2"):  # an earlier version of the same folder is replaced
        with atomic_folder(model) as tmp:
            (tmp / "config.json").write_text(version)
    assert (model / "config.json").read_text() == "2"
    (model / "NOTES.txt").write_text("mine")  # a note kept in a model folder, or a project's own config.json
    for folder in (model, tmp_path / "project"):
        (tmp_path / "project" / "src").mkdir(parents=True, exist_ok=True)
        (tmp_path / "project" / "config.json").write_text("{}")
        with pytest.raises(UsageError, match="gemlang did not write"):
            with atomic_folder(folder) as tmp:
                (tmp / "config.json").write_text("3")
    assert (model / "NOTES.txt").read_text() == "mine" and (tmp_path / "project" / "src").is_dir()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left behind


def test_the_current_folder_is_never_an_output_folder(tmp_path, monkeypatch):
    from gemlang.errors import UsageError
    from gemlang.io import atomic_folder

    (tmp_path / "inside").mkdir()
    monkeypatch.chdir(tmp_path / "inside")
    for out in (".", ".."):  # replacing it would leave the shell in a deleted folder
        with pytest.raises(UsageError, match="is the current folder"):
            with atomic_folder(out) as tmp:
                (tmp / "config.json").write_text("{}")
    assert (tmp_path / "inside").is_dir()


def test_a_file_that_cannot_be_created_is_named_as_given_not_by_its_temporary_name(tmp_path, monkeypatch):
    import errno
    import tempfile

    from gemlang.io import atomic_file

    def full_disk(**kw):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".scores.json.x1y2.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", full_disk)
    target = tmp_path / "scores.json"
    with pytest.raises(OSError) as raised, atomic_file(target) as f:
        f.write("x")
    assert raised.value.filename == str(target) and raised.value.errno == errno.ENOSPC


def _load_model(path):
    from gemlang.model import GemClassifier

    return GemClassifier.load(path)


def _load_alignment(path):
    from gemlang.language.alignment import AlignmentModel

    return AlignmentModel.load(path)


def _load_fusion(path):
    from gemlang.fusion.train import load_settings

    return load_settings(path)


@pytest.mark.parametrize("load", [_load_model, _load_alignment, _load_fusion])
@pytest.mark.parametrize("damage", ['{"format": "gemlang-', "[]"])
def test_a_damaged_config_of_any_folder_is_an_error_that_says_so_not_a_traceback(load, damage, tmp_path):
    from gemlang.errors import GemlangError

    (tmp_path / "config.json").write_text(damage)  # a copy cut off half-way, or edited by hand
    with pytest.raises(GemlangError, match=f"{tmp_path}: config.json (cannot be read|holds a list)"):
        load(tmp_path)
