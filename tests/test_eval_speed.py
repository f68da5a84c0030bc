"""eval/speed.py and eval/int8.py --smoke: each benchmark's whole path runs, in seconds, on painted photos."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "eval" / "speed.py"


def test_speed_smoke_reports_every_figure(tmp_path, running_app):
    spec = importlib.util.spec_from_file_location("eval_speed", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--smoke", "--results", str(tmp_path), "--app-url", running_app]) == 0
    results = json.loads((tmp_path / "speed.json").read_text())
    library = results["library"]
    for backend in ("torch", "onnx"):
        assert library[backend]["one_photo"]["n"] > 0 and library[backend]["batched_photos_per_s"] > 0
        assert library[backend]["ratio_to_mobilenet_v2"] > 0
    assert set(results["cli"]) == {"gemlang --help", "gemlang predict --help", "gemlang predict PHOTO (cold)"}
    assert results["catalog"]["photos"] == 8 and results["catalog"]["photos_per_s"] > 0
    chat = results["chat"]
    assert chat["turns"] > 0 and chat["errors"] == 0, chat["error_examples"]
    report = (tmp_path / "speed.md").read_text()
    assert "python eval/speed.py --smoke" in report and "concurrent sessions" in report


def test_int8_smoke_compares_training_with_and_without_int8(tmp_path, monkeypatch):
    monkeypatch.setenv("GEMLANG_CACHE", str(tmp_path / "cache"))  # its graphs stay out of the user's cache
    spec = importlib.util.spec_from_file_location("eval_int8", SCRIPT.with_name("int8.py"))
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--smoke", "--results", str(tmp_path), "--heads", "linear"]) == 0
    results = json.loads((tmp_path / "int8.json").read_text())
    linear = results["heads"]["linear"]
    assert set(linear["cv_top1"]) == {"float32", "int8"} and results["photos"] == 18
    assert results["calibration_photos"] == 6 and linear["ships"] == (abs(linear["top1_change_points"]) <= 0.3)
    assert 0 < results["feature_relative_error"] < 1
    timing = results["predict_one_photo"]
    assert timing["int8"]["n"] == timing["float32"]["n"] > 0 and timing["yardstick_mobilenet_v2"]["median_ms"] > 0
    assert "gemlang train --int8" in (tmp_path / "int8.md").read_text()
