"""One chat turn: a message and optional photo(s) in, a structured answer out.

The answer is plain data (candidates, notes, heat map); it also renders itself as Markdown
(`Answer.to_markdown()`), the text format chat UIs display, so the Gradio app, `gradio_client` users and
any other chat front end show the same words. No widget or web code lives here.

    assistant = Assistant.load()              # the default model and its evidence-model settings
    chat = assistant.conversation()
    answer = chat.ask("what gem is this?", photos=["stone.jpg"])
    answer.candidates, answer.unsure, answer.to_markdown()
    answer = chat.ask("RI 1.762-1.770, SG 4.00")  # re-ranks the same photo with the readings

Without a photo the answer reads like a gemmologist's determinative table (`gemlang.fusion.table`): gems
that share every constant (the quartz colours, ruby and the sapphires) are one candidate, "Quartz (Amethyst,
Citrine, …)", with their summed probability, split by a colour the person names; `Answer.members` lists the
gems behind each candidate. With a photo the candidates are single gems.

A `Conversation` remembers the last photo's class probabilities and the hints given so far, so a
follow-up ("hardness 9", "found in Sri Lanka", "RI 1.77") re-ranks without a new upload; a new photo
starts a new stone. Photo and readings meet in `gemlang.fusion.EvidenceModel`, which ranks every gem of
the knowledge base and says why ("RI 1.770 rules out Tanzanite (1.691–1.700)"). Parts that are missing in
this installation (an encoder Grad-CAM cannot explain) are left out with a note, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PIL import Image

from gemlang.fusion import EvidenceModel, Settings
from gemlang.fusion.evidence import OBSERVED, gem_sold_as, tests_left_out, tests_made
from gemlang.fusion.table import table_entries
from gemlang.hints import ASKED_NOT_SEEN, ASKS_TO_TEST, FILLING_SIGN, Hints, parse_hints, withdrawn_hints
from gemlang.knowledge import GemFacts, all_gems, get_facts
from gemlang.knowledge.birthstones import birthstone_answer, birthstone_of_stone
from gemlang.knowledge.birthstones import sources as birthstone_sources
from gemlang.knowledge.care import care_of, care_question, never_cleaned_with
from gemlang.knowledge.disclosure import SOURCES as DISCLOSURE_SOURCES
from gemlang.knowledge.disclosure import disclosure_answer
from gemlang.knowledge.facts import sentences
from gemlang.knowledge.glossary import terms_asked
from gemlang.knowledge.home_tests import home_tests_in
from gemlang.knowledge.instruments import TESTS, profile, separates, value_text
from gemlang.knowledge.knowledge_base import gems_named_in
from gemlang.knowledge.places import gem_countries, places_asked
from gemlang.knowledge.superlatives import fluorescence_list_answer, optic_list_answer, superlative_answer
from gemlang.knowledge.tell_apart import (
    confirming_test,
    in_sentence,
    instrument_test,
    kind_of,
    lookalikes,
    telltale,
    values_read,
)
from gemlang.language.describe import describe_prediction, percent
from gemlang.language.gem_prose import main_sources, reference_description, treatment_sentence
from gemlang.language.gem_text import join_words
from gemlang.model import SEPARATION_RATE, Prediction
from gemlang.readings import DERIVED, REFRACTOMETER_LIMIT, SELF_CORRECTION, Readings, parse_readings
from gemlang.scope import NOT_A_GEM_PHOTO, ScopeVerdict

DEFAULT_FUSION_DIR = Path(__file__).parent / "default_fusion"
DEFAULT_TOP_K = 5
DEFAULT_UNSURE_BELOW = Settings().unsure_below  # when no settings calibrated on held-out photos are at hand
KEY_PROPERTIES = (
    "Species",
    "Mohs hardness",
    "Specific gravity",
    "Refractive index",
    "Birefringence",
    "Lustre",
)
MAX_MESSAGE_CHARS = 4000  # a message's readings and questions fit in far fewer
AUTHENTICITY_WORDS = re.compile(
    r"\b(?:real|fake|glass|synthetic|lab[- ]?(?:grown|created|made)|natural|simulant|imitation|genuine|cz|"
    r"doublet|triplet|assembled|plastic|resin)\b",
    re.I,
)
# "the difference between ruby and spinel", "ruby vs spinel", "how do I tell ruby from spinel", "compare ..."
COMPARE_WORDS = re.compile(
    r"\b(?:dif+e?ren\w*|differ|vs|versus|tell\b.{1,60}\b(?:from|apart)|distinguish\w*|compar\w*|separate)\b", re.I
)
# the treated material a filling sign makes of a gem, as care.json names it
FILLED = {"corundum": "glass-filled ruby", "emerald": "filled emerald", "diamond": "filled diamond"}
UNSURE_BECAUSE = "I'm not sure because"  # opens each note on evidence about the named gem (none without one)
_COURTESY = r"(?:thanks?(?: you)?(?: (?:very|so) much)?|thank you|thx|cheers|great|ok(?:ay)?|(?:good)?bye|see you)"
THANKS = re.compile(rf"\s*{_COURTESY}(?:[,.!\s]+{_COURTESY})*[.!\s]*", re.I)  # "thanks, bye" too
MINE = re.compile(r"\s*(?:and|what about|how about)\s+(?:mine|my stone|my one|this one|the one in hand)\s*\??\s*", re.I)
OFF_TOPIC = re.compile(
    r"\b(?:write|compose)\b.{0,30}\b(?:poem|story|song|essay|haiku|limerick)s?\b|"
    r"\b(?:tell|know) (?:me )?(?:a|any) jokes?\b|\bweather\b|\bcapital of\b",
    re.I,
)
# "so?", "hmm", "yes", "👍": a reply with nothing to act on, answered in short rather than with the whole answer again
SHORT_REPLY = re.compile(
    r"\s*(?:(?:hmm+|mm+|so|and|well|yes|yeah|yep|no|nope|really|i see|interesting|cool|wow|huh|oh|ah)\s*[?!.…]*\s*|"
    r"[^\w]*)",
    re.I,
)
# a question about an earlier stone of a parcel: "the first one", "stone 2", "which of the two was the ruby?"
EARLIER_STONE = re.compile(
    r"\b(?:first|previous|earlier|other) (?:one|stone|photo|gem)\b|\bstone (?:[1-9]|[a-c])\b|"
    r"\bwhich of (?:the|these|those) (?:two|three|four|stones)\b|\bgo back\b",
    re.I,
)
# "what did I tell you?", "what have I measured?", "what are my readings?": what the conversation holds of the stone
TOLD_QUESTION = re.compile(
    r"\bwhat (?:did|have) i (?:tell|told|say|said|give|given|measure|measured|read|typed?)\b|"
    r"\bwhat(?:'s| is| are| were)\s+my\s+(?:readings?|measurements?|numbers|values|hints)\b|"
    r"\bwhat do you (?:know|have) (?:about|of|on) my stone\b|\bremind me what i\b|"
    r"\bwhat (?:readings?|hints|evidence|information|info) (?:are|do|did) you (?:use|using|have|hold|know)\b|"
    r"\bwhat do you have (?:now|so far)\b",
    re.I,
)
RESET_WORDS = re.compile(
    r"\b(?:start over|(?:a |the )?(?:new|next|another|second|third|other) stone|reset|forget (?:it|that|everything))\b|"
    r"^\s*(?:(?:ok(?:ay)?|right|and)[,.!\s]+)?(?:next|another)(?:\s+(?:one|gem))?\s*(?:[:.,!-]|$)",
    re.I,  # the last: "ok, next.", "next: RI 1.66"; not "next test?"
)
HELP = (
    'Send me a photo of the stone and ask "what gem is this?". You can also tell me what you know: '
    '"hardness about 7", "it scratches glass", "found in Sri Lanka", or instrument readings such as '
    '"RI 1.762-1.770, SG 4.00", "singly refractive", "strong pleochroism", "red under UV", and its colour ("a blue '
    'stone").'
)

READINGS_HELP = (
    "From a photo alone this cannot be settled (glass and lab-grown stones look the same as well). Readings "
    'would help: tell me a refractive index ("RI 1.54"), a specific gravity ("SG 2.65") or a hardness '
    '("hardness about 7").'
)
RETAKE_HELP = "Send a close, sharp photo of the stone on a plain background, or tell me readings you have"
PhotoInput = str | Path | bytes | Image.Image


@dataclass
class Answer:
    """What the assistant says in one turn; the UI decides how to show it."""

    message: str
    candidates: list[tuple[str, float]] = field(default_factory=list)  # best first
    members: list[tuple[str, ...]] = field(default_factory=list)  # the gems behind each candidate, most probable first
    unsure: bool = False
    unsure_below: float = DEFAULT_UNSURE_BELOW
    description: str = ""
    properties: list[tuple[str, ...]] = field(default_factory=list)  # first row is the header
    tell_apart: str = ""
    heatmap: np.ndarray | None = None  # (H, W) in [0, 1]
    overlay: Image.Image | None = None  # the photo with the heat map blended over it
    hints_used: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # what the readings rule out, and why
    next_test: str = ""  # the one test that would best split the leading gems
    caution: str = ""  # possibly glass, a simulant or lab-grown, and the test that would confirm it
    used_photo: bool = False
    reply: str = ""  # the whole answer when there is nothing to rank (help, unreadable upload)
    notes: list[str] = field(default_factory=list)
    out_of_scope: ScopeVerdict | None = None  # the photo's scope check; None when no photo was used

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
            "members": [list(gems) for gems in self.members],
            "description": self.description,
            "properties": [list(row) for row in self.properties],
            "tell_apart": self.tell_apart,
            "hints_used": self.hints_used,
            "reasons": self.reasons,
            "next_test": self.next_test,
            "caution": self.caution,
            "used_photo": self.used_photo,
            "has_heatmap": self.heatmap is not None,
            "reply": self.reply,
            "notes": self.notes,
            "out_of_scope": self.out_of_scope.to_dict() if self.out_of_scope is not None else None,
        }

    def summary_markdown(self) -> str:
        """The chat reply: the headline (or "I'm not sure"), what was used, how to tell the top two apart."""
        parts: list[str] = []
        if self.reply:
            parts.append(self.reply)
        if self.out_of_scope is not None and self.out_of_scope.flagged:
            pass  # the reply says it plainly; no gem is named as an answer
        elif self.candidates:
            name, p = self.candidates[0]
            if self.unsure:
                others = ", ".join(f"{n} ({percent(q)})" for n, q in self.candidates[1:3])
                if p >= self.unsure_below:  # a likely gem the evidence argues over: not "best guess (>99%)"
                    headline = f"**I'm not sure**, though the evidence puts **{name}** at {percent(p)}"
                    headline += f"; then {others}." if others else "."
                else:
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
        why = "; ".join(self.reasons[:4]) + "." if self.reasons else ""
        for label, text in (("Why", why), ("Caution", self.caution), ("Next test", self.next_test),
                            ("How to tell them apart", self.tell_apart)):  # fmt: skip
            if text:
                parts.append(f"**{label}:** {text}")
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


def describe(top_k: list[tuple[str, float]]) -> tuple[str, str | None]:
    """(description, note): the language module's text, or the knowledge base's entry if that fails."""
    try:
        return describe_prediction(top_k).text, None
    except Exception as e:  # noqa: BLE001 - e.g. a class the knowledge base does not know
        note = f"the description module failed ({e}); showing the reference entry."
    facts = _facts(top_k[0][0])
    return (reference_description(facts) if facts else ""), note


def distinct_lines(evidence: EvidenceModel, lines: list) -> list:
    """The first table line of each twin group: a line of other colours of the same species is left out."""
    groups, out = evidence.twin_group_ids, []
    for line in lines:
        if all(groups[evidence.index[line.lead]] != groups[evidence.index[e.lead]] for e in out):
            out.append(line)
    return out


def twins_note(line, hints: Hints) -> str:
    """What a table line of several gems means for the person: which varieties, and what would split them."""
    from gemlang.knowledge.colours import gem_colours

    varieties = [g for g in line.gems if g != line.group]
    gems = ", ".join(varieties[:8]) + (f" and {len(varieties) - 8} more" if len(varieties) > 8 else "")
    covers = line.name if " or " in line.group else f"{line.group} covers {gems}"  # a group without a name of its own
    note = f"{covers}: they share every constant these readings measure, so "
    if hints.colours:
        return note + f"the colour you gave ({' and '.join(hints.colours)}) puts {line.lead} first."
    shown = [next(iter(gem_colours(f)), "") for f in (_facts(g) for g in varieties) if f is not None]
    examples = " or ".join(f'"{c}"' for c in list(dict.fromkeys(c for c in shown if c))[:2])
    return note + f"only the colour (tell me, e.g. {examples}) or a photo tells them apart."


def group_description(line, hints: Hints) -> str:
    """The description of a table line of several gems: the varieties it covers with their colours, then the
    reference entry of the species (of the leading variety when a stated colour put one first)."""
    from gemlang.knowledge.colours import gem_colours

    facts = [f for f in (_facts(n) for n in line.gems) if f is not None]
    varieties = "; ".join(
        f"{f.name} ({', '.join(list(gem_colours(f))[:3]) or 'colour not listed'})" for f in facts[:8]
    ) + (f"; and {len(facts) - 8} more" if len(facts) > 8 else "")
    text = (
        f"**{line.group}**, {percent(line.probability)} together — {varieties}. They share the refractive index, "
        "specific gravity and optic character, so the readings cannot choose among them: the colour (or a photo) "
        "does, and only magnification or a laboratory tells a lab-grown one from the natural."
    )
    entry = _facts(line.lead if hints.colours else (line.group if line.group in line.gems else line.lead))
    return text + ("\n\n" + reference_description(entry) if entry else "")


def _facts(name: str):
    from gemlang.knowledge import UnknownGemError

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


def tell_apart(first: str, second: str, evidence: EvidenceModel | None = None, hints: Hints | None = None) -> str:
    """How a gemmologist would tell two gems apart (non-destructive tests first); '' when one is unknown. With
    the evidence model and the readings, each gem made in kinds is the kind the readings find (`as_read`), and
    the readings that already tell the two apart come first."""
    from gemlang.knowledge.tell_apart import tell_apart as advice

    a, b = _facts(first), _facts(second)
    if a is None or b is None:
        return ""
    if evidence is None or hints is None:
        return advice(a, b)
    a, b = evidence.as_read(a, hints), evidence.as_read(b, hints)
    already = evidence.already_told(a.name, b.name, hints)
    return f"{already} {advice(a, b)}" if already else advice(a, b)


class Conversation:
    """The state of one chat: the current stone's photo(s), their probabilities, and the hints so far."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.images: list[Image.Image] = []
        self.image_probs: np.ndarray | None = None
        self.scope: ScopeVerdict | None = None  # the current photos' scope check
        self.hints = Hints()
        self.answers: list[Answer] = []
        self._heatmaps: dict[str, tuple] = {}
        self._target: str | None = None  # the gem the latest answer about a photo named first
        self._pending_notes = list(assistant.notes)
        self.stones: list[str] = []  # what was answered for each earlier stone of a parcel ("Aquamarine (97%)")
        self._stone_began = 0  # the index in `answers` where the current stone's answers begin
        self.topic: GemFacts | None = None  # the gem asked about with no stone in hand: "and its SG?" is of it
        self._care_said: tuple[str, str] | None = None  # (gem, why) of the latest care answer, for "why not?"
        self._quantity_asked: str | None = None  # "how hard is" of "how hard is ruby?", for "and emerald?"

    def reset(self) -> None:
        self._next_stone()
        self.images, self.image_probs, self.hints, self._heatmaps = [], None, Hints(), {}
        self.scope = None
        self._target = None
        self.topic = None

    def _stone_answered(self) -> str | None:
        """What was last answered for the stone in hand ("Aquamarine (97%)"), or None."""
        answered = [x for x in self.answers[self._stone_began :] if x.gem]
        if not answered:
            return None
        last = answered[-1]
        return f"{last.gem} ({percent(last.probability)}{', not sure' if last.unsure else ''})"

    def _next_stone(self) -> None:
        """Keep what was answered for the stone just left (a new photo or "next stone"), for "the first one?"."""
        if (answered := self._stone_answered()) is not None:  # with its readings: "what was the first one's RI?"
            said = self.hints.describe()
            self.stones.append(answered + (f", from {'; '.join(said)}" if said else ""))
        self._stone_began = len(self.answers)

    def _earlier_stones(self) -> str:
        """The answers given for the stones of this chat, oldest first, and how to go back to one."""
        now = self._stone_answered() or "not answered yet"
        listed = "; ".join(f"stone {i}: {s}" for i, s in enumerate(self.stones, 1))
        return (
            f"So far: {listed}; stone {len(self.stones) + 1}, the one in hand: {now}. I answer about the stone in "
            "hand: to look at an earlier one again, send its photo (and its readings) again."
        )

    def ask(
        self, text: str = "", photos: Sequence[PhotoInput] | PhotoInput | None = None, explain: bool = True
    ) -> Answer:
        """Answer one message; `photos` are file paths, bytes or PIL images of one stone.

        `explain=False` leaves the heat map out of the answer; `explain()` then gives it. A supposition ("if the
        RI were 1.72, would it be spinel?") is answered with its readings, which are then dropped: they are no
        reading of the stone, and the answer is not the stone's.
        """
        supposed = supposition((text or "")[:MAX_MESSAGE_CHARS]) if not photos else None  # a pasted book: its cap
        if not supposed:
            return self._ask(text, photos, explain)
        hints, answers = self.hints, len(self.answers)
        answer = self._ask(text, photos, explain)
        self.hints, self.answers[answers:] = hints, []
        said = ", ".join(supposed.describe())
        # a supposed reading is re-taken by nobody: why it argues against the answer stays, the re-check goes
        answer.notes = [n.rsplit(". ", 1)[0] + "." if n.startswith(UNSURE_BECAUSE) else n for n in answer.notes]
        supposing = f"Supposing {said} (not kept as a reading of your stone)"
        answer.reply = f"{supposing}: {answer.reply}" if answer.reply else f"{supposing}."
        return answer

    def _of_mine(self, text: str, asked_before: str | None) -> str:
        """ "and mine?" after "what's the hardness of spinel?" asks the same of the stone in hand: said so."""
        if asked_before and self._stone_answered() and MINE.fullmatch(text):
            return f"{asked_before} it?"
        return text

    def _corrected(self, text: str) -> str:
        """A bare number correcting a reading already given ("RI 1.72", then "no wait, 1.76") said as that reading
        ("no wait, RI 1.76"), which then replaces it: the reading it is closest to, within a quarter of its value
        ("SG 4.00", then "I meant 1.72" stays a number without a unit); the message as it is otherwise."""
        fixing = SELF_CORRECTION.search(text)
        number = re.search(r"\d+(?:\.\d+)?", text[fixing.end() :]) if fixing else None
        if number is None:
            return text
        said = parse_readings(text)
        if said.ri or said.sg or said.birefringence:
            return text
        held = self.hints.readings
        value = float(number.group(0))
        gaps = {
            label: abs(value - reading.low) / reading.low
            for label, reading in (("RI", held.ri), ("SG", held.sg), ("DR", held.birefringence))
            if reading is not None and reading.low > 0 and reading.said != DERIVED
        }
        kind = min(gaps, key=gaps.get) if gaps else None
        if kind is None or gaps[kind] > 0.25:
            return text
        return f"{text[: fixing.end()]} {kind} {text[fixing.end() :].lstrip(' ,:;')}"

    def _ask(self, text: str, photos: Sequence[PhotoInput] | PhotoInput | None, explain: bool) -> Answer:
        a = self.assistant
        if photos is None:
            photos = []
        elif isinstance(photos, str | Path | bytes | bytearray | Image.Image | np.ndarray) or hasattr(photos, "read"):
            photos = [photos]  # one photo, not a list of them
        text = text or ""
        answer = Answer(message=text, unsure_below=a.unsure_below)
        if len(text) > MAX_MESSAGE_CHARS:  # a pasted book would hold up every other user of the app
            text = text[:MAX_MESSAGE_CHARS]
            answer.notes.append(f"your message is long: I read its first {MAX_MESSAGE_CHARS:,} characters.")
        asked_before, self._quantity_asked = self._quantity_asked, None  # set again if this asks a quantity
        text = answer.message = self._of_mine(self._corrected(text), asked_before)
        if THANKS.fullmatch(text) and not photos:  # a courtesy, not a question: no analysis again
            thanked = re.search(r"\bthank|\bthx\b|\bcheers\b", text, re.I)
            answer.reply = "Send another photo or a reading whenever you like."
            answer.reply = f"You're welcome. {answer.reply}" if thanked else answer.reply
            return self._done(answer)
        if OFF_TOPIC.search(text) and not photos and not parse_hints(text):  # "write me a poem about diamonds"
            answer.reply = f"I only know about gems and minerals, so I cannot help with that. {HELP}"
            return self._done(answer)
        if SHORT_REPLY.fullmatch(text) and not photos and (answered := self._stone_answered()):  # "so?", "hmm"
            answer.reply = (
                f"In short: {answered}. Ask me how sure I am, what else it could be or which test would settle it, "
                "or send a reading or the next stone."
            )
            return self._done(answer)
        if not photos and (told := disclosure_answer(text, self._answered_gem())):  # "can I sell them as ruby?"
            answer.reply = told
            answer.notes.append(f"sources: {'; '.join(DISCLOSURE_SOURCES)}")
            return self._done(answer)
        # "which gems are singly refractive?", "which gems fluoresce red?"
        if not photos and (listed := optic_list_answer(text) or fluorescence_list_answer(text)):
            answer.reply = listed
            return self._done(answer)
        # "the hardest gem?"; not "RI 1.76, which is the hardest gem it could be?", a reading of the stone in hand
        if not photos and (ranked := superlative_answer(text)) and not parse_hints(text):
            answer.reply = ranked
            return self._done(answer)
        if not photos and (kinds := kind_answer(text)):  # "is amethyst a quartz?", "is spinel the same as ruby?"
            answer.reply = kinds
            return self._done(answer)
        answered = self._answered_gem()
        if not photos and answered and (months := birthstone_of_stone(text, [answered.name, answered.species])):
            answer.reply = months  # "is it my birthstone?" of the stone answered
            answer.notes.append(f"sources: {'; '.join(birthstone_sources())}")
            return self._done(answer)
        if not photos and (months := birthstone_answer(text)):  # "the birthstone for July?"
            answer.reply = months
            if len(named := gems_named_in(months)) == 1 and self.image_probs is None and not self.hints:
                self.topic = named[0]  # "how hard is it?" after "the birthstone for May is emerald"
            asked = [v for k, v in PROPERTY_FIELDS.items() if k in CONSTANTS_ASKED and re.search(k, text, re.I)]
            if len(named) == 1 and asked:  # "what's my birthstone and how hard is it?": both answered
                values = ", ".join(f"{label} {property_value(named[0], f)}" for label, f in asked)
                answer.reply += f" **{named[0].name}**: {values}."
            answer.notes.append(f"sources: {'; '.join(birthstone_sources())}")
            return self._done(answer)
        stones_value = THE_STONES_VALUE.search(text) and self._answered_gem() is not None  # "what's the RI?"
        if not photos and not stones_value and (terms := terms_asked(text)):  # "what is pleochroism?"
            answer.reply = "\n\n".join(f"**{t.term[:1].upper() + t.term[1:]}**: {t.text}" for t in terms)
            answer.notes += [f"source ({t.term}): {t.source}" for t in terms]
            return self._done(answer)
        last_cared = self.answers and self._care_said and self.answers[-1].reply.startswith("**Caring for")
        if not photos and last_cared and WHY_ONLY.fullmatch(text):  # "why not?" after "ultrasonic: never"
            gem, why = self._care_said
            answer.reply = f"**{gem}**: {why}"
            return self._done(answer)
        if not photos and care_question(text):
            if care := self._care(text):  # "can I steam-clean emerald?"
                answer.reply, sources = care
                answer.notes.append(sources)
                return self._done(answer)
            way = re.search(r"\b(ultrasonic|steam)", text, re.I)
            if way and re.search(r"\b(?:which|what) (?:gems|stones)\b", text, re.I):  # "which never go in …?"
                way = way.group(1).lower()
                cleaner = "an ultrasonic cleaner" if way == "ultrasonic" else "a steam cleaner"
                answer.reply = f"Never in {cleaner}: {', '.join(never_cleaned_with(way))}. Ask about one for its care."
                return self._done(answer)
            if (gem := _named_gem(text, fuzzy=False)) is not None:
                answer.notes.append(f"I have no checked care facts for {gem.name} yet.")
        if not photos and (other := self._other_gem_asked(text)) is not None:  # "tell me about tanzanite" of a ruby
            colours = follow_up_colours(other) if COLOUR_QUESTION.search(text) else ""
            answer.reply = colours.replace(other.name, f"**{other.name}**", 1) if colours else f"**{other.name}**"
            answer.description = "" if colours else reference_description(other)
            answer.properties = property_rows([other.name])
            answer.notes.append(f"about {other.name} in general; the stone in hand is still {self._stone_answered()}.")
            return self._done(answer)
        if self.stones and not photos and EARLIER_STONE.search(text):  # "go back to the first one": a parcel
            answer.reply = self._earlier_stones()
            return self._done(answer)
        if not photos and TOLD_QUESTION.search(text) and not parse_hints(text):
            answer.reply = self._told()
            return self._done(answer)
        reset = bool(RESET_WORDS.search(text)) and not photos
        if reset:
            self.reset()
            if not parse_hints(RESET_WORDS.sub(" ", text)):  # "new stone: RI 1.69, SG 3.35" goes on with those
                answer.reply = "Starting over: send a photo of the next stone."
                return self._done(answer)
            answer.notes.append("a new stone: earlier photo and hints were cleared.")

        images, problems = a.read_photos(photos)
        keep = " I am still looking at your earlier photo." if self.images else ""
        if photos and not images and not parse_hints(text):
            answer.reply = " ".join(problems) + " Please upload a photo of the stone." + keep
            return self._done(answer)
        if photos and not images:  # the photo failed, but what the message says still counts
            answer.notes.append(" ".join(problems) + " I went on with what you wrote." + keep)
        else:
            answer.notes += [f"skipped {p}" for p in problems]
        new = parse_hints(text)
        if images:
            # readings taken first, then the photo: the stone in hand, unless another photo showed a stone before
            joins = bool(self.hints) and self.image_probs is None and not RESET_WORDS.search(text)
            if self.image_probs is not None and SAME_STONE.search(text):  # "another angle of the same stone"
                images = (self.images + images)[-SAME_STONE_PHOTOS:]
                answer.notes.append(f"another photo of the same stone: I looked at all {len(images)} together.")
            elif joins:
                answer.notes.append(
                    f"I took this photo as the stone of your readings ({', '.join(self.hints.describe())}); say "
                    "“new stone” if it is another."
                )
            else:
                if self.hints:
                    answer.notes.append("new photo, new stone: earlier hints were cleared.")
                self._next_stone()
                self.hints = Hints()
            self.images, self._heatmaps = images, {}
            self.image_probs, self.scope = a.look(images)
        before, self.hints = self.hints, self.hints.updated(new)
        answer.notes += list(new.notes)
        withdrawn = () if reset else withdrawn_hints(text)  # "forget everything, new stone: RI …" kept the new
        if withdrawn:  # "ignore the RI, I misread it": the rest of what was said still counts
            held = [w for w in withdrawn if w != "photo" and self.hints.holds(w)]
            unheld = [w for w in withdrawn if w != "photo" and w not in held]
            if "photo" in withdrawn and self.image_probs is not None and not images:  # "use only my readings"
                self.images, self.image_probs, self.scope, self._heatmaps = [], None, None, {}
                held.append("your photo")
            self.hints = self.hints.without(withdrawn)
            new = new.without(withdrawn)
            if held:
                answer.notes.append(f"left out as you asked: {', '.join(held)}.")
            if unheld:  # "forget the hardness" when none was given
                unheld = ["readings" if w == "everything" else w for w in unheld]
                answer.notes.append(f"you had given me no {' or '.join(unheld)}, so there was nothing to leave out.")

        compared = gems_compared(text) if not (images or new) else []
        if compared:  # a question about two gems, not about the stone in hand: how a gemmologist separates them
            first, second = compared[0].name, compared[1].name
            answer.reply = f"**{first} or {second}?**"
            # a constant the comparison names; not the cause of colour ("ruby vs spinel in colour")
            asked = [v for k, v in PROPERTY_FIELDS.items() if v[1] != "colour_cause" and re.search(k, text, re.I)]
            if asked:  # "dispersion of diamond vs moissanite": the values asked for first
                values = [
                    f"{g.name} {label} {property_value(g, f)}" for label, f in asked[:2] for g in compared[:2]
                    if getattr(g, f)
                ]  # fmt: skip
                answer.reply += " " + "; ".join(values) + "."
            answer.notes += [trade.note] if (trade := _trade_name(text)) is not None else []
            answer.reply += _by_the_test_named(text, compared[0], compared[1], listed=bool(asked))
            answer.tell_apart = tell_apart(first, second)
            answer.properties = property_rows([first, second])
            return self._done(answer)
        asked_gem = None if (new.hardness and "scratch" in text.lower()) else _named_gem(text, fuzzy=not new)
        quantity = PROPERTY_QUESTION.search(text)
        # "why does a garnet stay dark in the polariscope?"; not "can I scratch test it?" or a reading misread
        asking = GENERAL_QUESTION.search(text.strip()) or ASKED_NOT_SEEN.search(text.strip())
        if quantity is None and asked_gem is not None and not (new or new.notes) and asking:
            quantity = None if ASKS_TO_TEST.search(text) else INSTRUMENT_WORDS.search(text)
        # "what is the hardness of ruby?", "is quartz uniaxial?": a question about a gem, its words no reading
        words_only = not (
            new.hardness or new.countries or any(getattr(new.readings, k) for k in ("ri", "sg", "birefringence"))
        )
        # no stone in hand: no photo, nothing said of one before, and no reading now ("is it singly refractive?"
        # of the gem discussed is a question, not a polariscope reading)
        no_stone = not (images or before or self.image_probs is not None) and (words_only if quantity else not new)
        of_topic = asked_gem is None and no_stone and self.topic is not None and bool(FOLLOW_UP.search(text))
        if of_topic:
            asked_gem = self.topic  # "what is the RI of spinel?" then "and its SG?"
        if asked_gem is not None and no_stone:
            self.topic = asked_gem
        if quantity is None and asked_gem is not None and no_stone and asked_before and AND_ABOUT.match(text):
            quantity = PROPERTY_QUESTION.search(asked_before)  # "how hard is ruby?", then "and emerald?"
        if quantity is None and asked_gem is None:
            quantity = THE_STONES_VALUE.search(text)  # "what's the RI?" of the stone answered
        about_it = (
            quantity and asked_gem is None and re.search(r"\?|^\s*(?:how|what|does|do|would|will|can)\b", text, re.I)
        )
        about_it = about_it and (re.search(r"\b(?:it|its|it's|this)\b", text, re.I) or THE_STONES_VALUE.search(text))
        last = self._answered_gem()
        placed = True  # the stone in hand is a gem the answer believes in, not one the scope check withheld
        if about_it and not images and last is not None:
            asked_gem = last  # "is it pleochroic?": the gem answered
            # a photo the scope check withheld, with no readings to rank by: the gem is only the closest one
            placed = self.scope is None or not self.scope.flagged or self.image_probs is None or self.hints.measured
            answer.notes.append(
                f"about {asked_gem.name}, my answer for your stone."
                if placed
                else f"about {asked_gem.name}, the closest gem I know, though I could not place your stone."
            )
        if quantity and asked_gem is not None and not images and words_only:
            self.hints = before  # "is quartz uniaxial?" says nothing of the stone in hand
            answer.notes = [n for n in answer.notes if n not in new.notes]  # "and its SG?" is no SG reading
            # "the hardness and RI of zircon?": each quantity asked about
            asked = [v for k, v in PROPERTY_FIELDS.items() if re.search(k, quantity.group(0), re.I)]
            self._quantity_asked = quantity.group(0)
            gems = [g for g in gems_named_in(text) if g.name in a.evidence.index][:3]
            than = re.search(r"\b(?:it|this)\b.*\b(?:harder|softer|heavier|lighter|denser)\b", text, re.I)
            if than and last is not None and len(gems) == 1 and gems[0] != last:
                gems = [last, gems[0]]  # "is it harder than topaz?" of the stone answered
            gems = gems if len(gems) > 1 else [asked_gem]  # "is peridot harder than garnet?": each of them
            spoken_of = last or self.topic  # "can it scratch quartz?": the stone answered, or the gem discussed
            subject = spoken_of if spoken_of is not None and re.search(r"\b(?:it|this)\b", text, re.I) else asked_gem
            if (scratched := _scratched_by(text, subject)) and len(gems) == 1:
                answer.reply = scratched  # "would a knife scratch it?"
                if not placed:  # no scratch advice for a stone it could not place
                    answer.reply = (
                        f"I could not place your stone, so I cannot say how hard it is ({subject.name}, the closest "
                        "gem I know, is not an answer). Do not scratch-test it: a scratch damages a cut stone. A "
                        'refractive index ("RI 1.54") or a specific gravity ("SG 2.65") would tell me what it is.'
                    )
                return self._done(answer)
            # "does it glow?" of a moonstone: its floating sheen, not a UV lamp's glow
            if len(gems) == 1 and GLOW_NOT_UV.search(text) and _shows(gems[0], [r"adularescen"]):
                answer.reply = what_it_shows(text, gems[0])
                answer.properties = property_rows([gems[0].name])
                return self._done(answer)

            values = [
                f"**{g.name}**: " + ", ".join(f"{label} {property_value(g, f)}" for label, f in asked) for g in gems
            ]
            answer.reply = "; ".join(values) + "."
            if about_it and (yours := self._readings_of([f for _, f in asked])):  # "what's the SG?" after "SG 4.0"
                answer.reply += f" Your reading: {yours}."
            if len(gems) == 2 and (order := _ordered(gems, quantity.group(0))):
                answer.reply = f"{order} {answer.reply}"
            answer.properties = property_rows([g.name for g in gems])
            return self._done(answer)  # a question about a gem, not about the stone in hand
        # With no stone in hand, a question of a place is no locality of a stone: "What is Kashmir sapphire?" or
        # "is tanzanite found in Brazil?" is answered from the gem's localities, not by ranking every gem found
        # there, and "What is Mogok famous for?" lists the gems known from it
        places = parse_hints(text, questions=True)
        place_only = places.countries and not (new.hardness or new.readings or new.colours or before or images)
        if place_only and asked_gem is not None and GENERAL_QUESTION.search(text):
            self.hints = before
            answer.description = reference_description(asked_gem)
            answer.properties = property_rows([asked_gem.name])
            answer.reply = f"**{asked_gem.name}**: {_where_from(asked_gem, places, a.evidence)}"
            return self._done(answer)
        if place_only and asked_gem is None and PLACE_QUESTION.search(text):
            self.hints = before
            answer.reply = _gems_from(places, a.evidence)
            return self._done(answer)
        if asked_gem is not None and (trade := _trade_name(text)) is not None:
            answer.notes.append(trade.note)
        if self.image_probs is None and not self.hints:
            # "is it real?" of the gem just discussed asks the same
            asks_if = asked_gem is not None and (
                _asks_if_it_is(text, asked_gem) or (of_topic and NATURAL_QUESTION.search(text))
            )
            either = [g.name for g in gems_named_in(text)][:2]
            if asks_if and not home_tests_in(text) and len(either) == 2:  # "is it a real diamond or CZ?"
                answer.reply = (
                    f"**{either[0]} or {either[1]}?** Nothing you have told me shows which it is: send a photo of "
                    "the stone, or what your instruments read."
                )
                answer.tell_apart, answer.properties = tell_apart(*either), property_rows(either)
                return self._done(answer)
            if asked_gem is not None and HOW_TO_KNOW.search(text) and (how := how_to_tell_natural(asked_gem)):
                answer.reply = how  # "how do I know if my ruby is synthetic?"
                answer.properties = property_rows([asked_gem.name])
                return self._done(answer)
            if asks_if and not home_tests_in(text):
                answer.reply = (  # "is it a sapphire??", "so it's a real diamond?" with nothing to go on
                    f"**{asked_gem.name}?** Nothing you have told me shows whether it is: send a photo of the stone, "
                    f"or what your instruments read ({asked_gem.name}: RI {asked_gem.format('refractive_index')}, SG "
                    f"{asked_gem.format('specific_gravity')})."
                )
                answer.properties = property_rows([asked_gem.name])
                return self._done(answer)
            if asked_gem is not None:
                answer.description = reference_description(asked_gem)
                answer.properties = property_rows([asked_gem.name])
                # "how much is a ruby worth?", "is it heated?"; not "I heated it with a lighter" (a home test)
                # signs of a treatment seen ("sapphire with discoid fractures, heated?") are of the stone in hand
                aside = "" if home_tests_in(text) else side_answer(text, asked_gem, new.signs, general=not new.signs)
                answer.notes = [n for n in answer.notes if n not in new.signs or n not in aside]  # said once
                if not aside and (seen := what_it_shows(text, asked_gem)):  # "what causes asterism in sapphire?"
                    answer.reply = seen
                    return self._done(answer)
                answer.reply = f"**{asked_gem.name}**" + (f": {aside}" if aside else "")
            elif self.hints.colours:  # kept: it refines the first reading or photo that comes
                answer.reply = (
                    f"A colour alone ({' and '.join(self.hints.colours)}) fits too many gems to rank them. Send a "
                    'photo of the stone, or add a reading: "RI 1.54", "SG 2.65", "hardness about 7".'
                )
            elif unknown := _unknown_name(text):  # "tell me about painite": a name the knowledge base lacks
                answer.reply = f"I have no facts on {unknown} in my knowledge base, so I cannot tell you about it. "
                answer.reply += HELP
            else:
                answer.reply = HELP
            return self._done(answer)

        # "emerald, RI 1.58, SG 2.72": a stone called by a gem of one colour is that colour, unless told otherwise
        if self.image_probs is None and asked_gem is not None and new and not self.hints.colours:
            if len(gems_named_in(text)) == 1 and (colour := _colour_of(asked_gem)):
                self.hints = replace(self.hints, colours=(colour,))
                answer.notes.append(f"you called it {asked_gem.name.lower()}, so I took its colour as {colour}.")
        photo = self.image_probs
        if self.scope is not None and self.scope.flagged and self.hints.measured:
            photo = None  # a flagged photo: the readings, not its likeness to known gems, rank the gems
        fused = a.rank(photo, self.hints)
        if fused is None:
            answer.reply = HELP
            return self._done(answer)
        answer.used_photo = self.image_probs is not None
        answer.hints_used = self.hints.describe()
        ranking = fused.ranking
        answer.reasons, answer.next_test = fused.reasons, fused.next_test or ""
        lines = None if answer.used_photo else table_entries(a.evidence, fused, self.hints)
        if lines is None:
            answer.candidates = ranking[: a.top_k]
            answer.members = [(name,) for name, _ in answer.candidates]
        else:  # a determinative table: one line per gem, or group of twins, the readings can tell apart
            answer.candidates = [(e.name, e.probability) for e in lines[: a.top_k]]
            answer.members = [e.gems for e in lines[: a.top_k]]
            # the test that splits the leading lines of different species (a stated colour already split the rest)
            species = distinct_lines(a.evidence, lines)
            leaders = [a.evidence.index[e.lead] for e in species[:6] if e.probability >= 0.1 * lines[0].probability]
            answer.next_test = a.evidence.next_test(fused.probabilities, self.hints, leaders=leaders) or ""
        conflict = fused.conflict
        leading = _leading_share(answer.candidates, a.evidence)
        settled = (
            settled_by_readings(photo, answer.candidates[0][0], a) if conflict and leading >= a.unsure_below else ""
        )
        if settled:  # the photo's gem and the readings' are a pair photos confuse: the readings settle it
            conflict = None
            answer.notes.append(settled)
        answer.unsure = leading < a.unsure_below or bool(conflict or fused.clash)
        answer.notes += [f"{UNSURE_BECAUSE} {why}" for why in (conflict, fused.clash) if why]
        if not answer.used_photo:
            answer.notes.append(
                "no photo yet, so this ranking rests on your readings alone, like a determinative table; "
                "a photo helps with gems that share their constants."
            )
        if lines and len(lines[0].gems) > 1:
            answer.notes.append(twins_note(lines[0], self.hints))
        # "is it real?", and "is it a diamond or cubic zirconia?": a question naming an imitation asks it too
        imitations = [g.name for g in gems_named_in(text) if g.origin != "natural"]
        imitations += [m for q, m in MATERIAL_QUESTIONS.items() if q.search(text) and m not in imitations]  # plastic
        asked_real = bool(imitations or AUTHENTICITY_WORDS.search(text))
        shown = a.evidence.classes[int(np.argmax(photo))] if photo is not None else None
        answer.caution = caution(ranking, self.hints, a.evidence, asked=asked_real, named=imitations, shown=shown)
        for question, material in MATERIAL_QUESTIONS.items():  # glass and plastic are no gem names in free text
            if asked_gem is None and question.search(text) and material in a.evidence.index:
                asked_gem = a.evidence.facts[a.evidence.index[material]]
        composites = [i for i, g in enumerate(a.evidence.facts) if g.origin == "composite"]
        if asked_gem is None and (doublet := DOUBLET_QUESTION.search(text)) and composites:  # the likeliest one
            named = [i for i in composites if doublet.group(1).lower() in a.evidence.names[i].lower()] or composites
            asked_gem = a.evidence.facts[max(named, key=lambda i: fused.probabilities[i])]
        # "is it ruby or spinel?": each gem asked about with its probability and rank
        asked = []
        if asked_gem is not None:
            named = gems_named_in(text)
            asked = named[:2] if asked_gem.name in {g.name for g in named} else [asked_gem]
            asked = [g for g in asked if g.name in a.evidence.index]
        no_gem_photo = self.scope is not None and self.scope.kind == NOT_A_GEM_PHOTO and not self.hints.measured
        if asked and not no_gem_photo:  # a picture of no gem gives no odds for one

            def standing(name: str) -> str:
                facts, index = a.evidence.facts, a.evidence.index
                lead = facts[index[ranking[0][0]]]
                if lead.name != name and kind_of(lead, facts[index[name]]):  # "is it a sapphire?" of a blue one
                    kinds = [i for i, g in enumerate(facts) if g.name == name or kind_of(g, facts[index[name]])]
                    return f"{lead.name} is one kind of {name}: {percent(fused.probabilities[kinds].sum())} together"
                if " or " in lead.species and re.search(rf"\b{re.escape(name.lower())}\b", lead.species.lower()):
                    lead_p = percent(fused.probabilities[index[lead.name]])  # jade: jadeite or nephrite
                    kinds = [k.strip().title() for k in species_word(lead).split(" or ")]
                    told = len(kinds) == 2 and a.evidence.already_told(*kinds, self.hints)  # the RI and SG given
                    which = f"{told[0].lower()}{told[1:].rstrip('.')}" if told else "the RI and SG tell which"
                    return f"{lead.name} ({lead_p}) is {species_word(lead)}; {which}"
                line = next((e for e in lines or () if name in e.gems and len(e.gems) > 1), None)
                if line is not None:  # "is it a diamond?" of a line of diamonds no reading tells apart
                    others = [g for g in line.gems if g != name]
                    others = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
                    place = lines.index(line) + 1
                    place = "the first line" if place == 1 else f"line {place}"
                    return (
                        f"{name}: {percent(fused.probabilities[index[name]])} on its own, and "
                        f"{percent(line.probability)} together with {others}, which no reading given tells apart "
                        f"({place} of the table)"
                    )
                p = fused.probabilities[index[name]]
                rank = next(i for i, (n, _) in enumerate(ranking, 1) if n == name)  # as listed, ties included
                return f"{name}: {percent(p)} (rank {rank} of {len(fused.probabilities)})"

            answer.reply = "; ".join(dict.fromkeys(standing(g.name) for g in asked)) + "."
            if len(asked) == 2 and (lean := a.evidence.leans(asked[0].name, asked[1].name, self.hints)):
                answer.reply += f" {lean[0].upper()}{lean[1:]}"  # "citrine or scapolite?" with a yellow glow
        top_k = answer.candidates
        if lines is not None:  # the properties and how to tell apart compare the first line with the next species,
            species = distinct_lines(a.evidence, lines)  # unless that species is a long shot: then the next line
            others = species if len(species) > 1 and species[1].probability >= 0.1 * lines[0].probability else lines
            top_k = [(e.lead, e.probability) for e in others[: a.top_k]]
        prediction = Prediction(top_k[0][0], top_k[0][1], top_k)
        # "is tanzanite usually treated?" with an emerald in hand: the gem the question names
        about = asked_gem if asked_gem is not None and asked_gem.name in a.evidence.index else None
        other = about is not None and about.name != prediction.label and (images or self.image_probs is not None)
        about = about or a.evidence.facts[a.evidence.index[prediction.label]]
        told = None if other or not self.hints.places else (self.hints.places, self.hints.countries)
        aside = side_answer(text, about, () if other else self.hints.signs, general=other, told=told)
        if not aside and care_question(text) and (care := self._care(text, about)):  # a photo and "how do I clean it?"
            aside, sources = care
            answer.notes.append(sources)
        answer.notes = [n for n in answer.notes if n not in self.hints.signs or n not in aside]  # said once
        # a question about another gem is answered about that gem, without its odds for the stone in hand
        answer.reply = aside if other and aside else " ".join(part for part in (aside, answer.reply) if part)
        if fused.doubts and lines is None:  # a reading argues against the answer the rest of the evidence kept
            answer.unsure = True
            answer.notes.append(doubt_note(prediction.label, fused.doubts, self.hints))
        if lines and len(lines[0].gems) > 1:
            answer.description, note = group_description(lines[0], self.hints), None
        else:
            answer.description, note = describe(prediction.top_k)
        if note:
            answer.notes.append(note)
        # "could it be spinel?": the comparison is with the gem asked about, else with the runner-up;
        # "ruby or spinel?": between the two asked about
        # the runner-up, unless it is a long shot ("Pearl 99%, next: Galena <1%" needs no tell-apart)
        pair = [name for name, p in prediction.top_k[:2] if p >= 0.01 or name == prediction.top_k[0][0]]
        also = None  # "could it be spinel or garnet?" of a ruby: the ruby against each
        lead = a.evidence.facts[a.evidence.index[prediction.label]] if prediction.label in a.evidence.index else None
        kinds_asked = lead is not None and all(kind_of(g, lead) for g in asked)  # "jadeite or nephrite?" of jade
        if len(asked) == 2 and prediction.label not in {g.name for g in asked} and (self.image_probs is not None):
            pair, also = ([g.name for g in asked], None) if kinds_asked else ([pair[0], asked[0].name], asked[1].name)
        elif len(asked) == 2:
            pair = [g.name for g in asked]
        elif asked and asked[0].name != pair[0]:
            pair = [pair[0], asked[0].name]
        elif len(pair) == 2 and self.hints.colours and "the colour tells them apart" in tell_apart(*pair):
            pair = pair[:1]  # the colour the person gave already told these varieties apart
        answer.properties = property_rows(pair + [also] if also else pair)
        if len(pair) > 1:
            first, second = pair
            answer.tell_apart = tell_apart(first, second, a.evidence, self.hints)
            if also:
                answer.tell_apart += "\n\n" + tell_apart(first, also, a.evidence, self.hints)
            ruled = [r for r in answer.reasons if f"rules out {second} (" in r]
            if ruled:  # advice from the ranges would contradict the readings that already settle it
                answer.tell_apart = f"Your readings already tell them apart: {'; '.join(ruled)}."
            photo_only = answer.used_photo and a.classifier is not None and not self.hints.readings
            photo_only = photo_only and not (self.scope is not None and self.scope.flagged)  # no gem to confuse
            confused = a.classifier.photo_confusion(first, second) if photo_only else None
            if confused:
                answer.notes.append(
                    f"photos alone do not separate {first} from {second}: when this model was cross-validated, "
                    f"{confused['rate']:.0%} of their {confused['photos']} photos were taken for the other. "
                    + ("How to tell them apart is below." if answer.tell_apart else "")
                )
        if self.images:  # the heat map follows the first gem the classifier itself knows
            self._target = next((n for n, _ in ranking if n in a.classifier.classes), prediction.label)
        else:
            self._target = None
        # no gem named: none to discuss
        flagged = self.scope is not None and self.scope.flagged and not self.hints.measured
        if not (images or new or asked or flagged):  # a question about the same stone: its answer first, once
            focused = follow_up(text, answer, a.evidence, self.hints)
            # the stone was answered the same before: its description is not repeated under every answer
            said = answer.gem is not None and any(x.gem == answer.gem for x in self.answers[self._stone_began :])
            if focused:
                answer.reply = " ".join(part for part in (aside, focused) if part)
                answer.reasons, answer.tell_apart = [], ""
                answer.notes = [n.replace(" How to tell them apart is below.", "") for n in answer.notes]
            # "is it conflict free?": no fact answers it, and the same card again would look like an answer
            unanswered = not focused and said and not aside and bool(NO_FACTS_ON.search(text))
            if unanswered:
                answer.reply = UNANSWERED.format(name=answer.gem.partition(" (")[0])  # a line's group: "Corundum"
                answer.reasons, answer.tell_apart, answer.next_test = [], "", ""
            if said and (focused or aside or unanswered):
                answer.description = ""
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
        if not self.images or self._target is None or (self.scope is not None and self.scope.flagged):
            return None, None, None  # no map of a gem the answer does not name
        if self._target not in self._heatmaps:
            self._heatmaps[self._target] = self.assistant.explain(self.images[0], self._target)
        return self._heatmaps[self._target]

    def _care(self, text: str, answered: GemFacts | None = None) -> tuple[str, str] | None:
        """The care a question asks about, and its sources note: of a treated material or gem it names, else
        ("can I steam it?") of the gem answered for the stone in hand (`answered`, when the answer is being made)."""
        gem = _named_gem(text, fuzzy=False) or answered or self._answered_gem() or self.topic
        names = [gem.name, gem.species, gem.group] if gem is not None else []
        asked = text
        if gem is not None and FILLING_SIGN in self.hints.signs:  # a filled stone: the filler is what heat harms
            filled = next((m for key, m in FILLED.items() if key in f"{gem.name} {gem.species}".lower()), "")
            text = f"{text} ({filled})"
        care = care_of(names, text)
        if care is None:
            return None
        self._care_said = (gem.name if gem is not None else care.name, care.text)
        return care.answer(asked, gem), f"sources ({care.name}): {'; '.join(care.sources)}"

    def _readings_of(self, fields: Sequence[str]) -> str:
        """The stone's own readings of these knowledge-base fields, as the answer says them ("SG 4.00")."""
        keys = {"refractive_index": "ri", "birefringence": "birefringence", "specific_gravity": "sg",
                "optical_character": "optic", "pleochroism": "pleochroism", "fluorescence": "fluorescence"}  # fmt: skip
        kept = Readings(**{keys[f]: getattr(self.hints.readings, keys[f]) for f in fields if f in keys})
        told = kept.describe() + (
            [self.hints.hardness.describe()] if "hardness" in fields and self.hints.hardness else []
        )
        return "; ".join(told)

    def _told(self) -> str:
        """What the conversation holds of the stone in hand: the photo and every reading and hint kept."""
        held = (["your photo"] if self.image_probs is not None else []) + self.hints.describe()
        if not held:
            return 'You have not told me anything about this stone yet: send a photo, or readings such as "RI 1.54".'
        return "For this stone I have: " + "; ".join(held) + "."

    def _other_gem_asked(self, text: str) -> GemFacts | None:
        """The gem a general question names with another stone answered in hand ("tell me about tanzanite",
        "what colour is peridot?" of a ruby), or None."""
        from gemlang.knowledge import find_gem

        answered = self._answered_gem()
        if answered is None or self._stone_answered() is None or parse_hints(text) or COMPARE_WORDS.search(text):
            return None  # "the difference between ruby and spinel?" is a comparison
        asked = ASKED_ABOUT.fullmatch(text)
        if asked and (PROPERTY_QUESTION.search(text) or len(asked.group(1).split()) > 3):
            asked = None  # "what's the hardness of spinel?" is answered with the value asked for
        gem = find_gem(asked.group(1)) if asked else _named_gem(text) if COLOUR_QUESTION.search(text) else None
        return gem if gem is not None and gem.name != answered.name else None

    def _answered_gem(self) -> GemFacts | None:
        """The gem the latest answer put first; a determinative table's first line: its likeliest gem, but with no
        colour given, its group's own gem (Corundum for ruby and the sapphires, which no reading told apart)."""
        evidence = self.assistant.evidence
        for x in reversed(self.answers):
            group = (x.gem or "").partition(" (")[0]
            grouped = bool(x.members) and len(x.members[0]) > 1 and group in evidence.index and not self.hints.colours
            name = group if grouped else (x.members[0][0] if x.members else x.gem)
            if name in evidence.index:
                return evidence.facts[evidence.index[name]]
        return None

    def _done(self, answer: Answer) -> Answer:
        # "the diamond tester beeped, so it's real?": what that test shows comes first, whatever else is said
        if told := home_tests_in(answer.message):
            answer.reply = "\n\n".join(t.text for t in told) + (f"\n\n{answer.reply}" if answer.reply else "")
            answer.notes += [f"source ({t.test}): {'; '.join(t.sources)}" for t in told]
        if answer.used_photo and self.scope is not None:
            answer.out_of_scope = self.scope
            if self.scope.flagged:
                withheld = [x for x in self.answers[self._stone_began :] if x.out_of_scope is not None]
                withhold_gem(answer, self.scope, by_readings=self.hints.measured, again=bool(withheld))
        answer.notes = self._pending_notes + answer.notes
        self._pending_notes = []
        self.answers.append(answer)
        return answer


