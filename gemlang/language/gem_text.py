"""Gem facts as template values, and the many phrasings of each gem that the alignment is trained on.

Every number goes through the knowledge base's formatter (`GemFacts.format`), so a description, a
zero-shot prompt and a property table print the same "7.5–8" for the same gem.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import Any

from gemlang.knowledge import GemFacts, all_gems
from gemlang.knowledge.colours import BASIC
from gemlang.language.gem_prose import (
    ELEMENTS,
    NOT_A_SOURCE,
    chemical_name,
    crystal_structure,
    join_places,
    lower_first,
    mineral_group,
    reference_description,
    sentence,
    treatment_sentence,
)

# Placeholders that name one item of a list; a template using them is expanded once per item.
ITEM_FIELDS = {
    "colour": "colours",
    "locality": "localities",
    "alias": "aliases",
    "feature": "diagnostic_features",
}
NUMBER_FIELDS = ("hardness", "specific_gravity", "refractive_index", "birefringence", "dispersion")


def join_words(items: list[str], last: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 2:
        return f" {last} ".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def short_place(place: str) -> str:
    return place.split(" (")[0].split(":")[0].strip()


def optic_phrase(gem: GemFacts) -> str:
    """The optic character in words a reader of a catalog understands."""
    oc = gem.optical_character.strip()
    low = oc.lower()
    if not oc:
        return ""
    if low.startswith("isotropic") or low == "amorphous":
        return "singly refractive"
    if low.startswith("aggregate"):
        return "a fine-grained aggregate (no single optic character)"
    signs = {"+": "positive", "-": "negative", "+ or -": "positive or negative", "- or +": "negative or positive"}
    match = re.fullmatch(
        r"(uniaxial|biaxial)\s*([+-](?: or [+-])?)?\s*(?:\((rarely|sometimes) ([+-])\))?\s*(?:;\s*(.*))?", low
    )
    if match:  # "biaxial - (rarely +); massive material aggregate", in words
        axial, sign, how, other, rest = match.groups()
        said = axial + (f" {signs[sign]}" if sign else "") + (f", {how} {signs[other]}" if how else "")
        rest = re.sub(r"^massive material aggregate$", "massive material is an aggregate", rest or "")
        return f"doubly refractive ({said})" + (f"; {rest}" if rest else "")
    return lower_first(oc)


def lustre_phrase(gem: GemFacts) -> str:
    """'vitreous lustre', or with a remark after it ('vitreous lustre, pearly on cleavage'), never 'X; Y lustre'."""
    lustre = gem.lustre.strip().lower()
    if not lustre:
        return ""
    main, _, remark = lustre.partition(";")
    main = re.sub(r"\s*lustre$", "", main.strip())
    return f"{main} lustre" + (f", {remark.strip()}" if remark.strip() else "")


def localities(gem: GemFacts, n: int = 3) -> list[str]:
    places = [short_place(p) for p in gem.confirmed_localities()]
    return [p for p in dict.fromkeys(places) if p and not p.lower().startswith(NOT_A_SOURCE)][:n]


def other_names(gem: GemFacts, n: int = 3) -> list[str]:
    """The gem's other names worth telling a reader ('Heliotrope' for Bloodstone), without those that only
    reorder or respell its name ('Blue sapphire' for Sapphire Blue, 'Almandine garnet' for Almandine)."""
    own = _name_words(gem.name)
    names: dict[frozenset[str], str] = {}
    for alias in gem.aliases:
        key = frozenset(_name_words(alias))
        if key and not own <= key and not key < own and key not in names:  # nor shorten it ('Glass')
            names[key] = alias
    return list(names.values())[:n]


def _head(name: str) -> str:
    """A name without what its brackets add: 'glass' for 'Glass (Paste)'."""
    return name.split(" (")[0].strip().lower()


def _name_words(text: str) -> set[str]:
    from gemlang.knowledge import normalise_name

    return set(normalise_name(text).replace("colour", "color").split())


def common_name(gem: GemFacts) -> str:
    """How prose names the gem: 'Smoky quartz' for the class Quartz Smoky, "Cat's eye" for Cats Eye, from the
    alias that only reorders or respells the class name; else the name itself, in sentence case ('Lapis lazuli')."""
    own = _name_words(gem.name)
    text = next((a for a in gem.aliases if _name_words(a) == own and "-" not in a), gem.name)
    first, *rest = text.split(" ")
    return " ".join([first, *(w if w.isupper() else w.lower() for w in rest)])


def lower_name(gem: GemFacts) -> str:
    """The gem's name inside a sentence: 'pink sapphire' for the class Sapphire Pink (whose lower-case label,
    read as a colour, `in_prose` leaves alone), 'flux-grown ruby'; an abbreviation keeps its capitals ('LuAG')."""
    first, _, rest = common_name(gem).partition(" ")
    first = "-".join(p if any(c.isupper() for c in p[1:]) else p.lower() for p in first.split("-"))  # "flux-grown"
    return f"{first} {rest}".strip()


@cache
def _reordered_names() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Each way a name that prose says otherwise is printed ('Quartz Smoky', 'quartz smoky'), with its common name;
    and the pattern that finds them. A lower-case name that reads as a colour ('sapphire blue', 'garnet red') is
    left alone: the knowledge base writes "almost sapphire blue" of a colour, never of the gem."""
    said: dict[str, str] = {}
    for gem in all_gems():
        name = common_name(gem)
        if name.lower() == gem.name.lower():  # only the case differs ('Lapis Lazuli'): kept as it is
            continue
        name = " ".join(word[0].upper() + word[1:] for word in name.split(" "))
        said[gem.name] = name
        if gem.name.split()[-1].lower() not in BASIC:
            said[gem.name.lower()] = name
    if not said:
        return said, None
    names = "|".join(re.escape(n) for n in sorted(said, key=len, reverse=True))
    return said, re.compile(rf"(?<![\w'-])(?:{names})(?![\w-])")


