"""gemlang's CLIP-style image-text space, built from parts that exist offline.

No CLIP weights are available here, so the two towers are frozen models gemlang already has: a gemlang
image encoder (default `gemlang.recipe.ALIGNMENT_IMAGE_ENCODER`, features cached on disk) and all-MiniLM-L6-v2
for text. Only two small projection heads into a shared 256-d space and the temperature are trained, with
the CLIP contrastive loss, on photos paired with phrasings of their gem's knowledge-base facts
(`gemlang.language.alignment_training`). The space then gives:

- zero-shot classification from the text prompts in prompts/zero_shot.txt, over any gems the knowledge
  base knows, including gems without a single training photo (`classify`, `zero_shot_probabilities`);
- photo -> description retrieval over the knowledge base's reference descriptions (`retrieve_descriptions`);
- text -> photo search over a folder (`search`).

A model is a folder: config.json (naming the image encoder and its signature, like `GemClassifier`) and
alignment.safetensors (the projections and the temperature). Loading it next to a different image encoder
is an error, not a silently wrong answer.

    from gemlang.language.alignment import AlignmentModel
    model = AlignmentModel.load("default")
    model.classify(["stone.jpg"], top_k=5)
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from torch import nn
from torch.nn import functional as F

from gemlang.errors import UsageError
from gemlang.features import FeatureCache, FeatureExtractor, ImageInput
from gemlang.io import atomic_folder, read_config
from gemlang.knowledge import GemFacts, all_gems, class_names
from gemlang.language.gem_prose import reference_description
from gemlang.language.text_encoder import TEXT_EMBEDDING_DIM, TEXT_ENCODER_NAME, embed_texts
from gemlang.model import TRAINED_PHOTOS, ModelError, listed_photo_ids
from gemlang.recipe import ALIGNMENT_IMAGE_ENCODER

FORMAT = "gemlang-alignment"
DEFAULT_ALIGNMENT_DIR = Path(__file__).with_name("default_alignment")
DEFAULT_IMAGE_ENCODER = ALIGNMENT_IMAGE_ENCODER
WEIGHTS_FILE = "alignment.safetensors"
ZERO_SHOT_PROMPTS = "zero_shot.txt"
MAX_LOGIT_SCALE = math.log(100.0)  # CLIP's clamp: a temperature below 0.01 only overfits


class AlignmentError(ModelError):
    """An alignment folder that cannot be used; the message says why and what to do."""


class ProjectionHead(nn.Module):
    """Standardised frozen features -> (dropout) -> linear or 2-layer MLP -> L2-normalised embedding."""

    def __init__(self, in_dim: int, out_dim: int = 256, hidden: int = 0, dropout: float = 0.0):
        super().__init__()
        self.config = {"in_dim": in_dim, "out_dim": out_dim, "hidden": hidden, "dropout": dropout}
        self.register_buffer("mean", torch.zeros(in_dim))
        self.register_buffer("scale", torch.ones(in_dim))
        layers: list[nn.Module] = [nn.Dropout(dropout)] if dropout else []
        if hidden:
            layers += [nn.Linear(in_dim, hidden), nn.GELU(), nn.Linear(hidden, out_dim)]
        else:
            layers += [nn.Linear(in_dim, out_dim)]
        self.net = nn.Sequential(*layers)

    def fit_standardisation(self, X: np.ndarray) -> ProjectionHead:
        std = X.std(0)
        self.mean.copy_(torch.from_numpy(X.mean(0)))
        # A floor, so a feature that never varied in training (a colour bin no photo had) cannot explode.
        self.scale.copy_(torch.from_numpy(std + 0.01 * std.mean() + 1e-6))
        return self

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.normalize(self.net((x - self.mean) / self.scale), dim=-1)


def _name_of(gem: GemFacts | str) -> str:
    return gem if isinstance(gem, str) else gem.name


def prompt_texts(gem: GemFacts, templates: Sequence[str] | None = None) -> list[str]:
    """The zero-shot prompts of one gem, from prompts/zero_shot.txt (or the given templates)."""
    from gemlang.language.gem_text import expand
    from gemlang.language.prompts import read_lines

    texts = [t for tpl in templates or read_lines(ZERO_SHOT_PROMPTS) for t in expand(tpl, gem)]
    return texts or [gem.name]


class AlignmentModel(nn.Module):
    def __init__(
        self,
        image_head: ProjectionHead,
        text_head: ProjectionHead,
        image_encoder: str = DEFAULT_IMAGE_ENCODER,
        image_encoder_signature: str = "",
        logit_scale: float = math.log(1 / 0.07),
        info: dict[str, Any] | None = None,
    ):
        super().__init__()
        if text_head.config["in_dim"] != TEXT_EMBEDDING_DIM:
            raise AlignmentError(
                f"the text projection expects {text_head.config['in_dim']}-d text embeddings but "
                f"{TEXT_ENCODER_NAME} gives {TEXT_EMBEDDING_DIM}-d"
            )
        self.image_head = image_head
        self.text_head = text_head
        self.logit_scale = nn.Parameter(torch.tensor(float(logit_scale)))
        self.image_encoder = image_encoder
        self.image_encoder_signature = image_encoder_signature
        self.info = dict(info or {})
        self.trained_photos: frozenset[str] = frozenset()  # `photo_ids` of its training photos, where known
        self._extractor: FeatureExtractor | None = None
        self._prompt_cache: dict[str, np.ndarray] = {}
        self.eval()

    # --- the two towers ---------------------------------------------------------------------------
    @property
    def extractor(self) -> FeatureExtractor:
        """The frozen image tower, built on first use and checked against the one the heads were trained on."""
        if self._extractor is None:
            extractor = FeatureExtractor(self.image_encoder)
            if self.image_encoder_signature and extractor.signature != self.image_encoder_signature:
                raise AlignmentError(
                    f"this alignment was trained on image encoder {self.image_encoder_signature!r}, but this "
                    f"installation builds {extractor.signature!r}; retrain it with `gemlang build alignment "
                    "--data DIR --out ALIGNMENT_DIR`"
                )
            self._extractor = extractor
        return self._extractor

    @property
    def temperature(self) -> float:
        return float(torch.exp(-self.logit_scale.detach().clamp(max=MAX_LOGIT_SCALE)))

    @torch.no_grad()
    def embed_image_features(self, features: np.ndarray) -> np.ndarray:
        """Image-encoder features (N, D) -> unit vectors in the shared space (N, dim)."""
        self.eval()
        return self.image_head(torch.from_numpy(np.asarray(features, dtype=np.float32))).numpy()

    def embed_images(
        self, images: Sequence[ImageInput], cache: FeatureCache | None = None, progress: bool = False
    ) -> tuple[np.ndarray, dict[int, str]]:
        """Photos -> unit vectors; rows of unreadable photos are NaN and listed in the failures."""
        features, failures = self.extractor(list(images), cache=cache, progress=progress)
        out = np.full((len(images), self.image_head.config["out_dim"]), np.nan, dtype=np.float32)
        ok = [i for i in range(len(images)) if i not in failures]
        if ok:
            out[ok] = self.embed_image_features(features[ok])
        return out, failures

    @torch.no_grad()
    def embed_text_vectors(self, vectors: np.ndarray) -> np.ndarray:
        self.eval()
        return self.text_head(torch.from_numpy(np.asarray(vectors, dtype=np.float32))).numpy()

    def embed_texts(self, texts: Sequence[str], cache: FeatureCache | None = None) -> np.ndarray:
        """Texts -> unit vectors in the shared space."""
        return self.embed_text_vectors(embed_texts(list(texts), cache=cache))

    # --- zero-shot classification ----------------------------------------------------------------
    def class_embeddings(
        self, gems: Sequence[GemFacts | str] | None = None, cache: FeatureCache | None = None
    ) -> tuple[list[str], np.ndarray]:
        """One unit vector per gem: the mean of its projected zero-shot prompts (default: the photo classes)."""
        from gemlang.language.describe import lookup_gem

        facts = [g if isinstance(g, GemFacts) else lookup_gem(g) for g in (gems or class_names())]
        missing = [g for g in facts if g.name not in self._prompt_cache]
        if missing:
            texts = [prompt_texts(g) for g in missing]
            flat = self.embed_texts([t for group in texts for t in group], cache=cache)
            start = 0
            for gem, group in zip(missing, texts, strict=True):
                v = flat[start : start + len(group)].mean(0)
                self._prompt_cache[gem.name] = v / max(np.linalg.norm(v), 1e-8)
                start += len(group)
        return [g.name for g in facts], np.stack([self._prompt_cache[g.name] for g in facts])

    def zero_shot_probabilities(
        self,
        image_embeddings: np.ndarray,
        gems: Sequence[GemFacts | str] | None = None,
        cache: FeatureCache | None = None,
    ) -> tuple[list[str], np.ndarray]:
        """Softmax over the candidate gems of scale * cosine(image, class prompt) (CLIP's zero-shot rule)."""
        names, classes = self.class_embeddings(gems, cache)
        cosines = image_embeddings @ classes.T - self.seen_bias * self.seen_mask(names)
        logits = torch.from_numpy(cosines) / self.temperature
        return names, torch.softmax(logits, dim=1).numpy()

    @property
    def seen_bias(self) -> float:
        """Cosine taken off gems the heads were trained on photos of, when gems without photos compete.

        A contrastive model favours the gems it was trained on (the generalised zero-shot bias); this
        "calibrated stacking" offset (Chao et al., 2016) is chosen on training classes alone, see
        `alignment_training.calibrate_seen_bias`. It shifts every candidate equally, so changes nothing,
        when all candidates are trained-on gems.
        """
        return float(self.info.get("seen_bias", 0.0))

    def seen_mask(self, names: Sequence[str]) -> np.ndarray:
        seen = set(self.info.get("trained_on", {}).get("gems", []))
        return np.array([n in seen for n in names], dtype=np.float32)

    def classify(
        self,
        images: Sequence[ImageInput],
        gems: Sequence[GemFacts | str] | None = None,
        top_k: int = 5,
        cache: FeatureCache | None = None,
    ) -> list[list[tuple[str, float]]]:
        """The top-k gems of each photo by zero-shot text prompts; candidates default to the photo classes.

        Pass `gems=all_gems()` to also consider gems gemlang has no training photos of.
        """
        from gemlang.data.images import ImageError

        Z, failures = self.embed_images(images, cache)
        if failures:
            raise ImageError(next(iter(failures.values())))
        names, probs = self.zero_shot_probabilities(Z, gems, cache)
        order = np.argsort(-probs, axis=1)[:, :top_k]
        return [[(names[j], float(p[j])) for j in row] for p, row in zip(probs, order, strict=True)]

    # --- retrieval ---------------------------------------------------------------------------------
    def retrieve_descriptions(
        self,
        images: Sequence[ImageInput],
        k: int = 3,
        gems: Sequence[GemFacts] | None = None,
        cache: FeatureCache | None = None,
    ) -> list[list[tuple[GemFacts, float]]]:
        """For each photo, the k knowledge-base reference descriptions nearest to it, with cosines."""
        from gemlang.data.images import ImageError

        gems = [g for g in (gems or all_gems()) if reference_description(g)]
        D = self.embed_texts([reference_description(g) for g in gems], cache=cache)
        Z, failures = self.embed_images(images, cache)
        if failures:
            raise ImageError(next(iter(failures.values())))
        sims = Z @ D.T
        order = np.argsort(-sims, axis=1)[:, :k]
        return [[(gems[j], float(s[j])) for j in row] for s, row in zip(sims, order, strict=True)]

    def search(
        self,
        text: str,
        photos: Sequence[ImageInput],
        cache: FeatureCache | None = None,
        top: int = 10,
        progress: bool = False,
    ) -> tuple[list[tuple[ImageInput, float]], dict[ImageInput, str]]:
        """Photos ranked by cosine with the text, best first; and {photo: reason} for unreadable ones."""
        if not text.strip():
            raise UsageError('give some text to search for, e.g. "deep blue, hard"')
        Z, failures = self.embed_images(photos, cache, progress=progress)
        query = self.embed_texts([text], cache=cache)[0]
        ok = [i for i in range(len(photos)) if i not in failures]
        scores = Z[ok] @ query
        ranked = [(photos[ok[j]], float(scores[j])) for j in np.argsort(-scores)[:top]]
        return ranked, {photos[i]: why for i, why in failures.items()}

    # --- persistence -------------------------------------------------------------------------------
    def config(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": 1,
            "image_encoder": self.image_encoder,
            "image_encoder_signature": self.image_encoder_signature,
            "text_encoder": TEXT_ENCODER_NAME,
            "image_head": self.image_head.config,
            "text_head": self.text_head.config,
            **self.info,
        }

    def save(self, path: str | Path, model_card: str | None = None) -> Path:
        """Write the folder atomically: a crash mid-save leaves the previous model intact."""
        with atomic_folder(path) as tmp:
            (tmp / "config.json").write_text(json.dumps(self.config(), indent=2) + "\n")
            state = {k: v.detach().cpu().contiguous() for k, v in self.state_dict().items()}
            save_file(state, str(tmp / WEIGHTS_FILE))
            if model_card:
                (tmp / "MODEL_CARD.md").write_text(model_card)
            if self.trained_photos:  # for `gemlang evaluate --zero-shot`, as a classifier's
                (tmp / TRAINED_PHOTOS).write_text("".join(f"{i}\n" for i in sorted(self.trained_photos)))
        return Path(path)

    @classmethod
    def load(cls, path: str | Path = "default", images: bool = True) -> AlignmentModel:
        """The alignment folder at `path`; `images=False` for text only (searching an index): the image tower,
        slow to build, is then built on first use."""
        path = DEFAULT_ALIGNMENT_DIR if str(path) == "default" else Path(path)
        config_file = path / "config.json"
        use = "Use 'default' or a folder written by `gemlang build alignment --out`."
        if not config_file.is_file():
            what = "not a gemlang alignment folder (no config.json)" if path.exists() else "no such alignment folder"
            hint = (
                "the built-in alignment is missing from this installation; rebuild it with "
                "`gemlang build alignment --data DIR`"
                if path == DEFAULT_ALIGNMENT_DIR
                else f"{path}: {what}. {use}"
            )
            raise AlignmentError(hint)
        config = read_config(path, AlignmentError, "copy the alignment folder again, or rebuild it")
        if config.get("format") != FORMAT:
            found = config.get("format")
            raise AlignmentError(f"{path}: config.json is not a {FORMAT} config (format={found!r}). {use}")
        if config.get("text_encoder") != TEXT_ENCODER_NAME:
            raise AlignmentError(
                f"{path}: trained on text encoder {config.get('text_encoder')!r}, but gemlang uses {TEXT_ENCODER_NAME}"
            )
        core = {"format", "format_version", "image_encoder", "image_encoder_signature", "text_encoder",
                "image_head", "text_head"}  # fmt: skip
        model = cls(
            ProjectionHead(**config["image_head"]),
            ProjectionHead(**config["text_head"]),
            config["image_encoder"],
            config.get("image_encoder_signature", ""),
            info={k: v for k, v in config.items() if k not in core},
        )
        try:
            model.load_state_dict(load_file(str(path / WEIGHTS_FILE)))
        except (RuntimeError, OSError) as e:
            raise AlignmentError(f"{path}: {WEIGHTS_FILE} does not fit the heads in config.json ({e})") from e
        model.trained_photos = listed_photo_ids(path / TRAINED_PHOTOS)
        if images:
            model.extractor  # noqa: B018 - build the image tower now, so a mismatch fails at load time
        return model.eval()
