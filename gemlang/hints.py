"""What a person tells us about their stone, read from free text: Mohs hardness, where it was found, its colour.

    parse_hints("a purple stone, it scratches glass but not quartz, found in Sri Lanka")
    -> Hints(hardness=HardnessHint(low=5.5, high=7.0, ...), places=("Sri Lanka",), colours=("purple",), ...)

Hardness arrives as a number ("hardness 9", "about 7" as a reply), a range ("6-7") or a scratch
test. A scratch test is an inequality against a reference object of known hardness: the stone
scratches glass -> harder than 5.5; a knife scratches the stone -> softer than 5.5. Every reading
becomes an interval [low, high] on the Mohs scale, the one form the fusion head takes.

Places are read with the gazetteer of `gemlang.knowledge.places` ("Mogok" -> Myanmar, "Burma" ->
Myanmar, any ISO country), so a place the knowledge base never mentions still counts as "somewhere
else". The scratch-test reference objects come from `gemlang.knowledge.scratch`. Colour words are read
with the colour vocabulary of `gemlang.knowledge.colours` (a colour alone is not enough to rank gems
without a photo, so it does not make the hints count on its own; it refines a photo or readings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from gemlang.knowledge.colours import said_colours
from gemlang.knowledge.glossary import QUOTED
from gemlang.knowledge.instruments import TOLERANCE
from gemlang.knowledge.places import CLAIMED, parse_places, places_denied
from gemlang.knowledge.scratch import reference_words
from gemlang.patterns import compiled
from gemlang.readings import (
    CONDUCTS_FAILED,
    CONDUCTS_SAID,
    JOIN_LINE,
    NUMBER_IN_WORDS,
    PLEOCHROIC_HUES,
    SMOOTH_ON_TEETH,
    SPECTROSCOPE_LINES,
    THERMAL_FAILED,
    TURNED,
    Readings,
    number_in_words,
    parse_readings,
)

MOHS_MIN, MOHS_MAX = 1.0, 10.0
SCRATCH_REFERENCES = reference_words()
TOOLS = "|".join(re.escape(name) for name in sorted(SCRATCH_REFERENCES, key=len, reverse=True))  # "a knife", "glass"


@dataclass(frozen=True)
class HardnessHint:
    """A Mohs reading as an interval: "9" is 9-9, "about 7" is 6.5-7.5, "scratches glass" is 5.5-10."""

    low: float
    high: float
    said: str = ""  # the words it was read from, for the answer ("scratches glass")

    def __post_init__(self) -> None:
        if not MOHS_MIN <= self.low <= self.high <= MOHS_MAX:
            raise ValueError(f"a Mohs reading runs from 1 to 10 with low <= high, got ({self.low}, {self.high})")

    def describe(self) -> str:
        if self.low == self.high:
            value = _number(self.low)
        elif self.high >= MOHS_MAX:
            value = f"above {_number(self.low)}"
        elif self.low <= MOHS_MIN:
            value = f"below {_number(self.high)}"
        else:
            value = f"{_number(self.low)}–{_number(self.high)}"
        said = f" ({self.said})" if self.said and not re.fullmatch(r"[\d.\s\-–~]+", self.said) else ""
        return f"Mohs hardness {value}{said}"


@dataclass(frozen=True)
class Hints:
    """Everything read from one message (or accumulated over a conversation)."""

    hardness: HardnessHint | None = None
    countries: tuple[str, ...] = ()  # canonical country names, the fusion head's vocabulary
    places: tuple[str, ...] = ()  # the places as the person named them ("Mogok", "Burma")
    notes: tuple[str, ...] = field(default=())  # readings that contradicted each other, etc.
    readings: Readings = field(default_factory=Readings)  # refractometer, SG, polariscope, dichroscope, UV
    colours: tuple[str, ...] = ()  # the colour names the person gave the stone (`gemlang.knowledge.colours.BASIC`)
    signs: tuple[str, ...] = ()  # what the treatment signs seen mean (`TREATMENT_SIGNS`), for "is it treated?"

    def __bool__(self) -> bool:
        """Whether there is something to rank gems by; a colour alone is not (it only refines the rest)."""
        return self.hardness is not None or bool(self.countries) or bool(self.readings)

    @property
    def measured(self) -> bool:
        """Whether they say something measured or seen of the stone itself (a reading, a hardness, a loupe sign),
        not only where it is from or its colour: what can rank gems without a photo to lean on."""
        return self.hardness is not None or bool(self.readings)

    def updated(self, newer: Hints) -> Hints:
        """This conversation's hints with a newer message's on top: a new reading replaces the old one."""
        return Hints(
            hardness=newer.hardness or self.hardness,
            countries=newer.countries or self.countries,
            places=newer.places or self.places,
            notes=newer.notes,
            readings=self.readings.updated(newer.readings),
            colours=newer.colours or self.colours,
            signs=tuple(dict.fromkeys(self.signs + newer.signs)),
        )

    def without(self, withdrawn: tuple[str, ...]) -> Hints:
        """These hints less what a person took back (`withdrawn_hints`): 'forget the RI' drops the RI and the
        birefringence read from its two edges."""
        if "everything" in withdrawn:
            return Hints(notes=self.notes)
        kept = self.readings
        for name in withdrawn:
            if name in READING_FIELDS:
                kept = replace(kept, **dict.fromkeys(READING_FIELDS[name]))
        return replace(
            self,
            readings=kept,
            hardness=None if "hardness" in withdrawn else self.hardness,
            countries=() if "locality" in withdrawn else self.countries,
            places=() if "locality" in withdrawn else self.places,
            colours=() if "colour" in withdrawn else self.colours,
        )

    def holds(self, name: str) -> bool:
        """Whether these hints hold what `withdrawn_hints` names ("RI", "hardness", "everything"; not "photo")."""
        if name == "everything":
            return bool(self) or bool(self.colours)
        if name in READING_FIELDS:
            return any(getattr(self.readings, f) not in (None, ()) for f in READING_FIELDS[name])
        return bool({"hardness": self.hardness, "locality": self.countries, "colour": self.colours}.get(name))

    def contradicted_by(self, newer: Hints) -> bool:
        """Whether a newer message says what these hints cannot also be: another colour, a reading or hardness
        outside the one held, singly against doubly refractive ("grey, SG 7.5", then "brown")."""
        old, new = self.readings, newer.readings

        def apart(a, b, key: str) -> bool:  # two careful readings of one stone differ by up to twice the tolerance
            return a is not None and b is not None and max(a.low - b.high, b.low - a.high) > 2 * TOLERANCE[key]

        optic = {old.optic, new.optic}
        return (
            bool(self.colours and newer.colours and not set(self.colours) & set(newer.colours))
            or any(apart(getattr(old, k), getattr(new, k), k) for k in ("ri", "birefringence", "sg"))
            or apart(self.hardness, newer.hardness, "hardness")
            or ("isotropic" in optic and bool(optic & {"anisotropic", "uniaxial", "biaxial"}))
        )

    def describe(self) -> list[str]:
        said = " and ".join(self.colours)
        out = [said if said == "colourless" else f"{said} colour"] if self.colours else []
        out += self.readings.describe()
        if self.hardness:
            out.append(self.hardness.describe())
        if self.places:
            named = ", ".join(self.places)
            countries = ", ".join(c for c in self.countries if c not in self.places)
            out.append(f"found in {named}" + (f" ({countries})" if countries else ""))
        if FILLING_SIGN in self.signs:  # weighed too: a gem the trade fills (`EvidenceModel.likelihoods`)
            out.append(FILLED_FLASH)
        return out


def _number(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


# What a person may take back ("ignore the RI", "forget the locality"), and the readings fields each clears.
READING_FIELDS = {
    "RI": ("ri", "birefringence"),
    "birefringence": ("birefringence",),
    "SG": ("sg",),
    "optic character": ("optic",),
    "pleochroism": ("pleochroism",),
    "fluorescence": ("fluorescence",),
    "Chelsea filter": ("chelsea_red",),
}
WITHDRAWABLE = {
    "RI": r"r\.?i\.?|refractive index|refractometer(?: reading)?",
    "birefringence": r"bire\w*|birefringence|double refraction|dr",
    "SG": r"s\.?g\.?|specific gravity|density",
    "hardness": r"hardness|mohs|scratch test",
    "locality": r"locality|place|origin|location|country|where it(?:'s| is| was) from",
    "colour": r"colou?r",
    "optic character": r"polariscope|optic(?:al)?(?: character)?",
    "pleochroism": r"pleochroism|dichroscope|dichroism|trichroism",
    "fluorescence": r"fluorescence|uv",
    "Chelsea filter": r"chelsea(?: filter)?",
    "everything": r"(?:all (?:the |my )?)?(?:readings|hints)|everything",
    "photo": r"photo|picture|image|pic\b",
}
_WITHDRAW = re.compile(
    r"(?<!not )(?<!n't )(?<!cannot )\b(?:ignore|forget|drop|remove|scrap|disregard|delete|cancel|withdraw|discard|"
    r"leave out|take out|clear|wipe)\s+(?:about\s+)?(?:the\s+|my\s+|that\s+|its\s+)?(?=(?P<what>[a-z.' ]{1,30}))"
)


def withdrawn_hints(text: str) -> tuple[str, ...]:
    """What a message takes back: 'ignore the RI, I misread it' -> ('RI',); 'forget everything' -> ('everything',)."""
    found = []
    for m in _WITHDRAW.finditer((text or "").lower()):
        for name, pattern in WITHDRAWABLE.items():
            if compiled(rf"(?:{pattern})\b").match(m.group("what")):
                found.append(name)
                break
    return tuple(dict.fromkeys(found))


# Signs a gemmologist reports that gemlang has no facts to weigh: said so, rather than dropped without a word.
_OPTIC_ANGLE_SIZE = r"(?:very\s+)?(?:large|small|big|wide|narrow|moderate|medium|high|low)"
UNREAD_SIGNS = re.compile(
    r"\b(?:two[- ]phase inclusions?|(?<!flux )fingerprints?|feathers?|jardin|lily[- ]?pads?|felted(?: texture)?|"
    r"absorption (?:bands?|lines?|spectrum)|iron (?:absorption )?(?:lines?|bands?|spectrum)|floats? in water|"
    r"sinks? in water)\b|"
    # how warm it feels (glass and plastic warm up fast, crystals stay cold): the facts give it for too few gems
    r"\b(?:feels?|felt|feeling)\s+(?:very\s+|quite\s+|really\s+|so\s+)?(?:warm|cold|cool)\b"
    r"(?!\s*(?:colou?r|tone|hue|light|white|yellow|brown|red|orange|pink|blue|green))"
    r"(?:\s+(?:to the touch|on (?:my|the) (?:lips?|skin|cheek|tongue)))?|"
    r"\b(?:warm|cold|cool)\s+(?:to\s+the\s+touch|on\s+(?:my|the)\s+(?:lips?|skin|cheek|tongue))\b|"
    # the optic angle of a biaxial stone ("2V large", "2V 85°", "large 2V"): no gem's facts here give one
    rf"\b(?:{_OPTIC_ANGLE_SIZE}\s+)?2v\b(?:\s*(?:[:=~]|is|of|about|approx\.?|ca\.?)?\s*(?:{_OPTIC_ANGLE_SIZE}\b|"
    r"\d{1,2}(?:[.,]\d)?(?:\s*°|\s*deg(?:rees?)?\b)?))?",
    re.IGNORECASE,
)
# what "it changes colour when I turn it" is, in the glossary's words (pleochroism, colour change, dichroscope)
TURNED_NOTE = (
    "a colour that changes with the direction the stone is viewed from is pleochroism, not a colour change, which "
    "goes with the light it is seen in (alexandrite's, green in daylight and red under incandescent light); I do not "
    "weigh it: a dichroscope shows pleochroic colours side by side."
)
# Of those, a spectroscope's: not said unread when the spectrum names a line the readings weigh ("a 437 nm line")
UNREAD_SPECTRUM = re.compile(r"absorption|iron", re.IGNORECASE)


# A message about jade, and the bluish-white glow of the polymer in a bleached, impregnated one
_OF_JADE = r"^(?=[\s\S]*\bjade(?:ite)?\b)[\s\S]*?"
_WHITE_GLOW = r"(?:blue[- ]?white|bluish[- ]white|chalky)"
_POLYMER_GLOW = (
    rf"\b{_WHITE_GLOW}(?: blue)?\b[^.;]{{0,20}}\b(?:glow|fluoresc)\w*|"
    rf"\b(?:glow|fluoresc)\w*[^.;]{{0,20}}\b{_WHITE_GLOW}\b"
)
B_JADE_GLOW = re.compile(_OF_JADE + f"(?:{_POLYMER_GLOW})", re.I)  # the polymer's glow, not the jade's own

IMITATION_PEARL = (
    "smooth on the teeth: the nacre of a natural or cultured pearl, overlapping aragonite platelets, feels gritty, "
    "so a smooth one is most likely an imitation (a coated glass, plastic or shell bead); a loupe at the drill hole, "
    "where a coating flakes, confirms it."
)
AGAINST_NOTES = {
    SMOOTH_ON_TEETH: IMITATION_PEARL,
    JOIN_LINE: "a join line is the mark of an assembled stone (a doublet or triplet), a crown of one material on a "
    "pavilion of another: an RI read on the table is the crown's and an SG the whole stone's. Read the pavilion's "
    "RI as well, look along the join for flattened bubbles and a change of lustre, and describe it as assembled.",
    # the glossary's "moissanite tester", which the weighing follows: it separates moissanite from diamond alone
    CONDUCTS_SAID: "a moissanite tester's tone says the stone conducts electricity, as moissanite does and diamond "
    "as a rule does not; it is read after a thermal tester has said 'diamond or moissanite', and of other gems my "
    "facts do not say whether they conduct.",
    CONDUCTS_FAILED: "a moissanite tester that does not react argues against moissanite, which conducts; but "
    "moissanite can have spots that do not conduct, so clean and dry the stone and touch several places first.",
    THERMAL_FAILED: "a thermal tester that does not call it diamond rules out diamond, lab-grown or not, and "
    "moissanite, which carry heat away as no other gem does; a dirty or warm stone, or a probe off the facet, reads "
    "low, so clean it and try again before trusting it.",
}
FILLED_FLASH = "a flash in filled fissures"  # the sign as the evidence weighs it and the answer lists it
FILLING_SIGN = (
    "a blue or orange flash in fissures, flattened gas bubbles in them, or oil or resin seen in them, is the mark of "
    "a filling (lead glass in ruby and sapphire; resin or oil in emerald, its clarity enhancement): the stone is "
    "still its species, but the filling must be disclosed."
)

INTACT_SILK = (
    "in ruby and sapphire, fine intact silk (rutile needles) speaks against heating, which dissolves or breaks it up "
    "(GIA GemKids, sapphire under the microscope <https://gemkids.gia.edu/gem/sapphire-microscope>); only a "
    "laboratory rules heating out."
)
# Signs of a treatment, not of a gem: said as what they show, since a treated stone is still its species.
TREATMENT_SIGNS = (
    (
        re.compile(
            r"\bflash(?:es|ing)?(?: effect)?\b[^.;]{0,60}\b(?:fissures?|fractures?|cracks?)\b|"
            r"\b(?:fissures?|fractures?|cracks?)\b[^.;]{0,60}\bflash(?:es|ing)?\b|"
            # flattened gas bubbles trapped in a fracture: the glass that filled it
            r"\bflat(?:tened)? (?:gas )?bubbles?\b(?![^.;]{0,20}\b(?:join|glue|layer)\b)|"  # not a doublet's join
            r"\bbubbles?\b[^.;]{0,12}\b(?:in|along|within) (?:the )?"
            r"(?:fissures?|fractures?|cracks?)\b|"
            # the filler itself seen: emerald's oil or resin ("oil or resin in the fissures", "oiled fractures")
            r"\b(?:oil|resin|filler|epoxy)\b[^.;,]{0,20}\b(?:in|along|within|filling) (?:the |its )?"
            r"(?:fissures?|fractures?|cracks?)\b|\b(?:oiled|resin[- ]filled) (?:fissures?|fractures?|cracks?)\b|"
            r"\b(?:fissures?|fractures?|cracks?)\b[^.;]{0,12}\bfilled with (?:oil|resin|epoxy)\b",
            re.I,
        ),
        FILLING_SIGN,
    ),
    (
        re.compile(
            r"\bcolou?r\b[^.;]{0,30}\b(?:concentrated|only)\b[^.;]{0,30}\b"
            r"(?:facet (?:junctions|edges)|girdle|surface(?![- ]reaching))\b",
            re.I,
        ),
        "colour concentrated along facet junctions or at the surface is the mark of surface diffusion: the stone "
        "is still its species, but its colour is added and must be disclosed.",
    ),
    (
        re.compile(
            r"\bswabs?\b[^.;]{0,40}\b(?:came away|comes? (?:away|off)|colou?red|stained|residue|turned|picked up)\b"
            r"(?![^.;]{0,12}\b(?:clean|white|nothing)\b)|\bcolou?r\b[^.;]{0,20}\b(?:on|off on) the swab\b|"
            # dye gathers where it soaked in: cracks, fractures, drill holes
            r"\bcolou?r\b[^.;]{0,30}\b(?:concentrated|collected|pooled|gathered)\b[^.;]{0,12}\b(?:in|along|within|at|"
            r"around)\b[^.;]{0,25}\b(?:fractures?|cracks?|fissures?|drill ?holes?)\b",
            re.I,
        ),
        "colour coming off on an acetone swab, or gathered in cracks or at drill holes, shows a dyed stone or an "
        "imitation (International Gem Society, dye "
        "testing <https://frontend.gemsociety.org/lesson/destructive-mineral-tests-dye-testing>): the dye must be "
        "disclosed.",
    ),
    (
        re.compile(
            r"(?:acrid|burning plastic|smells? (?:of|like) (?:burning )?plastic)[^.;]{0,50}hot[- ]?(?:point|needle)|"
            r"hot[- ]?(?:point|needle)[^.;]{0,50}(?:acrid|burning plastic|smells? (?:of|like) (?:burning )?plastic)",
            re.I,
        ),
        "an acrid, burning-plastic smell to a hot point is the polymer of a stabilised (plastic-impregnated) stone, "
        "as most turquoise is, or a plastic imitation (International Gem Society, destructive tests: the hot point "
        "<https://www.gemsociety.org/article/destructive-tests-hot-point/>): stabilisation must be disclosed.",
    ),
    (
        re.compile(  # not "no laser drill holes visible", "no sign of laser drilling"
            r"^(?![\s\S]*\b(?:no|not|without|nor|never)\b[^.;,]{0,25}\blaser)[\s\S]*?"
            r"(?:\blaser[- ]?(?:drill(?:ed|ing)?(?:[- ]holes?)?|holes?|channels?|tunnels?)\b|\bldh\b)",
            re.I,
        ),
        "a laser drill hole is a fine straight channel bored from the surface to a dark inclusion, which is then "
        "bleached with acid; it leaves a diamond a diamond, but CIBJO asks that it be disclosed, and a grading "
        "report names it (Professional Jeweler, Tunneling to an inclusion "
        "<http://www.professionaljeweler.com/archives/articles/1998/apr98/0498dg1.html>; GemGate, laser drill "
        "holes: natural etch channels can look alike <https://gemgate.com/diamond-info/advanced-diamond-information/"
        "diamond-clarity/laser-drill-holes/>).",
    ),
    (
        re.compile(
            r"\bbead(?:ed)?\s+nucle(?:us|i)\b|^(?=[\s\S]*\b(?:pearls?|nacre|nacreous)\b)[\s\S]*?(?:"  # of a pearl
            r"\b(?:shell\s+)?bead\b[^.;]{0,40}\b(?:drill[- ]?holes?|inside|under the nacre)\b|"
            r"\bdrill[- ]?holes?\b[^.;]{0,60}\bbead\b)",
            re.I,
        ),
        "a shell bead seen under the nacre at the drill hole is the nucleus of a bead-cultured pearl: a cultured "
        "pearl, not a natural one (a natural pearl has no bead), and a thin nacre over it wears through sooner; "
        "X-radiography confirms it (SSEF, Cultured South Sea pearls with small beads "
        "<https://www.ssef.ch/cultured-south-sea-pearls-with-small-beads/>; Premium Pearl, nacre thickness "
        "<https://www.premiumpearl.com/guide-pearl-nacre.html>).",
    ),
    (
        # not peridot's "lily pads", discoid fractures it grows with
        re.compile(
            r"^(?![\s\S]*\b(?:peridot|lily[- ]?pads?)\b)[\s\S]*?(?:"
            r"\bdis[ck](?:oid(?:al)?|[- ]?like|[- ]shaped)\s+(?:tension\s+)?(?:fractures?|fissures?|feathers?)\b|"
            r"\btension (?:halos?|fractures?|discs?)\b|\bsnowballs?\b|"
            r"\b(?:melted|altered|burst|exploded) (?:crystals?|inclusions?)\b|"
            r"\b(?:partly |partially )?(?:dissolved|broken[- ]up|dotted) (?:rutile )?(?:silk|needles)\b|"
            r"\bink[- ]?spots?\b)",
            re.I,
        ),
        "in ruby and sapphire, disc-like fractures round burst crystals, melted (“snowball”) crystals or partly "
        "dissolved silk are signs of heating (SUWA, heated sapphire "
        "<https://suwagem.com/dictionary/quality/book2-14/3.html>; Lotus Gemology, inclusion gallery "
        "<https://www.lotusgemology.com/index.php/library/inclusion-gallery>): heating is accepted in the trade but "
        "must be disclosed, and a laboratory confirms it.",
    ),
    (
        # bleached, polymer-impregnated jadeite: signs seen on a stone called jade
        re.compile(
            rf"{_OF_JADE}(?:\b(?:acid[- ])?etched\b|\bhoneycomb\b|\bspider[- ]?web\b|"
            r"\b(?:polymer|resin|plastic)\b[^.;]{0,20}\b(?:fill|filled|filling|impregnat\w*)\b|"
            rf"\bimpregnat\w*\b[^.;]{{0,20}}\b(?:polymer|resin|plastic)\b|{_POLYMER_GLOW})",
            re.I,
        ),
        "an etched surface in reflected light, a bluish-white glow under long-wave UV or an SG below about 3.32 "
        "(it floats in a 3.32 liquid) are signs of bleached, polymer-impregnated jadeite (“B jade”; geohavens, "
        "B-jade <http://geohavens.com/index.php?option=com_content&view=article&id=149&Itemid=663>); only "
        "infrared spectroscopy proves the polymer (GIA, Gems & Gemology, Fall 1992 "
        "<https://www.gia.edu/gems-gemology/fall-1992-bleaching-jadeite-fritsch>), and it must be disclosed.",
    ),
    (
        # the sign against heating: silk said to be whole, not "partly dissolved silk" (a sign of heating, above)
        re.compile(
            r"\b(?:intact|unaltered|undisturbed|unbroken|sharp|crisp)\s+(?:rutile\s+)?(?:silk|needles)\b|"
            r"\b(?:silk|needles)\b[^.;]{0,20}\b(?:intact|unaltered|undisturbed|unbroken)\b",
            re.I,
        ),
        INTACT_SILK,
    ),
)
# What a sign against a treatment means: it makes one less likely, where the rest point to one.
AGAINST_A_TREATMENT = (INTACT_SILK,)


# "CF red", "CF: pink", "CF neg": the Chelsea filter's reaction as a bench notes it, not the stone's colour; and
# "goes red through the filter", "stays green under the colour filter", "pinkish under CF": the one filter a gem is
# looked through
_WAYS = ("through", "thru", "under", "with", "using", "in")
_THROUGH_A_FILTER = "|".join(f"(?<=\\b{way} {the} )" for way in _WAYS for the in ("the", "a", "my"))
_THROUGH_CF = "|".join(f"(?<=\\b{way} )" for way in _WAYS)
# the note on an origin someone claims ("client says it's Burmese"), which the answer then says a laboratory decides
ORIGIN_CLAIM_LEFT_OUT = "what someone says of a stone's origin is for a laboratory to confirm."
CHELSEA_SHORTHAND = re.compile(
    r"\bCF\b(?=\s*[:=-]?\s*(?:red|pink|reddish|pinkish|green|greenish|neg\w*|pos\w*|inert|no reaction)\b)|"
    rf"(?:{_THROUGH_A_FILTER})(?:colou?r )?filter\b|(?:{_THROUGH_CF})CF\b",
    re.I,
)


def parse_hints(text: str, questions: bool = False) -> Hints:
    """Readings, hardness and places in a message; parts not understood are ignored, never guessed. A question
    about the stone ("does it fluoresce?") is no observation of it, unless `questions` (the places a question
    asks about: "is tanzanite found in Brazil?").

    A number that cannot be right ("Mohs 11", "RI 3.5") or cannot be read ("1.54" with no unit) is not
    used; `notes` says so in one line.
    """
    said = CHELSEA_SHORTHAND.sub("Chelsea filter", text or "")
    text = said if questions else observations(said)
    readings = parse_readings(text)
    hardness, notes = parse_hardness(text)
    # "can I scratch it with a file?", a question left out, is still answered with the warning
    if text != said and SCRATCH_QUESTION_NOTE not in notes and SCRATCH_QUESTION_NOTE in parse_hardness(said)[1]:
        notes.append(SCRATCH_QUESTION_NOTE)
    notes += [STREAK_QUESTION_NOTE] if asks_about_streak_test(said) else []
    # "it's definitely Colombian, right?": a place asked to be confirmed is a question, not where the stone was mined
    told = text if questions else "\n".join(s for s in SENTENCES.split(text) if not TAG_QUESTION.search(s))
    countries, places = parse_places(told, claims=questions)
    notes = [*readings.problems, *notes]
    notes += [
        f"“{said}” is left out: "
        + (ORIGIN_CLAIM_LEFT_OUT if CLAIMED.search(said + " ")
           else "only where a stone was mined counts as evidence.")
        for said in places_denied(text)
        if not (questions and CLAIMED.search(said + " "))
    ]  # fmt: skip
    heads = "" if questions else _choice_heads(said)
    signs = tuple(meaning for sign, meaning in TREATMENT_SIGNS if sign.search(text) or sign.search(heads))
    if B_JADE_GLOW.search(text):  # a B-jade sign: the polymer's glow, not the jade's, so no fluorescence of the stone
        readings = replace(readings, fluorescence=None)
    notes += signs
    # a sign that only argues against a gem (the tooth test failed), or says what the stone is made as (a join
    # line): what it means, with or without a photo
    notes += [AGAINST_NOTES[seen] for seen in readings.observations if seen in AGAINST_NOTES]
    unread = list(dict.fromkeys(m.group(0).lower().replace("2v", "2V") for m in UNREAD_SIGNS.finditer(text)))
    # "absorption bands at 505, 527 and 576 nm", "cobalt absorption bands": a line weighed, not a spectrum unread
    if any(seen in SPECTROSCOPE_LINES for seen in readings.observations):
        unread = [u for u in unread if not UNREAD_SPECTRUM.match(u)]
    if unread:
        said = " or ".join(f"“{u}”" for u in unread)
        notes.append(f"I do not weigh {said} yet: the photo and the readings decide.")
    if TURNED.search(text):  # "it changes colour when I turn it": no colour change with the light
        notes.append(TURNED_NOTE)
    if readings.pleochroism not in (None, "none") and (hues := PLEOCHROIC_HUES.search(text)):
        said = hues.group(1) or hues.group(2)  # "dichroscope shows blue and violet": read as pleochroism only
        notes.append(
            f"I do not weigh which colours the dichroscope shows (“{said}”) yet, only that the stone is pleochroic: "
            "the photo and the other readings decide among the gems."
        )
    return Hints(
        hardness=hardness,
        countries=countries,
        places=places,
        notes=tuple(notes),
        readings=readings,
        colours=said_colours(text),
        signs=signs,
    )


# --- hardness -------------------------------------------------------------------------------------
_NUM = r"(\d{1,2}\s*(?:1/2|½)|\d{1,2}(?:[.,]\d{1,2})?)"
_APPROX = r"(?:about|around|roughly|approximately|approx\.?|maybe|perhaps|nearly|almost|~|circa|ca\.?)"
_RANGE = rf"{_NUM}\s*(?:-|–|—|to|or)\s*{_NUM}"
_HARDNESS_WORD = r"(?:hardness|mohs|\bh(?=\s*[=:]\s*\d))"  # "H=7", "H: 7.5" as a gemmologist notes it
# The keywords of the other readings, where a hardness clause ends ("hardness 7 SG 2.65").
OTHER_READING = r"\b(?:s\.?\s?g|r\.?\s?i|specific gravity|refractive|density|bire\w*)\b"

# A question about the stone is no observation of it: "does it fluoresce?", "would a knife scratch it?", "is it
# pink sapphire?", "does Jaipur mean it's Indian?", "what causes the glow?". Asked "what gem glows red under UV?",
# the glow is the person's observation, and a number with its reading ("is it SG 3.52?") is one too.
_AUX = r"(?:does|do|did|would|could|can|will|is|are|was|were|should|shall|might|may|must)"
_ASKING_AUX = r"(?:does|do|did|would|could|can|will|should|shall|might|may|must)"  # not "is": "Is singly refractive"
# a name asked about may open in quotation marks: 'Is "Swiss blue topaz" treated?'
_OPEN_QUOTE = r"['‘\"“]?"
_SUBJECT = r"(?:it|this|that|they|these|those|there|i|we|you|one|the|a|an|my|your|its|any|such|some)"
ASKED_NOT_SEEN = re.compile(
    rf"^(?:(?:and|or|so|but|then|ok|okay|hmm|well)\b[\s,]*)?(?:{_AUX}\s+{_SUBJECT}\b|{_AUX}\s+(?!not\b){_OPEN_QUOTE}\w+[^?]*\?\s*$|"
    rf"{_ASKING_AUX}\s+(?!not\b|n't|be\b)\w+\s+\w+|"  # "Would quartz scratch it" without its "?"
    r"(?:why|how|where)\b|what\s+(?:causes?|caused|makes?|made|gives?|gave|happens|about|(?:is|are)\s+the)\b|"
    r"what\s+(?:does|do|did|would|will|should)\s+[^?]*\blooks?\s+like\b|"  # "what does the doubling look like?"
    r"what\s+(?:does|do)\s+[^?]*\b(?:mean|stand\s+for)\b|"  # "what does DR mean?": a word asked, not seen
    r"which\s+(?:one\s+|of\s+them\s+)?(?:fluoresces?|glows?|is|are)\b|"  # "which fluoresces, ruby or garnet?"
    r"any\s+[\w\s'-]{0,30}\?\s*$)",  # "any fluorescence?"
    re.I,
)
# a statement asked to be confirmed: "…, right?", "…, isn't it?" (of a gem it names: no reading of the stone)
# ("is that true", "is that what you have" ask even without their "?")
TAG_QUESTION = re.compile(
    r"(?:,|\s)\s*(?:(?:right|correct|true|yes|no|isn'?t (?:it|that so)|doesn'?t it)\s*\?+|is(?:n'?t)? that (?:right|"
    r"correct|so|true|what you (?:have|get|give|say))\s*\?*)\s*$",
    re.I,
)
# a value asked to be confirmed, its "?" perhaps left off: "SG 3.53 right", "RI 1.62, correct?"
VALUE_CONFIRMED = re.compile(
    r"\d\s*,?\s*(?:right|correct|yes|true|is(?:n'?t)? that (?:right|correct|so|true))\W*$", re.I
)
# a claim's opening: "is it true that …", "I read that …" (its "it" is no stone in hand)
ASKED_IF_TRUE = re.compile(
    r"^\s*(?:is it true that|am i right (?:that|in thinking)|i (?:read|heard|learnt|learned) that)\b", re.I
)
# what a source says, not what the person measured: "my notes say …", "the jeweller says …", "according to my book"
SOURCE_SAYS = re.compile(
    r"\b(?:(?:my|the|our|a|his|her|their)\s+(?:[\w-]+\s+)?(?:notes?|(?:text|hand|reference\s+)?books?|course|class|"
    r"lecture|teacher|tutor|lecturer|instructor|chart|table|website|site|jewell?er|seller|dealer|vendor|shop|friend|"
    r"guide)\s+(?:says?|said|states?|gives?|lists?|claims?|told me)\b(?:\s+that\b)?|according to\b[^,;]*[,;]?)",
    re.I,
)
# a value asked of other gems, not read on this one: "what else has RI near 1.54", "which other gems read 1.62"
VALUE_ASKED_OF_OTHERS = re.compile(
    r"\b(?:what|which|anything|any)\s+(?:else|other(?:\s+(?:gems?|stones?|minerals?|ones?))?)\s+(?:\w+\s+)?"
    r"(?:has|have|reads?|shows?|with|gives?)\b",
    re.I,
)
# a term asked about in quotation marks ("what is 'doubling of back facets'?"): the words mentioned, not seen
TERM_ASKED = re.compile(
    r"\bwhat(?:'s|\s+is|\s+are|\s+does|\s+do)\s+(?:the\s+)?(?:term\s+|word\s+)?['‘\"“]|\bmeans?\b", re.I
)
_SAID_AS = r"\W{0,6}(?:(?:of|is|at|about|around|reads?|were|was|be)\W{1,3})?\d"  # "SG 3.52", "if the RI were 1.72"
# "SG 3.52", "an RI of 1.71", "a 1.72 RI"
_NUMBER_READ = re.compile(OTHER_READING + _SAID_AS + "|" + _HARDNESS_WORD + _SAID_AS + r"|\d\s*" + OTHER_READING, re.I)


def _of_another_gem(sentence: str) -> bool:
    """Whether a question is about a gem it names, not about the stone in hand ("it", "this", "mine")."""
    from gemlang.knowledge.knowledge_base import gems_named_in

    claim = TAG_QUESTION.sub("", ASKED_IF_TRUE.sub("", sentence))  # "is it true that", "isn't it?": no stone
    if re.search(r"\b(?:it|its|it's|this|mine|my stone|the stone)\b", claim, re.I):
        return False
    if re.search(r"\b(?:other than|besides|apart from|except|instead of)\b", sentence, re.I):
        return False  # "could RI 1.54 be something other than quartz?": the reading is asked about
    return bool(gems_named_in(sentence))


# a gem's name as a cut or a colour ("emerald cut", "ruby red", "peridot-green"): no gem a claim is about
GEM_AS_A_WORD = re.compile(
    r"^\s*\w+(?:\s+\w+)?[\s-]+(?:cut|shaped|red|green|blue|pink|yellow|purple|violet|orange|brown|colou?r(?:ed)?)\b",
    re.I,
)


def _gem_opens(sentence: str) -> bool:
    """Whether a sentence opens with the name of a gem ("ok so ruby is …", "Hessonite shows …"), not with a gem's
    name used for a cut or a colour ("Emerald cut stone, …", "Ruby red stone, …")."""
    from gemlang.knowledge.knowledge_base import gems_named_in

    opening = " ".join(sentence.split()[:3])
    return bool(gems_named_in(opening)) and not GEM_AS_A_WORD.match(opening)


def _statement(sentence: str, gem_named: bool = False) -> str:
    """A sentence less the question it ends with: "bought it in Jaipur, does that mean it's Indian?" keeps
    "bought it in Jaipur"; a question throughout, or a reading in one ("is it SG 3.52?"), is kept whole or
    dropped whole. What a source says of a gem ("my notes say nephrite SG 3.34") and a value asked of other gems
    ("what else has RI near 1.54") are dropped from where they begin. `gem_named`: the message names a gem, whose
    value a bare "SG 3.53 right" asks to be confirmed."""
    if TERM_ASKED.search(sentence):  # "what is 'DR'?": a term quoted, no sign seen
        sentence = QUOTED.sub("", sentence)
    quoted = SOURCE_SAYS.search(sentence) or ASKED_IF_TRUE.search(sentence)
    cut = VALUE_ASKED_OF_OTHERS.search(sentence) or (quoted if quoted and _of_another_gem(sentence) else None)
    if cut:  # "RI 1.54, what else has that?": the person's own words before it still count
        return _statement(sentence[: cut.start()]) if sentence[: cut.start()].strip(" ,;") else ""
    asked = ASKED_NOT_SEEN.search(sentence.strip())
    # "hessonite shows a treacly texture, right?": a claim about the gem it opens with; not "a red stone reading
    # 1.718 SR, spinel right?", readings of a stone and the gem they are thought to make it
    claim = TAG_QUESTION.search(sentence) and _gem_opens(sentence)
    # "could it be topaz instead? SG 3.53 right": a value asked to be confirmed, the gem's it is asked of
    own = re.search(r"\b(?:it|it's|this|mine|my)\b", sentence, re.I)
    confirmed = gem_named and VALUE_CONFIRMED.search(sentence) and not own
    if (asked or claim) and _of_another_gem(sentence) or confirmed:
        return ""  # "can a sapphire have an RI of 1.71?": a question about sapphire, no reading of the stone
    if _NUMBER_READ.search(sentence):
        return sentence
    if asked:
        return ""
    if sentence.rstrip().endswith("?"):
        for joint in re.finditer(r"[,;]\s*|\s+[-–—]\s+", sentence):
            if ASKED_NOT_SEEN.search(sentence[joint.end() :]):
                return sentence[: joint.start()]
    return sentence


# "Burma or Mozambique?", and "brazil or uruguay, can you tell from the photo" with its "?" left off
CHOICES_ASKED = re.compile(
    r"\s*[^?.!]+\bor\b[^?.!]+\?\s*|\s*[^?.!]+\bor\b[^?.!,;]+[,;]\s*(?:can|could|do|does|is|are|which|what|how|would|"
    r"will)(?!n?'t)\b[^?.!]*[.!]?\s*",
    re.I,
)


def _choice_heads(text: str) -> str:
    """The opening clauses of the choices a message asks ("oil or resin in the fissures, is it emerald?"): no
    reading is taken from them, but a treatment sign either way is still seen (oil or resin: a filling)."""
    heads = (
        re.split(r"[,;]", s)[0] for s in SENTENCES.split(text) if CHOICES_ASKED.fullmatch(s) and re.search("[,;]", s)
    )
    return "\n".join(_statement(head) for head in heads)


def _before_choice(sentence: str) -> str:
    """What a sentence says before the choice it asks: "red under UV, natural or synthetic?" keeps "red under UV";
    "is it ruby, spinel or garnet?" keeps nothing."""
    for joint in reversed(list(re.finditer(r"[,;]\s*|\s+[-–—]\s+", sentence))):
        if CHOICES_ASKED.fullmatch(sentence[joint.end() :]) and not CHOICES_ASKED.fullmatch(sentence[: joint.start()]):
            return _statement(sentence[: joint.start()])
    return ""


# what another gem does, set against what the stone in hand does: "amber floats in salt water, but this one sank",
# "while glass sinks in bromoform, mine floats"
_READING_LABEL = re.compile(r"\b(?:SG|RI|specific gravity|refractive index|birefringence|hardness)\b", re.I)
_CONTRAST = re.compile(r"\s*,?\s*\b(?:but|whereas|whilst|while)\b\s*", re.I)
_CONTRAST_FIRST = re.compile(r"^\s*(?:while|whilst|whereas|unlike)\b\s*([^,;]+)[,;]\s*", re.I)
_THIS_STONE = re.compile(r"\b(?:it|this|mine|my (?:stone|one|gem|piece))\b", re.I)
_SETTING = re.compile(r"\b(?:in|under|through|on|with)\b[^.!?]*", re.I)  # "in salt water", "under UV"
# what a gem does, said of the gem: "amber floats", "real amber would float", "spinel is"; not "ruby red under UV"
_DOES = re.compile(r"(?:is|are|has|have|does|do|would|will|should|can|always|usually|normally|typically|\w+s)\b", re.I)


def says_what_a_gem_does(clause: str, readings_too: bool = False) -> bool:
    """Whether a clause says what a gem, or glass or plastic, does ("amber floats in salt water", "hessonite shows a
    treacly swirl"): no reading of the stone in hand."""
    from gemlang.knowledge.knowledge_base import gems_named_in

    words = clause.split()
    said = any(
        (gems_named_in(" ".join(words[: i + 1])) or words[i].lower() in ("glass", "plastic")) and _DOES.fullmatch(verb)
        for i, verb in enumerate(words[1:4])
    )
    return said and not _THIS_STONE.search(clause) and (readings_too or not _NUMBER_READ.search(clause))


def _of_this_stone(sentence: str) -> str:
    """A sentence contrasting another gem with the stone in hand, less what the other gem does; the stone's clause
    takes the other's setting when it leaves it out: "amber floats in salt water, but this one sank" says that
    this one sank in salt water."""
    first = _CONTRAST_FIRST.match(sentence)
    joint = first or _CONTRAST.search(sentence)
    if joint is None:
        return sentence
    head = first.group(1) if first else sentence[: joint.start()]
    before, left = re.match(r"(.*[,;]\s*)?(.*)", head).groups("")  # only the clauses next to the joint
    right, after = re.match(r"([^,;]*)(.*)", sentence[joint.end() :]).groups()
    other, own = (left, right) if _THIS_STONE.search(right) else (right, left)
    # set against the stone, a gem's own value is the gem's too: "ruby has an SG of 4.0 while mine is 3.6"
    if not (says_what_a_gem_does(other, readings_too=True) and _THIS_STONE.search(own)):
        return sentence
    setting = _SETTING.search(other)
    if setting and not _SETTING.search(own):  # before the full stop: "this one sank in salt water."
        own = re.sub(r"\s*([.!?]*)\s*$", rf" {setting.group(0).strip()}\1", own, count=1)
    label = _READING_LABEL.search(other)
    if label and not _READING_LABEL.search(own):  # "mine is 3.6": the value of the reading the other clause names
        own = re.sub(r"(?<![\d.,])(\d+(?:[.,]\d+)?)", rf"{label.group(0)} \1", own, count=1)
    return f"{before}{own}{after}"


SENTENCES = re.compile(r"(?<=[?!])\s*|(?<=\.)\s+|\n+")


def observations(text: str) -> str:
    """`text` without the questions it asks about the stone (`ASKED_NOT_SEEN`) and what it says of other gems
    (`_of_this_stone`), which say nothing of it."""
    from gemlang.knowledge.knowledge_base import gems_named_in

    sentences = SENTENCES.split(text)
    gem_named = bool(VALUE_CONFIRMED.search(text) and gems_named_in(text))
    # "where is it from? Burma or Mozambique?": choices asked, not said (but "RI 1.76 or 1.77?" is a reading)
    kept = [_before_choice(s) if CHOICES_ASKED.fullmatch(s) and not _NUMBER_READ.search(s)
            else _statement(s, gem_named) for s in map(_of_this_stone, sentences)]  # fmt: skip
    return text if kept == sentences else "\n".join(k for k in kept if k)


_NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|can't|cant|won't|wont|doesn't|doesnt|didn't|didnt|isn't|"
    r"isnt|wasn't|wasnt|does not|did not|unable|fails? to|without)\b"
)