def property_value(g: GemFacts, field: str) -> str:
    """A gem's value of a field asked about, as a gemmologist says it: "2.417 (over the refractometer's limit)",
    "isotropic (singly refractive: …)", "moderate to strong red (LWUV)"; "not known" where the facts are silent."""
    v = getattr(g, field)
    if field == "birefringence" and (shown := value_text(profile(g), g, "birefringence")) != "unknown":
        return "none (singly refractive)" if shown == "none" else shown  # spinel's: none, not unknown
    if not v:
        return "not known"
    if field == "fluorescence":
        return v[0].lower() + v[1:]
    if field == "refractive_index":
        return value_text(profile(g), g, "ri")
    if field == "optical_character":
        return v[0].lower() + v[1:] + OPTIC_SHOWN.get(profile(g).optic or "", "")
    return v if isinstance(v, str) else g.format(field)


def _scratched_by(text: str, gem: GemFacts) -> str:
    """'Ruby (Mohs 9) is harder than a steel knife (5.5): it scratches a steel knife, and a steel knife does not
    scratch it. …' for "would a knife scratch it?" or "does it scratch glass?"; '' when the question names no
    reference object (but the gem itself) or the gem has no hardness."""
    from gemlang.knowledge.scratch import REFERENCES

    lowered = text.lower()
    own = {gem.name.lower(), gem.species.lower()}  # "can a diamond be scratched?" names no tool
    said = [
        (len(w), r)
        for r in REFERENCES
        for w in r.words
        if re.search(rf"\b{re.escape(w)}\b", lowered) and not any(w in name for name in own)
    ]
    if not said or gem.hardness is None or not re.search(r"scratch", lowered):
        return ""
    tool = max(said, key=lambda x: x[0])[1]
    low, high = gem.hardness
    mohs = f"{gem.name} (Mohs {gem.format('hardness')})"
    than = f"{tool.name} ({tool.hardness:g})"
    if low > tool.hardness:
        verdict = f"is harder than {than}: it scratches {tool.name}, and {tool.name} does not scratch it"
    elif high < tool.hardness:
        verdict = f"is softer than {than}: {tool.name} scratches it"
    else:
        verdict = f"is about as hard as {than}: either may scratch the other"
    return f"{mohs} {verdict}. Do not try it on a cut stone: a scratch test damages it, and proves little there."


