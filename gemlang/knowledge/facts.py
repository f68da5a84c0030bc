"""`GemFacts`, the record every part of gemlang reads gem facts from, and the one way numbers print.

Descriptions, property tables, chat answers and catalog entries all format hardness, SG and RI through
`format_range`, so a reader never sees "3.95–4.05" in one place and "3.95-4.1" in another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

SOURCE_DATABASE = "gemmology-mineral-database"
SOURCE_GEMLANG = "gemlang"
SOURCES = (SOURCE_DATABASE, SOURCE_GEMLANG)

Range = tuple[float, float]

# Decimal places per quantity: RI is read to the third decimal on a refractometer, SG to the second;
# None means "as few as the value needs" (Mohs 9, 7.5, 9.25).
DECIMALS: dict[str, int | None] = {
    "hardness": None,
    "specific_gravity": 2,
    "refractive_index": 3,
    "birefringence": 3,
    "dispersion": 3,
}

# Facts gemlang states from references it checked (`sourced_facts.json`); each carries a citation.
SOURCED_FIELDS = ("composition", "colour_cause", "formation", "name_origin", "history", "phenomena", "uses")
# Sourced facts given when asked for, too particular for a gem's description: what a spectroscope shows, how a
# magnet draws it (`MAGNET_RESPONSES`), the colour of its powder on unglazed porcelain (the streak test of
# opaque rough), whether water dissolves it, how it takes a drop of acid, and a hardness that differs with direction.
ASKED_SOURCED_FIELDS = (
    "absorption_spectrum", "magnetism", "streak", "solubility", "acid_reaction", "hardness_by_direction",
)  # fmt: skip

# How a magnet draws a gem, by the words its sourced `magnetism` opens with: a ferromagnetic stone (magnetite) is
# held by any magnet; iron- and manganese-rich gems (most garnets) are picked up by a strong neodymium magnet, or
# dragged when heavier; others are drawn only weakly or not at all.
MAGNET_RESPONSES = {
    "held": "An ordinary magnet holds it",
    "picked up": "A strong neodymium magnet picks it up",
    "drags": "A strong neodymium magnet drags it",
    "weak": "A magnet draws it only weakly",
    "inert": "A magnet does not draw it",
}

# Every field that states a fact about the gem (and so records a source in `GemFacts.sources`).
FACT_FIELDS = (
    "species",
    "variety",
    "chemistry",
    "crystal_system",
    "hardness",
    "specific_gravity",
    "refractive_index",
    "birefringence",
    "least_birefringence",
    "optical_character",
    "dispersion",
    "lustre",
    "diaphaneity",
    "cleavage",
    "pleochroism",
    "fluorescence",
    "mineral_class",
    "fracture",
    "colours",
    "diagnostic_features",
    "localities",
    "simulants",
    "treatments",
    "description",
    *SOURCED_FIELDS,
    *ASKED_SOURCED_FIELDS,
)


# A locality may carry a status after " — ": "Tibet (China) — claimed, unconfirmed", or
# "Inner Mongolia (China) — treated material sold as red andesine". Descriptions and locality evidence use
# only the confirmed ones; the property table and the chat can still say what the trade claims.
LOCALITY_STATUS_SEPARATOR = " — "
LOCALITY_STATUSES = ("claimed, unconfirmed", "treated material sold as", "a different gem")


def locality_status(place: str) -> str:
    """The status part of a locality ('' when it is a plain, confirmed locality)."""
    if LOCALITY_STATUS_SEPARATOR not in place:
        return ""
    status = place.split(LOCALITY_STATUS_SEPARATOR, 1)[1].strip()
    return status if status.startswith(LOCALITY_STATUSES) else ""


# a full stop that ends no sentence before a capital: "e.g. Lapis", "approx. Ten", "St. Petersburg"
ABBREVIATIONS = ("e.g.", "i.e.", "approx.", "St.", "Mt.", "Dr.", "cf.", "vs.", "ch.")
SENTENCE_END = re.compile(
    r"(?:(?<=[a-z0-9)'\"]\.)|(?<=[A-Z]{2}\.))"  # "… in daylight." or "… and UV."; not an initial ("J. P.")
    + "".join(rf"(?<!\b{re.escape(a)})" for a in ABBREVIATIONS)
    + r"\s+(?=[A-Z])"
)


def sentences(text: str) -> list[str]:
    """A fact's text split into its sentences; not at an initial ("J. P. Morgan"), an abbreviation ("e.g.") or a
    decimal point."""
    return [x.strip() for x in SENTENCE_END.split(text) if x.strip()]


def ahead_of_the_rest(ranges: Sequence[Range], lowest: bool = False) -> tuple[list[int], list[int]]:
    """(leaders, rest): the indices of the ranges no other range lies wholly above (below, with `lowest`), and of
    the others, when each leader lies wholly above (below) each of the rest; ([], []) when no such split exists
    (ruby 9 and sapphire 9 lead emerald 7.5–8; quartz 7 and garnet 6.5–7.5 overlap: no split)."""

    def beyond(i: int, j: int) -> bool:
        return ranges[i][1] < ranges[j][0] if lowest else ranges[i][0] > ranges[j][1]

    every = range(len(ranges))
    leaders = [i for i in every if not any(beyond(j, i) for j in every)]
    rest = [j for j in every if j not in leaders]
    if not rest or not all(beyond(i, j) for i in leaders for j in rest):
        return [], []
    return leaders, rest


def format_number(value: float, decimals: int | None = None) -> str:
    if decimals is None:
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{value:.{decimals}f}"


def format_range(value: Range | float | None, decimals: int | None = None) -> str:
    """'9' for (9, 9), '7.5–8' for (7.5, 8), '1.762–1.770' with decimals=3; '—' when unknown."""
    if value is None:
        return "—"
    if isinstance(value, (int, float)):
        return format_number(float(value), decimals)
    low, high = (format_number(float(v), decimals) for v in value)
    return low if low == high else f"{low}–{high}"


def format_quantity(name: str, value: Range | float | None) -> str:
    """Format one of the numeric GemFacts fields (hardness, specific_gravity, ...) the house way."""
    return format_range(value, DECIMALS[name])


@dataclass(frozen=True)
class Kind:
    """One kind of a material made in several, each with constants of its own (crown and lead glass, low and
    high zircon). `birefringence` is the range of the kind's maximum birefringence and `optical_character`
    its own where they differ from the material's (metamict zircon: near zero, isotropic)."""

    name: str
    refractive_index: Range
    specific_gravity: Range
    source: str = ""  # the reference the ranges were checked against
    birefringence: Range | None = None
    optical_character: str = ""