_ONE_AS_A_PRONOUN = re.compile(
    r"\b(?:this|that|the|which|each|any|no|every|other|another|last|next|new|first|second|third|same) one\b|"
    r"\bone(?:'s| of\b)"
)


# A number word before a plural noun counts things, it reads no value: "two hardnesses", "three colours", "two
# refractive indices" (not "seven is", "seven on the Mohs scale", "seven scratches glass")
_COUNTED = (
    r"\s+(?:[a-z]+\s+)?(?!(?:i|wa|ha|a|doe|it|thi|plu|ye|thu|u|moh|scratche|mean|make|seem|sound|look|feel|fit)s\b)"
    r"[a-z]+[^s\W]s\b"
)


def _spelled_out(t: str) -> str:
    """'hardness seven and a half' -> 'hardness 7.5': number words only where a hardness is named, and only where
    they read a value, not where they count (`_COUNTED`)."""
    if not re.search(_HARDNESS_WORD, t):
        return t
    t = _ONE_AS_A_PRONOUN.sub(lambda m: m.group(0).replace("one", "___"), t)  # "this one's hardness": no Mohs 1
    t = re.sub(rf"\b({NUMBER_IN_WORDS})\b(?!{_COUNTED})", lambda m: str(number_in_words(m.group(1))), t)
    return re.sub(r"\b(\d{1,2})\s+and\s+a\s+half\b", r"\1.5", t)


