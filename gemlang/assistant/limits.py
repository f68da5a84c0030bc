"""Questions about the stone in hand that neither a photo nor the usual readings answer: its weight, its grades,
its diamond type, its age, whether it was stolen. Each is said plainly, with how to find out, rather than
answered with the stone's card again."""

from __future__ import annotations

import re

from gemlang.assistant.questions import GRADE_OF_THE_STONE, POINTS_WORD, WEIGHT_OF_THE_STONE
from gemlang.knowledge import GemFacts
from gemlang.knowledge.carat_weight import factors_said
from gemlang.readings import NUMBER_IN_WORDS, WEIGHT_UNIT, number_in_words

# asked of a diamond only; not "what type of stone / cut is this?", which asks what it is
DIAMOND_TYPE = re.compile(
    r"\btype\s*(?:ia|ib|iia|iib|ii|i|1|2)[ab]?\b|\bdiamond type\b|"
    r"\b(?:what|which) type\b(?!\s+of\s+(?!diamond))|^\W*type\W*$",
    re.I,
)
# (what is asked, the answer); the first that matches answers. {gem} is the stone's name as answered.
BEYOND_THE_EVIDENCE = (
    (
        WEIGHT_OF_THE_STONE,
        "A photo shows no weight. Weigh a loose stone on a carat balance (1 ct = 0.2 g); for a mounted one, "
        "measure its length, width and depth with a gauge and estimate the weight: length × width × depth (mm) × "
        "{gem}'s specific gravity{sg} × the factor for its cut ({factors}; a round or an oval takes its average "
        "diameter squared for length × width), and say on paper that it is an estimate. Give me them "
        '("7 x 5 x 3 mm oval, what does it weigh?") and I work it out.',
    ),
    (
        GRADE_OF_THE_STONE,
        "Grades need the stone in hand: clarity is graded loose under 10x magnification, colour against master "
        "stones in standard daylight, and cut from the stone's proportions, polish and symmetry; no chat can give "
        "them, and a photo's lighting, white balance and resolution show none of them reliably. A grading "
        "laboratory's report gives them.",
    ),
    (  # of a diamond only (`beyond_the_evidence`)
        DIAMOND_TYPE,
        "A diamond's type (Ia, Ib, IIa, IIb) is told by infrared spectroscopy in a laboratory (a type IIb also "
        "conducts electricity); nothing in a photo or the usual readings shows it.",
    ),
    (  # whether the stone in hand was stolen, not a theft the asker suffered ("my ring was stolen")
        re.compile(
            r"\b(?:is|was|could|might|may)\s+(?:it|(?:this|that|the)(?:\s+\w+)?)\s+(?:be\s+|have\s+been\s+)?stolen\b|"
            r"\bhot property\b",
            re.I,
        ),
        "I cannot know whether a stone is stolen. Ask for its provenance (receipts, and a laboratory report whose "
        "number and any girdle inscription match the stone), and check a stolen-property register or the police "
        "if in doubt.",
    ),
    (  # of the stone or piece in hand, not "what age do sapphires form at?"
        AGE_ASKED := re.compile(
            r"\bhow old (?:is|are) (?:it|this|that|these|the (?:stone|ring|piece|jewel\w*))\b|"
            r"\bwhat age is (?:it|this)\b|\b(?:age|date) of (?:it|the (?:stone|ring|piece))\b|\bantique\b|"
            # "is it a new stone?", "is this stone old or new?": its age, not the command "new stone"
            r"\b(?:is|was|are)\s+(?:it|this|that|these|the|my)(?:\s+(?:stone|gem|ring|piece))?\s+(?:an?\s+)?"
            r"(?:brand[- ])?(?:new|old)(?:\s+(?:stone|gem|one|piece|ring))?"
            r"(?:\s+or\s+(?:an?\s+)?(?:new|old)(?:\s+(?:stone|gem|one|piece|ring))?)?\s*(?:[?!.]|$)",
            re.I,
        ),
        "A stone's age does not show: natural {gem} formed long before it was cut, and a photo cannot date the "
        "cutting. The piece dates better than the stone: the cut's style, the setting, hallmarks and maker's marks.",
    ),
)


# "what does ruby weigh?", "how much does a sapphire weigh?": a gem's weight asked in general, not the stone's
GEM_WEIGHED = re.compile(
    r"\b(?:what|how much) (?:does|do|would) (?:an? |the )?(?!(?:it|this|that|my|mine|they|these|those)\b)"
    r"[a-z][\w' -]{0,30}? weigh\b",
    re.I,
)