def _ordered(gems: Sequence[GemFacts], question: str) -> str:
    """'Topaz is harder than Quartz.' for "which is harder, topaz or quartz?"; '' when the ranges overlap or the
    question compares no hardness or density."""
    field, more = (
        ("hardness", "harder") if re.search(r"hard|soft", question, re.I)
        else ("specific_gravity", "heavier") if re.search(r"heav|light|dens", question, re.I)
        else ("", "")
    )  # fmt: skip
    ranges = [getattr(g, field) for g in gems] if field else []
    if len(ranges) != 2 or None in ranges:
        return ""
    (a, b), (ra, rb) = gems, ranges
    if ra[0] > rb[1]:
        return f"{a.name} is {more} than {b.name}."
    if rb[0] > ra[1]:
        return f"{b.name} is {more} than {a.name}."
    quantity = "Mohs hardness" if field == "hardness" else "specific gravity"
    return f"Neither is reliably {more}: their {quantity} ranges overlap."


# "what is the hardness of ruby?", "how hard is emerald?": a gem's constant asked for, not "is it a ruby?"
PROPERTY_FIELDS = {
    r"hard|softer|scratch": ("Mohs hardness", "hardness"),
    r"specific gravity|\bsg\b|dens|heav|lighter|hydrostatic": ("specific gravity", "specific_gravity"),
    r"refractive index|\bri\b|refractometer": ("refractive index", "refractive_index"),
    r"birefringence|doubling|double refraction": ("birefringence", "birefringence"),
    r"dispersion|\bfire\b": ("dispersion", "dispersion"),
    r"spectr|absorption": ("spectroscope", "spectrum"),
    r"uniaxial|biaxial|refractive(?! index)|isotropic|optic(?:al)? sign|polariscope|stays? dark|blinks?": (
        "optic character",
        "optical_character",
    ),
    r"pleochro|dichro|trichro|dichroscope": ("pleochroism", "pleochroism"),
    r"made of|composition|formula|chemi": ("chemistry", "chemistry"),
    r"fluoresc|phosphoresc|\bglow|\buv\b|ultraviolet": ("fluorescence", "fluorescence"),
    r"colou?r|\bwhy\b": ("coloured by", "colour_cause"),
}
# the constants a question may ask beside another one ("what's my birthstone and how hard is it?")
CONSTANTS_ASKED = list(PROPERTY_FIELDS)[:3]
_PROPERTY = (
    r"(?:hardness|specific gravity|sg|density|refractive index|ri|birefringence|dispersion|fluorescence|"
    r"(?:absorption )?spectrum)"
)
ONE_COLOUR = 0.6  # a gem whose listed colours are mostly one colour name is known by it
# a question that goes on about the gem just discussed: "and its SG?", "is it treated?", "where is the best from?"
FOLLOW_UP = re.compile(
    r"\b(?:it|its|it's|they|them|their|the best|one|ones|oiling|heating|filling|treatments?)\b|"
    r"^\s*(?:and|what about|how about)\b",
    re.I,
)
PLACE_QUESTION = re.compile(
    r"\b(?:famous|known|noted|renowned) for\b|\bwhat (?:gems?|stones?|minerals?) (?:are |is |do |does )?"
    r"(?:found|mined|come|comes|produced)\b|\b(?:gems?|stones?) (?:of|from)\b",
    re.I,
)
PLACE_GEMS_SHOWN = 12
GENERAL_QUESTION = re.compile(r"\?\s*$|^\s*(?:what|which|where|tell me|is|are|does|do|can)\b", re.I)
PROPERTY_QUESTION = re.compile(
    rf"\bwhat(?:'s| is| are)\s+(?:the\s+)?{_PROPERTY}(?:\s*(?:,|and)\s*(?:the\s+)?{_PROPERTY})*\s+of\b|"
    rf"\bwhat(?:'s| is)\s+(?:its|it's|the stone's|[a-z][\w ]{{0,30}}?'s)\s+{_PROPERTY}\b|"  # "peridot's hardness"
    rf"^\s*(?:and|what about|how about)\s+(?:its\s+|the\s+)?{_PROPERTY}\b|"  # "and its SG?" after a gem's RI
    r"\bhow\s+(?:hard|heavy|dense)\s+(?:is|are)\b|"
    r"\b(?:does|do|will|would|can)\s+[a-z][\w' ]{0,30}?\s+(?:fluoresce|phosphoresce|glow|react to (?:uv|ultra))|"
    r"\b(?:is|are)\s+[a-z][\w' ]{0,30}?\s+(?:fluorescent|phosphorescent)\b|"  # "is it fluorescent?"
    r"\b(?:would|will|can|could|does|do)\s+(?:an?\s+|the\s+|my\s+)?[\w ]{0,20}?\bscratch\s+(?:it|this)\b|"
    r"\b(?:does|would|will|can)\s+(?:it|this)\s+scratch\b|"  # "would a knife scratch it?": how hard it is
    r"\b(?:harder|softer|heavier|lighter|denser)\s+than\b|\bwhich\b[\w\s]{0,12}\b(?:harder|softer|heavier|lighter|denser)\b|"
    r"\b(?:is|are)\s+[a-z][\w' ]{0,30}?\s+(?:uniaxial|biaxial|singly refractive|doubly refractive|isotropic|"
    r"anisotropic|pleochroic|dichroic|trichroic)\b|"  # "is quartz uniaxial positive?"
    r"\boptic(?:al)? sign of\b|\bwhat(?:'s| is| are)\s+[a-z][\w' ]{0,30}?\s+made of\b|"  # "what is moissanite made of?"
    r"\b(?:chemical )?(?:composition|formula) of\b|"
    # "why does alexandrite change colour?", "why is ruby red?", "what gives emerald its colour?"
    r"\bwhy (?:does|do|is|are)\s+[a-z][\w' ]{0,30}?\s+(?:change colou?r|(?:red|blue|green|yellow|pink|purple|"
    r"orange|violet|black)\b)|\bwhat (?:gives|causes)\s+[a-z][\w' ]{0,30}?\s+(?:its |the |their )?colou?r",
    re.I,
)
NEXT_TEST_QUESTION = re.compile(
    r"\bnext\b.{0,12}\b(?:test|step|check)|\b(?:what|which)\b.{0,30}\b(?:test|check|measure|try|instrument)\b|"
    r"\bwhat (?:else )?(?:should|can|could|do) i (?:do|test|check|try|measure)\b|"
    r"\bchange your mind\b|\bwhat would (?:prove|show) (?:you|it|that)\b|\bhow (?:can|could|do) i (?:confirm|check)\b",
    re.I,
)
OPTIC_SHOWN = {  # what the polariscope shows of an optic character that names no double refraction
    "isotropic": " (singly refractive: it stays dark between crossed polars as it turns)",
    "aggregate": " (an aggregate: it stays light between crossed polars as it turns)",
}
# An instrument or what it shows, in a question about a gem: the constant it reads
INSTRUMENT_WORDS = re.compile(
    r"\b(?:polariscope|stays? dark|blinks?|refractometer|dichroscope|pleochro\w*|(?:UV|ultraviolet) (?:lamp|light)|"
    r"fluoresc\w*|spectroscope|hydrostatic|heavy liquids?|scratch\w*|refractive index|\bRI\b|\bSG\b|doubling|"
    r"double refraction)\b",
    re.I,
)
# "what's the RI?", "hardness?", "how hard is it": the value for the stone the last answer named, not a glossary term
THE_STONES_VALUE = re.compile(
    rf"^\s*(?:(?:and|so|ok|okay)\b[\s,]*)?(?:what(?:'s| is| are)\s+(?:the|its)\s+(?:mohs\s+)?{_PROPERTY}"
    rf"(?:\s+of\s+(?:it|this|this stone|the stone|my stone))?|(?:any\s+|mohs\s+)?{_PROPERTY}|"
    r"how\s+(?:hard|heavy|dense)\s+(?:is|are)\s+(?:it|this|this stone|the stone|they))\s*\??\s*$",
    re.I,
)
CONFIDENCE_QUESTION = re.compile(r"\bhow (?:sure|confident|certain|likely)\b|\bconfidence\b|\bare you sure\b", re.I)


