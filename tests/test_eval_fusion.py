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
    told = ("told_photo_class", "told_fit", "told_alike")  # what the readings allow with this photo model
    assert all(0 <= m[k] <= 1 for m in results["photo"].values() for k in told)
    photo_alone = results["photo"]["photo"]  # told nothing, the photo is on its own
    assert photo_alone["told_fit"] == photo_alone["told_alike"] == photo_alone["top1"]
    assert 0 <= results["told"]["twins"] <= 1 and 0 <= results["told"]["same truth hints"] <= 1
    for m in results["alone"].values():  # the answer as lines of a determinative table
        assert 0 <= m["table_top1"] <= m["table_top5"] <= 1
    ceiling = results["alone_ceiling"]["RI+SG"]  # the same readings, told the stone is one of the photo classes
    assert 0 <= ceiling["top1"] <= ceiling["top5"] <= ceiling["top5_groups"] <= 1
    assert results["typed"]["photo+RI+SG typed"]["parsed_fully"] == 1.0  # the parser reads what was typed
    assert results["recorded"]["photo+recorded"]["n"] > 0  # metadata.csv is used
    assert set(results["learned_head"]) == set(script.LEARNED_CONDITIONS)
    report = (tmp_path / "out" / "fusion.md").read_text()
    assert "Command: `python eval/fusion.py --smoke" in report and "Readings alone" in report
    assert "told which gems fit" in report and "twin group" in report


def test_told_keeps_the_photo_only_for_the_classes_the_true_readings_allow():
    import numpy as np

    from gemlang.fusion import EvidenceModel

    spec = importlib.util.spec_from_file_location("eval_fusion", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    classes = ["Ruby", "Sapphire Blue", "Spinel", "Tanzanite"]
    model = EvidenceModel(classes)
    fits = script.agreeing(model, ("ri", "sg"), alike=False)
    alike = script.agreeing(model, ("ri", "sg"), alike=True)
    assert fits.diagonal().all() and alike.diagonal().all()  # a gem always agrees with itself
    assert fits[0, 1] and alike[0, 1] and not fits[0, 2] and not fits[2, 3]  # ruby/sapphire; spinel/tanzanite
    probs = np.array([[0.1, 0.2, 0.6, 0.1], [0.5, 0.1, 0.1, 0.3]])  # a ruby taken for spinel; a tanzanite for ruby
    y = np.array([0, 3])
    assert script.told(probs, y, np.ones((4, 4), dtype=bool), np.arange(2)) == 0.0  # told nothing: the photo alone
    assert script.told(probs, y, alike, np.arange(2)) == 0.5  # the ruby is still taken for a sapphire
    assert script.told(probs, y, np.eye(4, dtype=bool), np.arange(2)) == 1.0
