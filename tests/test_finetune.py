"""Fine-tuning a backbone end to end: it trains, saves, reloads and predicts the same; a killed run resumes."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from gemlang.data import scan_image_folder
from gemlang.model import GemClassifier
from gemlang.training import finetune
from gemlang.training.finetune import FinetuneConfig, FinetuneError, finetune_classifier

TINY = {"epochs": 2, "batch_size": 4, "max_batches": 2, "val_folds": 3, "progress": False}


def quiet(_message: str) -> None:
    pass


@pytest.fixture(scope="module")
def tiny_data(tiny_folder):
    return scan_image_folder(tiny_folder)


def test_finetuned_model_saves_reloads_and_predicts_the_same(tiny_data, tmp_path):
    clf = finetune_classifier(tiny_data, FinetuneConfig(**TINY), log=quiet)
    from gemlang.encoders import create_encoder

    before = create_encoder("mobilenet_v2").state_dict()

    clf.save(tmp_path / "model")
    assert (tmp_path / "model" / "encoder.safetensors").is_file()
    reloaded = GemClassifier.load(tmp_path / "model")
    photos = tiny_data.paths[:4]
    probs, _ = clf.predict_proba(photos)
    reloaded_probs, _ = reloaded.predict_proba(photos)
    np.testing.assert_allclose(reloaded_probs, probs, atol=1e-5)
    assert reloaded.extractor.tta and reloaded.info["validation"]["n_images"] > 0
    _, verdicts, _ = reloaded.analyse(photos)  # it carries the out-of-scope check, fitted on validation photos
    assert reloaded.scope is not None and all(v.kind != "unchecked" for v in verdicts)
    (tmp_path / "model" / "encoder.safetensors").unlink()  # a copy that left the fine-tuned weights behind
    from gemlang.model import ModelError

    with pytest.raises(ModelError, match="fine-tuned encoder, is missing"):
        GemClassifier.load(tmp_path / "model", backend="torch")
    # the encoder really was trained: its weights moved away from the ImageNet ones
    trained = clf.extractor.encoders[0].state_dict()
    assert any(not torch.equal(trained[k].cpu(), before[k]) for k in before if k in trained)


def test_a_killed_run_resumes_from_its_checkpoint_and_ends_where_an_unbroken_run_ends(tiny_data, tmp_path, monkeypatch):
    config = FinetuneConfig(**TINY)
    unbroken = finetune_classifier(tiny_data, config, log=quiet)

    real_loss_fn = finetune._loss_fn
    calls = {"training": 0}

    def dies_in_the_second_epoch(*args):
        inner = real_loss_fn(*args)

        def loss_fn(model, batch, training):
            if training:
                calls["training"] += 1
                if calls["training"] > TINY["max_batches"]:
                    raise KeyboardInterrupt
            return inner(model, batch, training)

        return loss_fn

    monkeypatch.setattr(finetune, "_loss_fn", dies_in_the_second_epoch)
    with pytest.raises(KeyboardInterrupt):
        finetune_classifier(tiny_data, config, checkpoint_dir=tmp_path / "ck", log=quiet)
    monkeypatch.setattr(finetune, "_loss_fn", real_loss_fn)

    resumed = finetune_classifier(tiny_data, config, checkpoint_dir=tmp_path / "ck", log=quiet)
    history = resumed.info["finetune"]["training"]["history"]
    assert [row["epoch"] for row in history] == [1, 2]
    for row, unbroken_row in zip(history, unbroken.info["finetune"]["training"]["history"], strict=True):
        assert row == pytest.approx(unbroken_row, rel=1e-4)
    probs, _ = resumed.predict_proba(tiny_data.paths[:3])
    unbroken_probs, _ = unbroken.predict_proba(tiny_data.paths[:3])
    np.testing.assert_allclose(probs, unbroken_probs, atol=1e-4)


def test_a_checkpoint_of_another_run_is_refused(tiny_data, tmp_path):
    (tmp_path / "ck").mkdir()
    (tmp_path / "ck" / "run.json").write_text('{"fingerprint": "someone-else"}')
    (tmp_path / "ck" / "finetune.last.json").write_text('{"epoch": 2}')  # it finished epochs: they are kept
    with pytest.raises(FinetuneError, match="different run"):
        finetune_classifier(tiny_data, FinetuneConfig(**TINY), checkpoint_dir=tmp_path / "ck", log=quiet)


def test_a_checkpoint_of_another_run_with_no_finished_epoch_is_replaced_with_a_note(tmp_path):
    (tmp_path / "ck").mkdir()
    (tmp_path / "ck" / "run.json").write_text('{"fingerprint": "someone-else"}')  # stopped before its first epoch
    said = []
    checkpoint = finetune._checkpoint_file(tmp_path / "ck", "mine", "mobilenet_v2", said.append)
    assert checkpoint == tmp_path / "ck" / "finetune.safetensors"
    assert json.loads((tmp_path / "ck" / "run.json").read_text())["fingerprint"] == "mine"
    assert any("finished no epoch; it is replaced" in line for line in said)


def test_a_checkpoint_folder_holding_other_files_is_refused_before_training_not_deleted_after(tiny_folder, tmp_path):
    from gemlang.cli import main

    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}")  # a model folder given as the checkpoint, by mistake
    for checkpoint in (model, tiny_folder):  # or the photos
        with pytest.raises(FinetuneError, match="holds files that are no checkpoint"):
            finetune._checkpoint_file(checkpoint, "mine", "mobilenet_v2", quiet)
    assert (model / "config.json").read_text() == "{}" and not (model / "run.json").exists()
    out = tmp_path / "new_model"
    assert main(["train", "--finetune", "--data", str(tiny_folder), "--out", str(out), "--checkpoint", str(out)]) == 2
    assert not out.exists()


def test_the_best_state_checkpoint_is_readable_like_every_file_written(tmp_path):
    from gemlang.training.loop import save_state_atomic

    save_state_atomic({"w": torch.zeros(2)}, tmp_path / "finetune.safetensors")
    assert (tmp_path / "finetune.safetensors").stat().st_mode & 0o777 == 0o644  # not a temporary file's 0600


@pytest.mark.parametrize("finished", [0, 2])
def test_a_stopped_finetune_says_truly_whether_an_epoch_was_kept(tiny_folder, tmp_path, capsys, monkeypatch, finished):
    from gemlang.cli import main

    def stopped(data, config, checkpoint_dir):
        checkpoint_dir.mkdir()
        if finished:
            (checkpoint_dir / "finetune.last.json").write_text(json.dumps({"epoch": finished}))
        raise KeyboardInterrupt

    monkeypatch.setattr(finetune, "finetune_classifier", stopped)
    assert main(["train", "--finetune", "--data", str(tiny_folder), "--out", str(tmp_path / "m")]) == 130
    err = capsys.readouterr().err
    if finished:
        assert "2 finished epoch(s) are kept" in err and "continue after epoch 2" in err
    else:
        assert "stopped before the first epoch finished: nothing was kept" in err and "kept in" not in err


def test_only_the_bundled_backbones_can_be_finetuned(tiny_data):
    with pytest.raises(FinetuneError, match="mobilenet_v2"):
        finetune_classifier(tiny_data, FinetuneConfig(backbone="colour_hist", **TINY), log=quiet)


def test_colour_jitter_keeps_the_hue():
    torch.manual_seed(0)
    blue = torch.tensor([0.1, 0.2, 0.8]).view(1, 3, 1, 1).expand(8, 3, 4, 4).clone()
    jittered = finetune.colour_jitter(blue, 0.1)
    assert (jittered.argmax(1) == 2).all()  # still bluest channel everywhere
    assert not torch.allclose(jittered, blue)
    assert (jittered[:, 2] - blue[:, 2]).abs().max() < 0.25


def test_discriminative_learning_rates_slow_down_towards_the_input():
    from gemlang.encoders import create_encoder
    from gemlang.heads import LinearHead

    encoder = create_encoder("mobilenet_v2")
    head = LinearHead(encoder.feature_dim, 3)
    groups = finetune.discriminative_param_groups(encoder, head, FinetuneConfig())
    lrs = [g["lr"] for g in groups]
    assert lrs == sorted(lrs, reverse=True) and lrs[0] > lrs[-1]
    assert sum(len(g["params"]) for g in groups) == len(list(encoder.parameters())) + len(list(head.parameters()))


def test_train_finetune_command_writes_a_model_with_its_encoder_and_cleans_its_checkpoint(tiny_folder, tmp_path):
    from gemlang.cli import main

    out = tmp_path / "model"
    assert (
        main(
            ["train", "--finetune", "--data", str(tiny_folder), "--out", str(out), "--epochs", "1", "--batch-size", "8"]
        )
        == 0
    )
    assert (out / "encoder.safetensors").is_file()
    assert not (tmp_path / "model.checkpoint").exists()
    clf = GemClassifier.load(out)
    assert clf.extractor.spec == "mobilenet_v2" and clf.info["finetune"]["epochs"] == 1


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_a_finetuned_encoder_never_shares_cached_features_with_the_pretrained_one(tiny_data, tmp_path, backend):
    from gemlang.features import FeatureCache, FeatureExtractor

    clf = finetune_classifier(tiny_data, FinetuneConfig(**TINY), log=quiet)
    clf.save(tmp_path / "model")
    tuned = GemClassifier.load(tmp_path / "model", backend=backend)
    photos, cache = tiny_data.paths[:4], FeatureCache(tmp_path / "cache")
    FeatureExtractor("mobilenet_v2", tta=True)(photos, cache=cache)  # the ImageNet network's features, cached
    fresh, _ = tuned.predict_proba(photos)
    through_cache, _ = tuned.predict_proba(photos, cache=cache)
    np.testing.assert_allclose(through_cache, fresh, atol=1e-5)
    assert tuned.encoder_signature != FeatureExtractor("mobilenet_v2", tta=True).signature
