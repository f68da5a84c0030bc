"""The models behind the chat: the photo classifier, the evidence model and the explainer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from gemlang.fusion import EvidenceModel, Settings
from gemlang.hints import Hints
from gemlang.scope import NOT_A_GEM_PHOTO, ScopeVerdict

if TYPE_CHECKING:
    from gemlang.assistant.conversation import Conversation


DEFAULT_FUSION_DIR = Path(__file__).parents[1] / "default_fusion"
DEFAULT_TOP_K = 5
PhotoInput = str | Path | bytes | Image.Image


class Assistant:
    """The models behind the chat: a `GemClassifier` (None: readings only), the evidence model, the explainer."""

    def __init__(self, classifier, settings: Settings | None = None, top_k: int = DEFAULT_TOP_K,
                 explain_method: str = "gradcam", notes: Sequence[str] = (),
                 evidence: EvidenceModel | None = None):  # fmt: skip
        self.classifier = classifier
        classes = classifier.classes if classifier is not None else ()
        self.evidence = evidence or EvidenceModel(classes, settings)
        self.top_k = top_k
        self.explain_method = explain_method
        self.notes = list(notes)  # said once, on the first answer

    @property
    def device(self) -> str:
        """Where the photos are encoded: onnxruntime on the CPU, or eager PyTorch (the GPU when there is one)."""
        return self.classifier.device if self.classifier is not None else "cpu"

    @property
    def unsure_below(self) -> float:
        return self.evidence.settings.unsure_below

    @classmethod
    def load(cls, model: str | Path = "default", fusion: str | Path | None = None, device=None,
             top_k: int = DEFAULT_TOP_K, backend: str | None = None) -> Assistant:  # fmt: skip
        """The classifier at `model` ('default' or a folder) and the fusion settings calibrated for it.

        The settings are looked up in `fusion`, else `<model>/fusion`, else (for the default model)
        gemlang/default_fusion. Without them the evidence model runs on its default settings.
        """
        from gemlang.fusion.train import FusionError, load_settings
        from gemlang.model import DEFAULT_MODEL_DIR, GemClassifier

        classifier = GemClassifier.load(model, device=device, backend=backend)
        model_dir = DEFAULT_MODEL_DIR if str(model) == "default" else Path(model)
        candidates = [Path(fusion)] if fusion else [model_dir / "fusion"]
        if not fusion and str(model) == "default":
            candidates.append(DEFAULT_FUSION_DIR)
        notes, settings = [], None
        for path in candidates:
            if (path / "config.json").is_file():
                try:
                    settings = load_settings(path, classifier)
                    break
                except FusionError as e:
                    if fusion:  # settings the person named: theirs to fix, not to replace quietly
                        raise
                    notes.append(f"using the default fusion settings: {e}")
        else:
            if fusion:
                raise FileNotFoundError(f"{fusion}: no fusion settings there (no config.json)")
            if not notes:
                notes.append(
                    "this model has no calibrated fusion settings, so the default ones are used (calibrate them "
                    "with `gemlang build fusion --data PHOTOS --model MODEL_DIR --out MODEL_DIR/fusion`)."
                )
        return cls(classifier, settings, top_k=top_k, notes=notes)

    def conversation(self) -> Conversation:
        from gemlang.assistant.conversation import Conversation

        return Conversation(self)

    def warm_up(self) -> None:
        """Do the one-time work now rather than in someone's first turn: the serving path's graphs (the
        companion's too: exported on first use)."""
        for model in (self.classifier, self.classifier.companion):
            if model is not None:
                model.serving()

    # --- the steps of an answer --------------------------------------------------------------------
    def read_photos(self, photos: Sequence[PhotoInput]) -> tuple[list[Image.Image], list[str]]:
        """Readable photos, and one message per upload that is not a photo."""
        from gemlang.data import ImageError, load_image

        images, problems = [], []
        for photo in photos:
            name = Path(photo).name if isinstance(photo, str | Path) else "the upload"
            try:
                images.append(load_image(photo))
            except ImageError as e:  # "<path>: why" -> "name: why": the app's upload paths mean nothing to a user
                problems.append(f"{name}: {str(e).split(': ', 1)[-1]}")
            except OSError as e:
                problems.append(f"{name} could not be opened ({e.strerror or e}).")
        return images, problems

    def photo_probabilities(self, images: list[Image.Image]) -> np.ndarray:
        """Class probabilities of one stone seen in one or more photos (their average)."""
        return self.look(images)[0]

    def look(self, images: list[Image.Image]) -> tuple[np.ndarray, ScopeVerdict]:
        """The photos' average class probabilities and their scope verdict.

        Several photos of one stone are out of scope only if every one is: one clear photo of a known gem
        is enough to answer.
        """
        probs, verdicts, failures = self.classifier.analyse(images)
        ok = [i for i in range(len(images)) if i not in failures]
        if not ok:  # `read_photos` turns such uploads away first; a caller who skipped it is told why
            from gemlang.data import ImageError

            raise ImageError("no photo could be read: " + "; ".join(failures.values()))
        verdicts = [verdicts[i] for i in ok]
        unflagged = [v for v in verdicts if not v.flagged]
        stones = [v for v in verdicts if v.kind != NOT_A_GEM_PHOTO]
        return probs[ok].mean(0), (unflagged or stones or verdicts)[0]

    def rank(self, image_probs: np.ndarray | None, hints: Hints):
        """The evidence model's ranking of every gem with its reasons (a `Fused`), or None with nothing to go on."""
        if image_probs is None and not hints:
            return None
        return self.evidence.fuse(image_probs, hints)

    def explain(self, image: Image.Image, target: str) -> tuple[np.ndarray | None, Image.Image | None, str | None]:
        from gemlang.explain import explain  # lazily: only answers with a photo need it

        try:
            heat, overlay = explain(self.classifier, image, method=self.explain_method, target=target)
        except Exception as e:  # an encoder Grad-CAM cannot read must not cost the person their answer
            return None, None, f"no heat map: {e}"
        return heat, overlay, self.classifier.heat_map_note