def weight_in_general(text: str, gem: GemFacts) -> str:
    """ "what does ruby weigh?": a gem has no one weight, only a stone has; its specific gravity, and how a stone is
    weighed or its weight estimated (the weighing of `BEYOND_THE_EVIDENCE`), or '' for another question."""
    if not GEM_WEIGHED.search(text) or not gem.specific_gravity:
        return ""
    return _weighed_by_size(gem, f"A stone's weight depends on its size, so {gem.name} has no one weight.")


def _weighed_by_size(gem: GemFacts, lead: str) -> str:
    """`lead`, then the gem's specific gravity, and how a stone is weighed or its weight estimated (the weighing of
    `BEYOND_THE_EVIDENCE`)."""
    sg = gem.format("specific_gravity")
    weighed = BEYOND_THE_EVIDENCE[0][1].removeprefix("A photo shows no weight. ")
    return (
        f"{lead} Its specific gravity is {sg}: it weighs {sg} times as much as the same volume of water. "
        + weighed.format(gem=gem.name, factors=factors_said(), sg=f" ({sg})")
    )


def beyond_the_evidence(text: str, gem: GemFacts | None, photo: bool = True) -> str:
    """The plain answer to a question about the stone in hand that no photo or reading settles, or ''. With no gem
    named or in hand (None), the answers that need none: "how many carats is it?" is weighed all the same, but a
    diamond's type or a natural stone's age is asked of a gem. `photo`: a photo of the stone was sent; with none
    ("how heavy is my emerald?"), its weight is said to depend on its size, not to be missing from a photo."""
    for asked, answer in BEYOND_THE_EVIDENCE:
        if not asked.search(text):
            continue
        if asked is WEIGHT_OF_THE_STONE and not photo:
            unsent = "A stone's weight depends on its size, and only a balance or its measurements give it."
            if gem is not None and gem.specific_gravity:
                return _weighed_by_size(gem, unsent)
            weighed = answer.removeprefix("A photo shows no weight. ")
            return f"{unsent} {weighed.format(gem='the gem', factors=factors_said(), sg='')}"
        if gem is None:
            said = answer.format(gem="the gem", factors=factors_said(), sg="")
            return "" if asked in (DIAMOND_TYPE, AGE_ASKED) else said
        if asked is not DIAMOND_TYPE or "diamond" in (gem.species or gem.name).lower():
            sg = f" ({gem.format('specific_gravity')})" if gem.specific_gravity else ""  # "Emerald's … (2.67–2.78)"
            return answer.format(gem=gem.name, factors=factors_said(), sg=sg)
    return ""