def _could_it_be(words: str) -> re.Pattern[str]:
    """'could it be (a) X?' for the words of X, the word said kept as group 1."""
    # "is it glass?", not "is it glass-filled?" (a treatment)
    return re.compile(
        rf"\b(?:is it|it is|it's|could it be|might it be|maybe|or)\s+(?:just\s+)?(?:an?\s+)?({words})\b(?![- ]?fill)",
        re.I,
    )


GLASS = "Glass (Paste)"  # the knowledge base's glass imitation, which "could it be glass?" asks about
# the entry each question asks about: glass and plastic are no gem names in free text ("it scratches glass")
MATERIAL_QUESTIONS = {_could_it_be("glass|paste"): GLASS, _could_it_be("plastic|resin|acrylic"): "Plastic"}
DOUBLET_QUESTION = _could_it_be("doublet|triplet|assembled|composite")
ELSE_QUESTION = re.compile(r"\bwhat else\b|\bother (?:possibilit|option|candidate|gem)|\balternatives?\b", re.I)
WHY_ONLY = re.compile(r"\s*(?:but |and |so )?why(?: not| so| is that)?\s*[?!.]*\s*", re.I)  # a follow-up, nothing more
WHY_QUESTION = re.compile(r"^\s*why\b|\bhow do you know\b|\bwhy (?:do|did|is|are) you\b", re.I)
HISTORY_QUESTION = re.compile(r"\bhistory\b|\bhistorical\b|\bname (?:come|mean|origin)|\betymolog|\bnamed\b", re.I)
NATURAL_QUESTION = re.compile(r"\b(?:natural|real|genuine|synthetic|lab[- ]?(?:grown|created|made)|fake)\b", re.I)


