"""Every eval/ script has a `--smoke` mode (a few painted photos, seconds); running it here keeps it from rotting.

A smoke run measures nothing: it proves the script's whole path still runs and writes its reports, to a
folder of the test's own.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"


def load_script(name: str, monkeypatch):
    monkeypatch.syspath_prepend(str(EVAL))  # the scripts import their sibling eval/smoke.py
    spec = importlib.util.spec_from_file_location(f"eval_{name}", EVAL / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_default_smoke_builds_and_reports(tmp_path, monkeypatch):
    script = load_script("build_default", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "build_default.json").read_text())
    assert results["cross_validation"]["folds"] == 3 and results["n_images"] == 24
    assert 0 <= results["cross_validation"]["top1"] <= 1 and results["reproduces_shipped"] is None
    assert "build time" in (tmp_path / "build_default.md").read_text()


def test_zero_shot_smoke_measures_seen_and_unseen_gems(tmp_path, monkeypatch):
    script = load_script("zero_shot", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "zero_shot.json").read_text())
    assert results["n_classes"] == 4 and len(results["unseen"]) == 1
    assert len(results["unseen"][0]["held_out_classes"]) == 1
    assert (tmp_path / "zero_shot.md").is_file()


def test_seeds_smoke_compares_methods_on_the_same_folds(tmp_path, monkeypatch):
    script = load_script("seeds", monkeypatch)
    assert script.main(["--smoke", "--out", str(tmp_path), "--pictures", str(tmp_path / "pictures")]) == 0
    assert (tmp_path / "seeds.md").is_file() and (tmp_path / "seeds.csv").is_file()
    methods = json.loads((tmp_path / "seeds.json").read_text())["methods"]
    assert {"histogram-rf", "autoencoder-knn"} <= set(methods) and methods["histogram-rf"]["n_test"] == 24


@pytest.mark.parametrize("script", ["build_default", "zero_shot", "seeds"])
def test_a_smoke_run_never_writes_the_real_reports(script):
    text = (EVAL / f"{script}.py").read_text()
    assert "--smoke" in text