# a weight told of the stone in hand, not asked ("it's about 2 carats", "weighs 1.5 ct", "3.2 g"); a weighing in air
# and in water is a reading (`gemlang.readings`); "about" of a weight, not of "tell me about a 3 ct emerald"
ABOUT = re.compile(r"\b(?:(?<!\bme )(?<!\bus )(?<!\bwhat )about|around|roughly|approx\w*|nearly|almost|some)\b|~", re.I)
# "25 points", "a 50 point diamond", "a 25 pointer": hundredths of a carat, in a message of diamonds or carats, or
# whose points are asked the meaning of ("what does 25 points mean?"); not the points of a scale
POINTS_ARE_WEIGHT = re.compile(
    r"\b(?:diamonds?|carats?|cts?|pointers?|melee)\b|\bpoints?\s+(?:mean\w*|stands?\s+for|equals?)\b", re.I
)
_TOTAL_UNIT = r"ctw|cttw|tcw"  # "a 1 ctw ring": carats, of all its stones
_TOTAL_NAMED = rf"c\.?t\.?\s*t\.?\s*w\.?|{_TOTAL_UNIT}|(?:carat )?total (?:carat )?weight"  # "ct tw", "total weight"
# "1.5", "1/2" (of "1/2 ct tw"), "1 1/2"
_NUMBER = r"\d+\s+\d+\s*/\s*\d+|\d+(?:[.,]\d+)?(?:\s*/\s*\d+)?"
WEIGHT_TOLD = re.compile(
    rf"(?<![\w./])({_NUMBER})\s*-?\s*({WEIGHT_UNIT}s?|{POINTS_WORD}|{_TOTAL_UNIT})\b(?!.*\bwater\b)", re.I
)
# the weight after its name: "total carat weight 1.5", "ctw: 0.75"
WEIGHT_AFTER = re.compile(
    rf"\b(?:carat weight|{_TOTAL_NAMED})\s*(?:of|is|:|=)?\s*({_NUMBER})"
    r"(?!\d|[.,/]\d|\s*(?:mm|g\b|grams?))",
    re.I,
)
# the same in words: "two carats", "a carat and a half", "half a carat", "a quarter carat", "three-quarter carat"
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "three quarter": 0.75, "three-quarter": 0.75}
WEIGHT_IN_WORDS = re.compile(
    rf"\b(?:(?P<whole>{NUMBER_IN_WORDS}|an?)(?:\s+and\s+an?\s+(?P<and>half|quarter))?"
    rf"|(?:an?\s+)?(?P<part>three[- ]quarter|half|quarter)s?(?:\s+of)?(?:\s+an?)?)[\s-]+"
    rf"(?P<unit>carats?|cts?|grams?|{POINTS_WORD})(?:\s+and\s+an?\s+(?P<after>half|quarter))?\b(?!.*\bwater\b)",
    re.I,
)
# a weight of several stones: "1/2 ct tw", "total carat weight 1.5", "three stones totalling 2 carats"; or of each
TOTAL_SAID = re.compile(rf"\b(?:{_TOTAL_NAMED}|dtw|tw|total\w*|in all|combined|altogether)(?!\w)", re.I)
TOTAL_WEIGHT_ASKED = re.compile(rf"\b(?:{_TOTAL_NAMED})(?!\w)", re.I)  # "what is ctw?": the term, no weight given
EACH_SAID = re.compile(
    r"\b(?:each|apiece|per stone)\b|\b(?:stones|gems|gemstones|diamonds)\s+(?:of|at|weighing)\b", re.I
)
STONES_COUNTED = re.compile(
    rf"\b(\d+|{NUMBER_IN_WORDS}|a pair of)\s+(?:[a-z]+\s+)?(?:stones|gems|gemstones|diamonds|pieces)\b", re.I
)


def told_weight(text: str) -> tuple[float, bool] | None:
    """The weight told of the stone, in carats, and whether it was said to be about that; None when the message
    tells none or asks something ("how many carats is it?")."""
    return None if "?" in text else weight_in(text)


def _number(said: str) -> float:
    """ "1.5", "1,5", "1/2", "1 1/2" as a number."""
    whole, _, fraction = said.replace(",", ".").rpartition(" ") if "/" in said else ("", "", said.replace(",", "."))
    top, _, bottom = fraction.partition("/")
    return float(whole or 0) + (float(top) / float(bottom) if bottom and float(bottom) else float(top))


def _weight_told(text: str) -> tuple[float, str] | None:
    """The first weight a message gives in figures, and its unit; points only in a message of diamonds or carats."""
    points = POINTS_ARE_WEIGHT.search(text)
    told = next((m for m in WEIGHT_TOLD.finditer(text) if points or not m.group(2).lower().startswith("p")), None)
    if told is None and (after := WEIGHT_AFTER.search(text)):
        return _number(after.group(1)), "ct"
    return (_number(told.group(1)), told.group(2).lower()) if told else None


def in_points(text: str) -> bool:
    """Whether the weight a message gives is in points ("a 50 point diamond", "twenty-five points")."""
    told = _weight_told(text) or ((words := WEIGHT_IN_WORDS.search(text)) and (0, words["unit"]))
    return bool(told and told[1].lower().startswith("p"))


def weight_in(text: str) -> tuple[float, bool] | None:
    """A weight a message gives, told or asked of ("how much does a 1 carat ruby weigh in grams?"), in carats, and
    whether it was said to be about that; None for none."""
    points = POINTS_ARE_WEIGHT.search(text)  # "twelve points": a weight of a diamond, not of "a point"
    in_words = (
        m
        for m in WEIGHT_IN_WORDS.finditer(text)
        if not m["unit"].lower().startswith("p") or (points and m["whole"] and m["whole"].lower() not in ("a", "an"))
    )
    if told := _weight_told(text):
        value, unit = told
    elif told := next(in_words, None):
        whole, part = (told.group("whole") or "").lower(), (told.group("part") or "").lower()
        value = float(1 if whole in ("a", "an") else number_in_words(whole) if whole else 0) + _FRACTIONS.get(part, 0)
        value += _FRACTIONS.get((told.group("and") or told.group("after") or "").lower(), 0)
        unit = told.group("unit").lower()
    else:
        return None
    carats = value / 100 if unit.startswith("p") else value if unit.startswith(("c", "t")) else value * 5
    return carats, bool(ABOUT.search(text))