def follow_up(text: str, answer: Answer, evidence: EvidenceModel, hints: Hints | None = None) -> str:
    """The answer to a question about the stone already discussed ("what test next?", "how sure are you?",
    "is it natural?"), in a line or two; '' when the message asks none of these."""
    asks = (NEXT_TEST_QUESTION, ELSE_QUESTION, WHY_QUESTION, HISTORY_QUESTION, MORE_QUESTION)
    if not answer.candidates or "?" not in text and not any(q.search(text) for q in asks):
        return ""
    name, p = answer.candidates[0]
    lead = name if name in evidence.index else (answer.members[0][0] if answer.members else "")  # a group: its lead
    gem = evidence.facts[evidence.index[lead]] if lead in evidence.index else None
    # What confirms a photo's answer: the instrument readings not yet taken (a photo, a scratch test or a place
    # is no measurement of the stone's constants).
    taken = tests_made(hints) if hints is not None else set()
    measure = confirming_readings(gem, skip=taken) if gem is not None else ""
    # the runners-up, but for the lead's own species or kinds (zoisite is what tanzanite is, not an alternative)
    others = {n: evidence.facts[evidence.index[n]] for n, _ in answer.candidates[1:4] if n in evidence.index}
    rest = [
        (n, q)
        for n, q in answer.candidates[1:4]
        if q >= 0.005 and not (gem and n in others and (kind_of(gem, others[n]) or kind_of(others[n], gem)))
    ]
    if gem is not None and (seen := what_it_shows(text, gem)):  # "what are the gold specks?"
        return seen
    if gem is not None and MORE_QUESTION.search(text) and answer.description:  # "tell me more"
        return answer.description
    if NEXT_TEST_QUESTION.search(text):
        if answer.next_test:
            next_test, answer.next_test = answer.next_test, ""  # said as the reply, not twice
            return f"Next: {next_test}"
        confirm = re.search(r"To confirm: (.+)", answer.caution)
        if confirm:
            return f"To confirm {name}: {confirm.group(1)}"
        if measure:
            return f"A photo is no measurement: to confirm {name}, take {measure}."
        if rest and rest[0][1] >= 0.01 and answer.tell_apart:  # the readings fit; a look-alike is left
            left = f"{rest[0][0]} ({percent(rest[0][1])})"
            return f"Your readings fit {name}. What is left is {left}. {answer.tell_apart}"
        return f"No further test is needed to name it {name}."
    if CONFIDENCE_QUESTION.search(text):
        why = next((n[len(UNSURE_BECAUSE) :].strip() for n in answer.notes if n.startswith(UNSURE_BECAUSE)), "")
        if answer.unsure:
            return f"Not very: {name} at {percent(p)}" + (f", and {why}" if why else ".")
        if measure:
            told = answer.hints_used
            basis = "the photo and what you told me, which rule" if told else "the photo alone, which rules"
            return f"{name} at {percent(p)} from {basis} out no look-alike; {measure} would."
        return f"{name} at {percent(p)}: the evidence so far agrees on it."
    cultured = next((f for f in gem.diagnostic_features if "cultured" in f.lower()), None) if gem else None
    if cultured and (re.search(r"\bcultur", text, re.I) or NATURAL_QUESTION.search(text)):  # a pearl: not glass
        answer.caution = ""
        imitation = next((f for f in gem.diagnostic_features if "imitation" in f.lower()), None)
        told = f" Against an imitation: {in_sentence(imitation)}." if imitation else ""
        return f"Natural or cultured is a gem laboratory's call: {in_sentence(cultured)}.{told}"
    if NATURAL_QUESTION.search(text) and not COLOUR_NATURAL.search(text):  # not "is the blue natural?"
        if gem is not None and gem.origin != "natural" and not answer.caution:
            return f"No: the evidence points to {name}, which is not a natural gem."
        return _natural_or_not(gem, answer, evidence, hints) + usually_treated(gem)
    if ELSE_QUESTION.search(text):
        if not rest:
            shaky = ", though your readings do not fit it well: re-take them" if answer.unsure else ""
            return f"Nothing else comes close to {name} ({percent(p)}){shaky}."
        return f"After {name} ({percent(p)}): " + ", ".join(f"{n} ({percent(q)})" for n, q in rest) + "."
    if WHY_QUESTION.search(text):
        if answer.reasons:
            return "Because " + "; ".join(answer.reasons[:3]) + "."
        basis = ("the photo and " if answer.used_photo else "") + ("what you told me" if answer.hints_used else "")
        basis = basis.removesuffix(" and ") or "the photo"
        after = f"next comes {rest[0][0]} ({percent(rest[0][1])})" if rest else "nothing else comes close"
        return f"{name} fits {basis} best ({percent(p)}); {after}."
    if COLOUR_QUESTION.search(text) and gem is not None and gem.colours:  # "what colour is it usually?"
        told = f"You told me it is {' and '.join(hints.colours)}. " if hints is not None and hints.colours else ""
        return told + follow_up_colours(gem)
    if HISTORY_QUESTION.search(text) and gem is not None and (gem.history or gem.name_origin):
        named = re.search(r"\bname|etymolog", text, re.I)  # "where does the name come from?": the name only
        return (gem.name_origin if named else gem.history) or gem.history or gem.name_origin
    return ""


