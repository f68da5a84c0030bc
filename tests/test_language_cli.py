"""`gemlang describe`, `catalog`, `score` and `search` on tiny photos and a tiny model made here."""

from __future__ import annotations

import csv
import json
import os
import shutil

import numpy as np
import pytest
from PIL import Image

from gemlang.cli import main

COLOURS = {
    "Ruby": (200, 20, 40),
    "Sapphire Blue": (20, 40, 190),
    "Emerald": (20, 160, 60),
    "Citrine": (230, 190, 30),
}


def _photo(path, rgb, seed):
    rng = np.random.default_rng(seed)
    pixels = np.clip(np.array(rgb) + rng.normal(0, 18, (40, 40, 3)), 0, 255).astype(np.uint8)
    Image.fromarray(pixels).save(path)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A labelled folder of coloured squares, a colour-histogram classifier trained on it, loose photos."""
    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.training import train_classifier

    root = tmp_path_factory.mktemp("language_cli")
    for c, (name, rgb) in enumerate(COLOURS.items()):
        (root / "train" / name).mkdir(parents=True)
        for i in range(6):
            _photo(root / "train" / name / f"{i}.png", rgb, seed=100 * c + i)
    clf = train_classifier(
        scan_image_folder(root / "train"),
        encoder="colour_hist",
        cv=0,
        cache=FeatureCache(root / "cache"),
        progress=False,
        log=lambda *_: None,
    )
    clf.save(root / "model")
    photos = root / "photos"
    (photos / "box").mkdir(parents=True)
    _photo(photos / "red.png", COLOURS["Ruby"], seed=7)
    _photo(photos / "box" / "blue.jpg", COLOURS["Sapphire Blue"], seed=8)
    (photos / "broken.jpg").write_bytes(b"not a jpeg at all")
    return root


def test_help_lists_the_language_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("describe", "catalog", "score", "search"):
        assert command in out


def test_describe_prints_a_grounded_description(workspace, capsys):
    assert main(["describe", str(workspace / "photos" / "red.png"), "--model", str(workspace / "model")]) == 0
    printed = capsys.readouterr()
    assert printed.out.startswith("Ruby (") and "Mohs hardness 9" in printed.out
    assert "note: the photo is very small (40 x 40 px)" in printed.err  # a thumbnail is said to be one, aside


def test_describe_json_lists_the_facts_used(workspace, capsys):
    photo = str(workspace / "photos" / "red.png")  # the JPEG blue square is out of this tiny model's scope
    assert main(["describe", photo, "--model", str(workspace / "model"), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["gem"] == "Ruby" and d["facts_used"]["hardness"] == "9" and not d["out_of_scope"]["flagged"]
    assert len(d["top_k"]) == 4 and d["photo"] == photo


def test_describe_json_of_a_photo_named_in_another_encoding_is_valid_utf8(workspace, tmp_path, capsysbinary):
    photo = tmp_path / os.fsdecode(b"caf\xe9.png")  # a Latin-1 name from an old archive
    shutil.copy(workspace / "photos" / "red.png", photo)
    assert main(["describe", str(photo), "--model", str(workspace / "model"), "--json"]) == 0
    d = json.loads(capsysbinary.readouterr().out.decode("utf-8"))  # strict: no lone surrogates written
    assert d["photo"].endswith("caf\\xe9.png")


def test_describe_keeps_the_photos_features_in_the_cache_it_is_given(workspace, tmp_path, capsys):
    cache = tmp_path / "cache"
    photo = str(workspace / "photos" / "red.png")
    assert main(["describe", photo, "--model", str(workspace / "model"), "--cache", str(cache)]) == 0
    assert any(p.is_file() for p in cache.rglob("*"))  # --cache was ignored without --similar


def test_describe_of_an_unreadable_photo_is_a_one_line_error(workspace, capsys):
    code = main(["describe", str(workspace / "photos" / "broken.jpg"), "--model", str(workspace / "model")])
    assert code == 2
    assert "not an image file" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".md"])
def test_catalog_describes_every_photo_and_lists_the_bad_ones(workspace, capsys, suffix):
    out = workspace / f"catalog{suffix}"
    code = main(
        [
            "catalog",
            str(workspace / "photos"),
            "--out",
            str(out),
            "--model",
            str(workspace / "model"),
            "--cache",
            str(workspace / "cache"),
        ]
    )
    assert code == 1  # one photo could not be read; the others are still described
    captured = capsys.readouterr()
    assert "broken.jpg" in captured.err and "2 of 3 photos described" in captured.out
    text = out.read_text()
    if suffix == ".csv":
        rows = {r["photo"].split("/")[-1]: r for r in csv.DictReader(text.splitlines())}
        assert rows["red.png"]["gem"] == "Ruby" and "Mohs hardness 9" in rows["red.png"]["description"]
        assert rows["broken.jpg"]["error"] and not rows["broken.jpg"]["description"]
    elif suffix == ".jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert {r["photo"].split("/")[-1] for r in rows} == {"red.png", "blue.jpg", "broken.jpg"}
        blue = next(r for r in rows if r["photo"].endswith("blue.jpg"))
        assert blue["top_k"][0][0] == "Sapphire Blue"  # named, unless the scope check flags it
        assert blue["gem"] == ("" if blue["out_of_scope"] else "Sapphire Blue")
    else:
        assert text.startswith("# Catalog") and "Not described:" in text and ": Ruby (" in text
    assert not list(workspace.glob(f".catalog{suffix}*"))  # no temporary file left behind


def test_catalog_refuses_an_unknown_output_format(workspace, capsys):
    code = main(
        [
            "catalog",
            str(workspace / "photos"),
            "--out",
            str(workspace / "c.xlsx"),
            "--model",
            str(workspace / "model"),
        ]
    )
    assert code == 2 and ".jsonl, .csv, .md or .parquet" in capsys.readouterr().err


def _id_text_csv(path, rows):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text"])
        writer.writerows(rows)
    return path


def test_score_writes_per_item_and_mean_cosines(tmp_path, capsys):
    cand = _id_text_csv(tmp_path / "c.csv", [["a", "Red corundum coloured by chromium."], ["b", "A green beryl."]])
    ref = _id_text_csv(
        tmp_path / "r.csv",
        [
            ["a", "Ruby is red corundum, coloured by chromium."],
            ["b", "Emerald is green beryl."],
            ["c", "unused"],
        ],
    )
    out = tmp_path / "s.json"
    assert main(["score", "--candidates", str(cand), "--references", str(ref), "--out", str(out)]) == 0
    scores = json.loads(out.read_text())
    assert [row["id"] for row in scores["per_item"]] == ["a", "b"]
    for row in scores["per_item"]:
        assert 0 < row["tfidf_cosine"] <= 1 and 0 < row["semantic_cosine"] <= 1
    # Each caption is closer to its own reference than to the other gem's.
    swapped = _id_text_csv(
        tmp_path / "swapped.csv",
        [["a", "Emerald is green beryl."], ["b", "Ruby is red corundum, coloured by chromium."]],
    )
    wrong_out = tmp_path / "x.json"
    assert main(["score", "--candidates", str(cand), "--references", str(swapped), "--out", str(wrong_out)]) == 0
    wrong = {r["id"]: r for r in json.loads(wrong_out.read_text())["per_item"]}
    for row in scores["per_item"]:
        for metric in ("tfidf_cosine", "semantic_cosine"):
            assert row[metric] > wrong[row["id"]][metric], (row["id"], metric)
    assert scores["mean_tfidf_cosine"] == pytest.approx(np.mean([r["tfidf_cosine"] for r in scores["per_item"]]))
    assert scores["mean_semantic_cosine"] is not None
    assert "1 id(s) without a caption" in capsys.readouterr().out


def test_score_fails_when_a_caption_goes_unscored_and_says_why(tmp_path, capsys):
    cand = _id_text_csv(tmp_path / "c.csv", [["02", "Red corundum."]])
    ref = _id_text_csv(tmp_path / "r.csv", [["2", "Ruby is red corundum."]])
    args = ["score", "--candidates", str(cand), "--references", str(ref), "--no-semantic"]
    assert main([*args, "--out", str(tmp_path / "s.json")]) == 2  # nothing at all was scored: an error
    assert "ids are compared as text ('02' is not '2')" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path)]) == 2  # a folder where the scores file goes
    assert "is a folder" in capsys.readouterr().err


def test_score_reports_a_bad_caption_file_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,caption\nx,y\n")
    code = main(["score", "--candidates", str(bad), "--references", str(bad), "--out", str(tmp_path / "s.json")])
    assert code == 2 and "needs columns 'id' and 'text'" in capsys.readouterr().err


@pytest.fixture(scope="module")
def alignment(workspace):
    """An image-text alignment on the colour-histogram features of the workspace's labelled photos."""
    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache, FeatureExtractor
    from gemlang.knowledge import get_facts
    from gemlang.language.alignment_training import train_alignment
    from gemlang.training import encode_folder

    cache = FeatureCache(workspace / "cache")
    extractor = FeatureExtractor("colour_hist")
    data, X = encode_folder(scan_image_folder(workspace / "train"), extractor, cache, progress=False)
    model = train_alignment(
        X, data.labels, [get_facts(c) for c in data.classes], extractor.spec, extractor.signature,
        text_cache=cache, templates=["a photo of a {colour} {name}.", "a {colour} gem.", "{name}"],
        steps=150, batch_size=4, image_hidden=32, log=None,
    )  # fmt: skip
    return model.save(workspace / "alignment")


