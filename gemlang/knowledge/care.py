"""How to clean and look after a gem: "can I clean opal in an ultrasonic?", "will kunzite fade?".

Answered from `care.json` (each entry with the pages it was checked against): whether an ultrasonic
cleaner, steam and warm soapy water are safe, and what heat, light and chemicals do to it. A treated
material ("glass-filled ruby", "oiled emerald", "mystic topaz") is answered for the treatment first: a
filler or a coating is what a cleaner or a torch harms.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CARE_PATH = Path(__file__).with_name("care.json")
# a question about cleaning, storing or wearing a stone, not about what it is
CARE_QUESTION = re.compile(
    # "clean" as a verb: not "perfectly clean, no inclusions" (a clarity)
    r"\b(?:clean(?:ed)? (?:it|this|that|them|my|the|a|an|with|in|using)|cleaning|cleaner|"
    r"(?:can|could|should|how (?:do|should|can|to)|safe to|ok to|okay to) (?:i |you |we )?clean|"
    r"ultrasonic|steam(?:er)?|wash(?:ing)?|soak|stor(?:e|ing|age)|care (?:for|of)|"
    r"take care|look after|fade|fading|sunlight|(?:jeweller'?s |jeweler'?s )?torch|resiz(?:e|ing)|chlorine|"
    r"pickle|acids?|re-?tip\w*|prongs?|solder\w*|"  # at the bench: the stone left in the setting
    r"cut and polish|(?:cutting|sawing) (?:and|or) polishing|(?:safe|ok|okay) to (?:cut|saw|grind|polish)|lapidary|"
    r"lemon juice|vinegar|shower|dishwasher|household cleaners?|"  # acids and water at home
    r"bleach|perfume|hairspray|swim(?:ming)?|every ?day wear|wear (?:it )?every ?day|durable|durability)\b",
    re.I,
)
ASKED = re.compile(r"\?|^\s*(?:can|could|should|is|are|will|does|do|how|what|which)\b", re.I)
SHORT_CARE = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}(?:care|cleaning)\s*\??\s*$", re.I)  # "sphene care", "care?"


@dataclass(frozen=True)
class Care:
    name: str  # the gem, or the treated material ("lead-glass-filled ruby")
    ultrasonic: str | None
    steam: str | None
    warm_soapy_water: str | None
    text: str
    sources: tuple[str, ...]

    def answer(self) -> str:
        """The care of this gem in a few sentences: the three ways to clean it first, then the rest."""
        ways = [
            f"{way} {verdict}"
            for way, verdict in (
                ("ultrasonic cleaner:", self.ultrasonic),
                ("steam:", self.steam),
                ("warm soapy water:", self.warm_soapy_water),
            )
            if verdict
        ]
        cleaning = f"Cleaning — {'; '.join(ways)}. " if ways else ""
        return f"**Caring for {self.name}**: {cleaning}{self.text}"


def _care(entry: dict, name: str) -> Care:
    return Care(
        name, entry["ultrasonic"], entry["steam"], entry["warm_soapy_water"], entry["text"], tuple(entry["sources"])
    )


@cache
def _care_file() -> tuple[dict[str, Care], tuple[tuple[tuple[str, ...], Care], ...]]:
    with open(CARE_PATH, encoding="utf-8") as f:
        data = json.load(f)
    gems = {name.lower(): _care(e, e["gem"]) for e in data["gems"] for name in (e["gem"], *e.get("also", ()))}
    treatments = tuple((tuple(e["said_as"]), _care(e, e["treatment"])) for e in data["treatments"])
    return gems, treatments


def care_question(text: str) -> bool:
    """Whether a message asks how to clean, store or wear a stone."""
    return bool(CARE_QUESTION.search(text or "") and ASKED.search(text or "")) or bool(SHORT_CARE.match(text or ""))


def care_of(gem_names: list[str], text: str = "") -> Care | None:
    """The care of a treated material the text names, else of the first of `gem_names` (a gem's own name, then
    its species and group) that has one, or names a gem that has ("Sapphire Blue" is cared for as sapphire)."""
    gems, treatments = _care_file()
    lowered = (text or "").lower()
    for said_as, care in treatments:
        if any(re.search(pattern, lowered) for pattern in said_as):
            return care
    for name in gem_names:
        name = (name or "").lower()
        found = gems.get(name) or next((gems[g] for g in gems if re.search(rf"\b{re.escape(g)}\b", name)), None)
        if found is not None:
            return found
    return None


def never_cleaned_with(way: str) -> list[str]:
    """The gems and treated materials that must never go in the `way` ("ultrasonic" or "steam") cleaner."""
    gems, treatments = _care_file()
    cares = [*gems.values(), *(care for _, care in treatments)]
    return [care.name for care in cares if getattr(care, way) == "never"]
