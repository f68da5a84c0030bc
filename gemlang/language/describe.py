"""Catalog descriptions grounded in the knowledge base, and how to tell two close candidates apart.

    from gemlang.language.describe import describe_prediction
    d = describe_prediction([("Ruby", 0.48), ("Spinel", 0.41), ("Garnet Red", 0.05)])
    d.text, d.gem, d.close_call, d.facts_used

The text is filled from the templates in prompts/describe.toml with facts of the predicted gem (numbers
through the knowledge base's formatter), followed by the gem's reference description. When the top two
candidates are close, it says so and names the tests that separate them (`gemlang.knowledge.tell_apart`:
refractometer, balance, polariscope, dichroscope first; a scratch test only for rough material). A local
Hugging Face text-generation model can write the prose instead (`load_generator`); its prompt carries
the same facts, and numbers it prints that the knowledge base does not hold are listed in
`Description.ungrounded_numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gemlang.errors import GemlangError
from gemlang.knowledge import GemFacts, UnknownGemError, find_gem, get_facts
from gemlang.knowledge.facts import SOURCED_FIELDS
from gemlang.knowledge.tell_apart import tell_apart
from gemlang.language.gem_prose import reference_description
from gemlang.language.gem_text import NUMBER_FIELDS, gem_values
from gemlang.language.prompts import fill, first_filled, read_toml, template_fields

TEMPLATES = "describe.toml"
CLOSE_CALL_GAP = 0.15  # top-1 minus top-2 probability below this: say it could also be the runner-up
CONFIDENT, LIKELY = 0.6, 0.3  # opening sentence: confident / likely / unsure

Generator = Callable[[str], str]


@dataclass
class Description:
    text: str
    gem: GemFacts
    probability: float
    prose: str = ""  # the first paragraph: what the gem is, its colour, origin, name, history, phenomena, uses
    properties: str = ""  # the gemmologist's data: constants, identifying features, treatments (templates only)
    close_call: str | None = None
    alternative: GemFacts | None = None
    reference: str = ""
    facts_used: dict[str, str] = field(default_factory=dict)  # template field -> the value printed
    generated_by: str = "templates"
    ungrounded_numbers: list[str] = field(default_factory=list)
    label: str = ""  # the class as the model names it ("Smoky Topaz"), which `gem`'s facts describe

    @property
    def named(self) -> str:
        """The class the model answered, as it names it: what a catalog row and `predict` say."""
        return self.label or self.gem.name

    def to_dict(self) -> dict[str, Any]:
        return {
            "gem": self.named,
            "probability": self.probability,
            "text": self.text,
            "close_call": self.close_call,
            "alternative": self.alternative.name if self.alternative else None,
            "facts_used": dict(self.facts_used),
            "generated_by": self.generated_by,
            "ungrounded_numbers": list(self.ungrounded_numbers),
        }


def percent(p: float) -> str:
    """'62%'; never '100%' or '0%' for what is only very likely or very unlikely."""
    return ">99%" if p >= 0.995 else "<1%" if p < 0.005 else f"{p:.0%}"


def lookup_gem(name: str) -> GemFacts:
    """The knowledge entry for a class name; a class gemlang has no entry for gets an empty record."""
    try:
        return get_facts(name)
    except UnknownGemError:
        return find_gem(name) or GemFacts(name=name)


def _fill_tracked(alternatives: str | list[str], values: dict[str, Any], used: dict[str, str]) -> str | None:
    text = first_filled(alternatives, values)
    if text is not None:
        options = [alternatives] if isinstance(alternatives, str) else alternatives
        chosen = next(t for t in options if fill(t, values) == text)
        used.update({f: str(values[f]) for f in template_fields(chosen)})
    return text


def compare_gems(a: GemFacts, b: GemFacts) -> str:
    """How to tell two candidates apart: the one rule set of `gemlang.knowledge.tell_apart`."""
    return tell_apart(a, b)


def _grounding_numbers(gems: list[GemFacts]) -> set[str]:
    """Every number the knowledge base states about these gems, as printed by its formatter or its prose."""
    found: set[str] = set()
    for gem in gems:
        for name in NUMBER_FIELDS:
            if getattr(gem, name):
                text = gem.format(name)
                found.add(text)
                found.update(text.split("–"))
        prose = " ".join(
            [
                reference_description(gem),
                gem.chemistry,
                gem.cleavage,
                gem.fracture,
                *gem.treatments,
                *gem.diagnostic_features,
                *gem.localities,
                *(getattr(gem, f) for f in SOURCED_FIELDS),
            ]
        )
        found.update(n for token in NUMBER.findall(prose) for n in [token, *token.split("–")])
    return found


NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:–\d+(?:\.\d+)?)?(?![\w])")


def ungrounded_numbers(text: str, gems: list[GemFacts]) -> list[str]:
    """Numbers in `text` (percentages aside) that the knowledge base does not state for these gems."""
    known = _grounding_numbers(gems)
    percents = {m.group(1) for m in re.finditer(r"(\d+(?:\.\d+)?)%", text)}
    return [n for n in NUMBER.findall(text) if n not in known and n not in percents]


def describe_prediction(top_k: list[tuple[str, float]], generator: Generator | None = None) -> Description:
    """A catalog description for a classifier's ranked candidates [(class name, probability), ...]."""
    if not top_k:
        raise ValueError("describe_prediction needs at least one (gem name, probability) candidate")
    t = read_toml(TEMPLATES)
    name, probability = top_k[0]
    gem = lookup_gem(name)
    values = {
        **gem_values(gem),
        "probability": percent(probability),
        "reference": reference_description(gem),
    }
    used: dict[str, str] = {}
    level = "confident" if probability >= CONFIDENT else "likely" if probability >= LIKELY else "unsure"
    opening = _fill_tracked(t["opening"][level], values, used) or f"{gem.name}."
    if gem.name.lower() != name.lower():  # a class named by a trade name or another name: say whose facts these are
        opening = f"{name} is described here as {gem.name}, the gem the name stands for. {opening}"

    close_call, alternative = None, None
    if len(top_k) > 1 and probability - top_k[1][1] < CLOSE_CALL_GAP:
        alternative = lookup_gem(top_k[1][0])
        close_call = fill(
            t["close_call"]["sentence"],
            {
                "other": alternative.name,
                "other_probability": percent(top_k[1][1]),
                "comparison": compare_gems(gem, alternative),
            },
        )

    generated_by, ungrounded, properties = "templates", [], ""
    if generator is not None:
        prompt = fill(t["generator"]["prompt"], {k: v or "unknown" for k, v in values.items()}) or ""
        body = generator(prompt).strip()
        generated_by = getattr(generator, "name", None) or getattr(generator, "__name__", type(generator).__name__)
        used.update({f: str(values[f]) for f in template_fields(t["generator"]["prompt"]) if values.get(f)})
        paragraphs = [f"{opening} {body}".strip()]
        ungrounded = ungrounded_numbers(body, [gem] + ([alternative] if alternative else []))
    else:
        prose, data = (
            [s for alts in t["description"][part] if (s := _fill_tracked(alts, values, used))]
            for part in ("sentences", "properties")
        )
        properties = " ".join(data)
        paragraphs = [" ".join([opening, *prose])] + ([properties] if properties else [])
        reference = _fill_tracked(t["description"].get("reference", ""), values, used)
        if reference:
            paragraphs.append(reference)
    if close_call:
        paragraphs.append(close_call)
    return Description(
        text="\n\n".join(paragraphs),
        gem=gem,
        probability=float(probability),
        prose=paragraphs[0],
        properties=properties,
        close_call=close_call,
        alternative=alternative,
        reference=reference_description(gem),
        facts_used=used,
        generated_by=generated_by,
        ungrounded_numbers=ungrounded,
        label=name,
    )