def test_describe_lists_the_nearest_reference_descriptions(workspace, alignment, capsys, monkeypatch):
    from gemlang.knowledge import get_facts

    # The four gems' descriptions instead of all of the knowledge base's keep the test short.
    monkeypatch.setattr("gemlang.language.alignment.all_gems", lambda: [get_facts(n) for n in COLOURS])
    code = main(["describe", str(workspace / "photos" / "red.png"), "--model", str(workspace / "model"),
                 "--similar", "2", "--alignment", str(alignment), "--cache", str(workspace / "cache")])  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    listed = out.split("Nearest reference descriptions (image-text alignment):\n")[1].splitlines()
    assert len(listed) == 2 and all(line.strip()[0] in "+-" for line in listed)
    assert "Ruby:" in listed[0]


def test_search_prints_photos_ranked_by_the_text(workspace, alignment, capsys):
    code = main(["search", "deep blue, hard", str(workspace / "photos"), "--alignment", str(alignment),
                 "--cache", str(workspace / "cache")])  # fmt: skip
    assert code == 1  # done, but a photo was skipped: every command alike
    said = capsys.readouterr()
    err, out = said.err.splitlines(), said.out.splitlines()
    assert err[0].startswith("skipped") and "broken.jpg" in err[0]  # on stderr, apart from the results
    ranked = [line.split() for line in out]
    assert ranked[0][1].endswith("blue.jpg") and len(ranked) == 2
    assert float(ranked[0][0]) > float(ranked[1][0])


