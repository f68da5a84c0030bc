"""Read gemmology-mineral-database through its own API and normalise each gem family's facts.

The database (PyPI `gemmology-mineral-database`, MIT) ships an SQLite file inside the package; it is
opened read-only through `mineral_database.get_connection`. Its `mineral_families` table holds one row
per gem (natural, synthetic, simulant or composite) with the gemmological constants; the `minerals`
table adds crystal-habit presets of the same gems (diamond-octahedron, diamond-cube, ...), which carry
no extra facts, so gemlang reads families only.

Normalisation turns the database's mixed types into GemFacts' types: ranges become (min, max) tuples,
birefringence strings such as "0.008-0.010" become their maximum, semicolon-separated diagnostic
features become a tuple. A range with one end missing is treated as unknown rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gemlang.knowledge.facts import Range


@dataclass(frozen=True)
class DatabaseGem:
    """One gem family of the database, with its facts already in GemFacts' types."""

    id: str
    name: str
    origin: str
    facts: dict[str, Any] = field(hash=False)
    natural_counterpart_id: str | None = None
    target_minerals: tuple[str, ...] = ()
    mineral_group: str = ""
    growth_method: str = ""
    inclusions: tuple[str, ...] = ()
    phenomenon: str = ""
    diagnostic_synthetic_features: str = ""


def _range(low: float | None, high: float | None) -> Range | None:
    if low is None or high is None:
        return None
    return (float(low), float(high))


def parse_max(value: float | str | None) -> float | None:
    """Birefringence/dispersion as stored (0.008, '0.008-0.010', None) -> the largest value."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return float(value)
    parts = [p for p in str(value).replace("–", "-").split("-") if p.strip()]
    try:
        return max(float(p) for p in parts)
    except ValueError:
        return None


def _least(value: float | str | None) -> float | None:
    """'0.004-0.037' (scapolite, whose birefringence rises with its calcium) -> 0.004; one value -> None."""
    span = parse_range(value)
    return span[0] if span and span[0] < span[1] else None


def parse_range(value: float | str | None) -> Range | None:
    """'0.013-0.020' -> (0.013, 0.020); 0.044 -> (0.044, 0.044)."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return (float(value), float(value))
    parts = [p for p in str(value).replace("–", "-").split("-") if p.strip()]
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        return None
    return (min(numbers), max(numbers)) if numbers else None


def split_features(text: str | None) -> tuple[str, ...]:
    """Split 'a; b (c; d). E' into features at semicolons and sentence ends outside parentheses."""
    if not text:
        return ()
    items, depth, current = [], 0, []
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        sentence_end = char == "." and text[i + 1 : i + 3].startswith(" ") and text[i + 2 : i + 3].isupper()
        if depth == 0 and (char == ";" or sentence_end):
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return tuple(item.strip().rstrip(".") for item in items if item.strip())


def _text_items(values: list[Any]) -> tuple[str, ...]:
    """List fields occasionally hold {label: text} notes next to plain strings; flatten them."""
    out = []
    for value in values or []:
        if isinstance(value, dict):
            out.extend(f"{k}: {v}" for k, v in value.items())
        elif str(value).strip():
            out.append(str(value).strip())
    return tuple(out)


def _clean(text: str | None) -> str:
    return " ".join(str(text).split()) if text else ""


AGGREGATE = "Aggregate (no single optic character)"


def optic_character(text: str | None) -> str:
    """The database's optic character with its 'AGG' abbreviation spelt out for a reader."""
    text = _clean(text)
    if text.upper() == "AGG":
        return AGGREGATE
    return text.replace("(AGG)", "(aggregate)")


def _normalise(family: Any) -> DatabaseGem:
    facts: dict[str, Any] = {
        "chemistry": _clean(family.chemistry),
        "crystal_system": _clean(family.crystal_system),
        "hardness": _range(family.hardness_min, family.hardness_max),
        "specific_gravity": _range(family.sg_min, family.sg_max),
        "refractive_index": _range(family.ri_min, family.ri_max),
        "birefringence": parse_max(family.birefringence),
        "least_birefringence": _least(family.birefringence),
        "optical_character": optic_character(family.optical_character),
        # 0 is no figure (Gilson opal's): every transparent material disperses light, and opal has none stored
        "dispersion": (dispersion := parse_range(family.dispersion)) and (dispersion if dispersion[1] > 0 else None),
        "lustre": _clean(family.lustre),
        "cleavage": _clean(family.cleavage),
        "pleochroism": _clean(family.pleochroism),
        "fluorescence": _clean(family.fluorescence),
        "colours": _text_items(family.colors),
        "localities": _text_items(family.localities),
        "diagnostic_features": split_features(family.diagnostic_features),
        "mineral_class": _clean(family.category),
        "fracture": _clean(family.fracture),
        "treatments": _text_items(family.treatments),
    }
    return DatabaseGem(
        id=family.id,
        name=_clean(family.name),
        origin=family.origin or "natural",
        facts=facts,
        natural_counterpart_id=family.natural_counterpart_id,
        target_minerals=tuple(family.target_minerals or ()),
        mineral_group=_clean(family.mineral_group),
        growth_method=_clean(family.growth_method),
        inclusions=_text_items(family.inclusions),
        phenomenon=_clean(family.phenomenon),
        diagnostic_synthetic_features=_clean(family.diagnostic_synthetic_features),
    )


@lru_cache(maxsize=1)
def database_gems() -> dict[str, DatabaseGem]:
    """Every gem family in the database by id, with `simulants` filled from the simulant families.

    A simulant or composite family names the natural gem it imitates in `natural_counterpart_id` or
    `target_minerals`; gemlang inverts that link so each natural gem lists its simulants.
    """
    from mineral_database import get_connection
    from mineral_database.db import get_all_families

    with get_connection() as conn:
        families = get_all_families(conn)
    gems = {f.id: _normalise(f) for f in families}
    imitations: dict[str, list[str]] = {}
    for gem in gems.values():
        if gem.origin in ("simulant", "composite"):
            targets = dict.fromkeys(
                ([gem.natural_counterpart_id] if gem.natural_counterpart_id else []) + list(gem.target_minerals)
            )
            for target in targets:
                imitations.setdefault(target, []).append(gem.name)
    for gem in gems.values():
        gem.facts["simulants"] = tuple(sorted(imitations.get(gem.id, [])))
    return gems