def stones_counted(text: str) -> int:
    """How many stones a message says a weight is of ("three stones totalling 2 carats": 3); 1 when it says none."""
    if not (counted := STONES_COUNTED.search(text)):
        return 1
    said = counted.group(1).lower()
    return 2 if said == "a pair of" else int(said) if said.isdigit() else number_in_words(said)


def weight_said(carats: float, about: bool, text: str = "") -> str:
    """ "Noted: about 2 ct, 0.4 g (a carat is 0.2 g)."; of each stone or of them all when `text` says so."""
    stones, about_ = stones_counted(text), "about " if about else ""
    if EACH_SAID.search(text) and stones > 1:  # "two stones, one carat each"
        total = carats * stones
        return (
            f"Noted: {about_}{carats:g} ct each, {total:g} ct ({total * 0.2:.3g} g) for the {stones} stones (a carat "
            "is 0.2 g)."
        )
    if TOTAL_SAID.search(text) or stones > 1:  # "total carat weight 1.5", "three stones totalling 2 carats"
        each = f"; of {stones} stones, {carats / stones:.2g} ct each on average" if stones > 1 else ""
        return (
            f"Noted: {about_}{carats:g} ct, {carats * 0.2:.3g} g, in total (a carat is 0.2 g): a total weight is of "
            f"all the stones together, not of any one{each}."
        )
    return f"Noted: {about_}{carats:g} ct, {carats * 0.2:.3g} g (a carat is 0.2 g)."


def weight_noted(text: str, name: str) -> str:
    """A weight told of the stone, acknowledged in a line: in carats and grams (a carat is 0.2 g), and that weight
    alone names no gem, so the answer stands; '' when the message tells none or asks something."""
    if (told := told_weight(text)) is None:
        return ""
    return (
        f"{weight_said(*told, text)} Weight alone does not tell one gem from another, so the answer stays {name}; a "
        "weighing in air and in water gives its specific gravity, which narrows it down."
    )


def weight_alone(text: str, colours: tuple[str, ...] = ()) -> str:
    """A weight told before any photo or reading: noted, and that it names no gem, nor with the colour told
    (`colours`); '' when none is told."""
    if (told := told_weight(text)) is None:
        return ""
    several = stones_counted(text) > 1 or TOTAL_SAID.search(text)
    alone = (
        f"A colour ({' and '.join(colours)}) and a weight still fit too many gems to rank them: weight does not tell "
        "one gem from another, though a weighing in air and in water gives the specific gravity, which narrows it "
        "down."
        if colours
        else "Weight alone does not identify a gem."
    )
    of = "each stone, in a message of its own" if several else "the stone"
    return (
        f"{weight_said(*told, text)} {alone} Send a photo of {of}, "
        'or add a reading: "RI 1.54", "SG 2.65" (a weighing in air and in water gives it), '
        '"hardness about 7".'
    )


# "what do I write on the take-in slip?", "how do I describe it for the police?": a record of the stone
TAKE_IN = re.compile(
    r"\b(?:take[- ]?in|intake|repair|job)\s+(?:slip|sheet|form|envelope|ticket|record|receipt)s?\b|"
    r"\b(?:write|put|note|record|describe)\b[^.?!]{0,30}\b(?:take[- ]?in|intake|receipt|repair ticket|police|"
    r"insurers?|insurance)\b",
    re.I,
)
CONSISTENT = 0.5  # a leader at least this sure is written "consistent with"; below, the identity is left open


def intake_record(used: list[str], leader: GemFacts, share: float) -> str:
    """What a take-in record says of the stone: what was seen and measured (`used`, the readings as the answer
    lists them), the identity only as consistent with the leading species when it leads clearly, and origin and
    treatment as not determined: a slip that names more than was tested is a promise nobody checked."""
    seen = "; ".join(used) if used else "no readings taken"
    species = leader.species or leader.name
    identity = f"consistent with {species} (not confirmed)" if share >= CONSISTENT else "identity not determined"
    return (
        f"Describe, do not conclude: a record of a stone says what you saw and measured, not what a full test would. "
        f"For this stone: {seen}; {identity}; natural or lab-grown, and any treatment, not determined. Add its "
        "measurements, an estimated weight marked as an estimate, the mounting's metal and marks, and any chips, "
        "abrasions or loose stones, so the piece can be told from any other."
    )
