"""The out-of-scope check: painted non-stone pictures are flagged, stones of known classes are not."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import red_stone_photo
from PIL import Image, ImageDraw

from gemlang.model import GemClassifier
from gemlang.scope import (
    NOT_A_GEM_PHOTO,
    SCOPE_FILE,
    UNCHECKED,
    UNKNOWN_MINERAL,
    ScopeCheck,
    ScopeError,
    fit_scope_check,
)

ROOT = Path(__file__).resolve().parents[1]


def painted_portrait(size: int = 96) -> Image.Image:
    """A face and shoulders on a dark backdrop: what a person uploads by mistake."""
    image = Image.new("RGB", (size, size), (40, 60, 90))
    draw = ImageDraw.Draw(image)
    draw.ellipse((28, 14, 68, 62), fill=(225, 180, 150))
    draw.rectangle((20, 62, 76, 96), fill=(180, 30, 30))
    draw.ellipse((38, 30, 44, 36), fill="black")
    draw.ellipse((52, 30, 58, 36), fill="black")
    return image


def painted_landscape(size: int = 96) -> Image.Image:
    sky = np.linspace([80, 140, 230], [200, 220, 250], size // 2)[:, None, :].repeat(size, 1)
    grass = np.tile(np.array([60, 140, 50], float), (size - size // 2, size, 1))
    return Image.fromarray(np.concatenate([sky, grass]).astype(np.uint8))


def test_painted_non_stone_pictures_are_flagged_and_a_known_stone_is_not(chat_model_dir):
    clf = GemClassifier.load(chat_model_dir)
    _, verdicts, failures = clf.analyse([red_stone_photo(), painted_portrait(), painted_landscape()])
    assert not failures
    stone, portrait, landscape = verdicts
    assert not stone.flagged and stone.kind == "in_scope"
    assert portrait.kind == NOT_A_GEM_PHOTO and landscape.kind == NOT_A_GEM_PHOTO
    assert portrait.sentence() == "This does not look like a gemstone photo."


def test_care_asked_with_a_picture_that_is_no_gem_photo_names_no_gem(chat_model_dir):
    from gemlang.assistant import Assistant
    from gemlang.assistant.conversation import UNKNOWN_STONE_CARE

    answer = Assistant.load(chat_model_dir).conversation().ask("how do i clean it", [painted_landscape()])
    assert answer.out_of_scope.kind == NOT_A_GEM_PHOTO
    assert UNKNOWN_STONE_CARE in answer.reply and "Caring for" not in answer.reply


def test_wear_asked_of_a_picture_that_is_no_gem_photo_gets_the_wear_advice_not_cleaning(chat_model_dir):
    from gemlang.assistant import Assistant
    from gemlang.assistant.conversation import UNKNOWN_STONE_CARE, UNKNOWN_STONE_WEAR

    chat = Assistant.load(chat_model_dir).conversation()
    with_photo = chat.ask("can I wear it every day?", [painted_landscape()])
    after = chat.ask("can I wear it every day?")
    for answer in (with_photo, after):
        assert UNKNOWN_STONE_WEAR in answer.reply and UNKNOWN_STONE_CARE not in answer.reply


def test_a_question_needing_no_stone_sent_with_a_picture_of_none_is_answered(chat_model_dir):
    from gemlang.assistant import Assistant

    chat = Assistant.load(chat_model_dir).conversation()
    answer = chat.ask("what is pleochroism?", [painted_landscape()])
    assert answer.reply.startswith("**This does not look like a gemstone photo.** **Pleochroism**: ")
    assert not chat.hints  # the word asked about is no reading of a stone


def test_is_it_glass_after_a_flagged_picture_says_how_glass_is_told_from_a_gem(chat_model_dir):
    from gemlang.assistant import Assistant

    chat = Assistant.load(chat_model_dir).conversation()
    chat.ask("what is it?", [painted_landscape()])
    reply = chat.ask("it's probably sea glass right?").reply
    assert reply.startswith("**As I said") and "**Glass or a gem?**" in reply


def test_a_cluster_held_out_of_fitting_is_flagged_and_noise_is_not_a_photo():
    rng = np.random.default_rng(0)
    centres = rng.normal(0, 1, (7, 40)) * 3
    y = np.repeat(np.arange(7), 30)
    X = (centres[y] + rng.normal(0, 1, (len(y), 40))).astype(np.float32)
    known = y < 6  # class 6 is never seen
    check = fit_scope_check(X[known], y[known], dim=16)
    unseen = check.assess(X[~known], [f"gem{i}" for i in range(7)])
    assert np.mean([v.flagged for v in unseen]) > 0.8
    far = check.assess(rng.normal(0, 30, (5, 40)).astype(np.float32), [f"gem{i}" for i in range(7)])
    assert all(v.kind == NOT_A_GEM_PHOTO for v in far)
    fresh = (centres[:6] + rng.normal(0, 1, (6, 40))).astype(np.float32)
    assert sum(v.flagged for v in check.assess(fresh, [f"gem{i}" for i in range(7)])) <= 1


@pytest.mark.parametrize(("classes", "photos", "warned"), [(3, 10, True), (12, 10, True), (12, 30, False)])
def test_a_check_fitted_on_few_classes_or_photos_is_said_to_know_too_little(classes, photos, warned):
    from gemlang.training.scope_check import fit_model_scope

    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(classes), photos)
    X = (rng.normal(0, 3, (classes, 20))[y] + rng.normal(0, 1, (len(y), 20))).astype(np.float32)
    said = []
    assert fit_model_scope(X, y, np.arange(len(y)), log=said.append) is not None
    assert any(f"knows {classes} classes from {len(y)} photos, too few" in s for s in said) == warned


def test_the_check_is_saved_with_the_model_and_loads_back_the_same(chat_model_dir, tmp_path):
    clf = GemClassifier.load(chat_model_dir)
    assert (chat_model_dir / SCOPE_FILE).is_file()
    assert "scope" in json.loads((chat_model_dir / "config.json").read_text())
    clf.save(tmp_path / "copy")
    again = GemClassifier.load(tmp_path / "copy")
    assert again.scope.config == clf.scope.config
    x = np.random.default_rng(1).normal(size=(3, clf.extractor.feature_dim)).astype(np.float32)
    np.testing.assert_allclose(again.scope.distances(x)[1], clf.scope.distances(x)[1], rtol=1e-5)


def test_a_model_without_the_check_still_predicts_and_says_it_is_unchecked(tiny_model_dir, tmp_path):
    bare = tmp_path / "bare"
    shutil.copytree(tiny_model_dir, bare)
    (bare / SCOPE_FILE).unlink()
    clf = GemClassifier.load(bare)
    assert clf.scope is None
    probs, verdicts, failures = clf.analyse([red_stone_photo()])
    assert not failures and np.isclose(probs.sum(), 1, atol=1e-5)
    assert verdicts[0].kind == UNCHECKED and not verdicts[0].flagged


def test_a_damaged_scope_file_is_a_clear_error(tiny_model_dir, tmp_path):
    from gemlang.errors import GemlangError

    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    (broken / SCOPE_FILE).write_bytes(b"not safetensors")
    with pytest.raises(GemlangError, match="gemlang build scope"):
        ScopeCheck.load(broken, {"gem_threshold": 0, "photo_threshold": 0})


def test_predict_json_carries_the_out_of_scope_field(chat_model_dir, tmp_path, capsys):
    from gemlang.cli import main

    stone, portrait = tmp_path / "stone.jpg", tmp_path / "portrait.png"
    red_stone_photo(stone)
    painted_portrait().save(portrait)
    assert main(["predict", "--json", "--model", str(chat_model_dir), str(stone), str(portrait)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert rows[0]["out_of_scope"]["flagged"] is False and rows[0]["out_of_scope"]["kind"] == "in_scope"
    assert rows[1]["out_of_scope"]["flagged"] is True and rows[1]["out_of_scope"]["kind"] == NOT_A_GEM_PHOTO
    assert rows[0]["label"] and rows[1]["label"] is None and rows[1]["probability"] is None  # no gem named
    assert rows[1]["top_k"]  # the closest known gems still listed
    assert main(["predict", "--model", str(chat_model_dir), str(stone), str(portrait)]) == 0
    table = capsys.readouterr().out.split(f"{portrait}:")
    assert "%" in table[0] and "%" not in table[1]  # no odds printed under a verdict that names no gem


def test_describe_writes_no_gem_description_for_a_photo_out_of_scope(chat_model_dir, tmp_path, capsys):
    from gemlang.cli import main

    stone, portrait = tmp_path / "stone.jpg", tmp_path / "portrait.png"
    red_stone_photo(stone)
    painted_portrait().save(portrait)
    assert main(["describe", "--model", str(chat_model_dir), str(portrait)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("This does not look like a gemstone photo. No description written")
    assert "Mohs" not in text and "scratch" not in text
    assert main(["describe", "--json", "--model", str(chat_model_dir), str(portrait)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["out_of_scope"]["kind"] == NOT_A_GEM_PHOTO and out["gem"] is None  # the keys of any description
    assert out["text"].startswith("This does not look like a gemstone photo. No description written")
    assert main(["describe", "--json", "--model", str(chat_model_dir), str(stone)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["out_of_scope"]["flagged"] is False and "Mohs" in out["text"]


def test_the_answer_says_plainly_it_is_not_a_gem_photo_and_describes_no_gem(chat_model_dir):
    from gemlang.assistant import Assistant

    chat = Assistant.load(chat_model_dir).conversation()
    answer = chat.ask("what gem is this?", photos=[painted_portrait()])
    assert answer.out_of_scope is not None and answer.out_of_scope.kind == NOT_A_GEM_PHOTO
    assert answer.to_dict()["out_of_scope"]["kind"] == NOT_A_GEM_PHOTO
    text = answer.to_markdown()
    assert "This does not look like a gemstone photo" in text
    assert answer.candidates == [] and answer.description == "" and answer.tell_apart == ""
    assert "scratch" not in text.lower() and "I'm not sure" not in text
    assert answer.heatmap is None and "map" not in text and chat.explain() == (None, None, None)
    asked = chat.ask("is it a real ruby?").to_markdown()  # no odds for a gem from a picture of none
    assert "rank" not in asked and "%" not in asked and "does not look like a gemstone photo" in asked
    assert asked != text  # said again in short, not the same paragraph word for word
    follow = chat.ask("RI 1.762-1.770, SG 4.00, uniaxial")  # the readings it asked for rank the gems by themselves
    assert follow.out_of_scope.kind == NOT_A_GEM_PHOTO and "Your readings alone rank the gems" in follow.reply
    readings_only = chat.assistant.rank(None, chat.hints).ranking
    assert follow.candidates and follow.candidates[0][0] == readings_only[0][0]
    assert not any("photo looks most like" in n for n in follow.notes)  # no argument with a picture of no gem

    answer = chat.ask("what gem is this?", photos=[red_stone_photo()])
    assert answer.out_of_scope is not None and not answer.out_of_scope.flagged
    assert answer.gem in ("Ruby", "Garnet Red") and answer.description


def test_an_unknown_mineral_answer_names_the_closest_gems_and_asks_for_readings():
    from gemlang.assistant import Answer, withhold_gem
    from gemlang.scope import ScopeVerdict

    answer = Answer("what is it?", candidates=[("Ruby", 0.6), ("Spinel", 0.3)], description="Ruby is ...",
                    tell_apart="Scratch test: ...", used_photo=True)  # fmt: skip
    verdict = ScopeVerdict(UNKNOWN_MINERAL, 3.0, 10.0, ["Ruby", "Spinel", "Garnet Red"])
    answer.out_of_scope = verdict
    withhold_gem(answer, verdict)
    text = answer.to_markdown()
    assert "a stone I was not trained on; the closest known gems are Ruby, Spinel and Red Garnet" in text
    assert "RI 1.54" in text and "cannot be settled" in text
    assert "Scratch" not in text and "Ruby is" not in text and answer.unsure


def test_readings_for_a_stone_unlike_every_class_rank_the_gems_by_themselves(chat_model_dir):
    from gemlang.assistant import Assistant
    from gemlang.scope import ScopeVerdict

    assistant = Assistant.load(chat_model_dir)
    chat = assistant.conversation()
    chat.ask("what gem is this?", photos=[red_stone_photo()])
    chat.scope = ScopeVerdict(UNKNOWN_MINERAL, 3.0, 10.0, ["Ruby", "Garnet Red"])  # as the check says of such a stone
    answer = chat.ask("RI 1.718, SG 3.60, singly refractive")
    assert "not trained on" in answer.reply and "Your readings alone rank the gems" in answer.reply
    readings_only = assistant.rank(None, chat.hints).ranking
    assert answer.candidates[0] == readings_only[0] and answer.candidates[0][0] == "Spinel"
    assert answer.unsure and answer.description == "" and "scratch" not in answer.to_markdown().lower()


def test_a_place_alone_does_not_rank_the_gems_for_a_stone_unlike_every_class_and_a_question_is_answered_short(
    chat_model_dir,
):
    from gemlang.assistant import Assistant
    from gemlang.scope import ScopeVerdict

    chat = Assistant.load(chat_model_dir).conversation()
    first = chat.ask("what gem is this?", photos=[red_stone_photo()])
    chat.scope = ScopeVerdict(UNKNOWN_MINERAL, 3.0, 10.0, ["Ruby", "Garnet Red"])  # as the check says of such a stone
    answer = chat.ask("it's from Myanmar")
    assert "Your readings alone rank" not in answer.reply and not answer.reasons
    assert answer.candidates[0][0] == first.candidates[0][0]  # the photo's closest gems, not every gem of Myanmar
    again = chat.ask("is it rare?")
    assert again.reply.startswith("**As I said, I could not place this stone") and "ruby rare?" in again.reply


def test_eval_scope_smoke_run_writes_its_report(tmp_path):
    subprocess.run([sys.executable, "eval/scope.py", "--smoke", "--out", str(tmp_path)], check=True, cwd=ROOT,
                   capture_output=True)  # fmt: skip
    report = json.loads((tmp_path / "scope.json").read_text())
    assert report["n_non_stone_pictures"] >= 6 and 0 <= report["in_scope_flagged"] <= 1
    assert "leave-classes-out AUROC" in (tmp_path / "scope.md").read_text()


def test_catalog_rows_carry_the_out_of_scope_column(chat_model_dir, tmp_path):
    from gemlang.collection.catalog_rows import COLUMN_NAMES, describe_batch

    stone, portrait = tmp_path / "stone.jpg", tmp_path / "portrait.png"
    red_stone_photo(stone)
    painted_portrait().save(portrait)
    rows = describe_batch([(stone, "a"), (portrait, "b")], GemClassifier.load(chat_model_dir))
    assert "out_of_scope" in COLUMN_NAMES and "scope_kind" in COLUMN_NAMES
    assert rows[0]["out_of_scope"] is False and rows[0]["scope_kind"] == "in_scope"
    assert rows[1]["out_of_scope"] is True and rows[1]["scope_kind"] == NOT_A_GEM_PHOTO
    assert rows[1]["description"] == "This does not look like a gemstone photo."
    assert rows[1]["gem"] == "" and rows[1]["probability"] is None and rows[1]["top_k"]  # no gem named, likeness kept
    assert "Mohs" in rows[0]["description"]


def flat_picture(colour=(128, 128, 128)) -> Image.Image:
    noise = np.random.default_rng(0).normal(0, 1.5, (120, 160, 3))  # a lens cap's sensor noise
    return Image.fromarray(np.clip(np.array(colour) + noise, 0, 255).astype(np.uint8))


def test_predict_and_the_catalog_call_a_flat_picture_no_gem_photo_as_the_chat_does(chat_model_dir, tmp_path, capsys):
    from gemlang.cli import main
    from gemlang.collection.catalog_rows import describe_batch

    stone, cap = tmp_path / "stone.jpg", tmp_path / "lens_cap.jpg"
    red_stone_photo(stone)
    flat_picture().save(cap, quality=95)
    unchecked = tmp_path / "unchecked"  # a model without a feature-space check: only the flat rule can flag
    shutil.copytree(chat_model_dir, unchecked)
    (unchecked / SCOPE_FILE).unlink()
    assert main(["predict", "--json", "--model", str(unchecked), str(stone), str(cap)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert [r["out_of_scope"]["kind"] for r in rows] == ["unchecked", NOT_A_GEM_PHOTO]
    rows = describe_batch([(stone, "a"), (cap, "b")], GemClassifier.load(unchecked))
    assert [r["scope_kind"] for r in rows] == ["unchecked", NOT_A_GEM_PHOTO]
    assert rows[1]["description"] == "This does not look like a gemstone photo."


def _clusters(seed: int = 0, classes: int = 6, per_class: int = 30, dim: int = 40):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 1, (classes, dim)) * 3
    y = np.repeat(np.arange(classes), per_class)
    return rng, centres, y, (centres[y] + rng.normal(0, 1, (len(y), dim))).astype(np.float32)


def confident(y: np.ndarray, classes: int, sure=0.9) -> np.ndarray:
    """Probabilities putting `sure` (a number or one per row) on the true class, the rest spread evenly."""
    sure = np.broadcast_to(np.asarray(sure, dtype=float), (len(y),))
    p = np.repeat(((1 - sure) / (classes - 1))[:, None], classes, 1)
    p[np.arange(len(y)), y] = sure
    return p


def test_with_held_out_probabilities_a_stone_the_classifier_cannot_name_is_flagged_near_a_known_class():
    rng, centres, y, X = _clusters()
    names = [f"gem{i}" for i in range(6)]
    held_out = confident(y, 6, sure=rng.uniform(0.6, 0.99, len(y)))
    check = fit_scope_check(X, y, probabilities=held_out, dim=16)
    assert check.reads_probabilities and check.config["method"].endswith("+entropy")
    assert set(check.config["standardise"]) == {"gem_distance", "entropy"}
    near = (centres[[0, 1]] + rng.normal(0, 1, (2, 40))).astype(np.float32)  # where known stones lie
    sure, torn = confident(np.array([0, 1]), 6), np.full((2, 6), 1 / 6)
    assert [v.kind for v in check.assess(near, names, sure)] == ["in_scope", "in_scope"]
    torn_verdicts = check.assess(near, names, torn)
    assert all(v.kind == UNKNOWN_MINERAL for v in torn_verdicts)
    assert all(v.score > check.unknown_threshold for v in torn_verdicts)
    with pytest.raises(ScopeError, match="probabilities"):
        check.assess(near, names)


def test_the_threshold_flags_about_the_asked_share_of_new_photos_of_known_classes():
    rng, centres, y, X = _clusters(seed=3)
    check = fit_scope_check(X, y, probabilities=rng.dirichlet(np.full(6, 0.3), len(y)), dim=16, false_alarm=0.1)
    fresh_y = np.repeat(np.arange(6), 200)
    fresh = (centres[fresh_y] + rng.normal(0, 1, (len(fresh_y), 40))).astype(np.float32)
    verdicts = check.assess(fresh, [str(i) for i in range(6)], rng.dirichlet(np.full(6, 0.3), len(fresh_y)))
    assert 0.05 < np.mean([v.kind == UNKNOWN_MINERAL for v in verdicts]) < 0.18


def test_a_check_fitted_without_probabilities_decides_on_the_gem_distance_alone():
    _, _, y, X = _clusters(seed=4)
    check = fit_scope_check(X, y, dim=16)
    assert not check.reads_probabilities and "standardise" not in check.config
    verdicts = check.assess(X[:3], [str(i) for i in range(6)], np.full((3, 6), 1 / 6))
    assert [v.score for v in verdicts] == pytest.approx([v.gem_distance for v in verdicts])


@pytest.mark.parametrize("photos, features", [(50, 120), (300, 40)])
def test_the_projection_keeps_the_principal_axes_of_a_full_svd(photos, features):
    from gemlang.scope import fit_projection

    rng = np.random.default_rng(0)
    X = (rng.normal(size=(photos, features)) * np.linspace(5, 0.1, features)).astype(np.float32)
    projection = fit_projection(X, 16)
    _, _, vt = np.linalg.svd((X - projection["mean"]) / projection["scale"], full_matrices=False)
    cosines = np.abs((vt[:16] * projection["components"].T).sum(1))  # an axis may point either way
    np.testing.assert_allclose(cosines, 1, atol=1e-5)


def test_describe_has_advice_for_every_kind_of_flagged_photo():
    from gemlang.commands.describe import SCOPE_ADVICE

    assert set(SCOPE_ADVICE) == {NOT_A_GEM_PHOTO, UNKNOWN_MINERAL}
    assert "RI" in SCOPE_ADVICE[UNKNOWN_MINERAL] and "photo" in SCOPE_ADVICE[NOT_A_GEM_PHOTO]


def test_a_class_with_a_single_photo_does_not_cost_the_collection_its_check():
    rng, centres, y, X = _clusters(seed=5)
    rare = ((centres[0] + centres[1]) / 2 + rng.normal(0, 1, (1, 40))).astype(np.float32)  # 7th class, 1 photo
    X, y = np.vstack([X, rare]), np.append(y, 6)
    probabilities = confident(y, 7, sure=rng.uniform(0.6, 0.99, len(y)))
    check = fit_scope_check(X, y, probabilities=probabilities, dim=16)
    names = [f"gem{i}" for i in range(7)]
    near = (centres[[2, 3]] + rng.normal(0, 1, (2, 40))).astype(np.float32)
    assert [v.kind for v in check.assess(near, names, confident(np.array([2, 3]), 7))] == ["in_scope"] * 2
    with pytest.raises(ScopeError, match="two classes with two photos"):
        fit_scope_check(X[[0, 1, -1]], np.array([0, 0, 6]))


@pytest.mark.parametrize("colour", [(0, 0, 0), (200, 20, 30), (128, 128, 128)])
def test_a_picture_of_one_flat_colour_is_not_a_gem_photo_in_the_chat(chat_model_dir, colour):
    from gemlang.assistant import Assistant

    blank = flat_picture(colour)
    assistant = Assistant.load(chat_model_dir)
    assistant.classifier.scope = None  # whatever the feature-space check would say: there is nothing to see
    answer = assistant.conversation().ask("what gem is this?", photos=[blank])
    assert answer.out_of_scope.kind == NOT_A_GEM_PHOTO and answer.candidates == []
    assert not any("photos alone do not separate" in n for n in answer.notes)  # no gems to confuse
    stone = assistant.conversation().ask("what gem is this?", photos=[red_stone_photo()])
    assert stone.candidates and not stone.out_of_scope.flagged


def test_a_small_collection_is_checked_in_the_space_its_thresholds_were_set_in():
    rng, centres, y, X = _clusters(seed=2, classes=3, per_class=8)
    check = fit_scope_check(X, y)  # 24 photos: each fold fits on 19
    assert check.config["dim"] == 19 // 2  # not 23 for the final check against thresholds set in 18 dimensions


def test_a_photo_the_classifier_is_sure_of_is_never_called_no_gem_photo():
    rng, centres, y, X = _clusters(seed=3)
    check = fit_scope_check(X, y, probabilities=confident(y, 6, sure=rng.uniform(0.5, 0.99, len(y))), dim=16)
    far = (centres[0] + rng.normal(0, 25, (1, 40))).astype(np.float32)  # far from every photo it was fitted on
    unsure, sure = confident(np.array([0]), 6, sure=0.3), confident(np.array([0]), 6, sure=0.95)
    assert check.assess(far, [f"g{i}" for i in range(6)], unsure)[0].kind == NOT_A_GEM_PHOTO
    assert check.assess(far, [f"g{i}" for i in range(6)], sure)[0].kind != NOT_A_GEM_PHOTO
    # a model with a fine-tuned companion shows the pair's probabilities: their confidence counts too
    shown = check.assess(far, [f"g{i}" for i in range(6)], unsure, shown=sure)[0]
    assert shown.kind != NOT_A_GEM_PHOTO and shown.closest[0] == "g0"
    assert check.assess(far, [f"g{i}" for i in range(6)], sure, shown=unsure)[0].kind != NOT_A_GEM_PHOTO
    assert check.assess(far, [f"g{i}" for i in range(6)], unsure, shown=unsure)[0].kind == NOT_A_GEM_PHOTO


def test_a_photo_the_classifier_is_sure_of_is_never_called_a_stone_it_was_not_trained_on():
    rng, centres, y, X = _clusters(seed=3)
    check = fit_scope_check(X, y, probabilities=confident(y, 6, sure=rng.uniform(0.5, 0.99, len(y))), dim=16)
    between = ((centres[0] + centres[1]) / 2 + rng.normal(0, 1, (1, 40))).astype(np.float32)  # near no class
    torn, sure = np.full((1, 6), 1 / 6), confident(np.array([0]), 6, sure=0.95)
    names = [f"g{i}" for i in range(6)]
    assert check.assess(between, names, torn)[0].kind == UNKNOWN_MINERAL
    assert check.assess(between, names, sure)[0].kind == "in_scope"


def test_a_drawing_or_a_page_of_text_is_no_photo_and_a_photo_of_a_stone_is():
    from PIL import ImageDraw

    from gemlang.scope import blank_picture

    drawing = Image.new("RGB", (400, 400), (200, 220, 240))
    pen = ImageDraw.Draw(drawing)
    pen.ellipse((120, 60, 280, 260), fill=(235, 195, 165))  # a face, drawn: a few flat colours
    pen.rectangle((110, 260, 290, 400), fill=(40, 60, 110))
    page = Image.new("RGB", (400, 400), "white")
    for row in range(60, 300, 80):  # a note or a receipt: mostly paper
        ImageDraw.Draw(page).text((20, row), "Invoice no. 1234  Ruby ring  USD 450.00", fill="black")
    assert blank_picture(drawing) and blank_picture(page)
    assert drawing.size == (400, 400)  # looked at, not shrunk
    assert not blank_picture(red_stone_photo())


def test_no_scratch_advice_for_a_stone_the_check_could_not_place(chat_model_dir):
    from gemlang.assistant import Assistant
    from gemlang.scope import ScopeVerdict

    chat = Assistant.load(chat_model_dir).conversation()
    chat.ask("what gem is this?", photos=[red_stone_photo()])
    chat.scope = ScopeVerdict(UNKNOWN_MINERAL, 3.0, 10.0, ["Ruby", "Garnet Red"])  # as the check says of such a stone
    reply = chat.ask("can I scratch it with a knife to check?").reply
    assert reply.startswith("I could not place your stone") and "Do not scratch-test it" in reply
    assert "harder than a steel knife" not in reply
    floats = chat.ask("would it sink in methylene iodide?").reply
    assert "the closest gem I know, though I could not place your stone" in floats
    assert "the gem I named for your stone" not in floats


def test_a_photo_too_small_to_judge_gets_no_unknown_stone_verdict_in_predict_describe_the_catalog_and_the_chat(
    chat_model_dir, tmp_path, capsys, monkeypatch
):
    from gemlang.assistant import Assistant
    from gemlang.cli import main
    from gemlang.collection.catalog_rows import describe_batch
    from gemlang.scope import UNCHECKED_SMALL, ScopeVerdict

    def unknown(self, features, classes, probabilities=None, closest=3, shown=None):  # as the check says of both
        return [ScopeVerdict(UNKNOWN_MINERAL, 3.0, 10.0, classes[:2], 4.0) for _ in features]

    monkeypatch.setattr(ScopeCheck, "assess", unknown)
    stone, tiny = tmp_path / "stone.png", tmp_path / "tiny.png"
    red_stone_photo().save(stone)
    red_stone_photo().resize((8, 8)).save(tiny)
    too_small = "This photo is too small for me to judge whether it shows a stone I was trained on."
    assert main(["predict", "--json", "--model", str(chat_model_dir), str(stone), str(tiny)]) == 0
    fair, small = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert fair["out_of_scope"]["kind"] == UNKNOWN_MINERAL and fair["label"] is None
    assert small["out_of_scope"]["kind"] == UNCHECKED_SMALL and not small["out_of_scope"]["flagged"]
    assert small["label"] and small["out_of_scope"]["gem_distance"] == 3.0  # a gem named; the distances kept
    assert small["photo_flaws"] == ["very small (8 x 8 px)"]
    assert main(["predict", "--model", str(chat_model_dir), str(tiny)]) == 0
    table = capsys.readouterr().out
    assert table.startswith(f"{tiny}: {too_small}") and "%" in table and "not trained on" not in table
    assert main(["describe", "--model", str(chat_model_dir), str(tiny)]) == 0
    printed = capsys.readouterr()
    assert f"note: {too_small}" in printed.err and "Mohs" in printed.out
    [row] = describe_batch([(tiny, "a")], GemClassifier.load(chat_model_dir))
    assert row["scope_kind"] == UNCHECKED_SMALL and row["out_of_scope"] is None and row["gem"]
    assert row["description"].startswith(too_small) and "Mohs" in row["description"]
    answer = Assistant.load(chat_model_dir).conversation().ask("what gem is this?", photos=[Image.open(tiny)])
    assert answer.out_of_scope.kind == UNCHECKED_SMALL and answer.gem and answer.unsure
    text = answer.to_markdown()
    assert "too small for me to judge whether it shows a stone I was trained on" in text
    assert "not trained on" not in text


def test_a_photo_too_small_to_judge_keeps_a_not_a_gem_photo_verdict():
    from gemlang.scope import IN_SCOPE, UNCHECKED_SMALL, ScopeVerdict, seen_too_small, too_small_to_judge

    assert too_small_to_judge(["very dark", "very small (8 x 8 px)"]) and not too_small_to_judge(["very dark"])
    for kind, seen in ((UNKNOWN_MINERAL, UNCHECKED_SMALL), (IN_SCOPE, UNCHECKED_SMALL),
                       (NOT_A_GEM_PHOTO, NOT_A_GEM_PHOTO), (UNCHECKED, UNCHECKED)):  # fmt: skip
        assert seen_too_small(ScopeVerdict(kind)).kind == seen, kind


def test_what_is_it_then_and_are_you_sure_after_a_picture_of_no_gem_are_answered_not_the_same_line(chat_model_dir):
    from gemlang.assistant import Assistant

    chat = Assistant.load(chat_model_dir).conversation()
    assert chat.ask("what is this?", [painted_landscape()]).out_of_scope.kind == NOT_A_GEM_PHOTO
    assert chat.ask("what is it then?").reply.startswith(
        "**As I said, this does not look like a gemstone photo**, and I name gemstones only, so what it shows I cannot"
    )
    for disputed in ("are you sure it's not a stone?", "it is a stone though"):
        reply = chat.ask(disputed).reply
        assert reply.startswith("**I may be wrong**: I judged only that this picture looks unlike the gemstone photos")
        assert "close, sharp photo" in reply  # how to be answered
    assert chat.ask("is it heated?").reply.startswith("**As I said, this does not look like a gemstone photo**, so")
