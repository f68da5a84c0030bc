"""What a person reports about a stone of a known gem: readings drawn from the knowledge base, with noise.

    rng = np.random.default_rng(0)
    hints = simulate_hints(get_facts("Ruby"), ("ri", "sg"), rng)        # Hints(readings=RI 1.765, SG 4.01)
    text = reading_text(hints, rng)                                   # "n = 1.765, S.G. 4.01"

The true value of each quantity is drawn uniformly inside the gem's range, then the instrument's error
is added (`TOLERANCE` times `noise`, 1 = a careful reading); a doubly refractive stone shows both shadow
edges half the time, but only where both lie within the refractometer's reach. Hardness is told the ways people tell it
(a number, "about 7", a range, a scratch test against the objects of `gemlang.knowledge.scratch`, now
and then a blunder); a place is one of the gem's known localities, or 15% of the time anywhere, because
stones are named by where they were bought as often as by where they were mined. A colour is one of the
gem's listed colours read into a basic name (`gemlang.knowledge.colours`), and now and then
(`NEAR_COLOUR_SAID`) a near name instead, as people call a violet stone purple. `truth_hints` gives the
clean version: the gem's own hardness and its first listed locality, as a person with a label would type.

These drive both the measurement in eval/fusion.py and the tuning in `gemlang build fusion`; the
readings are simulated, not measured on hand samples, and the reports say so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from gemlang.hints import HardnessHint, Hints
from gemlang.knowledge.colours import ANY_COLOUR, BASIC, NEAR, colour_names
from gemlang.knowledge.facts import GemFacts
from gemlang.knowledge.instruments import TOLERANCE, profile
from gemlang.knowledge.places import gem_countries
from gemlang.knowledge.scratch import simulated_tests
from gemlang.readings import REFRACTOMETER_LIMIT, Reading, Readings

# How a person states a hardness: a number, "about 7", a range, a scratch test, or a blunder.
HARDNESS_KINDS = {"number": 0.45, "about": 0.15, "range": 0.1, "scratch": 0.25, "blunder": 0.05}
HARDNESS_NOISE = 0.3  # Mohs units, one standard deviation
PLACE_FROM_ELSEWHERE = 0.15
NEAR_COLOUR_SAID = 0.25  # a colour stated by a near name (violet for purple, pink for red)


def simulate_hardness(
    true_range: tuple[float, float], rng: np.random.Generator, noise: float = HARDNESS_NOISE
) -> tuple[float, float]:
    """One person's hardness reading of a stone whose true hardness lies in `true_range`."""
    lo, hi = true_range
    h = rng.uniform(lo, hi)
    kind = rng.choice(list(HARDNESS_KINDS), p=list(HARDNESS_KINDS.values()))
    noisy = float(np.clip(h + rng.normal(0, noise), 1.0, 10.0))
    if kind == "number":
        x = float(np.clip(round(noisy * 2) / 2, 1.0, 10.0))
        return x, x
    if kind == "about":
        x = float(np.clip(round(noisy), 1.0, 10.0))
        return max(1.0, x - 0.5), min(10.0, x + 0.5)
    if kind == "range":
        a = float(np.clip(math.floor(noisy), 1.0, 9.0))
        return a, a + 1.0
    if kind == "scratch":
        tests = simulated_tests()
        ref = float(rng.choice(list(tests), p=list(tests.values())))
        harder = (h > ref) != (rng.random() < 0.05)  # now and then a test is misread
        return (ref, 10.0) if harder else (1.0, ref)
    x = float(round(rng.uniform(1.0, 10.0) * 2) / 2)
    return x, x


def simulate_colour(gem: GemFacts, rng: np.random.Generator, near: float = NEAR_COLOUR_SAID) -> tuple[str, ...]:
    """The colour name a person gives a stone of `gem`: one of its listed colours (a listed colour that names no
    single one, "Various", may be any), the main name in it, sometimes a near name; () when none is listed."""
    if not gem.colours:
        return ()
    listed = gem.colours[int(rng.integers(len(gem.colours)))]
    names = {} if ANY_COLOUR.search(listed.lower()) else colour_names(listed)
    if not names:
        return (BASIC[int(rng.integers(len(BASIC)))],)
    said = max(names, key=names.get)
    if rng.random() < near:
        neighbours = [(other, w) for pair, w in NEAR.items() if said in pair for other in pair if other != said]
        weights = np.array([w for _, w in neighbours])
        said = neighbours[int(rng.choice(len(neighbours), p=weights / weights.sum()))][0]
    return (said,)


def _measure(true_range, key: str, rng, noise: float, decimals: int) -> Reading | None:
    if true_range is None:
        return None
    value = rng.uniform(*true_range) + rng.normal(0, TOLERANCE[key] * noise)
    value = round(float(value), decimals)
    return Reading(value, value)


_PROFILES: dict[str, object] = {}
_COUNTRIES: dict[str, tuple] = {}


def _countries(gem: GemFacts) -> tuple:
    if gem.name not in _COUNTRIES:
        _COUNTRIES[gem.name] = gem_countries(gem)
    return _COUNTRIES[gem.name]


def _profile(gem: GemFacts):
    """The gem's instrument profile, read once per gem: simulation asks for it many thousand times."""
    if gem.name not in _PROFILES:
        _PROFILES[gem.name] = profile(gem)
    return _PROFILES[gem.name]


