"""The seeds trained from scratch: a residual CNN (the "gemstones with explainability" project), a
convolutional VAE whose latent feeds a classifier (Nattawuttisit & Chantron 2024) and a convolutional
autoencoder embedding with a classifier and nearest-neighbour search (MineralNet, CS230)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from torch import nn
from torch.nn import functional as F

from gemlang.data import load_image
from gemlang.encoders import create_encoder
from gemlang.encoders.seeds import ConvDecoder
from gemlang.heads import LinearHead
from gemlang.methods.classic import fit_pixel_models, knn_predictor, uniform_random_probabilities
from gemlang.methods.common import (
    EncoderWithHead,
    Fitted,
    as_classifier,
    batched,
    calibrate,
    image_logits,
    softmax,
    train_config,
    train_image_classifier,
)
from gemlang.methods.photos import PhotoSet, augmented, normalise
from gemlang.model import GemClassifier
from gemlang.training.loop import train_loop
from gemlang.training.losses import vae_loss


def fit_residual_cnn(train: PhotoSet, val: PhotoSet | None, settings: dict, seed: int) -> Fitted:
    size = settings["image_size"]
    torch.manual_seed(seed)
    encoder = create_encoder(f"residual_cnn:{size}")
    model, result, temperature = train_image_classifier(encoder, train, val, settings, seed, "residual CNN")
    info = {"training": result.to_dict(), "image_size": size}
    classifier = as_classifier(encoder, model.head, train.classes, temperature, info)
    examples = list((val or train).data.paths[:: max(1, len(val or train) // 6)][:6])

    def write_extras(path: Path) -> None:
        from gemlang.explain import save_explanation_grid

        save_explanation_grid(GemClassifier.load(path), examples, path / "vargrad_score_maps.png", method="vargrad")

    predict = lambda photos: softmax(image_logits(model, photos, size), temperature)  # noqa: E731
    return Fitted(predict, classifier, info, write_extras)


def _augmented_targets(pixels: torch.Tensor, aug: dict, training: bool) -> torch.Tensor:
    """Photos in [0, 1], augmented when training (the VAE reconstructs what it was shown)."""
    x = pixels.float() / 255
    if training and aug:
        x = augmented(x, aug)
    return x


def _normalise_unit(x: torch.Tensor) -> torch.Tensor:
    return normalise((x * 255).clamp(0, 255))


class VAEClassifier(EncoderWithHead):
    """The VAE encoder's latent mean feeds the head; the decoder is there to be trained (and looked at)."""

    def __init__(self, encoder: nn.Module, head: nn.Module, decoder: nn.Module):
        super().__init__(encoder, head)
        self.decoder = decoder


def vae_training_loss(settings: dict):
    """Cross-entropy of the head on the latent mean + recon_weight * (pixel MSE + beta * KL)."""
    aug, beta, weight = settings.get("augment", {}), settings["beta"], settings["recon_weight"]

    def loss_fn(model, batch, training):
        pixels, y = batch
        target = _augmented_targets(pixels, aug, training)
        mu, logvar = model.encoder.net.distribution(_normalise_unit(target))
        z = mu + torch.randn_like(mu) * (0.5 * logvar).exp() if training else mu
        mse, kl = vae_loss(model.decoder(z), target, mu, logvar, beta)
        logits = model.head(mu)
        return F.cross_entropy(logits, y) + weight * (mse + kl), int((logits.argmax(1) == y).sum())

    return loss_fn


def save_reconstructions(model: VAEClassifier, pixels: torch.Tensor, path: Path) -> None:
    """Originals (top row) over their reconstructions from the latent mean (bottom row), as one PNG."""
    from torchvision.utils import save_image

    model.eval()
    with torch.no_grad():
        originals = pixels.float() / 255
        recon = model.decoder(model.encoder(_normalise_unit(originals)))
    save_image(torch.cat([originals, recon]), str(path), nrow=len(originals), padding=2)


