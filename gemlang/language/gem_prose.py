"""Prose about a gem written from its facts: the reference text of gems nobody wrote one for, and the
expert-topic paragraph of a catalog description.

The knowledge base holds facts (numbers, names, places, and facts in words with their citations); this
module turns them into sentences. Nothing here states a fact the knowledge base does not hold:

- `reference_description(gem)`: the reviewed description when there is one, else `compose_description`,
  two to four plain sentences from the database facts (used for the ~100 database gems without a
  reviewed text: synthetics, simulants, rarer species);
- `expert_paragraph(gem)`: what an expert text covers after saying what the gem is (the description
  template's first sentence, which uses `GemFacts.composition`): what colours it, where and how it forms,
  its history and notable stones, its phenomena — from the sourced facts (`colour_cause`, `formation`,
  `history`, `phenomena`); where it is mined is the template's own sentence. A topic without a sourced fact
  is left out.
"""

from __future__ import annotations

from gemlang.knowledge import GemFacts, format_quantity


def _short(place: str) -> str:
    return place.split(" (")[0].split(" — ")[0].strip()


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _sentence(text: str) -> str:
    """First letter up, one full stop at the end."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""


def _places(gem: GemFacts, n: int = 3) -> tuple[list[str], bool]:
    """Up to n short confirmed localities, and whether the gem is found worldwide."""
    confirmed = gem.confirmed_localities()
    everywhere = any(p.lower().startswith("worldwide") for p in confirmed)
    places = [
        p
        for p in dict.fromkeys(_short(p) for p in confirmed)
        if p and not p.lower().startswith(("worldwide", "any ")) and len(p.split()) <= 5
    ]
    return places[:n], everywhere


def compose_description(gem: GemFacts) -> str:
    """Two to four plain sentences from the database facts, for gems without a reviewed description."""
    system = gem.crystal_system
    sentences = []
    if gem.origin == "synthetic":
        made = f", grown by the {gem.growth_method} method" if gem.growth_method else ""
        sentences.append(
            f"{gem.name} is a laboratory-grown {gem.imitates or 'gem'}{made}; "
            "it has essentially the chemistry and constants of the natural gem."
        )
    elif gem.origin in ("simulant", "composite"):
        kind = "an assembled (composite) stone" if gem.origin == "composite" else "a simulant"
        purpose = f" used to imitate {gem.imitates}" if gem.imitates else " used as an imitation"
        sentences.append(f"{gem.name} is {kind}{purpose}, not the gem it resembles.")
    else:
        what = "an amorphous gem material" if system == "amorphous" else f"{_article(system)} {system} gem material"
        group = f" of the {gem.group}" if gem.group.lower().endswith("group") else ""
        chem = f" ({gem.chemistry})" if gem.chemistry else ""
        sentences.append(f"{gem.name} is {what}{group}{chem}.")
    numbers = [
        f"{label} {format_quantity(field, getattr(gem, field))}"
        for label, field in (
            ("Mohs hardness", "hardness"),
            ("specific gravity", "specific_gravity"),
            ("refractive index", "refractive_index"),
            ("birefringence", "birefringence"),
        )
        if getattr(gem, field)
    ]
    if numbers:
        opaque = "; it is opaque, so no refractive index is read" if gem.refractive_index is None else ""
        sentences.append(_join(numbers) + opaque + ".")
    features = list(gem.diagnostic_features)[:2]
    if features:
        sentences.append("Key features: " + "; ".join(features) + ".")
    places, everywhere = _places(gem)
    if places:
        lead = "Found worldwide; notable sources include" if everywhere else "Notable sources:"
        joined = "; ".join(places) if any("," in p for p in places) else _join(places)
        sentences.append(f"{lead} {joined}.")
    return " ".join(sentences)


def reference_description(gem: GemFacts) -> str:
    """The gem's reviewed description, or one composed from its facts when nobody wrote one."""
    return gem.description or compose_description(gem)


def expert_paragraph(gem: GemFacts) -> str:
    """The topics expert texts cover, each from a sourced fact; '' when the gem has none of them."""
    sentences = []
    if gem.colour_cause:
        sentences.append(_sentence(f"Its colour comes from {gem.colour_cause}"))
    if gem.formation:
        sentences.append(_sentence(gem.formation))
    if gem.history:
        sentences.append(_sentence(gem.history))
    if gem.phenomena:
        sentences.append(_sentence(gem.phenomena))
    return " ".join(s for s in sentences if s)
