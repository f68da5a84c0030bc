"""A stone's weight from its measurements, and a weight's size: the trade's per-cut estimation formulas (length x
width x depth x specific gravity x a factor for the cut) and the typical diameters of round brilliant diamonds,
each with its sources (`carat_weight.json`). Every figure worked out here is an estimate and is said to be one."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gemlang.knowledge.facts import GemFacts, format_quantity

CARAT_WEIGHT_PATH = Path(__file__).with_name("carat_weight.json")
DIAMOND_SG = 3.52  # diamond's specific gravity, which the round diamond sizes are of


@dataclass(frozen=True)
class Cut:
    name: str
    asked_as: str
    measures: str  # "diameter": the average diameter squared; "length": length by width
    factor: float


@cache
def _data() -> dict:
    with open(CARAT_WEIGHT_PATH, encoding="utf-8") as f:
        return json.load(f)


def cuts() -> tuple[Cut, ...]:
    return tuple(Cut(c["cut"], c["asked_as"], c["measures"], c["factor"]) for c in _data()["formulas"]["cuts"])


def formula_sources() -> list[str]:
    return list(_data()["formulas"]["sources"])


def cut_named(text: str) -> Cut | None:
    """The cut a message names ("a 7x5 oval"), or None."""
    return next((cut for cut in cuts() if re.search(cut.asked_as, text or "", re.I)), None)


# "7x5", "7 x 5 x 3.2 mm", "8 by 6 mm": a stone's measurements; not "10x" (a loupe's magnification) alone
_MM = r"\d+(?:[.,]\d+)?"
DIMENSIONS = re.compile(
    rf"(?<![\w.])({_MM})\s*(?:mm\s*)?(?:x|×|\*|by)\s*({_MM})(?:\s*(?:mm\s*)?(?:x|×|\*|by)\s*({_MM}))?"
    r"(?:\s*(?:mm|millimet\w*))?(?!\w)",
    re.I,
)
ONE_SIZE = re.compile(rf"(?<![\w.])({_MM})\s*(?:mm|millimet\w*)\b", re.I)  # "a 6 mm round"


# "5 mm deep", "a depth of 3.2 mm": the depth said apart from the outline's measurements
DEPTH_SAID = re.compile(
    rf"(?<![\w.])({_MM})\s*(?:mm|millimet\w*)?\s*(?:deep|depth)\b|\bdepth\s*(?:of\s+|is\s+|:\s*)?({_MM})", re.I
)


def measurements(text: str) -> tuple[float, ...]:
    """The millimetres a message gives of a stone: (length, width[, depth]) or (diameter[, depth]); () for none."""
    depth = DEPTH_SAID.search(text or "")
    outline = text[: depth.start()] + " " + text[depth.end() :] if depth else text or ""
    sizes: tuple[float, ...] = ()
    if found := DIMENSIONS.search(outline):
        sizes = tuple(float(v.replace(",", ".")) for v in found.groups() if v)
    elif found := ONE_SIZE.search(outline):
        sizes = (float(found.group(1).replace(",", ".")),)
    if depth and sizes and len(sizes) < 3:  # "an 8 mm round 5 mm deep": (8, 8, 5) for a round
        said = float((depth.group(1) or depth.group(2)).replace(",", "."))
        sizes = (*sizes, *sizes[:1], said) if len(sizes) == 1 else (*sizes, said)
    return sizes


def _sg(gem: GemFacts) -> float:
    return round(sum(gem.specific_gravity) / 2, 2)


def _ct(value: float) -> str:
    return f"{value:.2f} ct"


def factors_said() -> str:
    """ "round 0.0018, oval 0.0020, ...": each cut's factor, the round and oval on the average diameter squared."""
    return ", ".join(f"{cut.name} {cut.factor:.4f}" for cut in cuts())


def formulas_said(gem: GemFacts | None) -> str:
    """How a weight is estimated from measurements, with each cut's factor; with the gem's SG when one is named."""
    each = "; ".join(
        f"{cut.name}: {'average diameter²' if cut.measures == 'diameter' else 'length × width'} × depth × SG × "
        f"{cut.factor:.4f}"
        for cut in cuts()
    )
    sg = (
        f" For {gem.name}, SG {format_quantity('specific_gravity', gem.specific_gravity)}."
        if gem is not None and gem.specific_gravity
        else " The SG is the gem's own: name it for its figure."
    )
    return f"**Estimating carat weight**: {_data()['formulas']['text']} By cut (mm, carats): {each}.{sg}"