def simulate_hints(
    gem: GemFacts,
    readings: Sequence[str],
    rng: np.random.Generator,
    noise: float = 1.0,
    elsewhere: float = PLACE_FROM_ELSEWHERE,
    all_countries: Sequence[str] = (),
) -> Hints:
    """The hints a person reports for a stone of `gem`: only the `readings` named, each with noise."""
    p = _profile(gem)
    ri = _measure(p.ri, "ri", rng, noise, 3) if "ri" in readings else None
    # this stone's maximum birefringence, where composition varies it (scapolite 0.004–0.037)
    span = p.birefringence_range
    shows_edges = ri and span and span[1] and rng.random() < 0.5  # both shadow edges of a doubly refractive stone
    # drawn only when a reading shows it, so the other readings' draws stay as they were
    needed = shows_edges or ("birefringence" in readings and span is not None)
    top = None if not needed else span[1] if span[0] == span[1] else rng.uniform(*span)
    if shows_edges:
        shown = top * rng.uniform(0.6, 1.0)
        low = min(ri.low, p.ri[1] - shown) if p.ri else ri.low
        high = low + shown + rng.normal(0, TOLERANCE["ri"] * noise / 2)
        if max(low, high) <= REFRACTOMETER_LIMIT:  # above it the refractometer shows no edge to read
            ri = Reading(round(min(low, high), 3), round(max(low, high), 3))  # the lower edge is read as the low one
    sg = _measure(p.sg, "sg", rng, noise, 2) if "sg" in readings else None
    bire = None
    if "birefringence" in readings and top is not None:
        shown = top * rng.uniform(0.6, 1.0) + rng.normal(0, TOLERANCE["birefringence"] * noise)
        bire = Reading(round(max(0.0, shown), 3), round(max(0.0, shown), 3))
    elif ri and ri.high > ri.low:
        bire = Reading(round(ri.high - ri.low, 4), round(ri.high - ri.low, 4))
    optic = None  # a metallic stone lets no light through: neither the polariscope nor the dichroscope reads it
    if "optic" in readings and p.optic and not p.metallic:
        optic = {"isotropic": "isotropic", "aggregate": "aggregate"}.get(p.optic, p.optic)
    pleochroism = None
    if "pleochroism" in readings and p.pleochroism and not p.metallic:
        pleochroism = p.pleochroism[int(rng.integers(len(p.pleochroism)))]
    hardness = None
    if "hardness" in readings and gem.hardness:
        hardness = HardnessHint(*simulate_hardness(gem.hardness, rng, HARDNESS_NOISE * noise))
    countries: tuple[str, ...] = ()
    if "place" in readings:
        own, worldwide = _countries(gem)
        if own and not worldwide and rng.random() >= elsewhere:
            countries = (own[int(rng.integers(len(own)))],)
        elif all_countries:
            countries = (all_countries[int(rng.integers(len(all_countries)))],)
    colours = simulate_colour(gem, rng) if "colour" in readings else ()  # drawn last: the other draws stay as they were
    return Hints(
        hardness=hardness,
        countries=countries,
        places=countries,
        readings=Readings(ri=ri, birefringence=bire, sg=sg, optic=optic, pleochroism=pleochroism),
        colours=colours,
    )


def truth_hints(gem: GemFacts) -> Hints:
    """The gem's own hardness (its range) and its first listed locality, as a person with a label types them."""
    hardness = HardnessHint(*gem.hardness) if gem.hardness else None
    own, _ = _countries(gem)
    countries = own[:1]
    return Hints(hardness=hardness, countries=countries, places=countries)


def reading_text(hints: Hints, rng: np.random.Generator) -> str:
    """The hints as a person would type them, in one of several common ways, for the parser to read."""
    r, parts = hints.readings, []
    if r.ri:
        word = rng.choice(["RI", "ri", "refractive index", "n =", "R.I."])
        value = (
            f"{r.ri.low:.3f}"
            if r.ri.low == r.ri.high
            else f"{r.ri.low:.3f}{rng.choice(['-', ' - ', ' to '])}{r.ri.high:.3f}"
        )
        parts.append(f"{word} {value}")
    if r.birefringence and not (r.ri and r.ri.high > r.ri.low):
        parts.append(f"{rng.choice(['bire', 'DR', 'birefringence'])} {r.birefringence.low:.3f}")
    if r.sg:
        parts.append(f"{rng.choice(['SG', 'sg', 'specific gravity', 'S.G.'])} {r.sg.low:.2f}")
    if r.optic:
        words = {
            "isotropic": ["singly refractive", "SR", "stays dark in the polariscope"],
            "aggregate": ["stays light in the polariscope", "AGG"],
            "uniaxial": ["uniaxial", "doubly refractive, uniaxial"],
            "biaxial": ["biaxial", "DR, biaxial"],
        }[r.optic]
        parts.append(str(rng.choice(words)))
    if r.pleochroism:
        parts.append(f"{r.pleochroism if r.pleochroism != 'none' else 'no'} pleochroism")
    if hints.hardness:
        h = hints.hardness
        parts.append(f"hardness {h.low:g}" if h.low == h.high else f"hardness {h.low:g}-{h.high:g}")
    if hints.countries:
        parts.append(f"found in {hints.countries[0]}")
    if hints.colours:
        colour = " ".join(hints.colours)
        parts.append(str(rng.choice([colour, f"a {colour} stone", f"colour {colour}", f"it is {colour}"])))
    rng.shuffle(parts)
    return ", ".join(parts)
