"""What each gem-testing instrument shows for a gem, read from its facts: the determinative-table view.

    profile(get_facts("Ruby"))
    -> Profile(ri=(1.762, 1.77), birefringence=0.008, sg=(3.97, 4.05), optic="uniaxial",
               pleochroism=("strong",), fluorescence=("red",), chelsea_red=True, ...)

The knowledge base states optic character, pleochroism and fluorescence in words ("Biaxial + or -",
"Weak to moderate trichroism", "Moderate to strong red (LWUV)"); this module turns them into the few
classes an instrument distinguishes, so a reading can be compared with them. `TESTS` lists the tests
in the order a gemmologist reaches for them: non-destructive, quickest and most telling first.
Instrument tolerances (how far a careful reading may stray from the true value) are documented here,
once, and used by the evidence model and the tell-apart advice alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gemlang.knowledge.facts import GemFacts, Range
from gemlang.patterns import compiled
from gemlang.readings import (
    COLOURS,
    DOUBLING,
    LIGHT_THROUGH,
    LUSTRES,
    NOT_METALLIC,
    REFRACTOMETER_LIMIT,
    STREAK_COLOURS,
)

# One standard deviation of a careful reading on each instrument, in the quantity's units.
TOLERANCE = {
    "ri": 0.005,  # refractometer, read to the third decimal; contact liquid, facet quality
    "birefringence": 0.003,  # the difference of two refractometer readings
    "sg": 0.03,  # hydrostatic balance on a stone of a carat or more
    "hardness": 0.5,  # a scratch test or a stated Mohs number: good to half a step
}
OPTIC_CLASSES = ("isotropic", "uniaxial", "biaxial", "aggregate")
PLEOCHROISM_LEVELS = ("none", "weak", "moderate", "strong")


@dataclass(frozen=True)
class Test:
    """One test a gemmologist can make, the quantity it reads and the gap it resolves reliably."""

    key: str
    name: str  # "refractive index"
    instrument: str  # "refractometer"
    resolution: float = 0.0  # two gems' ranges this far apart are told apart (numbers only)
    destructive: bool = False


TESTS = (
    Test("ri", "refractive index", "refractometer", 0.01),
    Test("birefringence", "birefringence", "refractometer, both shadow edges", 0.006),
    Test("sg", "specific gravity", "hydrostatic balance or heavy liquids", 0.05),
    # a birefringence of 0.03 or more doubles the back facet edges seen through the table (zircon, moissanite)
    Test("doubling", "doubling of the back facet edges", "10x loupe"),
    # diamond and moissanite carry heat away as no other gem does: the thermal tester, on a set stone too
    Test("thermal", "thermal conductivity", "thermal diamond tester"),
    Test("optic", "optic character", "polariscope"),
    Test("optic_sign", "optic sign", "refractometer (which shadow edge moves)"),
    # uniaxial or biaxial: the interference figure in a polariscope with a strain-free glass sphere (conoscope)
    Test("optic_figure", "optic figure", "conoscope"),
    Test("pleochroism", "pleochroism", "dichroscope"),
    Test("fluorescence", "fluorescence", "long-wave UV lamp"),
    Test("chelsea", "Chelsea filter reaction", "Chelsea filter"),
    # magnetite is held by any magnet, most garnets picked up by a neodymium one; hematite and ruby barely drawn
    Test("magnet", "magnet test", "neodymium magnet"),
    Test("hardness", "Mohs hardness", "scratch test", 1.0, destructive=True),
)


@dataclass(frozen=True)
class Profile:
    """A gem as the instruments see it; None or () where the knowledge base says nothing."""

    name: str
    ri: Range | None
    birefringence: float | None  # maximum; 0 for singly refractive gems
    sg: Range | None
    hardness: Range | None
    optic: str | None  # one of OPTIC_CLASSES
    optic_also: tuple[str, ...]  # other classes its material shows (Jade: biaxial jadeite, aggregate nephrite)
    pleochroism: tuple[str, ...]  # the levels it shows, e.g. ("weak", "moderate")
    fluorescence: tuple[str, ...]  # "inert" and/or colours it fluoresces under UV
    chelsea_red: bool | None  # red through the Chelsea filter
    features: (
        str  # diagnostic features, description, phenomena and spectrum, lower case, for what is seen (`signs_text`)
    )
    origin: str
    # no light passes a cut stone (metallic pyrite, lapis, turquoise): no polariscope, dichroscope or shadow edges
    # to read a birefringence from; a spot RI off a polished surface still reads, where the gem has one
    opaque: bool = False
    least_birefringence: float | None = None  # where composition varies the maximum (scapolite 0.004–0.037)
    optic_sign: tuple[str, ...] = ()  # "positive" and/or "negative" (both: the species varies), () unknown
    # the knowledge base says it shows strain (ADR) between crossed polars (amber, plastic, flame-fusion spinel)
    strained: bool = False
    species: str = ""
    conducts_heat: bool = False  # passes a thermal diamond tester (diamond, lab-grown or not, and moissanite)
    conducts_electricity: bool | None = None  # on a moissanite tester; None where the facts say nothing
    chelsea_some: bool = False  # only some of its stones are red through the Chelsea filter (cobalt-blue ones)
    chelsea_green_some: bool = False  # red through the filter, yet some of its stones stay green (iron-rich emerald)
    magnet: str = ""  # how a magnet draws it (`GemFacts.magnet`), '' where its facts do not say
    streak: str = ""  # the colour of its powder on unglazed porcelain ("light blue"), '' where not on record
    lustre: str = ""  # "vitreous to resinous", '' where not on record

    @property
    def made_with_strain(self) -> bool:
        """A lab-grown stone or imitation known for strain: flame-fusion spinel's cross-hatched "tabby" extinction
        sets it apart from natural spinel."""
        return self.strained and self.origin != "natural"

    @property
    def metallic(self) -> bool:
        """Opaque with no RI at all (pyrite): a polariscope or dichroscope reading of it cannot be right."""
        return self.opaque and self.ri is None

    @property
    def birefringence_range(self) -> Range | None:
        """(least, greatest) maximum birefringence of its stones, or None when unknown."""
        if self.birefringence is None:
            return None
        low = self.birefringence if self.least_birefringence is None else self.least_birefringence
        return (min(low, self.birefringence), self.birefringence)


def optic_classes(text: str) -> tuple[str, ...]:
    """'Biaxial + (Jadeite); Aggregate (Nephrite)' -> ('biaxial', 'aggregate'); '' -> ()."""
    t = text.lower()
    found = []
    for name, pattern in (
        ("isotropic", r"isotropic|amorphous"),
        ("uniaxial", r"uniaxial"),
        ("biaxial", r"biaxial"),
        ("aggregate", r"aggregate|\bagg\b|massive|rock"),
    ):
        m = re.search(pattern, t)
        if m:
            found.append((m.start(), name))
    return tuple(name for _, name in sorted(found))


def optic_signs(text: str) -> tuple[str, ...]:
    """'Biaxial +' -> ('positive',); 'Uniaxial -' -> ('negative',); 'Biaxial + or -' -> both; '' -> ()."""
    t = text.replace("−", "-").lower()
    found = []
    if re.search(r"\+|positive", t):
        found.append("positive")
    if re.search(r"(?<![a-z])-(?![a-z])|negative", t):
        found.append("negative")
    return tuple(found)


def pleochroism_levels(text: str, optic: str | None) -> tuple[str, ...]:
    """'Weak to moderate trichroism' -> ('weak', 'moderate'); singly refractive gems -> ('none',)."""
    t = text.lower()
    if optic == "isotropic" and not t:
        return ("none",)
    words = {
        "none": r"\bnone\b|\bno\b|not seen|absent",
        "weak": r"weak|faint|slight",
        "moderate": r"moderate|distinct",
        "strong": r"strong|extreme|intense|vivid|trichroic|dichroic|trichroism|dichroism",
    }
    levels = [level for level in PLEOCHROISM_LEVELS if re.search(words[level], t)]
    if "strong" in levels and re.search(r"weak|moderate|distinct", t) and not re.search(r"strong|extreme|intense", t):
        levels.remove("strong")  # "weak dichroism": the word dichroism alone is not a strength
    return tuple(levels)


def fluorescence_classes(text: str) -> tuple[str, ...]:
    """'Moderate to strong red (LWUV)' -> ('red',); 'Usually inert; weak red in some' -> ('inert', 'red');
    'Weak pink in some specimens' -> ('inert', 'pink')."""
    t = text.lower()
    if not t or t.startswith("variable"):
        return ()
    # a glow said of some stones only ("red in Cr-bearing; strong red in some") leaves the others inert
    some = r"\bin some\b|\bsome\b|\bmay\b|\boccasionally\b|\bsometimes\b|\boften\b|-bearing\b|\bnot all\b"
    colours = [c for c in COLOURS if compiled(rf"\b{c}").search(t)]
    inert = re.search(r"inert|\bnone\b|non-?fluorescent", t) or (colours and re.search(some, t))
    return tuple(dict.fromkeys((["inert"] if inert else []) + colours))


# A Chelsea reaction the knowledge base gives for some of a gem's stones only ("may show an orange flash",
# "cobalt-blue stones red"): a red or a green one then fits the gem alike.
CHELSEA_SOME = re.compile(r"\b(?:may|some|only|can)\b|\w+-(?:blue|green|coloured) stones\b")


# a gem noted red whose feature says some of its stones are not: "iron-rich stones may stay green" (emerald)
SOME_STAY_GREEN = re.compile(r"\b(?:may|some|can)\b[^;.]{0,20}\bstay green")


def _chelsea(features: str) -> tuple[bool | None, bool, bool]:
    """(red through the Chelsea filter, whether only some of the gem's stones are, whether some stay green though
    it is noted red) from its features, joined by " ; "."""
    for feature in features.split(" ; "):
        for sentence in re.split(r"[;.]", feature):
            if "chelsea" in sentence:
                if re.search(r"stays green|no reaction|not red", sentence):
                    return False, False, False
                if re.search(r"\bred|reddish|pink|orange flash|reaction", sentence) and not re.search(
                    r"dyed|differs|may look|often reddish", sentence
                ):
                    return True, bool(CHELSEA_SOME.search(sentence)), bool(SOME_STAY_GREEN.search(feature))
    return None, False, False


# A feature or a sentence that says what a gem lacks ("no natural silk", "absence of gas-bubble trains") names
# a sign the gem does not show.
_LACKS_ITEM = re.compile(r"^(?:no|not|absence|absent|lack|lacks|without)\b", re.I)
_LACKS_SENTENCE = re.compile(r"\b(?:no|not|absence|absent|lack|lacks|without|unlike|instead)\b", re.I)


CONDUCTS_HEAT = re.compile(r"(?:strong|high) thermal conductivity|reads as diamond on thermal")
# the glossary's "moissanite tester": moissanite conducts electricity, diamond as a rule does not; of the other
# gems the facts say nothing
CONDUCTS_ELECTRICITY = {"moissanite": True, "diamond": False}
STRONG_FIRE = 0.03  # dispersion (B-G interval) from which the eye sees strong fire: zircon 0.039, diamond 0.044


def signs_text(gem: GemFacts) -> str:
    """The gem's diagnostic features, description, phenomena, colours and sourced spectrum in lower case, for the
    loupe and spectroscope signs a person reports, without the features and sentences that say what it lacks. A
    colour may name a phenomenon ("Various play of colour" of an opal doublet, a Slocum stone's "colour play")."""
    items = [f for f in (*gem.diagnostic_features, *gem.colours) if not _LACKS_ITEM.match(f.strip())]
    items += [f"cleavage {gem.cleavage}"] if gem.cleavage else []  # "perfect octahedral": a collector's sign
    items += [f"streak {gem.streak}"] if gem.streak else []  # "light blue": a collector's test on rough
    # "star sapphire shows a six-rayed star": a phenomenon is a sign; so are the lines a spectroscope shows
    said = (f"{gem.description} {gem.phenomena}", gem.absorption_spectrum)
    sentences = [s for text in said for s in re.split(r"(?<=[.;])\s+", text) if s and not _LACKS_SENTENCE.search(s)]
    # the fire the eye sees, from the dispersion (diamond 0.044), whether or not the words mention it
    fire = ["strong fire (high dispersion)"] if gem.dispersion and gem.dispersion[1] >= STRONG_FIRE else []
    return " ; ".join([*items, *sentences, *fire]).lower()


@lru_cache(maxsize=1)
def _streaks_of_species() -> dict[str, str]:
    """{species: the one streak its gems' sourced streaks give}, for the species whose sourced streaks agree."""
    from gemlang.knowledge import all_gems

    given: dict[str, set[str]] = {}
    for g in all_gems():
        if g.streak and g.species:
            given.setdefault(g.species, set()).add(g.streak)
    return {species: streaks.pop() for species, streaks in given.items() if len(streaks) == 1}


def species_streak(species: str) -> str:
    """The streak a species' sourced streaks agree on ('' where none is sourced or they differ): a streak is the
    colour of the material's powder, so a lab-grown ruby or a padparadscha, whose own facts name none, leaves the
    white streak ruby's facts give."""
    return _streaks_of_species().get(species, "") if species else ""


def profile(gem: GemFacts) -> Profile:
    classes = optic_classes(gem.optical_character)
    optic = classes[0] if classes else None
    birefringence = gem.birefringence
    if birefringence is None and optic == "isotropic":
        birefringence = 0.0
    chelsea_red, chelsea_some, chelsea_green_some = _chelsea(" ; ".join(gem.diagnostic_features).lower())
    return Profile(
        name=gem.name,
        ri=gem.refractive_index,
        birefringence=birefringence,
        sg=gem.specific_gravity,
        hardness=gem.hardness,
        optic=optic,
        optic_also=classes[1:],
        pleochroism=pleochroism_levels(gem.pleochroism, optic),
        fluorescence=fluorescence_classes(gem.fluorescence),
        chelsea_red=chelsea_red,
        features=signs_text(gem),
        origin=gem.origin,
        opaque=gem.diaphaneity == "opaque"
        or (gem.refractive_index is None and gem.lustre.lower().startswith("metallic")),
        least_birefringence=gem.birefringence_range[0] if gem.birefringence is not None else None,
        # an aggregate's sign is its crystals' ("Biaxial + in a single crystal" of jadeite)
        optic_sign=optic_signs(gem.optical_character) if {*classes} & {"uniaxial", "biaxial"} else (),
        strained="anomalous" in gem.optical_character.lower() or "adr" in gem.optical_character.lower(),
        species=gem.species,
        conducts_heat=gem.species == "diamond" or bool(CONDUCTS_HEAT.search(signs_text(gem))),
        conducts_electricity=CONDUCTS_ELECTRICITY.get(gem.species),
        chelsea_some=chelsea_some,
        chelsea_green_some=chelsea_green_some,
        magnet=gem.magnet,
        streak=(gem.streak or species_streak(gem.species)).lower(),
        lustre=gem.lustre.lower(),
    )


def value_text(p: Profile, gem: GemFacts, key: str) -> str:
    """How a gem's value for one test prints in advice: 'Ruby 1.762–1.770', 'Spinel singly refractive'."""
    if key in ("ri", "sg", "hardness"):
        field = {"ri": "refractive_index", "sg": "specific_gravity", "hardness": "hardness"}[key]
        text = gem.format(field)
        return text + " (over the refractometer's limit)" if key == "ri" and _beyond_refractometer(p) else text
    if key == "birefringence":
        if p.birefringence_range is None:
            return "unknown"
        low, high = p.birefringence_range
        return "none" if high == 0 else f"{high:.3f}" if low == high else f"{low:.3f}–{high:.3f}"
    if key == "doubling":
        if p.birefringence_range is None:
            return "unknown"
        low, high = p.birefringence_range
        return "seen" if low >= DOUBLING else "none" if high < DOUBLING else "seen in some stones"
    if key == "optic":
        if p.made_with_strain and p.optic == "isotropic":
            return "singly refractive with strong cross-hatched strain (ADR)"
        optic = {"isotropic": "singly refractive (stays dark)", "uniaxial": "doubly refractive, uniaxial",
                 "biaxial": "doubly refractive, biaxial", "aggregate": "aggregate (stays light)"}  # fmt: skip
        return optic.get(p.optic or "", "unknown")
    if key == "optic_figure":
        crystal = {"isotropic": "none (singly refractive)", "aggregate": "none (an aggregate)"}
        return " or ".join(_figures(p)) or crystal.get(p.optic or "", "unknown")
    if key == "optic_sign":
        no_sign = {"isotropic": "none (singly refractive)", "aggregate": "none (an aggregate)"}
        return " or ".join(p.optic_sign) or no_sign.get(p.optic or "", "unknown")
    if key == "pleochroism":
        if not p.pleochroism:
            return "unknown"
        return "none" if p.pleochroism == ("none",) else " to ".join(p.pleochroism) + " pleochroism"
    if key == "fluorescence":
        return (
            "unknown" if not p.fluorescence else "inert" if p.fluorescence == ("inert",) else ", ".join(p.fluorescence)
        )
    if key == "chelsea":
        if p.chelsea_red is None:  # noted only where it shows red (chromium, cobalt): unnoted, a gem stays green
            return "no red noted"
        if p.chelsea_red and p.chelsea_green_some:
            return "usually red, some stay green"
        return "red in some stones" if p.chelsea_some else "red" if p.chelsea_red else "no red"
    if key == "thermal":
        return "passes" if p.conducts_heat else "fails"
    if key == "magnet":
        return MAGNET_SHOWS.get(p.magnet, "not on record")
    if key == "electrical":
        return {True: "conducts", False: "does not conduct"}.get(p.conducts_electricity, "not on record")
    if key in STREAK_COLOURS:
        return p.streak or "not on record"
    if key in LUSTRES or key == NOT_METALLIC:
        return p.lustre or "not on record"
    if key in LIGHT_THROUGH:
        return "opaque" if p.opaque else "not known as opaque"
    return ""


def _beyond_refractometer(p: Profile) -> bool:
    return p.ri is not None and p.ri[0] > REFRACTOMETER_LIMIT


def _gap(a: Range, b: Range) -> float:
    return max(b[0] - a[1], a[0] - b[1])


# how a magnet draws a gem (`GemFacts.magnet`) in advice, and the responses a magnet test plainly shows
MAGNET_SHOWS = {
    "held": "held by any magnet",
    "picked up": "picked up",
    "drags": "dragged",
    "weak": "drawn only weakly",
    "inert": "not drawn",
}
DRAWN_BY_A_MAGNET = ("held", "picked up", "drags")
THROUGH_THE_STONE = ("birefringence", "doubling", "optic", "optic_figure", "optic_sign", "pleochroism")
ONE_CRYSTAL = ("birefringence", "doubling", "optic_figure", "pleochroism")  # tests that need a single crystal
FIGURES = ("uniaxial", "biaxial")


def _figures(p: Profile) -> tuple[str, ...]:
    """The interference figures a gem's crystals show: ('uniaxial',), ('biaxial',), () for no single crystal."""
    return tuple(c for c in (p.optic, *p.optic_also) if c in FIGURES)


def _plainly_more_pleochroic(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether a dichroscope shows `y`'s pleochroism plainly where `x` shows little or none."""
    if not (x and y):
        return False
    return (x == ("none",) and y[0] in ("moderate", "strong")) or (set(x) <= {"none", "weak"} and set(y) == {"strong"})


def separates(test: Test, a: Profile, b: Profile) -> bool:
    """Whether `test` tells `a` from `b` reliably, from what the knowledge base states of both."""
    if test.key in ("ri", "birefringence", "optic_sign") and _beyond_refractometer(a) and _beyond_refractometer(b):
        return False  # both read "over the limit": the refractometer shows no difference
    if test.key in ("birefringence", "optic_sign") and (_beyond_refractometer(a) or _beyond_refractometer(b)):
        return False  # a stone over the limit shows no shadow edges to read a birefringence or a sign from
    if test.key in THROUGH_THE_STONE and (a.opaque or b.opaque):
        return False  # no light passes an opaque stone
    if test.key in ONE_CRYSTAL and "aggregate" in (a.optic, b.optic):
        return False  # an aggregate gives a spot reading, no doubled facet edges and no pleochroic colours
    if test.key in ("ri", "sg", "hardness"):
        ra, rb = getattr(a, test.key), getattr(b, test.key)
        return ra is not None and rb is not None and _gap(ra, rb) >= test.resolution - 1e-9
    if test.key == "birefringence":
        ra, rb = a.birefringence_range, b.birefringence_range
        return ra is not None and rb is not None and _gap(ra, rb) >= test.resolution - 1e-9
    if test.key == "doubling":
        ranges = [p.birefringence_range for p in (a, b) if p.birefringence_range is not None]
        doubled = [low >= DOUBLING for low, _ in ranges]  # every stone of it doubles its back facets
        small = [high <= 0.01 for _, high in ranges]  # no doubling seen
        return len(doubled) == 2 and any(doubled) and any(small)
    if test.key == "optic":
        if "aggregate" in (a.optic, b.optic) and a.optic != b.optic:  # jade stays light, a crystal blinks
            other = b if a.optic == "aggregate" else a
            return other.optic is not None and "aggregate" not in {other.optic, *other.optic_also}
        sa = {a.optic, *a.optic_also} - {None}
        sb = {b.optic, *b.optic_also} - {None}
        if not sa or not sb:
            return False
        if sa == sb == {"isotropic"}:  # the strain of a lab-grown stone against the natural gem it is grown as
            return a.made_with_strain != b.made_with_strain and bool(a.species) and a.species == b.species
        single = lambda s: s == {"isotropic"}  # noqa: E731
        return sa.isdisjoint(sb) and (single(sa) or single(sb) or "aggregate" in sa | sb)
    if test.key == "optic_figure":  # apatite's uniaxial figure against andalusite's biaxial one
        fa, fb = _figures(a), _figures(b)
        crystals = {a.optic, b.optic} <= set(FIGURES)
        return crystals and len(fa) == len(fb) == 1 and fa != fb
    if test.key == "optic_sign":  # a uniaxial positive quartz against a uniaxial negative scapolite
        return len(a.optic_sign) == len(b.optic_sign) == 1 and a.optic_sign != b.optic_sign
    if test.key == "pleochroism":
        # none against moderate or strong, or at most weak against only strong (amethyst against iolite)
        return _plainly_more_pleochroic(a.pleochroism, b.pleochroism) or _plainly_more_pleochroic(
            b.pleochroism, a.pleochroism
        )
    if test.key == "fluorescence":
        fa, fb = set(a.fluorescence), set(b.fluorescence)
        return bool(fa and fb) and fa.isdisjoint(fb) and ("inert" in fa | fb)
    if test.key == "chelsea":
        # a red in some of one gem's stones still rules out a gem that never shows it
        return a.chelsea_red is not None and b.chelsea_red is not None and a.chelsea_red != b.chelsea_red
    if test.key == "thermal":  # worth the tester only where one of the two is a diamond or moissanite
        return a.conducts_heat != b.conducts_heat
    if test.key == "magnet":  # drawn plainly (held, picked up, dragged) against barely or not at all; held or not
        drawn = [p.magnet in DRAWN_BY_A_MAGNET for p in (a, b)]
        return bool(a.magnet and b.magnet) and (drawn[0] != drawn[1] or (a.magnet == "held") != (b.magnet == "held"))
    return False


@lru_cache(maxsize=1)
def all_profiles() -> tuple[Profile, ...]:
    from gemlang.knowledge import all_gems

    return tuple(profile(g) for g in all_gems())
