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


def test_int8_smoke_compares_cross_validated_top1(tmp_path):
    spec = importlib.util.spec_from_file_location("eval_int8", SCRIPT.with_name("int8.py"))
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "int8.json").read_text())
    assert set(results["cv_top1"]) == {"float32", "int8"} and results["photos"] == 18
    assert 0 < results["feature_relative_error"] < 1 and results["ships"] == (abs(results["top1_change_points"]) <= 0.3)
    assert "int8" in (tmp_path / "int8.md").read_text()
