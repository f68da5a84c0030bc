"""`gemlang build NAME` writes the models gemlang ships, from a folder of photos, with their model cards."""

from __future__ import annotations

import json

import pytest

from gemlang.cli import main


def test_build_lists_every_builder(capsys):
    from gemlang.builds import BUILDERS

    with pytest.raises(SystemExit):
        main(["build", "--help"])
    out = capsys.readouterr().out
    assert {"default", "alignment"} <= set(BUILDERS) and all(name in out for name in BUILDERS)


def test_build_default_writes_a_cross_validated_model_with_its_card(tiny_folder, tmp_path, capsys):
    from gemlang import GemClassifier
    from gemlang.recipe import BUILT_IN

    out = tmp_path / "model"
    # --int8 0: float32 encoders, so the test does not quantize two CNNs (int8 training: test_serving_int8.py);
    # no fine-tuned companion either (a recipe with one: test_companion.py)
    assert main(["build", "default", "--data", str(tiny_folder), "--out", str(out), "--cv", "3", "--int8", "0",
                 "--companion", "none", "--cache", str(tmp_path / "cache")]) == 0  # fmt: skip
    clf = GemClassifier.load(out)
    assert clf.extractor.spec == BUILT_IN.encoder and clf.head.config["type"] == BUILT_IN.head
    assert BUILT_IN.int8 and not clf.int8 and clf.heat_map_note is None and clf.companion is None
    assert clf.info["cross_validation"]["folds"] == 3
    card = (out / "MODEL_CARD.md").read_text()
    assert f"| top-1 accuracy | {clf.info['cross_validation']['top1']:.1%} |" in card
    assert "gemlang build default" in card and f"the photos under `{tiny_folder}`" in card
    assert json.loads((out / "config.json").read_text())["trained_on"]["data"] == str(tiny_folder)


def test_build_default_refuses_a_folder_too_small_to_cross_validate(tiny_folder, tmp_path, capsys):
    code = main(["build", "default", "--data", str(tiny_folder), "--out", str(tmp_path / "m"), "--cv", "7"])
    assert code == 2 and "--cv" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("build", ["default", "alignment", "fusion"])
def test_a_build_without_out_refuses_photos_of_other_classes_than_the_shipped_ones(build, tiny_folder, capsys):
    from gemlang.builds import BUILDERS

    shipped = BUILDERS[build].default_out
    before = {p: p.stat().st_mtime_ns for p in shipped.iterdir()}
    assert main(["build", build, "--data", str(tiny_folder)]) == 2
    err = capsys.readouterr().err
    assert "differ from the shipped classifier's" in err and "--out DIR" in err and "gemlang train" in err
    assert {p: p.stat().st_mtime_ns for p in shipped.iterdir()} == before  # the shipped folder untouched


def test_build_alignment_writes_a_loadable_alignment(tiny_folder, tmp_path):
    from gemlang.language.alignment import AlignmentModel
    from gemlang.recipe import ALIGNMENT_IMAGE_ENCODER

    out = tmp_path / "alignment"
    assert main(["build", "alignment", "--data", str(tiny_folder), "--out", str(out), "--steps", "30",
                 "--cache", str(tmp_path / "cache")]) == 0  # fmt: skip
    model = AlignmentModel.load(out)
    assert model.image_encoder == ALIGNMENT_IMAGE_ENCODER
    assert sorted(model.info["trained_on"]["gems"]) == ["Emerald", "Ruby", "Sapphire Blue"]
    assert "gemlang build alignment" in (out / "MODEL_CARD.md").read_text()


def test_fusion_settings_built_for_a_model_folder_go_beside_it_not_over_the_shipped_ones(tmp_path):
    from gemlang.builds import BUILDERS, PACKAGE

    fusion = BUILDERS["fusion"]
    assert fusion.out_for({"model": str(tmp_path / "my_model")}) == tmp_path / "my_model" / "fusion"
    assert fusion.out_for({"model": "default"}) == PACKAGE / "default_fusion"
    assert BUILDERS["alignment"].out_for({}) == BUILDERS["alignment"].default_out