def follow_up_colours(gem: GemFacts) -> str:
    """'Peridot comes in yellow-green, olive green or …'; '' for a gem whose colours are not listed."""
    colours = [c[0].lower() + c[1:] for c in gem.colours]
    return f"{gem.name} comes in {join_words(colours, 'or')}." if colours else ""


def confirming_readings(gem: GemFacts, skip: set[str] | frozenset[str] = frozenset()) -> str:
    """The readings that would confirm `gem` ("the refractive index (1.762–1.770) and the specific gravity
    (3.97–4.05)"), but those in `skip` (test keys: "ri", "sg"); '' when none is left or known."""
    beyond = gem.refractive_index is not None and gem.refractive_index[0] > REFRACTOMETER_LIMIT
    parts = [
        f"the {label} ({gem.format(field)})"
        if not (key == "ri" and beyond)
        else f"a refractometer reading (over its limit: {gem.format(field)})"
        for key, label, field in (
            ("ri", "refractive index", "refractive_index"),
            ("sg", "specific gravity", "specific_gravity"),
        )
        if getattr(gem, field) and key not in skip
    ]
    return " and ".join(parts)


def settled_by_readings(photo: np.ndarray | None, answer: str, a: Assistant) -> str:
    """When readings overrule the photo and the two gems are a pair this photo model confuses (its cross-validation
    took one for the other at least half as often as `SEPARATION_RATE`), or the readings' gem is an imitation of
    the photo's (glass for emerald), a sentence saying the readings settle what a photo cannot; else ''. Then the
    readings answer, and the answer is not "I'm not sure"."""
    if photo is None or a.classifier is None:
        return ""
    shown = a.evidence.classes[int(np.argmax(photo))]
    facts, index = a.evidence.facts, a.evidence.index
    if answer in index and facts[index[answer]] in lookalikes(facts[index[shown]], facts):  # glass for emerald
        return f"the photo looks like {shown}, which {answer} imitates; your readings tell them apart."
    pair = a.classifier.photo_confusion(shown, answer, at_least=SEPARATION_RATE / 2)
    if pair is None:
        return ""
    return (
        f"the photo looks most like {shown}, but photos alone do not separate {shown} from {answer} "
        f"({pair['rate']:.0%} of their photos were taken for the other when this model was cross-validated); "
        "your readings settle it."
    )


def _leading_share(candidates: list[tuple[str, float]], evidence: EvidenceModel) -> float:
    """The leader's probability, with that of runners-up that are one kind of it or it of them (Tourmaline and
    Elbaite): two names for one answer do not make the answer unsure."""
    gem = {name: evidence.facts[evidence.index[name]] for name, _ in candidates if name in evidence.index}
    lead, share = candidates[0]
    if lead not in gem:
        return share
    return share + sum(
        p for name, p in candidates[1:]
        if name in gem and (kind_of(gem[name], gem[lead]) or kind_of(gem[lead], gem[name]))
    )  # fmt: skip


def _kind(gem) -> str:
    if "glass" in f"{gem.name} {gem.species}".lower():
        return "glass"
    return {"synthetic": "lab-grown", "composite": "an assembled stone"}.get(gem.origin, "a simulant")


def caution(
    ranking: list[tuple[str, float]], hints: Hints, evidence: EvidenceModel, asked: bool = False,
    named: Sequence[str] = (), shown: str | None = None,
) -> str:  # fmt: skip
    """ "Possibly glass / a simulant" with the confirming test, or why a photo alone cannot settle it; the
    imitations a question `named` ("or is it moissanite?") come first. `shown`: the class the photo looks like,
    the gem an imitation of many (glass) stands in for."""
    facts = {g.name: g for g in evidence.facts}
    top_p = ranking[0][1]
    leaders = [facts[n] for n, p in ranking[:10] if p >= 0.05 * top_p]
    naturals = [g for g in leaders if g.origin == "natural"]  # obsidian and moldavite too: natural glass is a gem
    if hints.readings or hints.hardness:
        # a stone met rarely (a lab-grown Paraíba) is named as a caution only when asked about, or when it leads
        suspects = [
            g
            for g in leaders
            if g.origin != "natural" and (g.met not in ("rarely", "hardly") or asked or g is leaders[0])
        ]
        if not suspects or (suspects[0] not in leaders[:3] and not asked):  # "is it synthetic?" looks further
            return ""
        suspect = suspects[0]
        sold_as = facts.get(gem_sold_as(suspect).name)  # the gem the knowledge base says it imitates
        if sold_as is not None and sold_as.origin == "natural":
            imitated = [sold_as]
        elif shown is not None:
            # Glass imitates every gem: the one it stands in for is what the photo shows, else the likeliest.
            likelihood = dict(ranking)
            imitated = [g for g in evidence.facts if g.origin == "natural" and suspect in lookalikes(g, evidence.facts)]
            imitated.sort(key=lambda g: (g.name != shown, -likelihood.get(g.name, 0.0)))
        else:  # no photo: nothing says which of the many gems it imitates this one stands in for
            imitated = []
        rival = next(iter(naturals + imitated), None)
        fits = ""
        if rival is not None:  # a natural leader the readings fit as well, or else the gem it imitates
            if rival not in naturals:
                fits = f", not {rival.name}, which it imitates"
            else:  # the suspect may lead: then the readings fit it better than the natural gem
                fits = f" {'better than' if ranking[0][0] == suspect.name else 'as well as'} {rival.name}"
        seen = [OBSERVED[o][0] for o in hints.readings.observations]
        confirm = confirming_test(suspect, rival, made=tests_left_out(hints), seen=seen)
        if _kind(suspect) == "glass":
            names = ", ".join(g.name for g in suspects if _kind(g) == "glass")
            return f"possibly glass ({names}): your readings fit it{fits}. To confirm: {confirm}."
        return f"possibly {suspect.name} ({_kind(suspect)}): your readings fit it{fits}. To confirm: {confirm}."
    top = facts[ranking[0][0]]
    look = lookalikes(top, evidence.facts) if asked else []
    if not look:
        return ""
    look = sorted(look, key=lambda g: g.name not in named)  # stable: the rest keep their order
    # a lab-grown stone of another species (colour-change synthetic sapphire for alexandrite) is an imitation
    # here, one per species: "lab-grown chrysoberyl or Synthetic Sapphire (Verneuil)"
    twin = lambda g: g.origin == "synthetic" and g.species == top.species  # noqa: E731
    generic = lambda g: g.origin == "synthetic" and g.name.startswith("Synthetic ")  # noqa: E731 - the commonest
    imitations = sorted((g for g in look if not twin(g)), key=lambda g: (g.name not in named, not generic(g)))
    imitations = [g for i, g in enumerate(imitations) if g.origin != "synthetic"
                  or all(h.species != g.species for h in imitations[:i] if h.origin == "synthetic")]  # fmt: skip
    grown = [g for g in look if twin(g)]
    said = [f"lab-grown {species_word(top)}"] if grown else []
    imitations = imitations[:3]  # the ones named, and the only ones a test below may expose
    said += [g.name for g in imitations]
    text = f"from a photo alone I cannot tell natural {top.name} from " + " or ".join(said) + "."
    # An instrument exposes the first imitation and the first lab-grown stone whose constants differ (a flux
    # emerald reads lower than a natural one); the rest take magnification or a laboratory.
    grown = [g for g in grown if gem_sold_as(g).name == top.name] or grown  # lab-grown rubies for a ruby
    tests = {g.name: instrument_test(g, top) for g in imitations + grown}
    for found in (
        next((g for g in imitations if tests[g.name]), None),
        next((g for g in grown if tests[g.name]), None),
    ):
        if found is not None:
            how, values = tests[found.name]
            text += f" {how[0].upper()}{how[1:]} would expose {found.name} ({values})."
    if any(not tests[g.name] for g in grown):
        some = "Other lab-grown stones" if any(tests[g.name] for g in grown) else "Lab-grown stones"
        text += f" {some} share the natural constants: magnification or a laboratory decides."
    return text[0].upper() + text[1:]


# "is the blue natural?", "natural colour?": whether the colour was made, a treatment question
COLOUR_NATURAL = re.compile(
    r"\b(?:colou?r|blue|red|green|pink|yellow|purple|black|orange|brown)\s+(?:is\s+|be\s+)?(?:natural|real|genuine)\b|"
    r"\bnatural(?:ly)?[- ]colou?re?d?\b|"
    r"^\s*(?:is|are)\s+(?:the\s+)?(?:blue|red|green|pink|yellow|purple|black|orange|brown)\s+[a-z]+\s+(?:natural|real)\b",
    re.I,
)  # "is blue topaz natural?": its colour
TREATMENT_QUESTION = re.compile(
    r"\b(?:heat(?:ed)?(?![- ]?sensitive)|treat(?:ed|ments?)?|untreated|unheated|enhanc\w*|oiled|oiling|dyed|"
    r"irradiated|diffused|filled)\b|" + COLOUR_NATURAL.pattern,
    re.I,
)
VALUE_QUESTION = re.compile(
    r"\b(?:worth|prices?|priced|value[ds]?|cost|how much|apprais\w*|valuation|valuable|expensive)\b", re.I
)
ORIGIN_QUESTION = re.compile(
    r"\bwhere\b.{0,40}\b(?:from|mined|found|come|comes|originate\w*)\b|\b(?:origin|provenance)\b|"
    r"\bwhich (?:country|mine)\b|\bis it (?:from|mined in)\b",
    re.I,
)


