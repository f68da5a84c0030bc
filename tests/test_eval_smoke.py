"""Every eval/ script has a `--smoke` mode (a few painted photos, seconds); running it here keeps it from rotting.

A smoke run measures nothing: it proves the script's whole path still runs and writes its reports, to a
folder of the test's own.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
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


def test_components_smoke_scores_and_times_each_candidate(tmp_path, monkeypatch):
    script = load_script("components", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "components.json").read_text())
    assert [r["name"] for r in results["candidates"]] == ["built-in", "+ small CNN"] and results["folds"] == 3
    for row in results["candidates"]:
        cv = row["cross_validation"]
        assert cv["n_images"] == 24 and 0 <= cv["top1"] <= cv["top5"] <= 1
    plain, with_cnn = results["candidates"]
    assert plain["onnx_ms"] == 0 and with_cnn["onnx_ms"] > 0 < results["budget_ms"]  # the histogram is not timed
    assert with_cnn["cross_validation"]["feature_dim"] == plain["cross_validation"]["feature_dim"] + 256
    report = (tmp_path / "components.md").read_text()
    assert "| + small CNN | `residual_cnn:32+colour_hist` |" in report and "× budget" in report


def test_confusions_smoke_finds_the_pair_painted_alike_and_the_reading_that_settles_it(tmp_path, monkeypatch):
    script = load_script("confusions", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "confusions.json").read_text())
    metrics = results["metrics"]
    assert metrics["n_images"] == 30 and metrics["folds"] == 3 and len(metrics["per_class"]) == 5
    pairs = {tuple(sorted(p["classes"])): p for p in results["inseparable"]}
    assert set(pairs) == {("Ruby", "Spinel")}  # spinel is painted as ruby is; the other gems differ
    assert {r["reading"] for r in pairs["Ruby", "Spinel"]["settled_by"]} >= {"refractive_index", "specific_gravity"}
    assert (tmp_path / "reliability.png").stat().st_size > 0
    assert "| Ruby / Spinel |" in (tmp_path / "confusions.md").read_text()


def test_train_default_smoke_trains_each_candidate_and_scores_the_held_out_fifth(tmp_path, monkeypatch):
    script = load_script("train_default", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "train_default.json").read_text())
    assert len(results["classes"]) == 3 and results["n_train"] + results["n_test"] == 24 and results["folds"] == 3
    assert [r["name"] for r in results["candidates"]] == [r.name for r in script.SMOKE_CANDIDATES]
    for row in results["candidates"]:
        assert row["held_out"]["n_images"] == results["n_test"]
        assert row["cross_validated"]["n_images"] == results["n_train"] and row["train_seconds"] > 0
        assert 0 <= row["held_out"]["top1"] <= row["held_out"]["top5"] <= 1
    assert "3-fold cross-validation" in (tmp_path / "train_default.md").read_text()


def test_learned_fusion_smoke_scores_the_baseline_under_fusions_conditions(tmp_path, monkeypatch):
    script = load_script("learned_fusion", monkeypatch)
    fusion = load_script("fusion", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "learned_fusion.json").read_text())
    assert set(results["learned_head"]) == set(fusion.LEARNED_CONDITIONS)
    assert results["setup"]["n_images"] == 24 and results["setup"]["n_classes"] == 4 and results["setup"]["epochs"] == 3
    assert all(0 <= m["top1"] <= 1 for m in results["learned_head"].values()) and 0 <= results["photo_top1"] <= 1
    report = (tmp_path / "learned_fusion.md").read_text()
    assert report.count("\n| photo") == 1 + len(fusion.LEARNED_CONDITIONS)


@pytest.mark.parametrize(
    "script",
    ["build_default", "zero_shot", "seeds", "components", "confusions", "train_default", "learned_fusion", "scope"],
)
def test_a_smoke_run_never_writes_the_real_reports(script, tmp_path):
    from smoke import smoke_results

    assert "--smoke" in (EVAL / f"{script}.py").read_text()
    assert "smoke_results(" in (EVAL / f"{script}.py").read_text()  # its reports' folder goes through the guard
    real = EVAL / "results"
    assert smoke_results(real, real, tmp_path) == tmp_path / "results"
    assert smoke_results(real / ".." / "results", real, tmp_path) == tmp_path / "results"
    assert smoke_results(tmp_path / "mine", real, tmp_path) == tmp_path / "mine"


def test_finetune_fold_smoke_compares_builtin_finetuned_and_both(tmp_path, monkeypatch):
    script = load_script("finetune_fold", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "finetune_fold.json").read_text())
    assert results["smoke"] and results["n_held_out"] == 20 and results["backbone"] == "mobilenet_v2"
    assert list(results["per_fold"]) == ["1"]
    assert set(results["scores"]) == {"built-in", "mobilenet_v2 fine-tuned", "both (product)"}
    for row in results["scores"].values():
        assert 0 <= row["top1_95"][0] <= row["top1"] <= row["top1_95"][1] <= 1 and row["top1"] <= row["top5"]
    assert "fold 1 (20 photos)" in (tmp_path / "finetune_fold.md").read_text().lower()


def test_finetune_fold_reports_pool_the_folds_measured_in_the_same_setting(tmp_path, monkeypatch):
    script = load_script("finetune_fold", monkeypatch)
    path, setting = tmp_path / "finetune_fold.json", {"n_images": 100, "folds": 5, "backbone": "mobilenet_v2"}

    def fold(n, top1, top5):
        return {"n_held_out": n, "scores": {"built-in": {"top1": top1, "top5": top5}}}

    first = script.with_fold(path, setting, 2, fold(30, 0.5, 0.9))
    path.write_text(json.dumps(first))
    pooled = script.with_fold(path, setting, 1, fold(10, 0.9, 1.0))
    assert list(pooled["per_fold"]) == ["1", "2"] and pooled["n_held_out"] == 40
    assert pooled["scores"]["built-in"]["top1"] == pytest.approx((30 * 0.5 + 10 * 0.9) / 40)
    assert pooled["scores"]["built-in"]["top5"] == pytest.approx((30 * 0.9 + 10 * 1.0) / 40)
    again = script.with_fold(path, setting, 2, fold(30, 0.6, 0.9))  # a fold measured again replaces the old one
    assert again["per_fold"]["2"]["scores"]["built-in"]["top1"] == 0.6 and again["n_held_out"] == 30
    other = script.with_fold(path, {**setting, "n_images": 90}, 1, fold(10, 0.9, 1.0))
    assert list(other["per_fold"]) == ["1"]  # folds of another photo collection are not pooled with these
    assert script.report_name("mobilenet_v2") != script.report_name("efficientnet_lite0")


def test_finetune_serving_smoke_scores_each_way_of_serving_a_kept_fold_model(tmp_path, monkeypatch):
    script = load_script("finetune_serving", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "finetune_serving.json").read_text())
    ways = [script.way_name(graphs, tta) for graphs, tta in script.WAYS]
    assert list(results["per_fold"]) == ["1"] and results["n_held_out"] == 20
    assert set(results["scores"]) == {"built-in"} | {f"{who} {way}" for who in ("fine-tuned", "both") for way in ways}
    assert set(results["one_photo_ms"]) == set(ways) and all(ms > 0 for ms in results["one_photo_ms"].values())
    assert set(results["times_eager_mobilenet_v2"]) == set(ways)
    assert "int8 photo only" in (tmp_path / "finetune_serving.md").read_text()


def test_kept_probabilities_follow_the_photos_and_name_the_folds_to_run(tmp_path, monkeypatch):
    script = load_script("finetune_fold", monkeypatch)
    photos = [tmp_path / "mount" / c / f"{c}_{i}.jpg" for c in ("Ruby", "Jade") for i in range(2)]
    for fold, rows in ((1, [0, 3]), (2, [1, 2])):
        name = script.kept_name("mobilenet_v2", fold, 2, 0)
        kept = [f"/elsewhere/{p.parent.name}/{p.name}" for p in (photos[i] for i in rows)]  # mounted elsewhere
        np.savez(tmp_path / f"{name}.npz", photos=np.asarray(kept), probs=np.eye(4)[rows])
    assert np.array_equal(script.kept_probabilities(photos, "mobilenet_v2", 2, cache=tmp_path), np.eye(4))
    (tmp_path / f"{script.kept_name('mobilenet_v2', 2, 2, 0)}.npz").unlink()
    with pytest.raises(SystemExit, match=r"folds not run: \[2\]"):
        script.kept_probabilities(photos, "mobilenet_v2", 2, cache=tmp_path)


def test_scope_smoke_reports_candidate_scores_beside_the_shipped_one(tmp_path, monkeypatch):
    script = load_script("scope", monkeypatch)
    assert script.main(["--smoke", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "scope.json").read_text())
    names = {row["score"] for row in results["candidates"]}
    assert "gem distance + entropy (standard scores; shipped)" in names and "energy" in names
    assert {"learned: energy + 1-NN distance", "1-NN distance (parts weighed alike)"} <= names
    assert all(0 <= row["auroc"] <= 1 and 0 <= row["unknown_flagged_at_6%"] <= 1 for row in results["candidates"])
    families = results["leave_families_out"]  # the same protocol with whole mineral families held out
    assert 0 <= families["auroc_unknown_vs_in_scope"] <= 1 and families["held_out_families"]
    report = (tmp_path / "scope.md").read_text()
    assert "strictly nested" in report and "leave-families-out AUROC" in report


def test_scope_leave_families_out_holds_every_sibling_out_together(monkeypatch):
    script = load_script("scope", monkeypatch)
    classes = ["Ruby", "Sapphire Blue", "Sapphire Pink", "Amethyst", "Citrine", "Chalcedony", "Onyx Black",
               "Almandine", "Tsavorite", "Peridot", "Diamond", "Gem0"]  # fmt: skip
    y = np.repeat(np.arange(len(classes)), 3)
    groups = script.family_groups(y, classes, 3, seed=0)
    assert sorted(np.concatenate(groups)) == list(range(len(classes)))  # every class held out exactly once
    where = {classes[c]: i for i, g in enumerate(groups) for c in g}
    assert where["Ruby"] == where["Sapphire Blue"] == where["Sapphire Pink"]  # corundum
    assert where["Amethyst"] == where["Citrine"] == where["Chalcedony"] == where["Onyx Black"]  # quartz
    assert where["Almandine"] == where["Tsavorite"]  # garnets
    assert script.mineral_family("Gem0") == "Gem0" and script.mineral_family("Peridot") == "olivine"


def test_scope_non_stone_pictures_are_the_same_from_run_to_run(monkeypatch):
    script = load_script("scope", monkeypatch)  # the split caches are keyed by their features
    first, second = script.package_pictures(), script.package_pictures()
    assert first.keys() == second.keys()
    assert all(np.array_equal(np.asarray(first[n]), np.asarray(second[n])) for n in first)


def test_a_nested_combination_never_weighs_a_split_on_its_own_photos(monkeypatch):
    candidates = load_script("scope_candidates", monkeypatch)
    rng = np.random.default_rng(0)

    def split(shift):
        return {name: (rng.normal(0, 1, 40), rng.normal(shift, 1, 30)) for name in ("a", "b")}

    splits = [split(1.0) for _ in range(4)]
    scored = candidates.nested_combination(splits, ["a", "b"])
    changed = [{n: (v[0], v[1] * -5) for n, v in splits[0].items()}, *splits[1:]]
    again = candidates.nested_combination(changed, ["a", "b"])
    np.testing.assert_allclose(again[0][0], scored[0][0])  # split 0's unknown photos moved, its weights did not
    assert not np.allclose(again[1][0], scored[1][0])  # the other splits' weights read split 0


def test_knn_distance_is_zero_on_a_training_row_and_grows_with_k(monkeypatch):
    knn_distance = load_script("scope_candidates", monkeypatch).knn_distance
    rng = np.random.default_rng(0)
    train = rng.normal(size=(50, 8))
    train /= np.linalg.norm(train, axis=1, keepdims=True)
    d = knn_distance(train, train[:5], (1, 3, 10))
    np.testing.assert_allclose(d[1], 0, atol=1e-6)
    assert (d[3] >= d[1]).all() and (d[10] >= d[3]).all()


def test_framed_photos_smoke_reports_both_ways(tmp_path, monkeypatch):
    script = load_script("framed_photos", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "framed_photos.json").read_text())
    assert results["photos"] == 4 and set(results["framed"]) == {"as sent", "cropped to the stone"}
    assert "| cropped to the stone |" in (tmp_path / "framed_photos.md").read_text()


def test_colourless_photos_smoke_fits_a_greyscale_temperature_on_held_out_folds(tmp_path, monkeypatch):
    script = load_script("colourless_photos", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "colourless_photos.json").read_text())
    assert len(results["temperature_ratio_per_fold"]) == results["folds"] and results["temperature_ratio"] > 0
    assert set(results["scores"]) >= {"greyscale photo + colour told", "colour told alone"}
    assert "| greyscale photo |" in (tmp_path / "colourless_photos.md").read_text()


def test_camera_photos_smoke_times_each_size_in_a_process_of_its_own(tmp_path, monkeypatch):
    script = load_script("camera_photos", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    sizes = json.loads((tmp_path / "camera_photos.json").read_text())["sizes"]
    assert list(sizes) == ["as in the collection", "phone 12 MP", "camera 48 MP"]
    assert sizes["camera 48 MP"]["size"] == "800 x 600" and all(v["peak_mb"] > 0 for v in sizes.values())


def test_views_smoke_scores_the_four_ways_on_the_same_folds(tmp_path, monkeypatch):
    script = load_script("views", monkeypatch)
    assert script.main(["--smoke", "--results", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "views.json").read_text())
    assert results["encoder_passes_with_test_time_views"] == 3 and results["folds"] == 2
    assert len(results["scores"]) == 4 and all(0 <= s["top1"] <= s["top5"] <= 1 for s in results["scores"].values())