def estimate(text: str, gem: GemFacts | None) -> str:
    """The weight a stone of the measurements and cut a message gives would have, worked out with the gem's SG; what
    is missing (the cut, the depth, the gem) said with what can be worked out without it."""
    sizes, cut = measurements(text), cut_named(text)
    shown = " × ".join(f"{v:g}" for v in sizes) + " mm"
    article = "an" if re.match(r"(?:8|11|18)(?!\d)", shown) else "a"
    of = f"{article} {shown} {cut.name.split(' or ')[0] if cut else ''} {gem.name.lower() if gem else 'stone'}"
    lead = f"**Estimated weight of {' '.join(of.split())}**: "
    if cut is None:
        factors = ", ".join(f"{c.factor:.4f} ({c.name})" for c in cuts())
        return (
            f"{lead}the factor depends on the cut, which you did not give: {factors}. Tell me its cut "
            f'("{shown} oval"), and its depth.'
        )
    if cut.measures == "diameter":
        if len(sizes) == 1:
            sizes = (sizes[0], sizes[0])
        across = (sizes[0] + sizes[1]) / 2
        area, how = across * across, f"the average diameter squared ({across:g} mm)²"
    else:
        if len(sizes) == 1:
            return f'{lead}a {cut.name} is measured length by width: give both, and its depth ("8 x 6 x 4 mm").'
        area, how = sizes[0] * sizes[1], f"length × width ({sizes[0]:g} × {sizes[1]:g} mm)"
    formula = f"The {cut.name} formula is {how} × depth × SG × {cut.factor:.4f}"
    if gem is None or not gem.specific_gravity:
        per_mm = area * cut.factor
        return (
            f"{lead}{formula}. Name the gem for its SG: for each millimetre of depth the weight is "
            f"{per_mm:.4f} × SG ct."
        )
    sg = _sg(gem)
    said_sg = f"{gem.name}'s SG {format_quantity('specific_gravity', gem.specific_gravity)}"
    said_sg += f" (taken as {sg:.2f})" if gem.specific_gravity[0] != gem.specific_gravity[1] else ""
    if len(sizes) < 3:
        per_mm = area * sg * cut.factor
        return (
            f"{lead}{formula}, with {said_sg}. You gave no depth (table to culet), which the weight needs: "
            f"each millimetre of depth makes about {_ct(per_mm)}. Measure the depth with a gauge and multiply; the "
            "result is an estimate for a well-proportioned stone (add 2 to 6% for a bulging one)."
        )
    weight = area * sizes[2] * sg * cut.factor
    return (
        f"{lead}about {_ct(weight)} ({weight * 0.2:.2g} g). {formula}, with {said_sg} and a depth of {sizes[2]:g} mm. "
        "An estimate for a well-proportioned stone (add 2 to 6% for a bulging one); only a balance weighs it."
    )


def round_size(carats: float, gem: GemFacts | None) -> tuple[str, list[str]]:
    """The diameter of a round brilliant of a weight: a diamond's from the size chart (a weight between its rows
    worked out from the nearest one, diameter going as the cube root of the weight), another gem's scaled from the
    diamond's by the two specific gravities, for a stone cut alike; each said as typical or estimated."""
    data = _data()["round_diamond"]
    chart = {w: mm for w, mm in data["sizes"]}
    nearest = min(chart, key=lambda w: abs(w - carats))
    diamond_mm = chart[nearest] * (carats / nearest) ** (1 / 3)
    name = f"{carats:g} ct"
    sources = list(data["sources"])
    is_diamond = gem is None or "diamond" in (gem.species or gem.name).lower()
    if is_diamond:
        typical = "typically measures" if carats in chart else "measures about"
        worked = "" if carats in chart else f" (worked out from the size chart's {nearest:g} ct, {chart[nearest]:g} mm)"
        reply = (
            f"**A {name} round brilliant diamond** {typical} {diamond_mm:.1f} mm across{worked}, cut to good "
            "proportions; a deep cut makes it smaller face-up, and other shapes measure otherwise."
        )
        if gem is None:
            reply += " Another gem of the same weight is smaller if denser and larger if lighter: name it."
        return reply, sources
    if not gem.specific_gravity:
        return "", []
    sg = _sg(gem)
    mm = diamond_mm * (DIAMOND_SG / sg) ** (1 / 3)
    return (
        f"**A {name} round {gem.name.lower()}** is about {mm:.1f} mm across: an estimate, worked out from a {name} "
        f"round brilliant diamond's {diamond_mm:.1f} mm and the two specific gravities ({gem.name} "
        f"{format_quantity('specific_gravity', gem.specific_gravity)}, diamond {DIAMOND_SG}), for a stone cut to "
        "the same proportions. Its measurements on a laboratory report, or a gauge, tell its real size."
    ), sources