# What the eye sees in a stone, asked about ("what are the gold specks?", "does it change colour?"): the words
# asked -> (what the gem's facts call it, the phenomenon's name when a stone either shows it or not; not doubling,
# fire or a filter's reaction, a matter of degree).
SEEN_IN_THE_STONE = {
    r"specks?|flecks?|spots?|gold\b|glitter\w*|sparkl\w*|spangle\w*": (
        r"speck|fleck|pyrite|aventurescen|glitter|spangl",
        "",
    ),
    r"needles?|hairs?|threads?": (r"needle|fibre|fiber|silk", ""),
    r"line of light|cat'?s[- ]eye|eye\b|stripes?|bands? of light|silky|shine|sheen|chatoyan\w*": (
        r"cat'?s[- ]eye|chatoyan|band of light|bands of light|sheen",
        "cat's-eye or sheen",
    ),
    r"change colou?r|colou?r[- ]change|different colou?r (?:in|under)|under (?:a |the )?(?:lamp|incandescent|candle)": (
        r"colou?r[- ]chang|chang\w* colou?r",
        "colour change",
    ),
    r"\bfire\b|rainbow|dispersion": (r"\bfire\b|dispersion", ""),
    r"\bglow\b|moonlight|adularescen\w*|billow\w*": (r"adularescen|glow", "adularescence"),
    r"flash(?:es)?|play of colou?r|labradorescen\w*|iridescen\w*|schiller": (
        r"labradorescen|play of colou?r|flash|iridescen|schiller",
        "play of colour or flash",
    ),
    r"\bstar\b|asterism": (r"\bstar|asterism", "star"),
    r"doubling|double refraction|doubled": (r"doubl|birefringen", ""),
    r"chelsea": (r"chelsea", ""),
}
YES_NO_QUESTION = re.compile(r"^\s*(?:does|do|is|are|can|will|has|have|could|would)\b", re.I)
# "let's say the RI is 1.72", "what would an SG of 3.6 mean?": a reading supposed, not taken
SUPPOSING = re.compile(
    r"\b(?:suppose|supposing|hypothetically|assum(?:e|ing)|imagine|let'?s say|for (?:the )?sake of argument|"
    r"what if)\b|^\s*(?:and|but|so)\s+if\b|\bwhat would an?\b|"
    r"\bwould (?:an?|the|that)\b[^?]{0,40}\bmake (?:it|this|the stone)\b",  # "would a 1.72 RI make it spinel?"
    re.I,
)
# "if the RI were 1.72, would it be spinel?": the reading inside the if-clause; not "if I read it right, SG 3.52",
# "if accurate, RI 1.77", "my reading, if correct: SG 3.99" or "if my refractometer is right, RI 1.76", a reading hedged
IF_CLAUSE = re.compile(r"\bif\b(?!\s+(?:i|i'm|my|you|it helps|that|this)\b)((?:[^,;:.!?]|\.(?=\d))*)", re.I)


def supposition(text: str) -> Hints | None:
    """What a message supposes rather than reports ("if the RI were 1.72, …?"): its hints, or None."""
    hints = parse_hints(text)
    if hints and (SUPPOSING.search(text) or any(parse_hints(m.group(1)) for m in IF_CLAUSE.finditer(text))):
        return hints
    return None


GLOW_NOT_UV = re.compile(r"^(?!.*(?:\buv\b|ultra-?violet|lamp|black ?light|fluoresc|phosphoresc)).*\bglow", re.I)
ASKS_WHAT_IT_SHOWS = re.compile(r"^\s*(?:what|why|how|does|do|is|are|where)\b|\?\s*$", re.I)
COLOUR_QUESTION = re.compile(r"\b(?:what|which) colou?rs?\b|\bcolou?rs? (?:does|do|can) (?:it|they) come in\b", re.I)
AND_ABOUT = re.compile(r"^\s*(?:and|what about|how about)\b(?!.*\b(?:it|its|this|mine|my)\b)", re.I)
SAME_STONE = re.compile(
    r"\bsame (?:stone|gem|one)\b|"
    r"\b(?:another|second|other|different) (?:angle|view|side|photo|picture|shot) of (?:it|this)\b",
    re.I,
)
SAME_STONE_PHOTOS = 6  # the photos of one stone looked at together, the latest kept
# What the knowledge base holds no facts on: how rare a gem is, whether it was ethically sourced, its age, insurance
NO_FACTS_ON = re.compile(
    r"\brar(?:e|er|est|ity)\b|\bconflict|\bethic|\bresponsibl[ey] sourced|\bhow old\b|\binsur|\binvest", re.I
)
UNANSWERED = (
    "My facts on {name} do not answer that. About this stone I can say how sure I am, what else it could be and "
    "which test would settle it, whether it could be treated or lab-grown, how to care for it, where it comes "
    "from, or tell you more about it."
)
MORE_QUESTION = re.compile(
    r"^\s*(?:tell me more|more (?:about it|info\w*|details?)|what else (?:can|do) you know)", re.I
)


def what_it_shows(text: str, gem: GemFacts) -> str:
    """The gem's own words for what the person asks about seeing in it: the sentences of its phenomena, diagnostic
    features, description and history that name it ("Its colour change, 'emerald by day, ...'"). A yes/no question
    about a phenomenon its facts never name ("does it change colour?" of a peridot) is told so; '' otherwise."""
    if not ASKS_WHAT_IT_SHOWS.search(text):
        return ""
    said = [
        *sentences(gem.phenomena),
        *gem.diagnostic_features,
        *sentences(gem.description),
        *sentences(gem.history),
    ]
    asked = [seen for words, seen in SEEN_IN_THE_STONE.items() if re.search(words, text, re.I)]
    found = [x for named, _ in asked for x in said if re.search(named, x, re.I)]
    if not found and asked:  # "what causes asterism in sapphire?": what its kinds' facts say (star sapphire's)
        kinds = [k for k in all_gems() if kind_of(k, gem)]
        found = [x for named, _ in asked for k in kinds for x in sentences(k.phenomena) if re.search(named, x, re.I)]
    if not found and asked:  # "can alexandrite have a cat's eye?": another gem's facts naming the two side by side
        name = re.escape(gem.name.lower())
        together = [rf"(?:{n})\S*\s+(?:\w+\s+)?{name}\b|\b{name}\w*\s+(?:\w+\s+)?(?:{n})" for n, _ in asked]
        found = [
            x
            for other in all_gems()
            for x in (*sentences(other.phenomena), *other.diagnostic_features, *sentences(other.description))
            if any(re.search(t, x, re.I) for t in together)
        ]
    found = list(dict.fromkeys(f.rstrip(".") for f in found))[:3]
    if found:
        return f"**{gem.name}**: " + "; ".join(f[0].upper() + f[1:] if i == 0 else f for i, f in enumerate(found)) + "."
    missing = [(named, phenomenon) for named, phenomenon in asked if phenomenon]
    if not missing or not YES_NO_QUESTION.search(text):
        return ""
    # "does garnet change colour?": not garnet as such, but one kind of it does
    kinds = [k.name for k in all_gems() if kind_of(k, gem) and _shows(k, [named for named, _ in missing])][:2]
    if kinds:
        return f"**{gem.name}**: not as a rule, but {' and '.join(kinds)} {'do' if len(kinds) > 1 else 'does'}."
    shows = " or ".join(phenomenon for _, phenomenon in missing)
    shown = sentences(gem.phenomena)[:1]  # "does opal change colour?": its play of colour is what it shows
    return (  # facts name a gem's usual phenomena, not every rarity: no proof that it never shows one
        f"**{gem.name}**: not that I know of: my facts for {gem.name.lower()} name no {shows}, though rare stones "
        "of many gems show what their usual facts leave out."
        + (f" What they name: {shown[0].rstrip('.')}." if shown else "")
    )


def _shows(gem: GemFacts, named: Sequence[str]) -> bool:
    said = " ".join((gem.name, gem.phenomena, *gem.diagnostic_features))
    return any(re.search(n, said, re.I) for n in named)


def _natural_or_not(gem: GemFacts | None, answer: Answer, evidence: EvidenceModel, hints: Hints | None) -> str:
    """Whether the stone answered could be lab-grown or an imitation, and what would tell."""
    if answer.caution:
        caution, answer.caution = answer.caution, ""  # said as the reply, not twice
        return caution[0].upper() + caution[1:]
    grown = f"a lab-grown {species_word(gem)}" if gem is not None else "a lab-grown stone"
    twins = [g for g in lookalikes(gem, evidence.facts) if g.origin == "synthetic"] if gem is not None else []
    made = tests_left_out(hints) if hints else set()
    found = next(((g, t) for g in twins if (t := instrument_test(g, gem, made))), None)
    if found:  # flame-fusion spinel: its strain between crossed polars
        twin, (how, values) = found
        return (
            f"Nothing you have told me points to an imitation. {how[0].upper()}{how[1:]} would expose "
            f"{twin.name} ({values}); otherwise magnification or a gem laboratory settles it."
        )
    return (
        f"Nothing you have told me points to an imitation; {grown} would share the natural constants, so "
        "magnification or a gem laboratory settles it."
    )


# a treatment the knowledge base says most stones of a gem have ("Heat treatment (universal, removes brown)")
AS_A_RULE = re.compile(r"\b(?:universal|most|almost all|nearly all|virtually all|common)\b", re.I)


def usually_treated(gem: GemFacts | None) -> str:
    """' Natural or not, most of it on the market is treated: heat treatment (universal, removes brown).' or ''."""
    usual = [t for t in (gem.treatments if gem else ()) if AS_A_RULE.search(t) and not re.match(r"(?i)none|not ", t)]
    return (
        f" Natural or not, most of it on the market is treated: {'; '.join(t[0].lower() + t[1:] for t in usual)}."
        if usual
        else ""
    )


def side_answer(
    text: str, gem: GemFacts, signs: Sequence[str] = (), general: bool = False,
    told: tuple[Sequence[str], Sequence[str]] | None = None,
) -> str:  # fmt: skip
    """What the question asks besides the gem's name: treatment ("is it heated?"), origin ("where is it from?")
    or value, which a photo and instrument readings cannot settle; said plainly, with the treatments in use
    or the main sources of the gem, and no price. `signs`: what the treatment signs the person saw mean.
    `general`: the question is about `gem` in general ("is tanzanite usually treated?"), not the stone in hand.
    `told`: the places the person said the stone came from ("it's from Colombia"), as named and as countries."""
    asked = "?" in text or re.match(r"\s*(?:is|was|has|are|does|any|tell me|explain|describe)\b", text, re.I)
    if asked and TREATMENT_QUESTION.search(text):
        known = (
            treatment_sentence(gem, n=len(gem.treatments), named=general)
            or f"No common treatment is listed for {gem.name}."
        )
        if general:  # "Treatments of tanzanite: heat treatment …"
            return known
        seen = " ".join(f"What you saw points to one: {s[0].lower()}{s[1:]}" for s in signs)
        return " ".join(
            part
            for part in (
                "Whether this stone was treated shows neither in a photo nor in the usual readings: a gem "
                "laboratory decides, from its inclusions, spectrum and fluorescence.",
                seen,
                known,
            )
            if part
        )
    if ORIGIN_QUESTION.search(text) and not HISTORY_QUESTION.search(text):  # not "where does the name come from?"
        if gem.origin != "natural":
            return f"{gem.name} is made in a laboratory, not mined."
        sources = main_sources(gem)
        said = f" {gem.name} comes chiefly from {sources}." if sources else ""  # pearls and coral are not mined
        if general and said:
            return said.strip()
        countries, anywhere = gem_countries(gem)
        asked = places_asked(text)
        for place, in_countries in asked:
            known = anywhere or bool(set(in_countries) & set(countries))
            said += f" {place} is {'among' if known else 'not among'} its known sources."
        if told and not asked:  # "it's from Colombia", then "where is it from?"
            known = anywhere or bool(set(told[1]) & set(countries))
            where = " and ".join(told[0])
            said += f" You told me it is from {where}, {'one' if known else 'not one'} of its known sources."
        return (
            "Where a stone was mined shows neither in a photo nor in the usual readings: a gem laboratory "
            f"decides origin, from its inclusions and trace elements.{said}"
        )
    if VALUE_QUESTION.search(text):
        return (
            "I do not price stones: value rests on colour, clarity, cut, carat weight, treatment and origin, which "
            "need the stone in hand and often a laboratory report; an independent appraiser can value it."
        )
    return ""


def withhold_gem(answer: Answer, verdict: ScopeVerdict, by_readings: bool | None = None, again: bool = False) -> None:
    """An out-of-scope photo: say so plainly and ask for readings; describe no gem and advise no test on one.

    Not a gem photo: no gem is named at all. A stone unlike every known class: the closest known gems stay
    listed as such, never as the answer. `by_readings`: the ranking rests on the readings alone (by default,
    when any hint was used); a place or a colour alone ranks nothing. `again`: the chat said so already for
    this photo, so a question about it gets the short form, not the same paragraph word for word.
    """
    by_readings = bool(answer.hints_used) if by_readings is None else by_readings
    answer.unsure = True
    answer.description, answer.properties, answer.tell_apart = "", [], ""
    answer.heatmap = answer.overlay = None
    if not by_readings:  # no imitation of a gem the photo does not show
        answer.caution = ""
    statement = f"**{verdict.sentence()}**"
    if by_readings:  # the ranking below rests on the readings alone (Conversation.ask), its next test too
        advice = "Your readings alone rank the gems below, over every gem of the knowledge base."
    elif verdict.kind == NOT_A_GEM_PHOTO:  # no gem named, so nothing about one: no reasons, no doubts about it
        answer.candidates, answer.members, answer.reasons, answer.next_test = [], [], [], ""
        answer.notes = [n for n in answer.notes if not n.startswith(UNSURE_BECAUSE)]
        advice = f"{RETAKE_HELP}."
        if again:
            statement = (
                "**As I said, this does not look like a gemstone photo**, so I cannot answer about a stone in it."
            )
    else:
        answer.next_test, answer.reasons = "", []
        advice = READINGS_HELP
        if again:  # "is it rare?" of a stone it could not place: ask about a known gem by name, or give a reading
            closest = verdict.closest[0] if verdict.closest else "ruby"
            statement = "**As I said, I could not place this stone among the gems I was trained on.**"
            advice = (
                f'Ask about a gem by name ("is {closest.lower()} rare?") for what I know of it, or tell me a reading '
                '("RI 1.54", "SG 2.65", "hardness about 7") and I will rank the gems by it.'
            )
    answer.reply = " ".join(part for part in (f"{statement} {advice}", answer.reply) if part)


