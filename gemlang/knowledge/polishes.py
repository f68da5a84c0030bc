"""Which polishing compound a cutter uses on a gem (cerium oxide, aluminium oxide or diamond), from
`polishes.json`, one faceter's sourced list; a gem it does not list gets the list's rule by hardness instead."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from gemlang.knowledge.facts import GemFacts, format_quantity

POLISHES_PATH = Path(__file__).with_name("polishes.json")
# "what polish should I use for sapphire?", "is cerium oxide good for tourmaline?", "diamond or oxide for topaz?"
POLISH_ASKED = re.compile(
    r"\b(?:cerium|alumin(?:i)?um|tin|chrom(?:e|ium)) oxide\b|\boxide polish|\bdiamond (?:polish|paste|powder|bort)\b|"
    r"\b(?:what|which) (?:kind of |type of )?polish(?:es|ing)?\b(?! (?:cloth|rings?|jewell?e?ry|silver|gold|metal))|"
    r"\bpolish(?:ing)? (?:compounds?|powders?|agents?|media)\b|"
    r"\bpolish(?:ed)? (?:it |them |\w+ )?with (?:what|which)\b",
    re.I,
)


@cache
def _polishes() -> dict:
    with open(POLISHES_PATH, encoding="utf-8") as f:
        return json.load(f)


def _listed(entry: dict, gem: GemFacts) -> bool:
    return gem.name in entry["gems"] or any(re.search(rf"\b{word}\b", gem.species, re.I) for word in entry["species"])


def polish_answer(gem: GemFacts, asked: str = "") -> tuple[str, list[str]]:
    """Which compound polishes `gem`, as the list names it, yes or no when `asked` names one ("is cerium oxide
    good for tourmaline?"); for a gem it does not name, a gem of its species that it names, then its rule by
    hardness with the gem's own hardness. With the list's sources."""
    data = _polishes()
    sources, rule = data["sources"], data["general"]
    for entry in data["polishes"]:
        if _listed(entry, gem):
            named = COMPOUND_NAMED.search(asked)
            verdict = "" if not named else "Yes: " if _compound(named[0]) == entry["polish"] else "No: "
            notes = " ".join(n["text"] for n in entry.get("notes", ()) if gem.name in n["gems"])
            said = f"{verdict}cutters polish {gem.name} with **{entry['polish']}**. {notes}"
            later = data["exceptions"] if entry["polish"] != "diamond" else rule
            return f"{said[0].upper()}{said[1:].strip()} {later}", sources
    species = re.sub(r"\s*\([^)]*\)", "", gem.species).strip()
    for entry in data["polishes"]:
        kin = [name for name in entry["gems"] if species and _species_of(name) == species]
        if kin:
            return (
                f"My source does not name {gem.name}; it names {kin[0]}, of the same species "
                f"({species}), among the stones polished with **{entry['polish']}**. {rule}",
                sources,
            )
    mohs = f" {gem.name} is Mohs {format_quantity('hardness', gem.hardness)}." if gem.hardness else ""
    return f"My source does not name {gem.name} among the gems it lists.{mohs} Its rule: {rule}", sources


COMPOUND_NAMED = re.compile(r"\b(?:cerium|alumin(?:i)?um) oxide\b|\bdiamond (?:polish|paste|powder|bort)\b", re.I)


def _compound(named: str) -> str:
    """The list's name for a compound a question names ("aluminum oxide", "diamond paste")."""
    return (
        "cerium oxide"
        if named.lower().startswith("cerium")
        else "diamond"
        if "diamond" in named.lower()
        else ("aluminium oxide")
    )


def _species_of(name: str) -> str:
    from gemlang.knowledge import get_facts

    gem = get_facts(name)
    return re.sub(r"\s*\([^)]*\)", "", gem.species).strip() if gem else ""