def points_said(carats: float | None, told_in_points: bool, gem: GemFacts | None) -> tuple[str, list[str]]:
    """A weight in points and carats ("is a 50 point diamond half a carat?", "how many points is a 0.25 ct
    diamond?"), or the point itself with no weight given ("what is a point in diamond weight?"): a point is a
    hundredth of a carat."""
    data = _data()["points"]
    points = round((carats or 0.01) * 100, 2)
    if carats is None:
        lead = "Points"
    elif told_in_points:
        lead = f"A {points:g} point {gem.name.lower() if gem else 'stone'} weighs {carats:g} ct ({carats * 0.2:.3g} g)"
    else:
        lead = f"{carats:g} ct is {points:g} points"
    return f"**{lead}**: {data['text']}.", list(data["sources"])


def total_weight_said(carats: float | None, stones: int = 1) -> tuple[str, list[str]]:
    """What a total carat weight is ("what does 1/2 ct tw mean?"), of the weight given when there is one, or of
    `stones` stones of that weight each ("what is the total weight of 3 stones of 0.5 ct?")."""
    data = _data()["total_weight"]
    lead = f"{carats:g} ct total weight" if carats else "Total carat weight"
    if carats and stones > 1:
        lead = f"{stones} stones of {carats:g} ct weigh {carats * stones:g} ct in total"
    text = data["text"][0].upper() + data["text"][1:]
    return f"**{lead}**: {text}.", list(data["sources"])


def chart_weight(text: str, gem: GemFacts | None) -> tuple[str, list[str]]:
    """The weight of a round brilliant of the one diameter a message gives with no depth ("how many carats is a 7 mm
    round diamond?"), from the diamond size chart (a diameter between its rows worked out from the nearest, weight
    going as the cube of the diameter), another gem's scaled by the two specific gravities; ('', []) otherwise."""
    sizes, cut = measurements(text), cut_named(text)
    if cut is None or cut.name != "round" or len(sizes) != 1 or DEPTH_SAID.search(text):
        return "", []
    data = _data()["round_diamond"]
    carats_at = {mm: w for w, mm in data["sizes"]}
    nearest = min(carats_at, key=lambda mm: abs(mm - sizes[0]))
    diamond = carats_at[nearest] * (sizes[0] / nearest) ** 3
    chart = f"the diamond size chart's {carats_at[nearest]:g} ct at {nearest:g} mm"
    is_diamond = gem is None or "diamond" in (gem.species or gem.name).lower()
    if is_diamond:
        said = (
            f"A {sizes[0]:g} mm round brilliant diamond cut to good proportions weighs about {diamond:.2f} ct "
            f"({'from' if nearest == sizes[0] else 'worked out from'} {chart})."
        )
        if gem is None:
            said += " Another gem of that size is heavier if denser and lighter if less dense: name it."
        return said, list(data["sources"])
    if not gem.specific_gravity:
        return "", []
    weight = diamond * _sg(gem) / DIAMOND_SG
    return (
        f"Cut to a round brilliant diamond's proportions, a {sizes[0]:g} mm round {gem.name.lower()} would weigh "
        f"about {weight:.2f} ct: {chart}, scaled by the two specific gravities ({gem.name} {_sg(gem):.2f}, diamond "
        f"{DIAMOND_SG})."
    ), list(data["sources"])
