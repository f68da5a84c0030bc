"""eval/fusion.py runs end to end in its smoke mode and writes its JSON and Markdown report."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from conftest import make_image_folder

SCRIPT = Path(__file__).resolve().parents[1] / "eval" / "fusion.py"


def test_the_fusion_benchmark_runs_in_smoke_mode_and_reports_every_condition(tmp_path, monkeypatch):
    monkeypatch.setenv("GEMLANG_CACHE", str(tmp_path / "cache"))
    data = make_image_folder(tmp_path / "data", per_class=6)
    rows = [f"Ruby/{i}.jpg,9,Myanmar,1.76" for i in range(6)] + [f"Emerald/{i}.jpg,7.5,Colombia," for i in range(6)]
    (data / "metadata.csv").write_text("path,hardness,locality,ri\n" + "\n".join(rows) + "\n")
    spec = importlib.util.spec_from_file_location("eval_fusion", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--smoke", "--data", str(data), "--results", str(tmp_path / "out")]) == 0
    results = json.loads((tmp_path / "out" / "fusion.json").read_text())
    assert set(results["photo"]) == {name for name, _, _ in script.PHOTO_CONDITIONS}
    assert set(results["alone"]) == {name for name, _, _ in script.ALONE_CONDITIONS}
    assert all(0 <= m["top1"] <= m["top5"] <= 1 for m in results["photo"].values())
    ceiling = results["alone_ceiling"]["RI+SG"]  # the same readings, told the stone is one of the photo classes
    assert 0 <= ceiling["top1"] <= ceiling["top5"] <= ceiling["top5_groups"] <= 1
    assert results["typed"]["photo+RI+SG typed"]["parsed_fully"] == 1.0  # the parser reads what was typed
    assert results["recorded"]["photo+recorded"]["n"] > 0  # metadata.csv is used
    assert set(results["learned_head"]) == set(script.LEARNED_CONDITIONS)
    report = (tmp_path / "out" / "fusion.md").read_text()
    assert "Command: `python eval/fusion.py --smoke" in report and "Readings alone" in report