def _to_float(s: str) -> float:
    s = s.replace(",", ".").replace(" ", "")
    if s.endswith("1/2") or s.endswith("½"):
        return float(s.rstrip("½").removesuffix("1/2") or 0) + 0.5
    return float(s)


def _interval(low: float, high: float) -> tuple[float, float] | None:
    low, high = sorted((low, high))
    if low < MOHS_MIN or high > MOHS_MAX:
        return None
    return low, high


def _numeric_hardness(text: str) -> HardnessHint | None:
    """'hardness 9', 'mohs 6-7', 'hardness about 7', '7.5 on the mohs scale', or a bare reply '6-7'."""
    t = text.lower()
    keyword = re.search(_HARDNESS_WORD, t)
    bare = re.fullmatch(rf"\s*(?:it'?s|its|it is|i'd say|i think)?\s*(?:{_APPROX}\s*)?({_RANGE}|{_NUM})\s*[.!]?\s*", t)
    if bare and re.search(r"\d[.,]\d\d", bare.group(0)):
        bare = None  # "1.54": a refractive index or an SG without its unit, not a hardness
    if not keyword and not bare:
        return None
    # Look at the text after the keyword first ("hardness is about 7"), then before it ("7 on the mohs"), each
    # only as far as its own clause: "hardness hard, SG 1.1" gives no hardness of 1.1.
    clause_end = rf"(?<!\d),|,(?!\d)|;|{OTHER_READING}"  # not the decimal comma of "6,5"
    after = re.split(clause_end, t[keyword.end() : keyword.end() + 40])[0] if keyword else ""
    before = re.split(clause_end, t[max(0, keyword.start() - 16) : keyword.start()])[-1] if keyword else ""
    if re.match(r"\s*(?:is|of|[=:])?\s*-\s*\d", after):
        return None  # a negative number: parse_hardness says it is off the scale
    windows = [t] if bare else [after, before]
    for window in windows:
        m = re.search(rf"(?:between\s+)?{_NUM}\s*(?:-|–|—|to|and|or)\s*{_NUM}", window)
        if m:
            found = _interval(_to_float(m.group(1)), _to_float(m.group(2)))
            if found:
                return HardnessHint(*found, said=m.group(0).strip())
        m = re.search(rf"({_APPROX}\s*(?:an?\s+)?)?{_NUM}", window)
        if m:
            x = _to_float(m.group(2))
            spread = 0.5 if m.group(1) else 0.0
            found = (
                _interval(max(MOHS_MIN, x - spread), min(MOHS_MAX, x + spread)) if MOHS_MIN <= x <= MOHS_MAX else None
            )
            if found:
                return HardnessHint(*found, said=m.group(0).strip())
    return None