# How to re-check a reading that argues against the answer, by reading.
RECHECK = {
    # not another scratch: it damages a cut stone, and the streak a softer tool leaves looks like a scratch
    "hardness": "do not repeat a scratch test on a cut stone (it damages the stone, and a softer tool's streak looks "
    "like a scratch): the refractometer or a hydrostatic balance settles it without harm",
    "optic": "turn the stone in the polariscope: seen along its optic axis a doubly refractive stone stays dark",
    "pleochroism": "look through the dichroscope in several directions: along the optic axis there is no pleochroism",
    "colour": "describe the stone's colour in daylight: the colour a photo shows depends on the light",
    # a white lamp or a bright room passes for a glow, and a glow only suggests: the refractometer settles it
    "fluorescence": "look again with the lamp close in a dark room, and take the RI, which settles what a glow "
    "only suggests",
}
LOOK_AGAIN = "look again with a 10x loupe under a single light"  # what the loupe showed (`OBSERVED`)
OPTIC_FIGURE = "look for the interference figure again with a conoscope: it tells uniaxial from biaxial"


def doubt_note(gem: str, doubts: dict[str, str], hints: Hints) -> str:
    """Why the answer is unsure though it kept its gem: the readings against it, and how to re-check them."""
    optic = hints.readings.optic
    recheck = {**RECHECK, "optic": RECHECK["optic"] if optic in ("isotropic", "anomalous") else OPTIC_FIGURE}
    again = {key: LOOK_AGAIN for key in doubts if key in OBSERVED}
    checks = "; ".join(dict.fromkeys({**recheck, **again}.get(key, "re-take that reading") for key in doubts))
    because = "; ".join(doubts.values())
    checks = checks[0].upper() + checks[1:]
    return f"{UNSURE_BECAUSE} {because}, though the rest of the evidence still points to {gem}. {checks}."


COMPARED_GLASS = re.compile(r"\b(?:from|and|vs\.?|versus|or|with)\s+(?:\w+\s+)?(?:glass|paste)\b", re.I)


# an instrument a comparison names ("tell ruby from red spinel with a UV lamp?"): the test it makes
TEST_NAMED = {
    r"\buv\b|ultra-?violet|fluoresc|black ?light": "fluorescence",
    r"polariscope": "optic",
    r"dichroscope|pleochro": "pleochroism",
    r"chelsea": "chelsea",
    r"refractometer|refractive index|\bri\b": "ri",
    r"hydrostatic|heavy liquids?|specific gravity|\bsg\b": "sg",
}


def _by_the_test_named(text: str, first: GemFacts, second: GemFacts, listed: bool = False) -> str:
    """Whether the instrument a comparison names tells the two gems apart, and if not, the test that does;
    nothing where the facts of either are silent on it. `listed`: the values are in the answer already."""
    keys = [key for words, key in TEST_NAMED.items() if re.search(words, text, re.I)]
    if not keys:
        return ""
    test = next(t for t in TESTS if t.key == keys[0])
    values = values_read(test, first, second)
    if "unknown" in values:
        return ""
    if separates(test, profile(first), profile(second)):
        return f" The {test.instrument} tells them apart" + ("." if listed else f": {values}.")
    said = f" The {test.instrument} does not tell them apart reliably ({values})"
    other = instrument_test(first, second)
    return said + (f"; the {other[0]} does: {other[1]}." if other else ".")


def gems_compared(text: str) -> list:
    """The first two gems a message asks to compare ("the difference between ruby and spinel"), else []."""
    if not COMPARE_WORDS.search(text):
        return []
    named = gems_named_in(text)
    if len(named) == 1 and COMPARED_GLASS.search(text):  # "glass" alone is no gem name, but compared it is
        named.append(get_facts("Glass (Paste)"))
    if len(named) == 1:  # "tanzinite vs iolite": the other side of the comparison, misspelt
        from gemlang.knowledge import find_gem

        sides = (find_gem(part) for part in re.split(r"\bvs\.?|\bversus\b|\bor\b|\band\b|,", text) if part.strip())
        named += [gem for gem in sides if gem is not None and gem.name != named[0].name][:1]
    return named[:2] if len(named) >= 2 else []


def _colour_of(gem: GemFacts) -> str | None:
    """The colour a gem named for its colour is (emerald: green, ruby: red); None for one of many colours."""
    from gemlang.knowledge.colours import gem_colours

    shares = gem_colours(gem)
    colour, share = max(shares.items(), key=lambda kv: kv[1], default=(None, 0.0))
    return colour if share >= ONE_COLOUR else None


def _gems_from(hints: Hints, evidence: EvidenceModel) -> str:
    """The natural gems the knowledge base knows from the country of the place a question names, those it is a
    main source of first (the knowledge base lists countries, not mines: Mogok's answer is Myanmar's)."""
    country = hints.countries[0]
    place = hints.places[0] if hints.places else country
    lead = f"**{country}**:" if place == country else f"**{place}** is in {country}, and by country"
    found = [
        (evidence.listed_countries[i].index(country), not gem.is_dataset_class, gem.name)
        for i, gem in enumerate(evidence.facts)
        if gem.origin == "natural"
        if country in evidence.listed_countries[i]
    ]
    if not found:
        return f"{lead} my sources name no gem from there."
    names = [name for *_, name in sorted(found)]
    more = f", and {len(names) - PLACE_GEMS_SHOWN} more" if len(names) > PLACE_GEMS_SHOWN else ""
    return f"{lead} my sources list {', '.join(names[:PLACE_GEMS_SHOWN])}{more} (main sources first)."


def _where_from(gem: GemFacts, hints: Hints, evidence: EvidenceModel) -> str:
    """Whether the places a question names are among the gem's known localities, in one sentence."""
    known = list(evidence.listed_countries[evidence.index[gem.name]]) if gem.name in evidence.index else []
    said = ", ".join(hints.places or hints.countries)
    where = said if list(hints.places) == list(hints.countries) else f"{said} ({', '.join(hints.countries)})"
    if not known:
        return f"my sources name no locality for {gem.name}, so I cannot say whether it comes from {said}."
    if set(hints.countries) & set(known):
        return f"{gem.name} is known from {where}; its localities: {', '.join(known)}."
    return f"my sources do not name {where} among {gem.name}'s localities ({', '.join(known)})."


def _trade_name(text: str):
    """A trade name or misnomer in the message ("smoky topaz"), with the gem it really is."""
    from gemlang.knowledge import trade_name_in

    return trade_name_in(text)


# A mineral named as an inclusion or a colour within a description of the stone ("red hematite platelets", "pyrite
# specks", "citrine-coloured"), which the message does not ask about.
INCLUSION_OR_COLOUR = re.compile(
    r"\b[a-z]+(?:[ -][a-z]+)?[ -](?:platelets?|needles?|specks?|flakes?|inclusions?|veins?|veining|grains?|spots?|"
    # not "change colour" or "its colour": "why does alexandrite change colour?" asks about alexandrite
    r"fibres?|fibers?|matrix|(?<!change )(?<!its )(?<!their )colou?r(?:ed)?|spectrum|spectra|tester)\b",
    re.I,
)
# "does it show a cat's eye?": the phenomenon, not the chrysoberyl the photo class is named for
PHENOMENON_SHOWN = re.compile(r"\b(?:ha(?:ve|s)|shows?|showing|displays?)\s+(?:an?\s+)?cat'?s[- ]?eye\b", re.I)


def _asks_if_it_is(text: str, gem: GemFacts) -> bool:
    """Whether a message asks if the stone in hand is `gem` ("is it a sapphire??", "so it's a real diamond?",
    "I think my pearl is fake"), not about the gem in general ("is sapphire heated?")."""
    names = "|".join(re.escape(n.lower()) for n in (gem.name, *gem.aliases))
    said = re.search(
        rf"\b(?:is (?:it|this|that|mine)|so (?:it'?s|it is|its)|must be|it'?s)\s+(?:a |an |the )?"
        rf"(?:real |genuine |natural |true )?(?:{names})\b|\bmy (?:{names})\b[^.?!]{{0,20}}\b(?:real|fake|genuine)\b",
        text.lower(),
    )
    return said is not None


# "how do I know if my ruby is synthetic?", "how can I tell lab-grown emerald from natural?"
HOW_TO_KNOW = re.compile(
    r"\bhow\b.{0,30}\b(?:know|tell|check|test|spot|recogni[sz]e)\b.{0,40}\b(?:synthetic|lab[- ]?(?:grown|created|made)|"
    r"natural|real|fake)\b",
    re.I,
)


SIGN_END = re.compile(r" \(| — |; ")  # a sign's first words: "flux remnants" of "Flux remnants (wispy veils)"


def how_to_tell_natural(gem: GemFacts) -> str:
    """How a natural gem is told from its lab-grown twins: the constants cannot, the inclusions each twin
    shows under magnification can ("Synthetic Ruby (Verneuil): curved striae"); '' when it has no twin."""
    twins = [g for g in lookalikes(gem, all_gems()) if g.origin == "synthetic" and g.species == gem.species]
    own = [g for g in twins if gem.name.split()[0].lower() in g.name.lower()]  # flux-grown ruby for ruby
    signs = [f"{t.name}: {SIGN_END.split(sign)[0].lower()}" for t in (own or twins)[:4] if (sign := telltale(t))]
    if not signs:
        return ""
    return (
        f"**{gem.name}**: a lab-grown {species_word(gem)} has the same constants as a natural one, so the "
        f"refractometer and the balance cannot tell them apart; magnification can ({'; '.join(signs)}). A natural "
        f"stone shows natural inclusions instead, and where none is conclusive a gem laboratory decides."
    )


def species_word(gem: GemFacts) -> str:
    """The species as a word in a sentence: 'opal' for 'opal (hydrated amorphous silica)', 'tourmaline' for
    'tourmaline group (mostly elbaite)'."""
    return re.sub(r"\s*\([^)]*\)", "", gem.species).replace(" group", "").strip() or gem.name.lower()


# a question about one word and nothing else: "what is jet?", "tell me about bone"
ASKED_ABOUT = re.compile(
    r"\s*(?:what(?:'s| is| are)|tell me about|describe|explain)\s+(?:a |an |the )?([a-z][\w' -]*?)\s*[?.!]*\s*", re.I
)


# "is amethyst a quartz?", "is spinel the same as ruby?", "is tanzanite a kind of zoisite?"
IS_A_KIND = re.compile(
    r"^\s*(?:is|are)\s+(?:an?\s+|the\s+)?(?P<x>[a-z][\w' -]*?)\s+(?:(?:a|an)\s+(?:kind|type|variety|form|sort)"
    r"\s+of|the same (?:thing |stone |gem |mineral )?as|(?:a|an)|the same)\s+(?:an?\s+|the\s+)?(?P<y>[a-z][\w' -]*?)"
    r"\s*\??\s*$",
    re.I,
)


def kind_answer(text: str) -> str:
    """Yes or no to "is X a Y?" of two gems, from the knowledge base's kinds and species; '' for any other
    message, or where either is no gem it knows ("is it a sapphire?" is about the stone in hand)."""
    from gemlang.knowledge import find_gem

    asked = IS_A_KIND.match(text or "")
    if not asked or re.fullmatch(r"it|this|that|they|these|those|mine", asked.group("x"), re.I):
        return ""
    x, y = find_gem(asked.group("x")), find_gem(asked.group("y"))
    if x is None or y is None:
        return ""
    if x.name == y.name:
        return f"**Yes**: {asked.group('x')} and {asked.group('y')} are names for the same gem, {x.name}."
    if kind_of(x, y):
        return f"**Yes**: {x.name} is one kind of {y.name.lower()}: every {x.name.lower()} is {y.name.lower()}."
    if kind_of(y, x):
        return f"**Not every one**: {y.name} is one kind of {x.name.lower()}, and there are others."
    if x.species and x.species == y.species:  # ruby and sapphire: the advice says they are both corundum
        return f"**No**: {tell_apart(x.name, y.name)}"
    named = [g.name if g.species in ("", g.name.lower()) else f"{g.name} ({g.species})" for g in (x, y)]
    return f"**No**: {named[0]} and {named[1]} are different gems. {tell_apart(x.name, y.name)}"


NOT_A_NAME = re.compile(
    r"\b(?:this|it|that|these|those|you|your|yourself|my|me|we|our|name|up|going|gemlang|of|in|time|weather|life)\b",
    re.I,
)


def _unknown_name(text: str) -> str | None:
    """The name a "what is X?" or "tell me about X" asks about, of one or two words, when no gem is found."""
    asked = ASKED_ABOUT.fullmatch(text)
    name = asked.group(1).strip() if asked else ""
    return name if name and len(name.split()) <= 2 and not NOT_A_NAME.search(name) else None


def _named_gem(text: str, fuzzy: bool = True):
    """The gem a message asks about ("is it a ruby?"), if any; only exact names in a message of readings."""
    from gemlang.knowledge import find_gem
    from gemlang.knowledge.knowledge_base import knowledge_base, normalise_name

    text = INCLUSION_OR_COLOUR.sub(" ", PHENOMENON_SHOWN.sub(" ", text))  # "hematite platelets", "citrine colour"
    if not text.strip():
        return None
    if (asked := ASKED_ABOUT.fullmatch(text)) and (gem := find_gem(asked.group(1))):
        return gem  # "what is jet?": a word that means other things in a sentence ("jet black") names the gem here
    if fuzzy:
        return find_gem(text)
    key = normalise_name(text)
    return next((gem for pattern, gem in knowledge_base().phrases if pattern.search(key)), None)
