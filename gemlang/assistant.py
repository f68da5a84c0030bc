"""One chat turn: a message and optional photo(s) in, a structured answer out.

The answer is plain data (candidates, notes, heat map); it also renders itself as Markdown
(`Answer.to_markdown()`), the text format chat UIs display, so the Gradio app, `gradio_client` users and
any other chat front end show the same words. No widget or web code lives here.

    assistant = Assistant.load()              # the default model and its fusion head
    chat = assistant.conversation()
    answer = chat.ask("what gem is this?", photos=["stone.jpg"])
    answer.candidates, answer.unsure, answer.to_markdown()
    answer = chat.ask("it scratches quartz")  # re-ranks the same photo with the hint

A `Conversation` remembers the last photo's class probabilities and the hints given so far, so a
follow-up ("hardness 9", "found in Sri Lanka") re-ranks without a new upload; a new photo starts a new
stone. Parts that are missing in this installation (no fusion head, no description module, an encoder
Grad-CAM cannot explain) are left out of the answer with a note saying so, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from gemlang.hints import Hints, parse_hints
from gemlang.knowledge.scratch import ADVISED
from gemlang.language.describe import compare_gems, describe_prediction, percent
from gemlang.language.gem_prose import reference_description

DEFAULT_FUSION_DIR = Path(__file__).parent / "default_fusion"
DEFAULT_TOP_K = 5
DEFAULT_UNSURE_BELOW = 0.5  # used when no fusion head carries a threshold calibrated on held-out photos
KEY_PROPERTIES = (
    "Species",
    "Mohs hardness",
    "Specific gravity",
    "Refractive index",
    "Birefringence",
    "Lustre",
)
RESET_WORDS = re.compile(r"\b(?:start over|new stone|another stone|reset|forget (?:it|that|everything))\b", re.I)
HELP = (
    'Send me a photo of the stone and ask "what gem is this?". You can also tell me what you know: '
    '"hardness about 7", "it scratches glass", "a knife scratches it", "found in Sri Lanka".'
)

PhotoInput = str | Path | bytes | Image.Image


@dataclass
class Answer:
    """What the assistant says in one turn; the UI decides how to show it."""

    message: str
    candidates: list[tuple[str, float]] = field(default_factory=list)  # best first
    unsure: bool = False
    unsure_below: float = DEFAULT_UNSURE_BELOW
    description: str = ""
    properties: list[tuple[str, ...]] = field(default_factory=list)  # first row is the header
    tell_apart: str = ""
    heatmap: np.ndarray | None = None  # (H, W) in [0, 1]
    overlay: Image.Image | None = None  # the photo with the heat map blended over it
    hints_used: list[str] = field(default_factory=list)
    used_photo: bool = False
    reply: str = ""  # the whole answer when there is nothing to rank (help, unreadable upload)
    notes: list[str] = field(default_factory=list)

    @property
    def gem(self) -> str | None:
        return self.candidates[0][0] if self.candidates else None

    @property
    def probability(self) -> float | None:
        return self.candidates[0][1] if self.candidates else None

    def to_dict(self) -> dict:
        """JSON-safe summary (no images)."""
        return {
            "gem": self.gem,
            "probability": self.probability,
            "unsure": self.unsure,
            "unsure_below": self.unsure_below,
            "candidates": [[name, p] for name, p in self.candidates],
            "description": self.description,
            "properties": [list(row) for row in self.properties],
            "tell_apart": self.tell_apart,
            "hints_used": self.hints_used,
            "used_photo": self.used_photo,
            "has_heatmap": self.heatmap is not None,
            "reply": self.reply,
            "notes": self.notes,
        }

    def summary_markdown(self) -> str:
        """The chat reply: the headline (or "I'm not sure"), what was used, how to tell the top two apart."""
        parts: list[str] = []
        if self.reply:
            parts.append(self.reply)
        if self.candidates:
            name, p = self.candidates[0]
            if self.unsure:
                others = ", ".join(f"{n} ({percent(q)})" for n, q in self.candidates[1:3])
                headline = f"**I'm not sure.** My best guess is **{name}** ({percent(p)})"
                headline += f", but it could also be {others}." if others else "."
            else:
                runner_up = (
                    f"; next: {self.candidates[1][0]} ({percent(self.candidates[1][1])})"
                    if len(self.candidates) > 1
                    else ""
                )
                headline = f"**{name}** ({percent(p)}){runner_up}"
            if self.hints_used:
                basis = "your photo and " if self.used_photo else "only "
                headline += f"  \n_Using {basis}" + "; ".join(self.hints_used) + "._"
            parts.append(headline)
        if self.tell_apart:
            parts.append(f"**How to tell them apart:** {self.tell_apart}")
        if self.notes:
            parts.append("\n".join(f"_Note: {n}_" for n in self.notes))
        return "\n\n".join(parts)

    def details_markdown(self) -> str:
        """The description and the table of key properties."""
        parts: list[str] = []
        if self.description:
            parts.append(self.description)
        if self.properties:
            header, *rows = self.properties
            table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            table += ["| " + " | ".join(row) + " |" for row in rows]
            parts.append("**Key properties**\n\n" + "\n".join(table))
        return "\n\n".join(parts)

    def to_markdown(self) -> str:
        """Everything: the reply, the ranked candidates, the description and the properties."""
        parts = [self.summary_markdown()]
        if self.candidates:
            rows = [f"| {n} | {q:.1%} |" for n, q in self.candidates]
            parts.append("\n".join(["| gem | probability |", "|---|---|", *rows]))
        parts.append(self.details_markdown())
        return "\n\n".join(p for p in parts if p)


class Assistant:
    """The models behind the chat: a `GemClassifier`, optionally its fusion head, and the explainer."""

    def __init__(self, classifier, fusion=None, top_k: int = DEFAULT_TOP_K, explain_method: str = "gradcam",
                 notes: Sequence[str] = ()):  # fmt: skip
        self.classifier = classifier
        self.fusion = fusion
        self.top_k = top_k
        self.explain_method = explain_method
        self.notes = list(notes)  # said once, on the first answer (e.g. "no fusion head")

    @property
    def device(self) -> str:
        """Where the photos are encoded: onnxruntime on the CPU, or eager PyTorch (the GPU when there is one)."""
        return self.classifier.device

    @property
    def unsure_below(self) -> float:
        if self.fusion is not None:
            return self.fusion.unsure_below
        return float(self.classifier.info.get("unsure_below", DEFAULT_UNSURE_BELOW))

    @classmethod
    def load(cls, model: str | Path = "default", fusion: str | Path | None = None, device=None,
             top_k: int = DEFAULT_TOP_K, backend: str | None = None) -> Assistant:  # fmt: skip
        """The classifier at `model` ('default' or a folder) and its fusion head; `backend` as in GemClassifier.load.

        The fusion head is looked up in `fusion`, else `<model>/fusion`, else (for the default model)
        gemlang/default_fusion. Without one the assistant still answers from the photo alone.
        """
        from gemlang.heads.fusion import FusionError, FusionHead
        from gemlang.model import DEFAULT_MODEL_DIR, GemClassifier

        classifier = GemClassifier.load(model, device=device, backend=backend)
        model_dir = DEFAULT_MODEL_DIR if str(model) == "default" else Path(model)
        candidates = [Path(fusion)] if fusion else [model_dir / "fusion"]
        if not fusion and str(model) == "default":
            candidates.append(DEFAULT_FUSION_DIR)
        notes, head = [], None
        for path in candidates:
            if (path / "config.json").is_file():
                try:
                    head = FusionHead.load(path, classifier)
                    break
                except FusionError as e:
                    notes.append(f"hardness and locality hints are off: {e}")
        else:
            if fusion:
                raise FileNotFoundError(f"{fusion}: no fusion head there (no config.json)")
            if not notes:
                notes.append(
                    "hardness and locality hints are off: this model has no fusion head "
                    "(build one with `python eval/fusion.py --build`)."
                )
        return cls(classifier, head, top_k=top_k, notes=notes)

    def conversation(self) -> Conversation:
        return Conversation(self)

    def warm_up(self) -> None:
        """Do the one-time work now rather than in someone's first turn: the serving path's graphs."""
        self.classifier.serving()

    # --- the steps of an answer --------------------------------------------------------------------
    def read_photos(self, photos: Sequence[PhotoInput]) -> tuple[list[Image.Image], list[str]]:
        """Readable photos, and one message per upload that is not a photo."""
        from gemlang.data import ImageError, load_image

        images, problems = [], []
        for photo in photos:
            name = Path(photo).name if isinstance(photo, str | Path) else "the upload"
            try:
                images.append(load_image(photo))
            except ImageError as e:
                problems.append(f"{name} is not a photo I can read ({e}).")
            except OSError as e:
                problems.append(f"{name} could not be opened ({e}).")
        return images, problems

    def photo_probabilities(self, images: list[Image.Image]) -> np.ndarray:
        """Class probabilities of one stone seen in one or more photos (their average)."""
        probs, _ = self.classifier.predict_proba(images)
        probs = probs[~np.isnan(probs).any(1)]
        return probs.mean(0)

    def rank(self, image_probs: np.ndarray | None, hints: Hints) -> tuple[np.ndarray | None, list[str]]:
        """Fused class probabilities (None when there is nothing to rank on), and notes."""
        if image_probs is None and not hints:
            return None, []
        if self.fusion is not None:  # also for the photo alone: the unsure threshold is calibrated on fused output
            hardness = (hints.hardness.low, hints.hardness.high) if hints.hardness else None
            return self.fusion.fuse(image_probs, hardness, hints.countries), []
        if image_probs is None:
            return None, ["ranking by hints alone needs a fusion head, and this model has none."]
        return image_probs, ["your hints could not be used: this model has no fusion head."] if hints else []

    def explain(self, image: Image.Image, target: str) -> tuple[np.ndarray | None, Image.Image | None, str | None]:
        from gemlang.explain import explain  # lazily: only answers with a photo need it
        try:
            heat, overlay = explain(self.classifier, image, method=self.explain_method, target=target)
        except Exception as e:  # an encoder Grad-CAM cannot read must not cost the person their answer
            return None, None, f"no heat map: {e}"
        return heat, overlay, None


def describe(top_k: list[tuple[str, float]]) -> tuple[str, str | None]:
    """(description, note): the language module's text, or the knowledge base's entry if that fails."""
    try:
        return describe_prediction(top_k).text, None
    except Exception as e:  # noqa: BLE001 - e.g. a class the knowledge base does not know
        note = f"the description module failed ({e}); showing the reference entry."
    facts = _facts(top_k[0][0])
    return (reference_description(facts) if facts else ""), note


def _facts(name: str):
    from gemlang.knowledge import UnknownGemError, get_facts

    try:
        return get_facts(name)
    except UnknownGemError:
        return None


def property_rows(names: Sequence[str]) -> list[tuple[str, ...]]:
    """A small side-by-side table of the key properties of the given gems; the first row is the header."""
    facts = [f for f in (_facts(n) for n in names) if f is not None]
    if not facts:
        return []
    tables = [dict(f.property_table()) for f in facts]
    rows = [("Property", *(f.name for f in facts))]
    for label in KEY_PROPERTIES:
        values = [t.get(label, "—") for t in tables]
        if any(v != "—" for v in values):
            rows.append((label, *values))
    return rows


SCRATCH_TOOLS = tuple((r.hardness, r.name) for r in ADVISED)


def tell_apart(first: str, second: str) -> str:
    """The simplest test that separates two gems: a scratch test, then SG, then RI; '' when unknown."""
    a, b = _facts(first), _facts(second)
    if a is None or b is None:
        return ""
    if a.hardness and b.hardness:
        (soft, s_range), (hard, h_range) = sorted([(a, a.hardness), (b, b.hardness)], key=lambda g: g[1][1])
        for tool_hardness, tool in SCRATCH_TOOLS:
            if s_range[1] < tool_hardness < h_range[0]:
                return (
                    f"Scratch test: {hard.name} (Mohs {hard.format('hardness')}) scratches {tool} (Mohs "
                    f"{tool_hardness:g}); {soft.name} (Mohs {soft.format('hardness')}) does not. "
                    "Try it on an inconspicuous spot."
                )
    if a.specific_gravity and b.specific_gravity:
        gap = max(b.specific_gravity[0] - a.specific_gravity[1], a.specific_gravity[0] - b.specific_gravity[1])
        if gap >= 0.05:
            return (
                f"Specific gravity (weigh in air and in water): {a.name} {a.format('specific_gravity')}, "
                f"{b.name} {b.format('specific_gravity')}."
            )
    if a.refractive_index and b.refractive_index:
        gap = max(b.refractive_index[0] - a.refractive_index[1], a.refractive_index[0] - b.refractive_index[1])
        if gap >= 0.01:
            return (
                f"Refractive index (refractometer): {a.name} {a.format('refractive_index')}, "
                f"{b.name} {b.format('refractive_index')}."
            )
    # Same species, same numbers: the language module knows what else separates them (colour, features).
    return compare_gems(a, b)


class Conversation:
    """The state of one chat: the current stone's photo(s), their probabilities, and the hints so far."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.images: list[Image.Image] = []
        self.image_probs: np.ndarray | None = None
        self.hints = Hints()
        self.answers: list[Answer] = []
        self._heatmaps: dict[str, tuple] = {}
        self._target: str | None = None  # the gem the latest answer about a photo named first
        self._pending_notes = list(assistant.notes)

    def reset(self) -> None:
        self.images, self.image_probs, self.hints, self._heatmaps = [], None, Hints(), {}
        self._target = None

    def ask(
        self, text: str = "", photos: Sequence[PhotoInput] | PhotoInput | None = None, explain: bool = True
    ) -> Answer:
        """Answer one message; `photos` are file paths, bytes or PIL images of one stone.

        `explain=False` leaves the heat map out of the answer; `explain()` then gives it.
        """
        a = self.assistant
        if photos is None:
            photos = []
        elif isinstance(photos, str | Path | bytes | Image.Image):
            photos = [photos]
        text = text or ""
        answer = Answer(message=text, unsure_below=a.unsure_below)
        if RESET_WORDS.search(text) and not photos:
            self.reset()
            answer.reply = "Starting over: send a photo of the next stone."
            return self._done(answer)

        images, problems = a.read_photos(photos)
        if photos and not images:
            keep = " I am still looking at your earlier photo." if self.images else ""
            answer.reply = (
                " ".join(problems) + " Please upload a photo of the stone (JPEG, PNG, WebP, BMP, TIFF or GIF)." + keep
            )
            return self._done(answer)
        answer.notes += [f"skipped {p}" for p in problems]
        new = parse_hints(text)
        if images:
            if self.hints:
                answer.notes.append("new photo, new stone: earlier hints were cleared.")
            self.images, self.hints, self._heatmaps = images, Hints(), {}
            self.image_probs = a.photo_probabilities(images)
        self.hints = self.hints.updated(new)
        answer.notes += list(new.notes)

        asked_gem = None if (new.hardness and "scratch" in text.lower()) else _named_gem(text)
        if asked_gem is not None and (trade := _trade_name(text)) is not None:
            answer.notes.append(trade.note)
        if self.image_probs is None and not self.hints:
            if asked_gem is not None:
                answer.description = reference_description(asked_gem)
                answer.properties = property_rows([asked_gem.name])
                answer.reply = f"**{asked_gem.name}**"
            else:
                answer.reply = HELP
            return self._done(answer)

        probs, notes = a.rank(self.image_probs, self.hints)
        answer.notes += notes
        if probs is None:
            answer.reply = HELP
            return self._done(answer)
        answer.used_photo = self.image_probs is not None
        answer.hints_used = self.hints.describe() if (a.fusion is not None) else []
        prediction = a.classifier.rank(probs, a.top_k)
        answer.candidates = prediction.top_k
        answer.unsure = prediction.probability < a.unsure_below
        if not answer.used_photo:
            answer.notes.append("no photo yet, so this ranking rests on your hints alone; upload a photo.")
        if asked_gem is not None and asked_gem.name in a.classifier.classes:
            i = a.classifier.classes.index(asked_gem.name)
            rank = int((probs > probs[i]).sum()) + 1
            answer.reply = f"{asked_gem.name}: {percent(probs[i])} (rank {rank} of {len(probs)})."
        conflict = hardness_conflict(prediction.label, self.hints)
        if conflict:
            answer.notes.append(conflict)
        answer.description, note = describe(prediction.top_k)
        if note:
            answer.notes.append(note)
        answer.properties = property_rows([name for name, _ in prediction.top_k[:2]])
        if len(prediction.top_k) > 1:
            answer.tell_apart = tell_apart(prediction.top_k[0][0], prediction.top_k[1][0])
        self._target = prediction.label if self.images else None
        if self.images and explain:
            answer.heatmap, answer.overlay, note = self.explain()
            if note:
                answer.notes.append(note)
        return self._done(answer)

    def explain(self) -> tuple[np.ndarray | None, Image.Image | None, str | None]:
        """(heat map, overlay, note) of the current photo for the latest answer's top gem; cached per gem.

        Grad-CAM costs more than the answer itself (a forward and backward pass of eager PyTorch), so the
        app asks for it after showing the answer (`ask(..., explain=False)`, then this).
        """
        if not self.images or self._target is None:
            return None, None, None
        if self._target not in self._heatmaps:
            self._heatmaps[self._target] = self.assistant.explain(self.images[0], self._target)
        return self._heatmaps[self._target]

    def _done(self, answer: Answer) -> Answer:
        answer.notes = self._pending_notes + answer.notes
        self._pending_notes = []
        self.answers.append(answer)
        return answer


def hardness_conflict(gem: str, hints: Hints) -> str | None:
    """A note when the answer's known hardness and the person's reading are more than a reading error apart."""
    facts = _facts(gem)
    if not hints.hardness or facts is None or not facts.hardness:
        return None
    reading, (low, high) = hints.hardness, facts.hardness
    if reading.low - high <= 0.5 and low - reading.high <= 0.5:
        return None
    return (
        f"your reading ({reading.describe()}) does not fit {gem} (Mohs {facts.format('hardness')}); the photo "
        "outweighs it here. Re-check the test on a fresh, inconspicuous spot: a streak of powder can look like "
        "a scratch."
    )


def _trade_name(text: str):
    """A trade name or misnomer in the message ("smoky topaz"), with the gem it really is."""
    from gemlang.knowledge import trade_name_in

    return trade_name_in(text)


def _named_gem(text: str):
    """The gem a message asks about ("is it a ruby?"), if any."""
    from gemlang.knowledge import find_gem

    if not text.strip():
        return None
    return find_gem(text)