def _references(clause: str) -> list[tuple[str, float, int]]:
    """(name, hardness, position) of the reference objects named in a clause, longest names first."""
    found, taken = [], []
    for name in sorted(SCRATCH_REFERENCES, key=len, reverse=True):
        for m in compiled(rf"\b{re.escape(name)}s?\b").finditer(clause):
            if not any(a <= m.start() < b for a, b in taken):
                found.append((name, SCRATCH_REFERENCES[name], m.start()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f[2])


def _scratch_relation(clause: str, name: str, position: int) -> str | None:
    """'harder' if the stone scratches the object, 'softer' if the object scratches the stone, else None."""
    obj = rf"(?:the |a |an |my |some |any |piece of |)*{re.escape(name)}s?"
    # "softer than a knife", "harder than glass" of the stone: not "ruby is harder than sapphire", of two gems
    compared = re.search(rf"\b(harder|softer)\s+than\s+{obj}", clause)
    if compared:
        from gemlang.knowledge.knowledge_base import gems_named_in

        return None if gems_named_in(clause[: compared.start()]) else compared.group(1).removesuffix("er") + "er"
    # "scratch resistant after diamond" names a property, no test: the stone did not scratch diamond
    verb = re.search(r"scratch(?:es|ed|ing)?(?![- ]?(?:resist|proof))|mark(?:s|ed)?|scuff(?:s|ed)?", clause)
    if not verb:
        return None
    softer_patterns = (
        # "scratched by a knife", "I can scratch it with my fingernail"
        rf"scratch(?:es|ed)?\s+(?:[\w']+\s+){{0,3}}(?:by|with)\s+{obj}",
        # "a knife scratches it", "glass doesn't scratch the stone"
        rf"{obj}\s+(?:[\w']+\s+){{0,3}}(?:scratch|mark|scuff)(?:es|s|ed)?\s+"
        r"(?:it|the stone|the gem|this|the crystal)",
        rf"(?:scratchable|marked|scuffed)\s+(?:\w+\s+){{0,2}}(?:by|with)\s+{obj}",
    )
    if any(re.search(p, clause) for p in softer_patterns):
        return "softer"
    if verb.start() < position:  # "(it) scratches glass": the stone is the one scratching
        return "harder"
    return None


def _elliptical(clause: str) -> bool:
    """Whether a clause is only reference objects, perhaps negated ("not quartz or topaz"): it takes the
    relation of the scratch test before it. "it must be a diamond" names an object but tests nothing."""
    names = "|".join(re.escape(name) for name, _, _ in _references(clause))
    rest = re.sub(rf"\b(?:{names})s?\b|\b(?:not|or|nor|a|an|the|either|too|even|also)\b", " ", clause)
    return "scratch" not in clause and not rest.split()


def _split_clauses(text: str) -> list[str]:
    # "it scratches glass so it must be a diamond": what follows "so" or "because" is no further scratch test
    joints = r"but|and|while|although|though|so|because|since"
    return [c.strip() for c in re.split(rf"[.;!?\n]+|,\s*|\s+(?:{joints})\s+", text) if c.strip()]


# an attempt to scratch the stone that failed: the tool does not scratch it
FAILED_ATTEMPT = re.compile(
    r"\b(?:i |we )?(?:scratched|tried to scratch|tested) it with (?P<tool>(?:a |an |my |the )?[\w']+)"
    r"(?:[^.;]{0,20}?)\b(?:and|but) (?:it|nothing) (?:didn'?t|did not|doesn'?t|does not|wouldn'?t|would not|"
    r"won'?t|will not)(?: even)? (?:scratch|mark|leave a (?:scratch|mark))\b"
)


def parse_hardness(text: str) -> tuple[HardnessHint | None, list[str]]:
    """The hardness interval a message states, and notes on readings that could not be combined.

    Scratch tests intersect ("scratches glass but not quartz" -> 5.5-7); a stated number wins over
    scratch tests in the same message, since it is the more precise reading.
    """
    t = _spelled_out(text.lower().replace("’", "'"))
    t = FAILED_ATTEMPT.sub(r"\g<tool> does not scratch it", t)  # "I scratched it with a knife and it didn't scratch"
    number = _numeric_hardness(t)
    if number:
        keyword, at = re.search(_HARDNESS_WORD, t), t.find(number.said)
        if keyword and at > keyword.end() and _NEGATION.search(t[keyword.end() : at]):  # "hardness is not 9"
            said = t[keyword.start() : at + len(number.said)].strip()
            return None, [f"“{said}” says what the hardness is not; tell me what it is, or what the stone "
                          "scratches and what scratches it."]  # fmt: skip
        return number, []
    beyond = re.search(rf"{_HARDNESS_WORD}(?:(?!{OTHER_READING})[^\d;]){{0,20}}?(-?\s*\d+(?:[.,]\d+)?)", t)
    if beyond and not MOHS_MIN <= _to_float(beyond.group(1)) <= MOHS_MAX:
        said = beyond.group(0).strip()
        return None, [f"“{said}” is off the Mohs scale, which runs from 1 (talc) to 10 (diamond); please re-check it."]
    low, high, said, notes = MOHS_MIN, MOHS_MAX, [], []
    previous: str | None = None  # the relation of the last clause, for "scratches glass but not quartz"
    previous_negated = False
    for clause in _split_clauses(t):
        # "should I do a scratch test?", "can I test it with a knife?"; not "can I test it?" or "can I do a hot
        # point test?", a test of another kind, nor "how do I test a pink sapphire?" (the gem tested, not the tool)
        tool = re.search(rf"\btest.*\b(?:with|against|on|using)\s+(?:\w+\s+){{0,3}}?(?:{TOOLS})s?\b", clause)
        scratching = re.search(r"scratch|\bfile\b", clause) or tool
        if ASKS_TO_TEST.search(clause) and scratching:
            notes.append(SCRATCH_QUESTION_NOTE)  # "should I do a scratch test?" reports no result
            continue
        clause_negated, before = bool(_NEGATION.search(clause)), (previous, previous_negated)
        for name, ref, position in _references(clause):
            relation, negated = _scratch_relation(clause, name, position), clause_negated
            if relation is None and before[0] and _elliptical(clause):
                relation = before[0]  # an elliptical clause: "... but not quartz (or topaz)"
                negated = clause_negated != before[1]
            if relation is None:
                continue
            harder = (relation == "harder") != negated
            if harder:
                low = max(low, ref)
            else:
                high = min(high, ref)
            said.append(_describe_test(name, relation, negated))
            previous, previous_negated = relation, negated
    if not said:
        return None, notes
    if low > high:
        notes.append(f"the scratch tests contradict each other ({'; '.join(said)}); ignoring them")
        return None, notes
    return HardnessHint(low, high, said="; ".join(said)), notes


# A question about making a test ("can I scratch it with a file?", "should I do a scratch test?") is no result.
ASKS_TO_TEST = re.compile(
    r"\b(?:can|could|should|shall|may|must|would|will|do)\s+(?:i|we|you|one)\b|\bhow (?:do|can|should) i\b|"
    r"\bis it (?:safe|ok|okay|wise)\b|\bwhether to\b"
)
HARMLESS_TESTS = "On a cut stone the refractometer, polariscope, hydrostatic balance and a loupe decide without harm."
SCRATCH_QUESTION_NOTE = (
    "you asked about a scratch test, so I read no result from it. A scratch or file test damages a cut stone "
    "and proves little (a file chips a girdle, and a lab-grown stone is as hard as the natural gem, so it resists "
    f"the file just the same): keep it for rough. {HARMLESS_TESTS}"
)
# "should I do a streak test on my cut stone?": the streak is the stone's own powder, so the test scratches it
STREAK_QUESTION_NOTE = (
    "you asked about a streak test, so I read no result from it. A streak test rubs the stone across unglazed "
    "porcelain and leaves some of its powder there: it scratches the stone, so make it only on rough or an "
    f"inconspicuous spot. {HARMLESS_TESTS}"
)


def asks_about_streak_test(text: str) -> bool:
    """Whether a clause of `text` asks about making a streak test ("can I streak-test it?")."""
    clauses = _split_clauses(text.lower())
    return any((ASKS_TO_TEST.search(c) or re.search(r"\bsafe\b", c)) and re.search(r"\bstreak", c) for c in clauses)


def _describe_test(name: str, relation: str, negated: bool) -> str:
    if relation == "harder":
        return f"does not scratch {name}" if negated else f"scratches {name}"
    return f"not scratched by {name}" if negated else f"scratched by {name}"


def with_hardness(hints: Hints, low: float, high: float, said: str = "") -> Hints:
    return replace(hints, hardness=HardnessHint(low, high, said))


# Column names of a training folder's metadata.csv, and how each reads as a message.
METADATA_COLUMNS = {
    "hardness": "hardness {}", "mohs": "hardness {}", "mohs_hardness": "hardness {}",
    "ri": "RI {}", "refractive_index": "RI {}", "sg": "SG {}", "specific_gravity": "SG {}",
    "birefringence": "birefringence {}", "dr": "birefringence {}", "optic": "{}", "optic_character": "{}",
    "pleochroism": "{} pleochroism", "fluorescence": "{} under UV",
    "locality": "found in {}", "place": "found in {}", "country": "found in {}", "origin": "found in {}",
    "colour": "a {} stone", "color": "a {} stone",
}  # fmt: skip
ADDS_UP = {"found in {}"}  # a locality and its country add up; two hardness columns say one thing twice


def hints_from_metadata(row: dict[str, str]) -> Hints:
    """The readings a metadata.csv row records for a photo (hardness, locality, ri, sg, ...), read as a message.

    Going through the same parser as the chat means a recorded "6.5-7" or "Minas Gerais, Brazil" is read
    exactly as if a person had typed it, and an impossible value is dropped with a note, not used.
    """
    parts, said = [], set()
    for column, value in row.items():
        template = METADATA_COLUMNS.get(_column(column)) if column else None
        if template and value and value.strip() and (template in ADDS_UP or template not in said):
            said.add(template)  # of two columns that say the same (ri, refractive_index) the first filled in
            parts.append(template.format(value.strip()))
    return parse_hints(", ".join(parts)) if parts else Hints()


def metadata_problems(data) -> list[str]:
    """What cannot be used in a photo folder's metadata.csv (`data`: a scanned `ImageFolder`), one line each:
    rows naming no photo of the folder, and values the parser refuses ("hardness 42", "SG heavy")."""
    photos = {p.relative_to(data.root).as_posix() for p in data.paths}
    columns = {c for row in data.metadata.values() for c in row if c}  # a blank name (a trailing comma) aside
    unread = sorted(c for c in columns if _column(c) not in METADATA_COLUMNS)
    out = [f"metadata.csv: column(s) {', '.join(unread)} not read (gemlang reads {', '.join(METADATA_COLUMNS)})."] \
        if unread else []  # fmt: skip
    out += _doubled_columns([c for c in data.metadata_columns if c])
    for path, row in data.metadata.items():
        if path not in photos:
            out.append(f"metadata.csv: {path}: no such photo in {data.root}; the row is not used.")
            continue
        if (times := data.metadata_repeats.get(path)) is not None:
            out.append(f"metadata.csv: {path}: listed {times} times; its last row is used.")
        if row.get(None):  # values past the last column
            out.append(f"metadata.csv: {path}: more values than columns (“{row[None]}” has no column); not used.")
        out += [f"metadata.csv: {path}: {note}" for note in hints_from_metadata(row).notes]
        out += [f"metadata.csv: {path}: {column} “{value}”: not a value gemlang can read; not used."
                for column, value in row.items() if _unread(column, value)]  # fmt: skip
    return out


def _doubled_columns(names: list[str]) -> list[str]:
    """A column given twice, or two that say the same (ri and refractive_index): which one a row's value comes
    from, since only one is used (`_row` in gemlang/data/dataset.py, `hints_from_metadata`)."""
    out = [f"metadata.csv: column {name} is given {names.count(name)} times; in each row the first of them filled "
           "in is used." for name in dict.fromkeys(names) if names.count(name) > 1]  # fmt: skip
    alike: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        if (template := METADATA_COLUMNS.get(_column(name))) and template not in ADDS_UP:
            alike.setdefault(template, []).append(name)
    out += [f"metadata.csv: columns {' and '.join(same)} say the same thing; in each row the first of them filled "
            f"in is used ({', then '.join(same)})." for same in alike.values() if len(same) > 1]  # fmt: skip
    return out


def _column(name: str) -> str:
    return (name or "").strip().lower().replace(" ", "_")


def _unread(column: str, value: str) -> bool:
    """A value of a column gemlang reads that gives neither a reading nor a note ("ri: abc", "locality: Mars")."""
    template = METADATA_COLUMNS.get(_column(column)) if column else None
    if not template or not (value or "").strip():
        return False
    read = parse_hints(template.format(value.strip()))
    return not (read or read.colours or read.notes)