def in_prose(text: str) -> str:
    """Text for a reader, with each photo-class label said as a gemmologist says it, capitalised as every gem's
    name is: 'Quartz Smoky' -> 'Smoky Quartz', 'Tigers Eye' -> "Tiger's Eye" (as 'Padparadscha Sapphire').
    Labels stay what the classifier, the knowledge lookups and the catalog use; only what is shown is reworded,
    and twice changes nothing."""
    said, pattern = _reordered_names()
    return text if pattern is None else pattern.sub(lambda match: said[match.group(0)], text)


def variety_phrase(gem: GemFacts) -> str:
    """The variety as said after '<name> is': '' when it only repeats the name or species ("Ruby is ruby"), and
    only its explanation when it starts with the name ('beer quartz (light golden-brown quartz)' -> 'light
    golden-brown quartz'), so a description never says "Beer quartz is beer quartz"."""
    variety = gem.variety.strip()
    names = {gem.species.lower(), gem.name.lower(), common_name(gem).lower()}
    head, _, note = variety.partition(" (")
    if head.lower() in names:
        return note.rstrip(")").strip()
    return variety


def _unsaid_chemistry(values: dict[str, Any], composition: str) -> None:
    """Blank the chemistry the opening sentence already gave ("a beryllium aluminium oxide", the formula), so the
    description does not say it twice; the templates then fall back to what is left."""
    said = composition.lower()
    elements = [w for w in re.findall(r"[a-z]+", values["chemical"].lower()) if w in ELEMENTS.values()]
    if elements and all(e in said for e in elements):
        values["chemical"] = ""
    bare = lambda text: re.sub(r"[^a-z0-9]", "", text.lower())  # noqa: E731 - Cu2CO3(OH)2 is Cu2(CO3)(OH)2
    if values["formula"] and bare(values["formula"].split(":")[0]) in bare(said):
        values["formula"] = ""