def test_a_photo_given_as_the_search_text_is_refused_with_what_to_run(workspace, alignment, capsys):
    photo = workspace / "photos" / "red.png"
    code = main(["search", str(photo), str(workspace / "photos"), "--alignment", str(alignment)])
    assert code != 0 and "is a photo, and search looks for words" in capsys.readouterr().err


def test_a_folder_search_shows_its_progress_to_a_person_watching(workspace, alignment, capsys, monkeypatch):
    import sys

    args = ["search", "deep blue", str(workspace / "photos"), "--alignment", str(alignment), "--cache",
            str(workspace / "cache2")]  # fmt: skip
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(args) == 1 and "encoding photos" in capsys.readouterr().err
    assert main([*args, "--no-progress"]) == 1 and "encoding photos" not in capsys.readouterr().err


def test_zero_shot_candidates_are_the_photo_classes_plus_the_datas_classes():
    from gemlang.knowledge import class_names
    from gemlang.language.zero_shot import candidate_names

    assert candidate_names(["Ruby", "Emerald"]) == class_names()
    assert candidate_names(["Ruby", "Demantoid"]) == [*class_names(), "Demantoid"]  # a gem without photos


def test_evaluate_zero_shot_writes_the_classifier_report(workspace, alignment, capsys, monkeypatch):
    # Four candidates instead of the 87 photo classes keep the prompt embedding (and the test) short.
    monkeypatch.setattr("gemlang.language.zero_shot.class_names", lambda: list(COLOURS))
    report = workspace / "zero_shot_report"
    code = main(["evaluate", "--zero-shot", str(alignment), "--data", str(workspace / "train"),
                 "--report", str(report), "--cache", str(workspace / "cache")])  # fmt: skip
    assert code == 0 and "zero-shot over 4 gems" in capsys.readouterr().out
    metrics = json.loads((report / "metrics.json").read_text())
    for key in ("top1", "top5", "mean_per_class_accuracy", "macro_f1", "n_images"):
        assert key in metrics
    assert metrics["n_images"] == 24 and metrics["n_candidates"] == 4 and metrics["top1"] > 0.5
    assert (report / "per_class.csv").is_file() and (report / "confusion_matrix.png").is_file()
    both = [
        "evaluate",
        "--zero-shot",
        "--model",
        "default",
        "--data",
        str(workspace / "train"),
        "--report",
        str(report),
    ]
    assert main(both) == 2 and "not a --model: give one of them" in capsys.readouterr().err