@dataclass(frozen=True)
class TreatmentSigns:
    """How one treatment of a gem is detected: the signs a gemmologist sees at the bench (loupe, microscope,
    spectroscope, UV lamp, SG), then what needs a laboratory. `said_as`: how people name the treatment
    (regular expressions); `undetectable`: for a treatment that usually leaves no trace even a laboratory finds
    (the heating of aquamarine), why, so that it is assumed rather than looked for; `citation`: the references
    of all three."""

    treatment: str
    said_as: tuple[str, ...]
    bench: tuple[str, ...]
    laboratory: tuple[str, ...]
    citation: str
    undetectable: tuple[str, ...] = ()


MET = ("often", "rarely", "hardly")  # how often a gemmologist meets a gem, where it is neither usual nor ordinary


@dataclass(frozen=True)
class GemFacts:
    """What gemlang knows about one gem, and where each fact came from.

    Ranges are (min, max) tuples; a single value v is (v, v). `birefringence` is the maximum
    birefringence (the difference between the extreme refractive indices), the figure a refractometer
    reading is compared with. `sources` maps each non-empty fact field to SOURCE_DATABASE or SOURCE_GEMLANG.
    """

    name: str
    aliases: tuple[str, ...] = ()
    species: str = ""
    variety: str = ""
    chemistry: str = ""
    crystal_system: str = ""
    hardness: Range | None = None
    specific_gravity: Range | None = None
    refractive_index: Range | None = None
    birefringence: float | None = None
    # the least of its stones' maximum birefringence, where composition varies it (scapolite 0.004–0.037)
    least_birefringence: float | None = None
    lustre: str = ""
    diaphaneity: str = ""  # how much light passes a cut stone, where it matters: "opaque" (no polariscope)
    colours: tuple[str, ...] = ()
    diagnostic_features: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()
    simulants: tuple[str, ...] = ()
    description: str = ""
    sources: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    optical_character: str = ""
    dispersion: Range | None = None
    cleavage: str = ""
    pleochroism: str = ""
    fluorescence: str = ""  # what it shows under a UV lamp ("Moderate to strong red (long-wave UV)")
    origin: str = "natural"  # natural | synthetic | simulant | composite
    database_ids: tuple[str, ...] = ()  # gemmology-mineral-database family ids behind this entry
    is_dataset_class: bool = False  # one of the 87 photo classes gemlang recognises
    # In words, each with a citation in `citations`: what it is made of, what colours it, where and how it
    # forms, where its name comes from, its history and notable stones, its optical phenomena, its other uses.
    composition: str = ""
    colour_cause: str = ""
    formation: str = ""
    name_origin: str = ""
    history: str = ""
    phenomena: str = ""
    uses: str = ""
    absorption_spectrum: str = ""  # what a hand spectroscope shows, from a reference (see `spectrum`)
    magnetism: str = ""  # how a magnet draws it, opening with one of `MAGNET_RESPONSES`' words (see `magnet`)
    streak: str = ""  # the colour of its powder on unglazed porcelain, from a reference ("light blue")
    solubility: str = ""  # whether and how far water dissolves it ("barely dissolves in water: …"), from a reference
    acid_reaction: str = ""  # what a drop of dilute acid does to it ("fizzes …"), from a reference
    hardness_by_direction: str = ""  # a Mohs hardness that differs with direction (kyanite's), from a reference
    # how the treatments of the gem, or of the gems that are kinds of it, are detected
    treatment_signs: tuple[TreatmentSigns, ...] = ()
    # field -> the reference a reviewer checked it against, for reviewed overrides and sourced facts.
    citations: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # The database's chemical class ("Nesosilicates"), fracture and the treatments in use.
    mineral_class: str = ""
    fracture: str = ""
    treatments: tuple[str, ...] = ()
    group: str = ""  # the database's mineral group ("Garnet group")
    variety_of: str = ""  # for a variety or rock: the database gem whose species-level facts it shares
    imitates: str = ""  # what a simulant, composite or synthetic stands for ("ruby")
    growth_method: str = ""  # how a synthetic is grown ("flame-fusion (Verneuil)")
    # The kinds a material comes in, when its ranges span several (glass): a reading fits the material if it
    # fits one kind, which says more than fitting somewhere in the whole span.
    kinds: tuple[Kind, ...] = ()
    # "often" (glass, the commonest imitation), "rarely" (collectors' stones), "hardly" (a synthetic barely made),
    # or "" (see MET)
    met: str = ""

    def locality_status(self, place: str) -> str:
        """'' for a confirmed source, else what the locality really is ('claimed, unconfirmed', ...)."""
        return locality_status(place)

    def confirmed_localities(self) -> tuple[str, ...]:
        """The localities that are real sources of the natural gem, without claimed or trade-story ones."""
        return tuple(p for p in self.localities if not locality_status(p))

    def format(self, name: str) -> str:
        """A numeric field formatted the house way: gem.format("specific_gravity") -> '3.99–4.01'; a birefringence
        composition varies as its range (scapolite '0.004–0.037')."""
        if name == "birefringence" and self.birefringence_range[0] != self.birefringence:
            return format_quantity(name, self.birefringence_range)
        return format_quantity(name, getattr(self, name))

    @property
    def magnet(self) -> str:
        """How a magnet draws it (a key of `MAGNET_RESPONSES`), from its sourced `magnetism`; '' if unknown."""
        return next((k for k, words in MAGNET_RESPONSES.items() if self.magnetism.startswith(words)), "")

    @property
    def spectrum(self) -> str:
        """What a spectroscope shows of it: its sourced absorption spectrum, which a reviewer wrote in full, else
        what its diagnostic features say of one ("absorption at 437nm"); '' if none."""
        if self.absorption_spectrum:
            return self.absorption_spectrum
        # the parts of a feature about a spectrum ("weak iron absorption bands" of "Singly refractive; weak iron
        # absorption bands"), without a label the answer adds itself ("Spectroscope: a line at 653.5 nm") and
        # without what a spectroscope does not show ("no 437nm absorption", nephrite's, beside jadeite's line)
        parts = (p.strip() for f in self.diagnostic_features for p in f.split(";"))
        said = [
            re.sub(r"^spectroscope\s*:\s*", "", p, flags=re.I)
            for p in parts
            if re.search(r"\bnm\b|\d\s*nm\b|(?<!full-)spectr|absorption", p, re.I) and not re.match(r"no\b", p, re.I)
        ]
        return "; ".join(s[0].upper() + s[1:] for s in said if s)

    @property
    def birefringence_range(self) -> tuple[float | None, float | None]:
        """(least, greatest) maximum birefringence of its stones; both the same where composition does not vary it."""
        top = self.birefringence
        low = self.least_birefringence
        return (min(low, top) if low is not None and top is not None else top, top)

    def property_table(self) -> list[tuple[str, str]]:
        """Rows (label, value) of the gem's identifying properties; unknown properties are left out."""
        rows: list[tuple[str, str]] = []

        def add(label: str, value: str) -> None:
            if value:
                rows.append((label, value))

        add("Species", self.species)
        add("Variety", self.variety)
        add("Chemistry", self.chemistry)
        add("Crystal system", self.crystal_system)
        for label, name in (
            ("Mohs hardness", "hardness"),
            ("Specific gravity", "specific_gravity"),
            ("Refractive index", "refractive_index"),
        ):
            if getattr(self, name) is not None:
                add(label, self.format(name))
        singly_refractive = self.optical_character.lower().startswith("isotropic")
        if self.birefringence:
            add("Birefringence", self.format("birefringence"))
        elif self.refractive_index is not None and (singly_refractive or self.birefringence == 0):
            add("Birefringence", "none (singly refractive)")
        add("Optic character", self.optical_character)
        if self.dispersion is not None:
            add("Dispersion", self.format("dispersion"))
        add("Lustre", self.lustre)
        add("Cleavage", self.cleavage)
        add("Fracture", self.fracture)
        add("Pleochroism", self.pleochroism)
        return rows

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = [asdict(v) if is_dataclass(v) else v for v in value]
            elif isinstance(value, dict):
                value = dict(value)
            out[f.name] = value
        return out