def gem_values(gem: GemFacts) -> dict[str, Any]:
    """Template values for one gem; unknown facts are empty strings (so templates using them are skipped)."""
    values: dict[str, Any] = {
        "name": gem.name,
        "common_name": common_name(gem),
        "species": gem.species,
        # Blank when it would only repeat the name ("Ruby is ruby"): templates fall back to another wording.
        "variety": gem.variety if gem.variety.lower() not in (gem.species.lower(), gem.name.lower()) else "",
        "variety_phrase": variety_phrase(gem),
        "mineral": gem.species if _head(gem.species) != _head(gem.name) else "",  # not "Glass (paste) is glass"
        "chemistry": gem.chemistry,
        # The chemistry as printed after "Its formula is": blank when the database gives words, not a formula.
        "formula": gem.chemistry if not re.match(r"[A-Z][a-z]{2,}", gem.chemistry) else "",
        "structure_sentence": sentence(crystal_structure(gem)),
        "composition": gem.composition,
        "crystal_system": gem.crystal_system,
        "lustre": gem.lustre.lower(),
        "lustre_phrase": lustre_phrase(gem),
        "cleavage": lower_first(gem.cleavage),
        "optic": optic_phrase(gem),
        "colours": join_words([lower_first(c) for c in gem.colours[:4]], "or"),
        "localities": join_places(localities(gem)),
        "features": "; ".join(lower_first(f) for f in gem.diagnostic_features[:2]),
        "aliases": join_words(list(gem.aliases[:3]), "or"),
        "other_names": join_words(other_names(gem)),
        "description": reference_description(gem),
        # The facts in words, each a sentence or phrase of its own (prompts/describe.toml orders them).
        "chemical": chemical_name(gem),
        "group": mineral_group(gem),
        "structure": crystal_structure(gem),
        "colour_cause": gem.colour_cause.strip().rstrip("."),
        "formation": sentence(gem.formation),
        "name_origin": sentence(gem.name_origin),
        "history": sentence(gem.history),
        "phenomena": sentence(gem.phenomena),
        "uses": sentence(gem.uses),
        "treatments_sentence": treatment_sentence(gem),
    }
    for name in NUMBER_FIELDS:
        value = getattr(gem, name)
        values[name] = gem.format(name) if value else ""
    # One-item fields, for templates that are expanded per item (the first item when not expanded).
    items = gem_items(gem)
    for field, options in items.items():
        values[field] = options[0] if options else ""
    _unsaid_chemistry(values, gem.composition)
    return values


def gem_items(gem: GemFacts) -> dict[str, list[str]]:
    return {
        "colour": [lower_first(c) for c in gem.colours],
        "locality": localities(gem, n=6),
        "alias": list(gem.aliases),
        "feature": list(gem.diagnostic_features),
    }


def expand(template: str, gem: GemFacts, limit: int = 6) -> list[str]:
    """Every filling of a template for a gem, one per item of its list fields (at most `limit`)."""
    from gemlang.language.prompts import fill, template_fields

    values = gem_values(gem)
    items = gem_items(gem)
    listed = [f for f in template_fields(template) if f in ITEM_FIELDS]
    choices = [items[f] for f in listed]
    texts = []
    for combo in itertools.islice(itertools.product(*choices), limit):
        text = fill(template, {**values, **dict(zip(listed, combo, strict=True))})
        if text is not None:
            texts.append(text)
    return list(dict.fromkeys(texts))


def sentences(text: str) -> list[str]:
    """Split prose into sentences (good enough for gem descriptions: no abbreviations with full stops)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z'‘\"(])", text.strip())
    return [p.strip() for p in parts if len(p.strip()) > 3]


def gem_phrasings(gem: GemFacts, templates: list[str] | tuple[str, ...], per_template: int = 6) -> list[str]:
    """The texts one gem is paired with when the alignment is trained: templates plus its description."""
    texts = [t for template in templates for t in expand(template, gem, per_template)]
    texts += sentences(reference_description(gem))
    return list(dict.fromkeys(texts))