def test_evaluate_zero_shot_names_classes_the_knowledge_base_lacks(workspace, alignment, tmp_path, capsys):
    data = tmp_path / "data"
    for name in ("Ruby", "Moon Cheese"):
        (data / name).mkdir(parents=True)
        _photo(data / name / "a.png", (200, 20, 40), seed=1)
    code = main(["evaluate", "--zero-shot", str(alignment), "--data", str(data), "--report", str(tmp_path / "r")])
    assert code == 2 and "Moon Cheese" in capsys.readouterr().err


def test_evaluate_zero_shot_says_which_photos_the_alignment_was_trained_on(workspace, alignment, tmp_path, capsys,
                                                                          monkeypatch):  # fmt: skip
    from gemlang.data import scan_image_folder
    from gemlang.language.alignment import AlignmentModel
    from gemlang.model import photo_ids

    monkeypatch.setattr("gemlang.language.zero_shot.class_names", lambda: list(COLOURS))
    model = AlignmentModel.load(alignment)
    model.trained_photos = photo_ids(scan_image_folder(workspace / "train").paths[:12])  # half of them
    model.save(tmp_path / "seen")
    assert AlignmentModel.load(tmp_path / "seen").trained_photos == model.trained_photos  # kept in the folder
    report = tmp_path / "report"
    code = main(["evaluate", "--zero-shot", str(tmp_path / "seen"), "--data", str(workspace / "train"),
                 "--report", str(report), "--cache", str(workspace / "cache"), "--no-progress"])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0 and "12 of the 24 photos scored" in captured.err and "optimistic" in captured.err
    metrics = json.loads((report / "metrics.json").read_text())
    assert metrics["trained_photos_scored"] == 12 and metrics["photos_never_trained_on"]["n_images"] == 12


def test_an_alignment_built_from_a_users_folder_names_that_folder_on_its_card(tmp_path):
    from gemlang.language.alignment_build import GEMSTONES_IMAGES, alignment_model_card

    class Built:  # what the card reads of a built alignment
        image_encoder, image_encoder_signature, temperature, seen_bias = "colour_hist", "sig", 0.07, 0.1
        trained_on = {"n_images": 20, "gems": ["Ruby", "Emerald"], "n_texts": 8, "data": "/data/mine"}
        info = {"training": {"image_hidden": 32, "dim": 16, "steps": 5, "batch_size": 4, "seed": 0},
                "trained_on": trained_on}  # fmt: skip

    card = alignment_model_card(Built())
    assert card.startswith("# gemlang image-text alignment") and "`/data/mine`" in card
    assert "Gemstones Images" not in card
    Built.info["trained_on"]["data"] = GEMSTONES_IMAGES
    assert "Gemstones Images" in alignment_model_card(Built()) and "default" in alignment_model_card(Built())


def test_an_index_built_with_an_alignment_is_searched_with_it_unless_told(workspace, alignment, tmp_path, capsys):
    cache, idx = str(workspace / "cache"), str(tmp_path / "idx")
    assert main(["index", str(workspace / "train"), "--out", idx, "--alignment", str(alignment), "--cache", cache,
                 "--no-progress"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["search", "deep blue", "--index", idx, "--top", "2", "--cache", cache]) == 0  # the index's own
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["search", "deep blue", "--index", idx, "--alignment", "default"]) == 2
    assert f"search with --alignment {alignment.resolve()}" in capsys.readouterr().err  # which one, named