def fit_vae(train: PhotoSet, val: PhotoSet | None, settings: dict, seed: int) -> Fitted:
    size = settings["image_size"]
    torch.manual_seed(seed)
    encoder = create_encoder(f"conv_vae:{size}")
    model = VAEClassifier(
        encoder, LinearHead(encoder.feature_dim, len(train.classes)), ConvDecoder(size, encoder.feature_dim)
    )
    model, result, temperature = train_image_classifier(
        encoder,
        train,
        val,
        settings,
        seed,
        "VAE + classifier",
        loss_fn=vae_training_loss(settings),
        model=model,
    )
    info = {"training": result.to_dict(), "image_size": size}
    shown = (val or train).pixels(size)[:8]

    def write_extras(path: Path) -> None:
        save_file(
            {k: v.contiguous() for k, v in model.decoder.state_dict().items()},
            str(path / "decoder.safetensors"),
        )
        save_reconstructions(model, shown, path / "reconstructions.png")

    fitted = Fitted(
        lambda photos: softmax(image_logits(model, photos, size), temperature),
        as_classifier(encoder, model.head, train.classes, temperature, info),
        info,
        write_extras,
    )
    if settings.get("comparisons", True):
        seconds = info["extra_train_seconds"] = {}
        started = time.time()
        fitted.extra_predictions.update(fit_pixel_models(train, settings, seed))
        seconds["svm"] = seconds["random-forest"] = round(time.time() - started, 1)  # fitted together
        torch.manual_seed(seed)
        cnn = create_encoder(f"conv_vae:{size}")  # the same encoder, trained for classification alone
        cnn_model, cnn_result, cnn_t = train_image_classifier(cnn, train, val, settings, seed, "CNN (comparison)")
        fitted.extra_predictions["cnn"] = lambda photos: softmax(image_logits(cnn_model, photos, size), cnn_t)
        info["comparison_cnn_training"] = cnn_result.to_dict()
        seconds["cnn"] = cnn_result.seconds
    fitted.model = model
    return fitted


def fit_autoencoder_knn(train: PhotoSet, val: PhotoSet | None, settings: dict, seed: int) -> Fitted:
    """Autoencoder trained on reconstruction alone; then a linear classifier and k-NN on its embedding."""
    size, aug, n_classes = settings["image_size"], settings.get("augment", {}), len(train.classes)
    torch.manual_seed(seed)
    encoder = create_encoder(f"conv_autoencoder:{size}")
    decoder = ConvDecoder(size, encoder.feature_dim)
    model = EncoderWithHead(encoder, decoder)  # trained on reconstruction: the "head" is the decoder

    def loss_fn(model, batch, training):
        target = _augmented_targets(batch[0], aug, training)
        return F.mse_loss(model(_normalise_unit(target)), target), None

    data = torch.utils.data.TensorDataset(train.pixels(size), torch.from_numpy(train.labels))
    val_data = torch.utils.data.TensorDataset(val.pixels(size), torch.from_numpy(val.labels)) if val else None
    result = train_loop(model, loss_fn, data, val_data, train_config(settings, seed, "autoencoder"))
    encoder.eval()

    def embed(photos: PhotoSet) -> np.ndarray:
        return batched(lambda p: encoder(normalise(p)), photos.pixels(size)).numpy()

    train_embeddings = embed(train)
    head = LinearHead(encoder.feature_dim, n_classes, C=settings.get("head_C", 0.5)).fit(
        train_embeddings, train.labels, seed
    )
    temperature = 1.0
    if val is not None:
        temperature = calibrate(batched(head, torch.from_numpy(embed(val))), val.labels)
    knn = knn_predictor(train_embeddings, train.labels, n_classes, settings["neighbours"])
    info = {"training": result.to_dict(), "image_size": size, "neighbours": settings["neighbours"]}

    def write_extras(path: Path) -> None:
        save_file(
            {"embeddings": torch.from_numpy(train_embeddings), "labels": torch.from_numpy(train.labels)},
            str(path / "neighbours.safetensors"),
        )
        (path / "neighbours.json").write_text(json.dumps([str(p) for p in train.data.paths], indent=0) + "\n")
        save_file(
            {k: v.contiguous() for k, v in decoder.state_dict().items()},
            str(path / "decoder.safetensors"),
        )

    fitted = Fitted(
        lambda photos: knn(embed(photos)),
        as_classifier(encoder, head, train.classes, temperature, info),
        info,
        write_extras,
    )
    fitted.extra_predictions["classifier"] = lambda photos: softmax(
        batched(head, torch.from_numpy(embed(photos))), temperature
    )
    fitted.extra_predictions["uniform-random"] = lambda photos: uniform_random_probabilities(
        len(photos), n_classes, seed
    )
    return fitted


def nearest_neighbours(model_dir: str | Path, image, k: int = 5) -> list[tuple[str, str, float]]:
    """The k training photos closest to `image` in an autoencoder-knn model's embedding:
    (class, photo path as it was at training time, cosine similarity), closest first."""
    model_dir = Path(model_dir)
    classifier = GemClassifier.load(model_dir)
    stored = load_file(str(model_dir / "neighbours.safetensors"))
    paths = json.loads((model_dir / "neighbours.json").read_text())
    features, failures = classifier.extractor([load_image(image)])
    query = torch.from_numpy(features[0])
    similarity = F.cosine_similarity(stored["embeddings"], query[None], dim=1)
    best = similarity.topk(min(k, len(similarity))).indices.tolist()
    return [(classifier.classes[int(stored["labels"][i])], paths[i], float(similarity[i])) for i in best]
