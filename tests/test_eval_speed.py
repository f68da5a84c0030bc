"""eval/speed.py --smoke: the benchmark's whole path runs (library, command line, catalog, chat under load)."""

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