class GeneratorError(GemlangError):
    """--generator names a folder that holds no text-generation model that loads here."""


class TextGenerator:
    """A local Hugging Face causal language model (a folder with config, weights and tokenizer).

    Loaded with `local_files_only`, so nothing is ever downloaded; greedy decoding, so the same facts
    give the same text.
    """

    def __init__(self, path: str, max_new_tokens: int = 120):
        from pathlib import Path

        folder = Path(path)
        if not (folder / "config.json").is_file():
            raise FileNotFoundError(
                f"{folder}: not a Hugging Face model folder (no config.json); save one with "
                "model.save_pretrained(DIR) and tokenizer.save_pretrained(DIR)"
            )
        from transformers import AutoModelForCausalLM, AutoTokenizer

        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
            self.model = AutoModelForCausalLM.from_pretrained(str(folder), local_files_only=True).eval()
        except (OSError, ValueError, KeyError, TypeError, ImportError) as e:  # a folder of another kind of model
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise GeneratorError(
                f"{folder}: not a text-generation model that loads here ({first}); give a folder saved with "
                "model.save_pretrained(DIR) and tokenizer.save_pretrained(DIR) of a causal language model"
            ) from e
        self.tokenizer.truncation_side = "left"  # keep the end of the prompt: "Description:"
        self.max_new_tokens = max_new_tokens
        self.name = f"text-generation:{folder.name}"

    def __call__(self, prompt: str) -> str:
        import torch

        limit = getattr(self.model.config, "n_positions", None) or getattr(
            self.model.config, "max_position_embeddings", 1024
        )
        inputs = self.tokenizer(
            prompt, return_tensors="pt", truncation=True, max_length=max(8, limit - self.max_new_tokens)
        )
        pad = self.tokenizer.pad_token_id
        if pad is None:
            pad = self.tokenizer.eos_token_id if self.tokenizer.eos_token_id is not None else 0
        with torch.no_grad():
            out = self.model.generate(
                **inputs,
                max_new_tokens=self.max_new_tokens,
                do_sample=False,
                pad_token_id=pad,
                repetition_penalty=1.3,
            )
        new = out[0, inputs["input_ids"].shape[1] :]
        return " ".join(self.tokenizer.decode(new, skip_special_tokens=True).split())


def load_generator(path: str | None) -> Generator | None:
    """`TextGenerator(path)`, or None for templated descriptions."""
    return TextGenerator(path) if path else None
