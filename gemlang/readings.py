"""Instrument readings from free text: refractometer, hydrostatic balance, polariscope, dichroscope, UV lamp.

    parse_readings("RI 1.762-1.770, SG 4.00, uniaxial, strong dichroism")
    -> Readings(ri=Reading(1.762, 1.77), sg=Reading(4.0, 4.0), optic="uniaxial", pleochroism="strong", ...)

What each reading may look like:
- refractive index: "RI 1.54", "n = 1.762-1.770", "refractive index 1.76 to 1.77", "RI 1.76, 1.77", the principal
  indices "nα 1.762 nγ 1.770" or "no = 1.770, ne = 1.762", "over the limit" (OTL:
  above the refractometer's ~1.79 contact-liquid limit). Two values are the two shadow edges of a
  doubly refractive stone, so they also give its birefringence, as precise as the edges were typed
  ("1.544-1.553": 0.009; "1.62-1.64": 0.015–0.025). A spot reading ("RI 1.66-1.68 spot reading", "distant
  vision 1.61") is one vague value or range, never two edges.
- birefringence: "bire 0.008", "DR 0.009", "birefringence .018".
- specific gravity: "SG 3.52", "specific gravity 4.0", "sinks in methylene iodide" (SG above 3.32),
  "floats in bromoform" (below 2.89), both at once (between), "floats in the 3.32 liquid", "sinks in 3.32",
  "sinks in Clerici 4.0" (diluted), "floats in salt water" (below 1.13: the amber screen); a hydrostatic
  weighing, "2.000 ct in air, 1.496 ct in water" (SG = air / (air - water)).
- optic character and polariscope: "singly refractive", "single refractive", "SR", "isotropic", "stays dark",
  and on the refractometer "only one reading" or "a single shadow edge"; "doubly
  refractive", "DR", "blinks"; "uniaxial", "biaxial"; "snake pattern", "ADR" (strain in a singly
  refractive stone); "stays light" (an aggregate: chalcedony, jade).
- pleochroism (dichroscope): "strong trichroism", "weak dichroism", "no pleochroism".
- UV fluorescence: "red under UV", "fluoresces blue", "inert under UV"; Chelsea filter: "red under the
  Chelsea filter", "stays green through the Chelsea".
- what a loupe shows that points to glass or a synthetic: "gas bubbles", "swirl marks", "curved striae";
  and the textbook signs of one gem: "horsetail" inclusions (demantoid), a "red ring" table down (a
  garnet-topped doublet), "nacreous" and "gritty" on the teeth (pearl), "insects" (amber).

A number no gem can have ("RI 3.5", "SG 25", "bire 0.9") or a bare "1.54" that could be an RI or an
SG is never guessed at, nor a number with a letter typed into it ("1.7l8"): it becomes one line in `problems`
that says what to re-check or how to write it, and asks about the value a misplaced decimal point would hide
("RI 17.62": did you mean 1.762?). Readings that contradict each other ("SG 3.60" and "floats in methylene
iodide") are said in one line too, and where which one is wrong cannot be told, neither is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gemlang.patterns import compiled

# What a gem can plausibly read, beyond which a number is a typo or another quantity.
RI_LIMITS = (1.35, 3.00)  # opal reads from about 1.37; 1.33 is water
SG_LIMITS = (0.90, 8.00)
BIREFRINGENCE_MAX = 0.30
DOUBLING = 0.03  # birefringence from which a loupe shows doubled back facet edges in a stone of usual size
LOUPE_DOUBLING = (
    r"\bdoubling\b|doubled (?:back )?facets?|facets? (?:look|looks|appear|appears|seem|seems)(?: to be)? doubled"
)
LOUPE_SAID = "doubling seen with a loupe"
REFRACTOMETER_LIMIT = 1.79  # the contact liquid's RI: stones above it read "over the limit"
# no shadow edge on the scale: "over the limit", "RI over limit", "over the refractometer's limit", "beyond the
# limit", "OTL", "a negative reading" ("neg. reading", as a bench notes it)
_OVER_LIMIT = r"(?:over|above|beyond) (?:the )?(?:(?:gem )?refractometer'?s? )?limit"
OVER_THE_LIMIT = re.compile(rf"\b{_OVER_LIMIT}|\botl\b|\bneg(?:ative|\.)? reading")
# "RI 1.81 OTL", "OTL at 1.80", "1.80 over the refractometer's limit": the number beside "over the limit" is where
# the instrument's scale ends
LIMIT_SAID = re.compile(rf"\d\.\d+\s*\(?(?:otl|{_OVER_LIMIT})\b|\b(?:otl|{_OVER_LIMIT})\s*(?:at|of|\(|=|:)?\s*\d\.\d")
DERIVED = "from the two RI readings"
# No birefringence to read: a singly refractive stone's RI range is a spread of values (or of its two edges'
# blur), not two shadow edges, and an aggregate or strained glass gives a spot reading.
NO_TWO_EDGES = ("isotropic", "anomalous", "aggregate")
# Liquids a stone floats or sinks in, by density ("MI": methylene iodide); strong salt water is the amber screen
# (amber and copal float).
HEAVY_LIQUIDS = {"methylene iodide": 3.32, "diiodomethane": 3.32, "mi": 3.32, "bromoform": 2.89, "clerici": 4.15,
                 "salt water": 1.13, "salted water": 1.13, "brine": 1.13}  # fmt: skip
SUSPENDS = 0.02  # a stone that hangs in a heavy liquid is of about its density: within this much
# A liquid by name, by its density ("the 3.32 liquid", "a liquid of 3.32", "in 3.32"), or a named liquid diluted
# to a stated density ("Clerici 4.0": Clerici solution is mixed to any density up to about 4.15).
_LIQUID = (
    r"\b(sinks?|sank|sinking|floats?|floated|floating|suspend(?:s|ed|ing)?|hover(?:s|ed|ing)?)\b[\w\s]{0,16}?\b(?:("
    + "|".join(map(re.escape, HEAVY_LIQUIDS))
    + r")\b(?:\s*(?:solution|liquid)?\s*\(?(?:of\s+|sg\s*|at\s+)?(\d\.\d{1,3})(?![\d.]))?"
    + r"|(\d\.\d{1,3})\s*(?:heavy\s+)?(?:liquid|solution)|(?:liquid|solution)\s+(?:of\s+)?(?:sg\s+)?(\d\.\d{1,3})"
    + r"|(?<=in )(\d\.\d{1,3})(?![\d.]))"
)

OPTIC_WORDS = {
    # polariscope words first: they say what the person saw, the optic class follows
    "isotropic": r"\bsingl[ey][ -]?refract(?:ive|ing)\b|\bsr\b|\bs\.\s?r\.?(?!\w)|\bisotropic|monorefringent|"
    r"stays? dark|remains? dark|dark in all positions|extinct in all positions|single refraction|"
    # one shadow edge that stays put as the stone turns on the refractometer ("the shadow edge is at 1.718 and
    # doesn't move"; not "the other edge"), as `ONE_EDGE`
    r"(?:single|one|the) (?:shadow )?edge(?:[^.;]|\.\d){0,40}(?:does(?:n't| not) move|stays? (?:put|still|fixed))|"
    r"\bpolariscope\s*(?:[:=-]|shows|is)?\s*(?:all\s+)?dark\b",  # "polariscope: dark", as a bench notes it
    "anomalous": r"snake[- ]?(?:like )?(?:pattern|bands?)|snake-like|\badr\b|"
    r"anomalous (?:double refraction|extinction)|strain pattern|tatami|tabby|cross[- ]?hatch(?:ed|ing)?",
    "aggregate": r"stays? light|remains? (?:light|bright)|light in all positions|\bagg\b|aggregate|polycrystalline|"
    r"\bpolariscope\s*(?:[:=-]|shows|is)?\s*(?:all\s+)?light\b(?!\s*(?:and|then|/|to)\s*dark)",
    # and the conoscope's figures: a uniaxial stone's one melatope (the "bull's eye"), a biaxial one's two
    "uniaxial": r"uniax(?:ial)?\b|bull'?s[- ]?eye (?:figure|interference)|"
    r"(?:conoscope|interference figure)\W+(?:\w+\W+){0,3}bull'?s[- ]?eye|\b(?:one|a single|single) melatope\b",
    "biaxial": r"biax(?:ial)?\b|\b(?:two|2) melatopes\b",
    "anisotropic": r"doubly[ -]refractive|\bdr\b(?!\s*[=:]?\s*\.?\d)|anisotropic|blinks|"
    r"double refraction(?!\s*[=:]?\s*\.?\d)|goes light and dark|light and dark|four times light",
}  # and doubled back facets (`LOUPE_DOUBLING`): a loupe sees doubling only in a DR stone
# A spot (distant-vision) reading, off a cabochon's curved surface or a tiny facet: one vague edge, read as a
# value or a range, never two shadow edges. "Spot" alone is a spot on the stone unless a number is beside it.
SPOT = re.compile(
    r"\bspot[- ]?(?:reading|rea?ding|ri|r\.i\.|method|value)s?\b|\bspot\s*(?:of|at|near|about|around|~|=|:)?\s*\d|"
    r"\d\s*\(?\s*spot\b(?!\s+(?:of|on|in)\b)|"  # "RI 1.66 spot", "1.66 (spot)"; not "1.66, spot of red"
    r"\d\s*,\s*spot\b(?=\s*(?:[,;.)]|$))|"  # "RI 1.66, spot, SG 3.33": the word alone, after its number
    r"distant[- ]vision|\b(?:vague|blurr?y|fuzzy|indistinct) (?:shadow[- ]?)?(?:edge|reading)\b"
)
# One shadow edge, not two, on the refractometer: "only one reading", "a single shadow edge", "I get one reading of
# 1.718": singly refractive (a single reading: isotropic material, gemmology.dev, The refractometer
# <https://gemmology.dev/learn/equipment/refractometer>). Not a spot reading's one vague edge (any stone shows one),
# nor the first of two ("one edge stays, the other moves", "one reading of 1.76 and one of 1.77"), nor
# "I have only one reading: SG 3.52".
ONE_EDGE = re.compile(
    r"\b(?:only|just) (?:one|a single|1) (?:ri |refractometer |refractive index )?"
    r"(?:reading|shadow[- ]?edge|edge|shadow)\b(?!\s*(?::|so far|yet|of (?:the )?(?:sg|specific|hard)))|"
    r"\bone (?:ri |refractometer )?(?:reading|(?:shadow[- ]?)?edge) only\b|"
    r"(?:\b(?:one|a single|single) shadow[- ]?edge\b|"
    r"\b(?:one|a single|single) (?:ri |refractometer )?reading\b(?=\s*(?:of|at|is|was|[:=,])?\s*(?:about |~)?1[.,]\d))"
    r"(?!(?:[^.;]|\.\d)*\b(?:other|another|second|both|two|one (?:of|at))\b)"
)
# "uniaxial negative", "biaxial (+)", "U-", "U-ve", "U –", "uni -", "uniax +", "bi +", "optic sign: positive",
# "optically negative"; the sign first, "negative uniaxial"; and "+ve"/"-ve" a comma after "uniaxial" or "DR".
# An en dash after a word spelt out is a sign only before "ve" or a break: "uniaxial – SG 2.65" joins two readings.
_DASH_BETWEEN = r"(?!\s*[:=]?\s*\(?\s*–\s*(?!ve\b)[a-z\d])"
OPTIC_SIGN = re.compile(
    rf"(?:\buniaxial{_DASH_BETWEEN}|\bbiaxial{_DASH_BETWEEN}|"
    r"\b(?:uniax|uni|biax|bi|[ub])\.?(?=\s*\(?\s*(?:[+\-−–]\s*(?:ve\b|[,;.)\s]|$)|(?:pos|neg)\b))|"
    r"optic(?:al)? sign(?: is)?|\boptically)"
    r"\s*[:=]?\s*\(?\s*(\+|-|−|–|positive|negative|pos\b|neg\b)"
    r"|\b(positive|negative)\s+(?:uniax|biax)"
    r"|(?:\buniax(?:ial)?|\bbiax(?:ial)?|\b[ub]|\bd\.?\s?r)\.?\s*[,;/]?\s*\(?\s*([+\-−–])\s*ve\b"
)
# a reading said not to be seen: "not", "isn't", "doesn't show", "shows no" before it
NOT_SEEN = r"\b(?:not|isn'?t|aren'?t|never|(?:does|did|do)(?:n'?t|\s+not)\s+(?:show|have|give)|shows?\s+no)"
# a UV lamp by name: "LWUV", "SW", "short wave", "long-wave", "ultraviolet", "fluoresces"
UV_LAMP = r"\b(?:[ls]w)?uv\b|ultra-?violet|fluoresc|long[- ]?wave|short[- ]?wave|\blw\b|\bsw\b"
NO_GLOW = (
    r"inert|no (?:fluorescence|glow|reaction)|(?:does|did|do|is|was)(?:n'?t|\s+not)\s+(?:glow|fluoresce|react)|"
    r"nothing|dead|non-?fluorescent|"
    r"\bnot (?:fluoresc\w*|glow\w*|(?:[ls]w)?uv)\b"  # "fluorescence: none", "UV: none" (`ASKED_NOT_SEEN`)
)
# "the dichroscope shows two colours", "two shades of blue"
_HUES = r"(?:colou?rs|shades|tones|hues)"
_SEVERAL_COLOURS = rf"(?:two|2|three|3)\s+(?:different\s+)?{_HUES}"
# a colour word that tints another ("bluish green", "orangy pink"): the basic colour it names
ISH_WORDS = {
    "reddish": "red", "pinkish": "pink", "orangey": "orange", "orangy": "orange", "orangish": "orange",
    "yellowish": "yellow", "greenish": "green", "bluish": "blue", "violetish": "violet", "purplish": "purple",
    "brownish": "brown", "blackish": "black", "greyish": "grey", "grayish": "grey", "whitish": "white",
}  # fmt: skip
# "the dichroscope shows blue and violet", "light blue / deep violet in the dichroscope": two colours named
_HUE = (
    r"(?:(?:light|pale|dark|deep)\s+)?(?:red|pink|orange|yellow|green|blue|violet|purple|brown|grey|gray|colou?rless)"
)
_TINGE = "|".join(ISH_WORDS)
# "blue", "yellow-green", "bluish green", "orangy"
_A_HUE = rf"(?:(?:{_TINGE})(?:[- ]{_HUE})?|{_HUE}(?:ish)?(?:[- ]{_HUE})?)"
_TWO_HUES = rf"{_A_HUE}\s*(?:and|/|&|to|,)\s*{_A_HUE}"
# "blue, violet and green", "blue/violet/green": the three colours of a biaxial stone
_THREE_HUES = rf"{_A_HUE}\s*(?:,|/)\s*{_A_HUE}\s*(?:,?\s*(?:and|&)|/|,)\s*{_A_HUE}"
# the colours a dichroscope shows, named: "dichroscope shows blue and violet", "trichroic: blue, violet, green"
_PLEO_WORD = r"(?:dichroscope|pleochroi\w*|dichroi\w*|trichroi\w*)"
PLEOCHROIC_HUES = re.compile(
    rf"{_PLEO_WORD}\b[^.;]{{0,30}}?\b({_THREE_HUES}|{_TWO_HUES})\b|\b({_THREE_HUES}|{_TWO_HUES})\b[^.;]{{0,30}}\b{_PLEO_WORD}",
    re.I,
)
# "dichroism: weak", "… is strong", and as a bench notes it, "pleo weak"
_PLEOCHROISM_IS = r"(?:pleochroism|dichroism|trichroism|pleo)(?:\s*[:=]\s*|\s+is\s+|\s+)"
PLEOCHROISM_LEVELS = {
    "none": r"\b(?:no|without|not|absent|lacks?|isn'?t|aren'?t)\b[\w\s]{0,12}(?:pleochro|pleo\b|dichro|trichro)|"
    r"(?:pleochroism|dichroism|trichroism)\s*(?:[:=]\s*|is\s*)?(?:none|absent|nil|not seen)|"
    r"(?:non|not)[- ]?(?:pleochroic|dichroic|trichroic)",
    "strong": r"(?:strong(?:ly)?|very|intense|marked|extreme(?:ly)?|obvious)\s+(?:pleochro|pleo\b|dichro|trichro)|"
    rf"{_PLEOCHROISM_IS}(?:very )?(?:strong|intense|marked|extreme|obvious)",
    "moderate": r"(?:moderate(?:ly)?|distinct(?:ly)?|clear(?:ly)?|medium)\s+(?:pleochro|pleo\b|dichro|trichro)|"
    rf"{_PLEOCHROISM_IS}(?:moderate|distinct|clear|medium)",
    "weak": r"(?:weak(?:ly)?|faint(?:ly)?|slight(?:ly)?|feeble)\s+(?:pleochro|pleo\b|dichro|trichro)|"
    rf"{_PLEOCHROISM_IS}(?:weak|faint|slight|feeble)",
    "present": r"\b(?:pleochroic|dichroic|trichroic|pleochroism|dichroism|trichroism|pleo)\b|"
    rf"dichroscope\b[^.;]{{0,30}}\b{_SEVERAL_COLOURS}|\b{_SEVERAL_COLOURS}[^.;]{{0,30}}\bdichroscope|"
    + PLEOCHROIC_HUES.pattern,
}
COLOURS = ("red", "orange", "yellow", "green", "blue", "violet", "purple", "pink", "white", "chalky")
# the stone turned, not the light changed: a colour that changes so is pleochroism ("changes colour when I turn it",
# "… from different angles"), not alexandrite's colour change; not "when I turn the lamp on"
WITH_DIRECTION = (
    r"\b(?:turn(?!\w* (?:on|off)\b|\w* the (?:lights?|lamps?)\b)\w*|rotat\w*|tilt\w*|angles?|directions?|sides?)\b"
)
_AS_TURNED = rf"[^.;]{{0,30}}{WITH_DIRECTION}"
TURNED = re.compile(rf"\bchang\w* colou?rs?{_AS_TURNED}|\bcolou?r[- ]chang\w*{_AS_TURNED}", re.I)
# "colour-change sapphire", "colour change garnet": a kind of gem by its name, as "star sapphire" is, not a change seen
_KIND_NAMED = r"\s+(?:sapphire|garnet|spinel|alexandrite|chrysoberyl|tourmaline|fluorite|diaspore|zultanite)s?\b"
_LINE = r"(?:nm\b|(?:absorption\s+)?(?:line|band|doublet)s?\b)"  # "437 nm", "437 line", "a 437 band"
# a wavelength starts a number: not the "576" of "RI 1.570-1.576" or "1,576"; but "692,694 nm" lists two
_NM = r"(?<![\d.])(?<!(?<!\d)\d,)\b"
JOIN_LINE = "a join line (assembled stone)"
THERMAL_SAID = "passes a thermal diamond tester"
THERMAL_FAILED = "fails a thermal diamond tester"
# A moissanite (electrical conductivity) tester's result: moissanite conducts, diamond as a rule does not
# (`Profile.conducts_electricity`); its "diamond" is no thermal tester's.
CONDUCTS_SAID = "conducts on a moissanite tester"
CONDUCTS_FAILED = "does not conduct on a moissanite tester"
TESTER_RESULTS = (THERMAL_SAID, THERMAL_FAILED, CONDUCTS_SAID, CONDUCTS_FAILED)  # a test's result, not a sign seen
_MOISSANITE_TESTER = r"\b(?:moissanite|electrical(?: conductivity)?|electric)\s+(?:tester|probe)"
_NOT_MOISSANITE_TESTER = r"(?<!moissanite )(?<!electrical )(?<!conductivity )(?<!electric )"
SMOOTH_ON_TEETH = "smooth on the teeth"
# A magnet test's three results. "It sticks to a magnet" (any magnet) is ferromagnetic: magnetite or man-made
# hematine; a strong (neodymium) magnet also picks up or drags iron- and manganese-rich gems (most garnets,
# peridot); "not magnetic" argues only against those. They weigh only gems whose facts say how a magnet draws them.
MAGNET_HOLDS = "held by an ordinary magnet"
MAGNET_DRAWS = "drawn to a strong magnet"
NOT_MAGNETIC = "not drawn to a magnet"
MAGNET_RESULTS = (MAGNET_HOLDS, MAGNET_DRAWS, NOT_MAGNETIC)
# A lustre the eye judges, in the words of the knowledge base's `GemFacts.lustre` ("Metallic", "Vitreous to
# resinous"): each pattern reads a stated lustre and the lustres a gem's facts give ("sub-metallic" is metallic).
METALLIC_LUSTRE = "a metallic lustre"
ADAMANTINE_LUSTRE = "an adamantine lustre"
LUSTRES = {
    METALLIC_LUSTRE: r"(?<!non)(?<!non-)(?<!non )(?:sub-?)?metallic",  # not "non-metallic"
    ADAMANTINE_LUSTRE: r"(?:sub-?)?adamantine",
    "a vitreous lustre": r"(?:sub-?)?vitreous|glassy|glass-like",
    "a waxy lustre": r"waxy",
    "a greasy lustre": r"greasy|oily",
    "a resinous lustre": r"(?:sub-?)?resinous",
    "a pearly lustre": r"pearly",
    "a silky lustre": r"silky",
}
# "not metallic", "non-metallic lustre", "no metallic shine": a metal's look said to be missing, which argues only
# against the gems whose facts give a metallic lustre (`not_metallic_fit`)
NOT_METALLIC = "not metallic"
# What light does through the stone: seen through it ("transparent", "see-through", "translucent"), which no opaque
# gem (pyrite, hematite, turquoise) shows, so it argues only against those; or none passing ("opaque"), which argues
# only against the gems the knowledge base does not know in opaque stones (`see_through_fit`)
TRANSPARENT = "transparent"
TRANSLUCENT = "translucent"
OPAQUE = "opaque"
LIGHT_THROUGH = (TRANSPARENT, TRANSLUCENT, OPAQUE)
# the lustres people misjudge, or many gems share (sapphire's is vitreous to adamantine): alone, they rank nothing;
# a metal's ranks the few metallic gems
SHARED_LUSTRES = tuple(name for name in LUSTRES if name != METALLIC_LUSTRE)
# signs that only argue against some gems (a pearl feels gritty): with nothing else, they rank nothing
AGAINST_ONLY = (SMOOTH_ON_TEETH, THERMAL_FAILED, CONDUCTS_FAILED, NOT_MAGNETIC, NOT_METALLIC, *LIGHT_THROUGH)
# signs too few gems' facts speak of to rank the rest without another reading
RANK_NOTHING_ALONE = (*AGAINST_ONLY, CONDUCTS_SAID, *MAGNET_RESULTS, *SHARED_LUSTRES)
# the two results of one test: a newer one replaces the other
OPPOSITE_RESULTS = (
    ("gritty on the teeth", SMOOTH_ON_TEETH),
    (THERMAL_SAID, THERMAL_FAILED),
    (CONDUCTS_SAID, CONDUCTS_FAILED),
    (MAGNET_HOLDS, NOT_MAGNETIC),
    (MAGNET_DRAWS, NOT_MAGNETIC),
    (METALLIC_LUSTRE, NOT_METALLIC),
)
THE_METAL = r"metal|setting|mount\w*|shank|prongs?|claws?|bezel|chain|clasp"  # the piece a stone is set in
_NOT_ON_THE_METAL = rf"(?![^.;,]{{0,25}}\b(?:{THE_METAL}|gold|silver|platinum)\b)"
_STRONG = r"(?:neodymium|rare[- ]earth|n-?(?:4[0-9]|5[0-2])|strong|powerful|super)"
_ANY_MAGNET = r"(?:an?\s+|the\s+|my\s+|any\s+)?(?:\w+\s+){0,2}magnets?\b"
_STRONG_MAGNET = rf"(?:an?\s+|the\s+|my\s+)?(?:\w+\s+)?{_STRONG}\s+(?:\w+\s+)?magnets?\b"
# a magnet of no stated strength, or an everyday one ("a fridge magnet"): not "a neodymium magnet"
_PLAIN_MAGNET = rf"(?:an?\s+|the\s+|my\s+|any\s+)?(?!(?:\w+\s+)?{_STRONG}\b)(?:\w+\s+)?magnets?\b"
RED_STREAK = "a red-brown streak"
_RED_BROWN = r"(?:red|reddish|rust(?:[- ]red)?|cherry[- ]red|blood[- ]red|(?:red|reddish)[- ]brown|brownish[- ]red)"
WHITE_STREAK = "a white streak"
# A streak test on rough: the colour of the powder on unglazed porcelain, in the colours the knowledge base's
# sourced streaks use (`GemFacts.streak`): hematite's red-brown, pyrite's greenish black, lapis lazuli's light blue,
# malachite's light green; white for most others. Each pattern also reads a gem's streak ("white or light blue").
STREAK_COLOURS = {
    RED_STREAK: _RED_BROWN,
    "a greenish-black streak": r"greenish[- ]black",
    "a black streak": r"(?<!greenish )(?<!greenish-)\b(?:(?:brownish|greyish|grayish)[- ])?black",
    "a light blue streak": r"(?:(?:light|pale|sky|bright)[- ])?blue|bluish(?![- ]white)",
    "a light green streak": r"(?:(?:light|pale|apple)[- ])?green\b(?![- ]black)",
    WHITE_STREAK: r"(?:(?:bluish|greenish|off|pure)[- ])?white|colou?rless",
}


def _streak_said(colour: str) -> str:
    """A streak test's result of `colour`: "the streak is light blue", "leaves a red streak on the tile", "streak test:
    white", a bare "white streak" ending a clause; not "red streaks" in a stone's pattern."""
    return (
        rf"\b(?:{colour})\s+streak\b(?=[^.;]{{0,30}}\b(?:tile|plate|porcelain)\b)|"
        rf"\bleaves?\s+an?\s+(?:{colour})\s+streak\b|\bstreak(?: test)?\b[^.;]{{0,20}}\b(?:is|was|gave|gives|shows?|"
        rf"showed|:)\s*(?:an?\s+)?(?:{colour})\b|\b(?:{colour})\s+streak(?=\s*(?:[,;.?!]|$))"
    )


_LUSTRE = r"lust(?:re|er)\b"
# what a metal looks like: "metallic grey", "a metallic stone"; not a metal's flux or platelets inside a stone
_METAL_LOOK = (
    r"(?:grey|gray|silver\w*|black|steel\w*|brass\w*|gold\w*|bronze|brown|iron|stones?|rocks?|minerals?|nuggets?|"
    r"crystals?|cubes?|pieces?|look\w*|shine|appearance)\b"
)


def _lustre_said(word: str, name: str) -> str:
    """A stated lustre of `word`: "adamantine lustre", "vitreous to resinous lustre", "the lustre is waxy", "it
    looks metallic", "metallic grey", a bare "glassy" clause; not a question ("is it metallic?"), a sign inside the
    stone ("metallic flux", "silky inclusions"), a gem ("pearl") or a material ("glass")."""
    said = (
        rf"\b(?:{word})(?:\s+(?:to|or|and|/)\s+[\w-]+)?\s+{_LUSTRE}|"
        rf"\b{_LUSTRE}(?:\s+(?:is|was|looks|seems))?\s*:?\s+(?:\w+\s+)?(?:{word})\b|"
        rf"\b(?:looks|looking|appears|seems|looked|appeared|seemed|it'?s|is|are)\s+(?:very\s+|quite\s+|"
        rf"rather\s+|slightly\s+|almost\s+)?(?:{word})\b(?!\s*\?)|"
        rf"(?:^|[,;.:]|\band\b)\s*(?:very\s+)?(?:{word})(?=\s*(?:[,;.!]|$))"
    )
    return said + (rf"|\bmetallic[- ]{_METAL_LOOK}" if name == METALLIC_LUSTRE else "")


TWO_MATERIALS = "two RIs, crown and pavilion (assembled stone)"  # `crown_and_pavilion`: no one material reads so
# lines the hand spectroscope shows that the knowledge base names, each with the words that say it was seen
SPECTROSCOPE_LINES = {
    "a 437 nm line": rf"{_NM}437(?:\.\d)?\s*{_LINE}",
    "chromium lines near 694 nm": rf"{_NM}69[2-4](?:\.\d)?\s*{_LINE}|chrom(?:e|ium) (?:lines|doublet|spectrum)",
    # almandine's three bands, quoted as 504/520/573 nm as often as 505/527/576 nm
    "iron bands at 505, 527 and 576 nm": rf"{_NM}57[3-7]\s*(?:nm)?\b.{{0,20}}|"
    rf"{_NM}50[3-6]\b[^.;]{{0,20}}\b5(?:1[7-9]|2\d)\b|almandine spectrum",
    "a 444 nm line": rf"{_NM}444(?:\.\d)?\s*{_LINE}",
    # zircon's fine lines, 653.5 nm the one to look for, come from its uranium (U4+)
    "a 653.5 nm line": rf"{_NM}653(?:\.\d)?\s*{_LINE}|\b(?:zircon|uranium) (?:absorption )?(?:lines|spectrum)\b",
    # blue sapphire's iron lines at 450, 460 and 470 nm, and the iron bands of other gems near 450 nm
    "iron bands near 450 nm": rf"{_NM}45\d(?:\.\d)?\s*{_LINE}|{_NM}45\d\s*,\s*46\d\b|"
    r"\biron (?:absorption )?(?:lines?|bands?)\b[^.;]{0,15}?\b45\d\b",
    "cobalt bands": r"\bcobalt (?:absorption )?(?:lines?|bands?|spectrum)\b",  # "three cobalt bands"
    "rare-earth (didymium) lines": r"\b(?:rare[- ]earth|didymium) (?:absorption )?(?:lines?|bands?|spectrum)\b",
}
# a look said of the stone, not asked ("is it transparent?") nor said of stones in general ("transparent material is
# usually faceted", "translucent gems", "a transparent gem is often faceted")
_OF_THIS_STONE = (
    r"(?!\s*\?)(?!\s+(?:material|gems|stones|minerals|ones|varieties|kinds)\b)"
    r"(?!\s+(?:\w+\s+)?(?:gem|stone|mineral|one)\s+(?:is|tends|will|would|can|may)\s+(?:be\s+)?(?:usually|often|"
    r"generally|normally|typically|always|mostly|commonly|rarely|seldom|never|to)\b)"
)
# "nearly opaque", "almost transparent", "barely transparent", "not quite opaque": short of either end, so translucent
_NEARLY = r"(?:nearly|almost|barely|not quite|all but)"
_NOT_NEARLY = r"(?<!nearly )(?<!almost )(?<!barely )(?<!not quite )(?<!all but )"
OBSERVATIONS = {
    # not flattened bubbles in a fracture: the glass that filled it (a treatment sign), not a glass or synthetic
    # nor "it bubbles in vinegar": a carbonate's fizz
    "gas bubbles": r"(?<!flattened )(?<!flat )(?<!flattened gas )(?<!flat gas )(?:gas )?bubbles?"
    r"(?![^.;]{0,12}\b(?:in|along|within) (?:the )?"
    r"(?:fissures?|fractures?|cracks?)\b)(?!s?\s+(?:up\s+)?(?:in|with)\s+(?:\w+\s+)?(?:acids?|vinegar)\b)",
    # not hessonite's "treacle-like swirls", its roiled texture
    "swirl marks": r"(?<!treacle-like )(?<!treacly )(?<!treacle )(?<!roiled )swirl(?:s| marks?| lines?)",
    "a treacly (heat-wave) texture": r"treacl\w*|\broiled\b|heat[- ]?wave",
    # in the stone, not "curved lines on the metal of the setting"
    "curved striae": r"curved (?:colou?r (?:striae|growth lines|growth|banding|bands|lines)|striae|growth lines|growth|"
    rf"lines){_NOT_ON_THE_METAL}",
    # an agate's or a malachite's banding as much as a melt's curved colour bands: the gem says which
    "curved banding": rf"curved (?:banding|bands){_NOT_ON_THE_METAL}",
    "an acrid smell to a hot point": r"(?:acrid|carbolic|phenol|formaldehyde|camphor|vinegar|chemical|burning plastic)"
    r"[^.;]{0,50}(?:hot[- ]?(?:point|needle)|heated)|(?:hot[- ]?(?:point|needle))[^.;]{0,50}(?:acrid|carbolic|"
    r"phenol|formaldehyde|camphor|vinegar|chemical|plastic)",
    # a collector's tests on rough: a carbonate fizzes in dilute acid; cleavage along a crystal form
    "effervescence in acid": r"\b(?:fizz(?:es|ed|ing)?|effervesc\w*)\b|"
    r"\bbubbl(?:es|ed|ing)\s+(?:up\s+)?(?:in|with)\s+(?:\w+\s+)?(?:acids?|vinegar)\b",
    "octahedral cleavage": r"octahedral cleavage|cleav\w*[^.;]{0,25}\boctahedr",
    "rhombohedral cleavage": r"rhombohedral cleavage|cleav\w*[^.;]{0,25}\brhomb",
    "a coal smell to a hot point": r"\bcoal\b[^.;]{0,40}(?:smell|odou?r)|(?:smell|odou?r)[^.;]{0,40}\bcoal\b",
    "a resinous smell to a hot point": r"(?:resinous|pine|resin)[^.;]{0,20}(?:smell|odou?r)|(?:smell|odou?r)s?"
    r"[^.;]{0,20}(?:of |like )?(?:pine|resin)",
    "mould marks": r"mou?ld(?:ed)? (?:marks|lines|seams)|rounded facet edges",
    "horsetail inclusions": r"horse-?tails?",
    "a red ring (doublet)": r"red ring",
    "nacre": r"\bnacre(?:ous)?\b",
    # "the thermal tester says diamond", "passes the diamond tester", "tester beeps diamond", "beeps on the diamond
    # tester", "reads diamond on the tester": not "fails the tester", "says not diamond", "didn't beep"
    THERMAL_SAID: r"\bpass(?:es|ed|ing)?\s+(?:the\s+|a\s+|my\s+)?(?:thermal\s+|diamond\s+)+"
    rf"(?:tester|probe)|{_NOT_MOISSANITE_TESTER}\b(?:tester|probe)(?:(?!not\b|n't\b|never\b)[^.;]){{0,25}}\b"
    r"(?:says|said|reads?|shows?|beeps?|"
    r"beeped|indicates?)\s+(?:as\s+)?(?:a\s+)?(?:diamond|positive)\b|"
    r"\btests?\s+(?:as|positive for)\s+(?:a\s+)?diamond\b|"
    r"\b(?:thermal|diamond)\s+(?:tester|probe)\s+beep(?:s|ed)\b|"
    r"\bbeep(?:s|ed)?\s+(?:on|with)\s+(?:the\s+|a\s+|my\s+)?(?:thermal\s+|diamond\s+)+(?:tester|probe)|"
    r"\b(?:says|said|reads?|shows?|tests?|comes? up|came up|beeps?|beeped)\s+(?:as\s+)?(?:a\s+)?(?:diamond|positive)\s+"
    r"(?:on|with)\s+(?:the\s+|a\s+|my\s+)?(?:thermal\s+|diamond\s+)*(?:tester|probe)",
    # "very high fire", "strong dispersion", "fiery like a diamond": not "no fire" or "little fire"
    "strong fire (dispersion)": r"\b(?:very |extremely |really |so )?(?:high|strong|intense|lots of|much|great|huge|"
    r"exceptional|big)\s+(?:fire|dispersion)\b|\bfiery\b|\bfire like (?:a )?diamond|"
    # and said the other way round: "dispersion strong", "fire: very high"
    r"\b(?:fire|dispersion)\s*(?:is\s+|:\s*|=\s*)?(?:very\s+)?(?:high|strong|intense|exceptional)\b",
    "gritty on the teeth": r"\bgritty\b|(?<!smooth )tooth test(?!\s*(?:[:=-]\s*|is\s+|was\s+)?smooth)|"
    r"rough (?:on|against) (?:the )?teeth",
    # the tester says no: neither diamond nor moissanite ("I don't have a diamond tester" says nothing)
    THERMAL_FAILED: r"\bfail(?:s|ed|ing)?\s+(?:on\s+)?(?:the\s+|a\s+|my\s+)?(?:thermal\s+|diamond\s+)+"
    r"(?:tester|probe|test)\b|"
    rf"{_NOT_MOISSANITE_TESTER}\b(?:tester|probe)[^.;]{{0,25}}\b(?:didn'?t|did not|does not|doesn'?t|won'?t)\s+beep|"
    rf"{_NOT_MOISSANITE_TESTER}\b(?:tester|probe)[^.;]{{0,25}}\bsays?\s+(?:it'?s\s+|it is\s+)?not\s+(?:a\s+)?diamond|"
    r"\b(?:thermal|diamond)\s+(?:tester|probe)\s+(?:says?\s+no|(?:reads?\s+|shows?\s+|is\s+)?negative)\b|"
    r"\bnot\s+(?:a\s+)?diamond\s+on\s+the\s+(?:thermal\s+|diamond\s+)?(?:tester|probe)",
    # the moissanite tester's tone or "moissanite" light; its "diamond" or silence
    CONDUCTS_SAID: rf"{_MOISSANITE_TESTER}(?:(?!not\b|n't\b|never\b)[^.;]){{0,25}}\b(?:says|said|reads?|shows?|"
    r"indicates?)\s+(?:as\s+)?(?:a\s+)?(?:moissanite|positive|synth\w*)\b|"
    rf"{_MOISSANITE_TESTER}\s+(?:beeps?|beeped|buzz(?:es|ed)?|goes off|went off)\b|"
    r"\btests?\s+(?:as|positive for)\s+(?:a\s+)?moissanite\b",
    CONDUCTS_FAILED: rf"{_MOISSANITE_TESTER}[^.;]{{0,25}}\b(?:says|said|reads?|shows?|indicates?)\s+"
    r"(?:it'?s\s+|it is\s+)?(?:a\s+)?(?:diamond|negative|not\s+(?:a\s+)?moissanite)\b|"
    rf"{_MOISSANITE_TESTER}[^.;]{{0,25}}\b(?:didn'?t|did not|does not|doesn'?t|won'?t)\s+(?:beep|buzz|go off)|"
    r"\bnot\s+moissanite\s+on\s+the\s+(?:moissanite\s+|electrical\s+)?(?:tester|probe)",
    # the tooth test failed: a pearl's nacre always feels gritty, a coated bead smooth
    # (not "my teeth are smooth"; "not gritty" is a smooth feel)
    SMOOTH_ON_TEETH: r"\bsmooth\b[^.;]{0,40}\b(?:on|against|across) (?:my |the |your )?(?:front )?teeth\b|"
    r"\bteeth\b[^.;]{0,25}\b(?:it |the pearl |the bead )?feels? smooth\b|tooth test[^.;]{0,20}\bsmooth\b|"
    r"\bnot gritty\b",
    "insect inclusions": r"\binsects?\b",
    "silk": r"(?<!no )\bsilk\b|(?<!no )rutile needles",
    # "three-phase inclusions", "inclusions look like three-phase", "3-phase inclusions"
    "three-phase inclusions": r"(?:three|3)[- ]phase (?:inclusions?|fluid)|"
    r"inclusions?\b[^.;]{0,25}\b(?:three|3)[- ]phase",
    "platinum platelets": r"platinum (?:platelets?|inclusions?|flakes?)",
    "flux inclusions": r"flux (?:inclusions?|fingerprints?|veils?|wisps?|remnants?|residues?)|wispy veils",
    "chevron growth or nail-head spicules": r"chevron|nail[- ]?head",
    "a mosaic (lizard-skin) pattern": r"lizard[- ]?skin|chicken[- ]?wire",
    "pyrite specks": r"(?<!no )pyrite (?:specks?|flecks?|inclusions?|grains?|spots?|crystals?)|(?:specks?|flecks?) of "
    r"(?:brassy |golden )?pyrite|golden (?:specks?|flecks?)",
    "aventurescence": r"aventurescen\w*|glitter\w*|spangles?|sparkling (?:platelets|flakes)",
    "adularescence": r"adularescen\w*|(?:blue|billowy|floating|silvery) (?:sheen|glow|light)|"
    r"\bsheen\b[^.;]{0,25}\b(?:moves?|moving|floats?|rolls?)\b|\b(?:moving|floating|rolling) sheen\b",
    "centipede inclusions": r"centipedes?",
    # the phenomena a cabochon shows: not "star sapphire" or "cat's-eye chrysoberyl", a gem's name
    "a star (asterism)": r"\basteri\w*|\b(?:four|six|twelve|4|6|12)[- ]ray(?:ed)? star\b|"
    r"\b(?:shows?|showing|has|with|see|seen|displays?) an? star\b",
    "a cat's eye (chatoyancy)": r"\bchatoyan\w*|\b(?:shows?|showing|has|with|see|seen|displays?) an? cat'?s[- ]?eye\b|"
    r"\bline of light\b|\bband of light\b",
    "play of colour": r"\bplay[- ]of[- ]colou?rs?\b",
    # "green in daylight, red under a lamp": alexandrite's change, in the words people use; not a colour that changes
    # as the stone is turned (`TURNED`)
    "a colour change": rf"colou?r[- ]change(?!s? (?:when|if|after|with) heat)(?!{_AS_TURNED})(?!{_KIND_NAMED})|"
    rf"changes? colou?rs?\b(?! (?:when|if|after|with) heat)(?!{_AS_TURNED})|"
    r"\b(?:green|blue|bluish)[^.;]{0,25}\b(?:day ?light|sunlight|outdoors)\b[^.;]{0,30}\b(?:red|purple|violet|pink)"
    r"[^.;]{0,25}\b(?:lamp|incandescent|candle ?light|tungsten|indoors|light ?bulb)|"
    r"\b(?:red|purple|violet|pink)[^.;]{0,25}\b(?:lamp|incandescent|candle ?light|tungsten|indoors|light ?bulb)\b"
    r"[^.;]{0,30}\b(?:green|blue|bluish)[^.;]{0,25}\b(?:day ?light|sunlight|outdoors)",
    **SPECTROSCOPE_LINES,  # "a 437 nm line", "cobalt bands"
    "sticky under acetone": r"(?:tacky|sticky)[^.;]{0,40}aceton|aceton[^.;]{0,40}(?:tacky|sticky)",
    # a streak test on rough: the powder's colour on unglazed porcelain (hematite's red-brown, whatever its metallic
    # grey)
    **{streak: _streak_said(colour) for streak, colour in STREAK_COLOURS.items()},
    # "sticks to a magnet", "the magnet holds it", "strongly magnetic": any magnet holds it
    MAGNET_HOLDS: rf"\b(?:sticks?|stuck|clings?)\b(?:\s+\w+)?\s+to\s+{_PLAIN_MAGNET}|"
    rf"\b(?:picked up|held|lifted)\s+by\s+{_PLAIN_MAGNET}|"
    rf"{_PLAIN_MAGNET}\s+(?:picks?|picked|holds?|held|lifts?)\s+it\b|"
    r"(?<!is it )\b(?:strongly|very|highly)\s+magnetic\b|"
    rf"\bstrongly\s+(?:attracted|drawn|pulled)\s+(?:to|by)\s+{_PLAIN_MAGNET}",
    # a strong magnet's pick-up or drag, or a pull of no stated strength ("attracted to a magnet", "it's magnetic")
    MAGNET_DRAWS: rf"\b(?:sticks?|stuck|clings?|jumps?|jumped|picked up|held|lifted)\b(?:\s+\w+)?\s+(?:to|by|on)\s+"
    rf"{_STRONG_MAGNET}|{_STRONG_MAGNET}\s+(?:picks?|picked|holds?|held|lifts?|pulls?|pulled)\s+it\b|"
    rf"\b(?:attracted|drawn|pulled)\s+(?:to|by|towards?)\s+{_ANY_MAGNET}|"
    r"\bdrag(?:s|ged|ging)?\b[^.;]{0,25}\bmagnet|\bmagnet\b[^.;]{0,15}\bdrag(?:s|ged)?\b|"
    r"\b(?:weakly|slightly|mildly|faintly|somewhat|a bit)\s+(?:magnetic|attracted|drawn|pulled)\b|"
    r"\b(?:it'?s|it is|stone is|is|was)\s+magnetic\b",
    # "not magnetic", "doesn't stick to a magnet", "no reaction to a neodymium magnet", "the magnet does nothing"
    NOT_MAGNETIC: r"\b(?:not|non-?|isn'?t|wasn'?t)\s*(?:at all\s+)?magnetic\b|\bdiamagnetic\b|"
    r"\b(?:doesn'?t|does not|didn'?t|did not|won'?t|isn'?t|is not|wasn'?t|was not|not)\s+(?:\w+\s+)?(?:stick|cling|"
    r"attracted|drawn|pulled|picked up|react|respond|move)\w*\b[^.;]{0,20}\bmagnet|"
    r"\bno\s+(?:reaction|response|attraction|pull|pick-?up|drag)\b[^.;]{0,25}\bmagnet|"
    r"\bmagnet\b[^.;]{0,25}\b(?:does|did) (?:nothing|not (?:pick|pull|attract|move|hold|draw))|"
    r"\bmagnet\b[^.;]{0,25}\b(?:doesn'?t|didn'?t|won'?t) (?:pick|pull|attract|move|hold|draw|do anything)|"
    r"\b(?:inert to|repelled by)\s+(?:a |the |my )?(?:\w+ )?magnet",
    # the lustre the eye sees on a polished face or a crystal ("metallic grey", "adamantine lustre")
    **{name: _lustre_said(word, name) for name, word in LUSTRES.items()},
    NOT_METALLIC: r"\bnon-?\s?metallic\b|\b(?:not|isn'?t|wasn'?t|aren'?t)\s+(?:at all\s+|very\s+)?metallic\b|"
    r"\bno\s+metallic\s+(?:lust(?:re|er)|shine|sheen|look)\b|"
    r"\b(?:doesn'?t|does not|didn'?t|did not)\s+(?:look|seem|appear)\s+metallic\b",
    # not "non-transparent", "non-translucent": opaque; nor "nearly transparent": translucent
    TRANSPARENT: rf"(?<!semi-)(?<!semi )(?<!non-)(?<!non ){_NOT_NEARLY}\btransparent\b{_OF_THIS_STONE}|"
    rf"\bsee[- ]through\b{_OF_THIS_STONE}",
    # "semi-opaque", "nearly opaque", "almost transparent", "barely translucent": some light passes, not all
    TRANSLUCENT: rf"(?<!non-)(?<!non )\b(?:semi-?\s?)?translucent\b{_OF_THIS_STONE}|"
    rf"\b(?:semi-?\s?|{_NEARLY}\s+)(?:transparent|opaque)\b{_OF_THIS_STONE}",
    # "opaque", "non-transparent": no light passes it; not "semi-opaque", "nearly opaque" (translucent)
    OPAQUE: rf"(?<!semi-)(?<!semi ){_NOT_NEARLY}\bopaque\b{_OF_THIS_STONE}|"
    rf"\bnon-?\s?(?:transparent|translucent)\b{_OF_THIS_STONE}",
    JOIN_LINE: r"join(?:ing)? (?:line|plane)|(?:separation|junction|contact) plane|"
    r"(?:dark|black) backing|glue layer|two[- ]layer|three[- ]layers?|(?:two|three) layers|"
    r"(?:red|colou?red|glue) plane|plane at the girdle|"
    # "a black line around the girdle", "bubbles at the join": where crown and pavilion were glued
    r"\blines? (?:all )?(?:a?round|along|at|through|in|on) the girdle\b|\bgirdle line\b|"
    r"\b(?:bubbles?|glue)\b[^.;]{0,20}\b(?:at|along|in|on) the join\b",  # and two RIs (`crown_and_pavilion`)
}

# "no curved striae, no gas bubbles", "without silk", "neither bubbles nor silk", "gas bubbles absent": a sign said
# to be missing
_DENIED_BEFORE = re.compile(
    r"\b(?:no|not|without|neither|nor|lacks?|lacking|absence of|free of|never|"
    r"(?:does|do|did|is|are|was|were|wo|ca|could|would|has|have|had)n'?t)\b[^,;.]{0,25}$"
)
_DENIED_AFTER = re.compile(r"^[^,;.]{0,12}\b(?:absent|missing|not seen|none)\b|^\W{0,3}not that i can (?:tell|see)\b")


# a metal's look said of the piece's metal, not of the stone: "the setting is metallic silver"
_OF_THE_METAL = re.compile(rf"\b(?:{THE_METAL})\b(?:\s+(?:is|was|looks))?[^,;.]{{0,12}}$")


def _seen(pattern: str, t: str, said_of: re.Pattern[str] | None = None) -> bool:
    """Whether a loupe sign is reported seen: a match of `pattern` in `t` that no nearby word denies, nor says of
    something other than the stone (`said_of`, in the clause before it)."""
    for m in compiled(pattern).finditer(t):
        clause_start = max(t.rfind(c, 0, m.start()) for c in ",;.") + 1
        before = t[clause_start : m.start()]
        if said_of is not None and said_of.search(before):
            continue
        if not _DENIED_BEFORE.search(before) and not _DENIED_AFTER.search(t[m.end() :]):
            return True
    return False


_NUM = r"(\d+(?:[.,]\d+)?|[.,]\d+)"
_SEP = r"\s*(?:-|–|—|~|〜|to|/|and|&)\s*"  # "1.54 ~ 1.55": a range, as written in East Asia


@dataclass(frozen=True)
class Reading:
    """A measured quantity as an interval [low, high] (one value: low == high), with the words it came from."""

    low: float
    high: float
    said: str = ""
    spot: bool = False  # an RI read by the spot (distant-vision) method: one vague value or range, not two edges
    # How far either side of one value the reading may lie for how it was typed: half its last decimal place
    # ("SG 3.5" is 3.45-3.55), a whole place when said to be rough ("SG 3.5 ish", "about 1.72"). `typed_give`.
    give: float = 0.0

    def rounding(self) -> tuple[float, float]:
        """Half the last decimal place of each end as typed ("1.71" is 1.705–1.715, "1.710" to ±0.0005): from the
        words it came from, else from the values."""
        typed = re.findall(r"\d+\.(\d+)", self.said)
        places = (
            [len(d) for d in typed[:2]]
            if len(typed) >= 2
            else [2 if abs(v * 100 - round(v * 100)) < 1e-6 else 3 for v in (self.low, self.high)]
        )
        return tuple(0.5 * 10.0**-p for p in places)

    def describe(self, decimals: int) -> str:
        low, high = f"{self.low:.{decimals}f}", f"{self.high:.{decimals}f}"
        if self.high >= 99:
            return f"above {low}"
        if self.high == BIREFRINGENCE_MAX and self.low < self.high:  # doubled back facets: a birefringence from low
            return f"{low} or more"
        if self.low <= 0:
            return f"below {high}"
        if low == high and self.give and ROUGHLY.search(self.said):  # "SG 3.5 ish": as roughly as it was said
            return f"about {self.low:g}"
        return low if low == high else f"{low}–{high}"


@dataclass(frozen=True)
class Readings:
    """What a message reports from instruments; every field is optional."""

    ri: Reading | None = None
    birefringence: Reading | None = None
    sg: Reading | None = None
    optic: str | None = None  # isotropic | anomalous | anisotropic | uniaxial | biaxial | aggregate
    optic_sign: str | None = None  # positive | negative: which shadow edge moves, or the conoscope's figure
    pleochroism: str | None = None  # none | weak | moderate | strong | present
    fluorescence: str | None = None  # "inert" or a colour ("red", "blue", ...), or "glows"
    chelsea_red: bool | None = None  # red/pink under the Chelsea filter (True) or not (False)
    observations: tuple[str, ...] = ()  # "gas bubbles", "curved striae", ...
    problems: tuple[str, ...] = ()  # readings that cannot be right or be read (never guessed), or used with a caveat

    def __bool__(self) -> bool:
        return any(
            v not in (None, ())
            for v in (
                self.ri,
                self.birefringence,
                self.sg,
                self.optic,
                self.optic_sign,
                self.pleochroism,
                self.fluorescence,
                self.chelsea_red,
                tuple(o for o in self.observations if o not in RANK_NOTHING_ALONE) or None,
            )
        )

    @property
    def ri_edges(self) -> bool:
        """Whether the RI is a doubly refractive stone's two shadow edges, each one read ("RI 1.544–1.553"),
        rather than an interval one value fell in: two values, unless the stone is singly refractive or an
        aggregate, they lie beyond a refractometer's reach ("RI 2.15–2.18" is a table's range for CZ), or they
        are a spot reading's vague range ("RI 1.66-1.68 spot reading")."""
        if self.ri is None or self.ri.spot or self.ri.high > REFRACTOMETER_LIMIT + 0.03:  # no two edges read
            return False
        return 0 < self.ri.low < self.ri.high < 99 and self.optic not in NO_TWO_EDGES

    def updated(self, newer: Readings) -> Readings:
        """These readings with a newer message's on top: a new value of a quantity replaces the old one."""

        def pick(name):
            value = getattr(newer, name)
            return value if value not in (None, ()) else getattr(self, name)

        names = (
            "ri",
            "birefringence",
            "sg",
            "optic",
            "optic_sign",
            "pleochroism",
            "fluorescence",
            "chelsea_red",
        )
        merged = {n: pick(n) for n in names}
        # what a loupe showed adds up, message by message ("curved striae", then "gas bubbles")
        # a newer result of the same test replaces the older ("actually it was gritty, I was wrong")
        replaced = {old for a, b in OPPOSITE_RESULTS for old, new in ((a, b), (b, a)) if new in newer.observations}
        kept = tuple(o for o in self.observations if o not in replaced)
        merged["observations"] = tuple(dict.fromkeys(kept + newer.observations))
        if newer.ri and not newer.birefringence and self.birefringence and self.birefringence.said == DERIVED:
            merged["birefringence"] = None  # it came from the old RI reading, which the new one replaces
        if merged["optic"] in NO_TWO_EDGES and merged["birefringence"] and merged["birefringence"].said == DERIVED:
            merged["birefringence"] = None
        return Readings(**merged, problems=newer.problems)

    def describe(self) -> list[str]:
        out = []
        if self.ri:
            out.append(f"RI {self.ri.describe(3)}" + (" (spot reading)" if self.ri.spot else ""))
        if self.birefringence:
            seen = " (doubled back facets)" if self.birefringence.said == LOUPE_SAID else ""
            out.append(f"birefringence {self.birefringence.describe(3)}{seen}")
        if self.sg:
            out.append(f"SG {self.sg.describe(2)}")
        if self.optic:
            out.append(OPTIC_NAMES[self.optic])
        if self.optic_sign:
            out.append(f"optically {self.optic_sign}")
        if self.pleochroism:
            level = {"present": "pleochroic", "none": "no pleochroism"}
            out.append(level.get(self.pleochroism, f"{self.pleochroism} pleochroism"))
        if self.fluorescence:
            out.append("inert under UV" if self.fluorescence == "inert" else f"{self.fluorescence} under UV")
        if self.chelsea_red is not None:
            out.append("red under the Chelsea filter" if self.chelsea_red else "not red under the Chelsea filter")
        out += list(self.observations)
        return out


OPTIC_NAMES = {
    "isotropic": "singly refractive",
    "anomalous": "singly refractive with strain (ADR)",
    "anisotropic": "doubly refractive",
    "uniaxial": "doubly refractive, uniaxial",
    "biaxial": "doubly refractive, biaxial",
    "aggregate": "aggregate (stays light in the polariscope)",
}


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def _decimals(text: str) -> int:
    return len(re.split(r"[.,]", text)[1]) if re.search(r"[.,]", text) else 0


# words that make a value rough: "about 3.5", "~1.72", "3.5 ish", "like 3.5", "3.5 or so"
ROUGHLY = re.compile(r"\b(?:about|approx\w*|around|roughly|circa|ca|abt|like|or so|ish)\b|~")
ROUGH_AFTER = re.compile(r"\s*(?:-?\s*(?:ish|or so)\b|\(?\s*approx(?:imately|\b)\.?\s*\)?)")  # "1.544 (approx)"


def typed_give(said: str) -> float:
    """Half the last decimal place of the one value in `said` (a whole number as one place: "SG 4" is 4.0), or a
    whole place when it is said to be rough; 0 when `said` holds no value or several (a range, a calculation)."""
    values = re.findall(r"\d+(?:[.,](\d+))?", said)
    if len(values) != 1:
        return 0.0
    place = 10.0 ** -max(len(values[0]), 1)  # "SG 4" beside an RI means 4.0, as a bench writes it: not 3.5-4.5
    return place if ROUGHLY.search(said) else place / 2


ABOVE = r"over|above|more than|greater than|higher than|exceeds|at least|>|≥"
BELOW = r"under|below|less than|lower than|at most|<|≤"
# "approx. 1.76", "c. 1.76": the abbreviation's full stop becomes a space (the text keeps its length).
ABBREVIATED = re.compile(r"\b(approx|ca|c|circa|abt|bi-?ref|bire|dr)\.")  # "approx.", and a keyword's: "biref. 0.038"
ALTERNATIVE = re.compile(rf"\s*\??\s*,?\s*\bor\b\s*(?:maybe |perhaps |possibly )?{_NUM}(?![\d.])")  # "SG 7.0? or 5.1?"
# "one reading of 1.544 and another of 1.553", "… and the other at 1.553": a second edge named after the first
SECOND_EDGE = re.compile(
    r"\s*(?:,\s*)?(?:and|,)\s+(?:another|one|a second|the second|the other|a 2nd)"
    r"(?:\s+(?:one|reading|(?:shadow )?edge))?\s*(?:of|at|is|=|:)?\s*(\d\.\d+)(?![\d.])"
)
OPEN_BOUND = re.compile(r"\s*or (?:(higher|more|above|over)|lower|less|below|under)\b")  # "RI 1.76 or higher"


def _quantity(t: str, keyword: str, max_gap: int = 24, original: str = "") -> tuple[float, float, str, bool] | None:
    """The number or range right after a keyword ('ri 1.762-1.770', 'sg is about 3.52', 'n = 1.54'), or a lone
    number right before it ('1.76 RI, 4.00 SG', 'a 1.72 RI'); 'RI over 1.79' is an interval open above, 'SG < 3' below.
    'RI is not 1.72, it's 1.76' is 1.76; 'RI is not 1.72' alone is no reading. The last item says whether an
    alternative value followed ('SG 7.0? or 5.1?'), which leaves the reading unknown."""
    t = ABBREVIATED.sub(lambda m: m.group(1) + " ", t)
    m = re.search(rf"(?:{keyword})([^\d.,]{{0,{max_gap}}}?)(?<![\d.]){_NUM}(?:{_SEP}{_NUM})?", t)
    others = "|".join(w for w in (RI_WORDS, SG_WORDS, BIRE_WORDS) if w != keyword)
    if m and re.search(others, m.group(1)):  # "RI OTL SG 3.52": the number is another reading's
        m = None
    # "1.76 RI and 4.00 SG": a number after "and", followed by another reading's keyword, is that reading's
    if m and re.search(r"\band\b|,", m.group(1)) and re.match(rf"\s*(?:{others})(?![^\d]{{0,6}}\d)", t[m.end() :]):
        m = None
    if m and re.search(r"\b(?:not|isn't|isnt)\b", m.group(1)):
        instead = rf"[^\d]{{0,12}}?\b(?:it'?s|it is|but|rather|actually|instead)\b[^\d]{{0,12}}?{_NUM}(?:{_SEP}{_NUM})?"
        m = re.compile(instead).match(t, m.end())
        if not m:
            return None
        start, gap, end = m.start(), "", m.end()
        low, high = _float(m.group(1)), _float(m.group(2)) if m.group(2) else None
    elif m:
        start, gap, end = m.start(), m.group(1), m.end()
        low, high = _float(m.group(2)), _float(m.group(3)) if m.group(3) else None
    else:
        # "1.76 RI", "1.62 (spot)"; not the "553" after the decimal comma of "1,544-1,553 DR" (one digit before it)
        before = r"(?:^|(?<![^\d.]\d),|,(?!\d)|[;(]|\b(?:and|an?|with|gives?|reads?|shows?)\b)"
        # and a refractometer's two edges before their label: "1.54-1.55 RI" (not "1.544-1.553 DR", the polariscope's)
        edges = rf"(?:\s*(?:-|–|/|to)\s*{_NUM})?" if keyword == RI_WORDS else "()"
        m = re.search(rf"{before}\s*(){_NUM}{edges}\s*\(?\s*(?:{keyword})", t)
        if not m:
            return None
        start, gap, end, low = m.start(2), "", m.end(), _float(m.group(2))
        high = _float(m.group(3)) if m.group(3) else None
    if re.search(r"(?:^|[\s=:])-\s*$", gap):  # "SG -1": a minus sign, not a dash between two numbers
        low = -low
    # "RI 1.76, 1.77", "RI 1.544 1.553", "RI 1.762 (ω), 1.770 (ε)": two edges listed, not SG 1.77
    listed = re.match(r"(?:\s*\((?:ω|ε|omega|epsilon|n?[oe]|[αβγ])\))?(?:,\s*|\s+)(\d\.\d+)(?![\d.])", t[end:])
    if high is None and listed and int(_float(listed.group(1))) == int(low) and gap.strip(" =:") == "":
        high, end = _float(listed.group(1)), end + listed.end()
    elif high is None and (second := SECOND_EDGE.match(t, end)) and int(_float(second.group(1))) == int(low):
        high, end = _float(second.group(1)), second.end()
    either = ALTERNATIVE.match(t, end) if high is None else None  # part of what was said
    end = either.end() if either else end
    if high is None and (rough := ROUGH_AFTER.match(t, end)):  # "SG 3.5 ish": part of what was said
        end = rough.end()
    said = original[start - 1 : end - 1] if len(original) == len(t) - 2 else t[start:end]
    if high is not None:
        return min(low, high), max(low, high), said, False
    if either:
        return low, low, said, True
    if bound := OPEN_BOUND.match(t, end):  # "RI 1.76 or higher": open above
        return (low, 99.0, said, False) if bound.group(1) else (0.0, low, said, False)
    if re.search(rf"(?:{ABOVE})\s*$", gap):
        return low, 99.0, said, False
    if re.search(rf"(?:{BELOW})\s*$", gap):
        return 0.0, low, said, False
    return low, low, said, False


RI_RANGE = (
    f"they run from about {RI_LIMITS[0]:.2f} to {RI_LIMITS[1]:.2f}; a refractometer reads up to {REFRACTOMETER_LIMIT}"
)
BIRE_RANGE = "the largest are about 0.25"
SG_RANGE = f"they run from about {SG_LIMITS[0]:.1f} to {SG_LIMITS[1]:.0f}"


def _swapped(t: str, text: str) -> str:
    """ "SG 1.76, RI 4.00": an RI no gem has beside an SG that is an RI, typed the other way round; said in a line
    (neither is used), or ''."""
    said_ri, said_sg = _quantity(t, RI_WORDS, original=text), _quantity(t, SG_WORDS, original=text)
    if not said_ri or not said_sg:
        return ""
    ri, sg = said_ri[0], said_sg[0]
    if not (SG_LIMITS[0] <= ri <= SG_LIMITS[1] and RI_LIMITS[0] <= sg <= REFRACTOMETER_LIMIT):
        return ""
    return (
        f"“{said_ri[2].strip()}” is no refractive index and “{said_sg[2].strip()}” fits one: were they swapped "
        f"(RI {sg:.2f}, SG {ri:.2f})? I used neither; please re-check which is which."
    )


def _point_moved(said: str, limits: tuple[float, float], usual: tuple[float, float]) -> str:
    """ "RI 17.62": the value its digits give with the decimal point moved, when that is the one such value in
    `usual` (1.762, what a refractometer reads), for each number of `said` outside `limits`; '' when a number
    gives none or more than one."""
    moved = []
    for number in re.findall(r"\d+(?:[.,]\d+)?|[.,]\d+", said):
        if limits[0] <= _float(number) <= limits[1]:
            moved.append(number)
            continue
        bare = number[1:] if number[0] in ".," else number[2:] if number[:2] in ("0.", "0,") else ""
        if bare and usual[0] > 1 and usual[0] <= _float(f"1.{bare}") <= usual[1]:
            moved.append(f"1.{bare}")  # "RI .544", "RI 0.544": the refractometer's leading 1 left out
            continue
        digits = re.sub(r"\D", "", number).lstrip("0")
        fits = {f"{digits[:i] or 0}.{digits[i:]}".rstrip(".") for i in range(len(digits) + 1)}
        fits = {v for v in fits if v and usual[0] <= float(v) <= usual[1]}
        if len(fits) != 1:
            return ""
        moved += fits
    return "–".join(moved)


def _checked(
    t: str,
    text: str,
    words: str,
    limits: tuple[float, float],
    what: str,
    known: str,
    max_gap: int = 24,
    usual: tuple[float, float] | None = None,
):
    """(reading or None, the problem in one line or None, whether the keyword came with a number). A number
    outside `limits` whose digits, the decimal point moved, give a value in `usual` is asked about: "RI 17.62"
    was perhaps 1.762, but that is not guessed."""
    found = _quantity(t, words, max_gap, original=text or "")
    if not found:
        word = re.search(rf"(?:{words})\s*([=:]?)\s*(nan|none|n/a|unknown|heavy|light|high|low|\?+)(?!\w)", t)
        if word and word.group(2).startswith("?") and not word.group(1):  # "emerald RI?", "what's the SG?": asked
            return None, None, False
        if word:  # "SG heavy", "RI: ?": a reading without its number
            return None, f"“{word.group(0).strip()}” gives no number for {what}; please type the reading.", True
        return None, None, False
    low, high, said, either = found
    if either:  # "SG 7.0? or 5.1?": two values offered, neither measured for sure
        return None, f"“{said.strip()}” gives two values for {what}: which is it? I used neither.", True
    finite = [v for v in (low, high) if 0 < v < 99]  # an open end ("over 1.79", "SG < 3") has no value to check
    if finite and all(limits[0] <= v <= limits[1] for v in finite):
        return Reading(low, high, said, give=typed_give(said) if low == high else 0.0), None, True
    # a value, or two, as typed: not "SG -1" (a minus sign, not a misplaced point) nor an open bound ("SG < 30")
    if usual and low > 0 and high != 99.0 and (meant := _point_moved(said, limits, usual)):
        dropped = re.search(r"(?<!\d)0?[.,](\d+)", said)  # ".544", "0.544": a refractometer's 1.544 short of its 1
        slip = "its leading 1 left out" if dropped and f"1.{dropped.group(1)}" in meant else \
            "a decimal point in the wrong place"  # fmt: skip
        return None, f"“{said.strip()}” is not {what} a gem has ({known}): did you mean {meant} ({slip})? I " \
            "did not use it; please re-check it.", True  # fmt: skip
    return None, f"“{said.strip()}” is not {what} a gem has ({known}); please re-check it.", True


# The principal indices as a mineralogist notes them: nα and nγ (biaxial), nω and nε or no and ne (uniaxial).
_INDEX = (
    r"(?:\bn\s*(?:α|alpha|β|beta|γ|gamma|ω|omega|ε|epsilon|o|e|x|y|z)|(?<!\w)(?:α|β|γ|ω|ε)|\b(?:omega|epsilon))"
    r"\s*[=:]?\s*(\d\.\d{2,3})"
)
PRINCIPAL_INDICES = re.compile(rf"{_INDEX}[\s,;]*(?:and\s+)?{_INDEX}")
# which index of a uniaxial stone a label names: ω (ordinary, the edge that stays put) or ε (extraordinary)
ORDINARY, EXTRAORDINARY = re.compile(r"ω|omega|\bn\s*o\b"), re.compile(r"ε|epsilon|\bn\s*e\b")


def _uniaxial_sign(indices: re.Match[str]) -> str | None:
    """ "ne = 1.553, no = 1.544": positive, nε above nω; None unless both of a uniaxial stone's indices are named."""
    text = indices.string
    first, second = text[indices.start() : indices.start(1)], text[indices.end(1) : indices.start(2)]
    if ORDINARY.search(first) and EXTRAORDINARY.search(second):
        omega, epsilon = _float(indices.group(1)), _float(indices.group(2))
    elif EXTRAORDINARY.search(first) and ORDINARY.search(second):
        epsilon, omega = _float(indices.group(1)), _float(indices.group(2))
    else:
        return None
    return None if omega == epsilon else "positive" if epsilon > omega else "negative"


# "refractive index", as typed in a hurry too ("refractiv index", "refactive index", "refractive indx", "index of
# refraction")
RI_WORDS = (
    r"\br\.?\s?[il](?![a-z])\.?|re?fr?a?ct?i?ve? (?:i\w*(?:ex|ices)|indx)|index of refraction|refraction(?= *\d)|"
    r"[íi]ndice de refracci[óo]n|brechungsindex|indice de r[ée]fraction|indice di rifrazione|"
    r"refractometer(?: reading)?|\bn\s*[=:]|\bn[dD]\b|\bn(?= +\d\.\d)|"
    # "I get one reading of 1.718", "two readings, 1.762 and 1.770": readings with a refractometer's number after them
    r"\breadings?\b(?:\s*[,:])?(?=[^\d.;]{0,16}?(?<![\d.])1[.,]\d(?![\d.,]*\s*(?:ct|carats?|g|grams?|mm)\b))|"
    # a cabochon's or an aggregate's one vague edge: "spot reading 1.55", "a vague shadow edge near 1.66"
    r"\bspot(?: reading| ri| rea?ding)?(?!\s+(?:of|on|in)\s+[a-z])|distant[- ]vision(?: reading| method)?|"
    r"(?:shadow|vague|faint|blurr?y|fuzzy) edge"
)
# and "BR 0.008", "B.R. 0.02" (birefringence), only before their number
BIRE_WORDS = (
    r"\bbire\w*|\bbi-?ref\w*|\bdr\b|double refraction|δn|delta ?n|\bdn\b|\b(?:b\.?\s?r\b\.?|bi)(?=\s*[=:]?\s*0?[.,]\d)"
)
# and as gem labs abroad write it: densidad, Dichte, densité, densità, peso específico
SG_WORDS = (
    r"\bs\.?\s?g(?![a-z])\.?|spe?cc?i?fi?c grav\w*|relative density|density|densidad|dichte|densit[ée]|densit[àa]|"
    r"peso espec[ií]fico|spezifisches gewicht|hydrostatic(?:ally)?(?: sg| balance| reading)?|"
    r"\bd(?=\s*=\s*\d\.\d+(?![\d.])(?!\s*(?:mm|cm|ct|carats?|%|°|å|angstrom)))"  # "d = 4.0", not "D = 4.0 ct"
)


def _liquids(t: str) -> tuple[Reading | None, str]:
    """The SG bounds heavy liquids give: "sinks in bromoform, floats in methylene iodide" is SG 2.89–3.32;
    a liquid by name or by density ("floats in the 3.32 liquid"). A stone said to float in a lighter liquid
    than one it sinks in gets a problem line, not a reading."""
    sinks, floats, said = [], [], []
    for m in re.finditer(_LIQUID, t):
        stated = m.group(3) or m.group(4) or m.group(5) or m.group(6)
        density = float(stated) if stated else HEAVY_LIQUIDS[m.group(2)]
        if m.group(1).startswith(("susp", "hover")):  # neither sinks nor floats: about the liquid's own density
            sinks.append(round(density - SUSPENDS, 3))
            floats.append(round(density + SUSPENDS, 3))
        else:
            (sinks if m.group(1).startswith("s") else floats).append(density)
        said.append(m.group(0).strip())
    if not said:
        return None, ""
    low, high = max(sinks, default=0.0), min(floats, default=99.0)
    if low >= high:
        return None, f"It cannot sink in a liquid of {low} and float in one of {high}: re-check the liquids."
    return Reading(low, high, "; ".join(said)), ""


def _disagree(sg: Reading, liquid: Reading) -> bool:
    """Whether an SG and what heavy liquids showed cannot both be right ("SG 3.60" and "floats in methylene
    iodide", below 3.32): farther apart than a stone that hangs in a liquid is from its density (`SUSPENDS`),
    which a balance's error or a warm liquid's lower density may bridge."""
    return sg.high < liquid.low - SUSPENDS or sg.low > liquid.high + SUSPENDS


# A number with a letter typed into it ("1.7l8"): read as 1.7 it would be a wrong reading, so it is not read.
# No double refraction read: "no birefringence", "DR: none", "bire 0": one shadow edge, a singly refractive stone's;
# not "DR" (doubly refractive), nor a birefringence of 0 to be re-checked
_BIRE_NAMED = r"(?:birefringence|bire\w*|bi-?ref\w*|double refraction|dr)"
NO_BIREFRINGENCE = re.compile(
    rf"\b(?:no|not|zero|nil)\s+{_BIRE_NAMED}\b|\b{_BIRE_NAMED}\s*[:=]?\s*(?:none|nil|zero|0(?:[.,]0+)?)(?![\d.,]*[1-9])\b"
)
GARBLED_NUMBER = re.compile(r"(?<![\w.])\d+[.,]\d*[a-z]+\d[\w.]*")
# A hydrostatic weighing: the stone's weight in air and in water ("2.000 ct in air, 1.496 ct in water"), or
# weight after its medium as a bench notes it ("weight in air 2.35 ct, in water 1.68", "air: 1.842 ct, water: 1.326"),
# or the weight in air unnamed, as weighed first ("weighed 1.20 g, in water 0.75 g", "weighs 1.20 g, 0.75 g in water")
WEIGHT_UNIT = r"(?:ct|carats?|g|grams?)"  # a stone's weight, as people write it
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: i for i, w in enumerate([*_UNITS, *_TEENS], 1)} | {w: 10 * i for i, w in enumerate(_TENS, 2)}
_BELOW_A_HUNDRED = rf"(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_UNITS)}))?|{'|'.join(reversed([*_UNITS, *_TEENS]))}"
_HUNDREDS = rf"(?:a|{'|'.join(_UNITS)})\s+hundred"
# a number in words below a thousand: "seven", "fifteen", "twenty-five", "a hundred", "one hundred and twenty" (not
# its "twenty" alone)
NUMBER_IN_WORDS = rf"(?:{_HUNDREDS}(?:\s+and)?\s+)?(?:{_BELOW_A_HUNDRED})|(?:{_HUNDREDS}|hundred)"


def number_in_words(said: str) -> int:
    """ "twenty-five" -> 25, "fifteen" -> 15, "a hundred" -> 100, "two hundred and five" -> 205 (said matching
    `NUMBER_IN_WORDS`)."""
    words = re.split(r"[\s-]+", said.lower())
    if "hundred" not in words:
        return sum(NUMBER_WORDS.get(w, 0) for w in words)
    at = words.index("hundred")  # "a hundred", "two hundred and five": the word before counts the hundreds
    return 100 * (NUMBER_WORDS.get(words[at - 1], 1) if at else 1) + sum(NUMBER_WORDS.get(w, 0) for w in words[at:])


_WEIGHT = rf"(\d+(?:\.\d+)?)\s*(?:{WEIGHT_UNIT}?\s*(?:in|under)\s+|{WEIGHT_UNIT}\s*)"  # "3.12 g in air", "3.12g air"
_IN_WATER = r"\b(?:in )?(?:water|h2o)(?: weight)?\s*[:=]?\s*(\d+(?:\.\d+)?)"  # "in water 1.68", "water weight 1.3"
WEIGHED = re.compile(
    rf"{_WEIGHT}air\b(?!\s*bubbl).{{0,30}}?{_WEIGHT}(?:water|h2o)\b"  # "2.000 ct in air, 1.496 ct in water"
    rf"|(?:weight|weighs?)?\s*\b(?:in )?air(?: weight)?\s*[:=]?\s*(\d+(?:\.\d+)?)\s*{WEIGHT_UNIT}?.{{0,30}}?{_IN_WATER}"
    rf"|\bweigh(?:s|ed|t)?(?:\s+it)?\s*[:=]?\s*(\d+(?:\.\d+)?)\s*{WEIGHT_UNIT}\b[^.;\d]{{0,12}}?"
    rf"(?:{_IN_WATER}|{_WEIGHT}(?:water|h2o)\b)"
)


def _weighed(t: str) -> tuple[Reading | None, str, str]:
    """SG from a hydrostatic weighing: weight in air / (weight in air - weight in water); a problem line; and the
    arithmetic with the weights as typed, for a student to check against their own."""
    m = WEIGHED.search(t)
    if not m:
        return None, "", ""
    typed = [weight for weight in m.groups() if weight is not None]  # air, then water, whichever way written
    air, water = map(float, typed)
    if not 0 <= water < air:
        return None, f"“{m.group(0).strip()}”: a stone weighs less in water than in air; re-check the weights.", ""
    sg = round(air / (air - water), 2)
    worked = f"SG = weight in air / (weight in air − weight in water) = {typed[0]} / ({typed[0]} − {typed[1]})"
    return Reading(sg, sg, f"weighed {air:g} in air, {water:g} in water"), "", f"{worked} = {sg:.2f}."


# A reading corrected within one message: "inert under LWUV? no wait, it glows red", "SG 3.25, sorry, I meant 3.52"
SELF_CORRECTION = re.compile(
    r"\bno,? wait\b|\bwait,? no\b|\bsorry,? i meant\b|\bi meant\b|\bcorrection:?|\bmake that\b|\bscratch that\b|"
    r"\boops\b|\bthat(?: was|'s| is) wrong\b|\bmy (?:mistake|bad)\b|\btypo\b|"
    # as a bench corrects itself: "real reading 1.762-1.770", "now it reads 1.62", "it's 4.00, I misread the balance"
    r"\b(?:the )?(?:real|correct|right|true|actual) (?:reading|value|ri|sg)\b|\b(?:now )?it (?:now )?reads\b|"
    r"\bi? ?mis-?(?:read|typed)\b|\bre-?(?:measured|took it|did it)\b",
    re.I,
)


# a sign asked about and answered no, as a bench note reads: "curved striae? no", "ADR? none", "bubbles? nope"
ASKED_NOT_SEEN = re.compile(
    r"(?!(?:is|are|was|does|do|did|can|could|what|which|how|would|should|will)\b)(?P<what>\b[a-z][\w' -]{0,38}?)"
    r"(?:\s*\?\s*(?:no|nope|none|nil|not seen|absent)\b(?!\s*(?:wait|sorry|idea|clue))|"
    r"\s*:\s*(?:no|none|nil|not seen|absent)\s*(?=[,;.!]|$))",  # "ADR: no", "pleo: none"; not "chelsea: no change"
    re.I,
)


# a title before a name, "Dr. Smith measured RI 1.76": no "DR" (doubly refractive) reading
TITLE = re.compile(r"\bDr\b\.?(?=\s+[A-Z][a-z])")


def parse_readings(text: str) -> Readings:
    """Every instrument reading in a message; numbers no gem can have become `problems`, not readings. What
    follows a self-correction ("no wait", "I meant") replaces what it corrects."""
    text = ASKED_NOT_SEEN.sub(r"not \g<what>", text or "")  # "curved striae? no": not seen, not a sighting
    text = TITLE.sub(lambda m: " " * len(m.group(0)), text)  # the same length: `said` keeps its place
    corrected = SELF_CORRECTION.search(text)
    if not corrected:
        return _parse_readings(text)
    before, after = text[: corrected.start()], text[corrected.end() :]
    first, then = _parse_readings(before), _parse_readings(after)
    said = {"RI": first.ri, "SG": first.sg, "DR": first.birefringence}
    last = max(((before.lower().rfind(r.said.lower()), k) for k, r in said.items() if r and r.said), default=None)
    if last and not (then.ri or then.sg or then.birefringence):  # "SG 3.25, sorry, I meant 3.52": the SG again
        then = _parse_readings(f"{last[1]} {after.lstrip(' ,:;')}")
    return replace(first.updated(then), problems=first.problems + then.problems)


SR_BIRE_MAX = 0.004  # a birefringence above this is no singly refractive stone's (anomalous strain stays below)


# what the Chelsea filter did not do: "no reaction to the chelsea", "doesn't turn red", "stays green", "inert"
CHELSEA_NOT_RED = (
    r"\bno (?:change|reaction|red|pink)|\bnot (?:\w+ )?(?:red|pink)|(?:does|did|do)(?:n'?t| not)\b|"
    r"\b(?:stays?|stayed|remains?|remained|looks?|looked|appears?|appeared)\s+(?:\w+\s+)?green|"
    r"\bgreen (?:under|through|with|in)\b|inert|dark|negative|shows nothing|nothing (?:seen|shown)|"
    r"\bnot chelsea\b"  # "chelsea: none" (`ASKED_NOT_SEEN`)
)


# a Chelsea filter not used or not to hand: "I did not use a chelsea filter", "no chelsea filter", "without one"
NO_FILTER_USED = re.compile(
    r"\b(?:did(?:n'?t| not)|don'?t|do not|never|haven'?t|have not)\s+(?:use|used|have|own|try|tried)\b|"
    r"\bwithout (?:a |the |my )?chelsea|\bno chelsea filter\b(?!\s+(?:reaction|change))"
)


CLAUSE_BREAK = re.compile(r"[,;.!?]|\b(?:and|but)\b")


def _clause(t: str, at: int) -> str:
    """The clause of `t` around position `at`: between punctuation or an "and"/"but"."""
    start = max((m.end() for m in CLAUSE_BREAK.finditer(t, 0, at)), default=0)
    end = next((m.start() for m in CLAUSE_BREAK.finditer(t, at)), len(t))
    return t[start:end]


# Shadow edges described as they behave while the stone turns on the refractometer: "one edge stays fixed at
# 1.544, the other moves from 1.547 to 1.553", "1.762 fixed and 1.770 moving". A uniaxial stone shows one edge
# that stays put (its ordinary index) and one that moves (the extraordinary); the sign is which way it moves.
EDGE_FIXED = re.compile(
    r"\b(?:fixed|constant|stationary|steady|unmoving|immobile|stays? (?:put|still|the same)|stays?(?= at\b)|"
    r"remains? (?:put|still|the same|constant)|remains?(?= at\b)|(?:does|did)(?:n'?t| not) (?:move|change|shift)|"
    r"not moving)\b"
)
EDGE_MOVES = re.compile(
    r"(?<!n't )(?<!not )\b(?:mov(?:es?|ing|ed|able)|movable|var(?:y|ies|ying|ied|iable)|shift(?:s|ing|ed)?|"
    r"chang(?:es?|ing|ed)|travell?(?:s|ing|ed)?|go(?:es|ing)|went|ris(?:es|ing)|rose|drop(?:s|ping|ped)?|"
    r"fall(?:s|ing)?|fell|climb(?:s|ing|ed)?|swing(?:s|ing)?|swung)\b"
)
BOTH_EDGES_MOVE = re.compile(rf"\bboth (?:shadow )?edges? (?:\w+ ){{0,2}}?{EDGE_MOVES.pattern}")
EDGE_SEGMENT = re.compile(r"[,;:!?]|(?<!\d)\.|\.(?!\d)|\b(?:but|while|whereas|whilst)\b")
SENTENCE_END = re.compile(r"[;!?]|(?<!\d)\.|\.(?!\d)")
_RI_NUMBER = re.compile(r"(?<![\d.])(\d\.\d{2,3})(?![\d.])")


def _readable(value: float) -> bool:
    """Whether a refractometer can read this RI (a number beyond it is some other quantity)."""
    return RI_LIMITS[0] <= value <= REFRACTOMETER_LIMIT + 0.03


def _ri_numbers(text: str) -> list[float]:
    return [v for v in map(float, _RI_NUMBER.findall(text)) if _readable(v)]


def _edges_in_words(t: str) -> tuple[Reading, str | None, str | None] | None:
    """(RI, optic sign, optic character) from shadow edges described by how they behave as the stone turns, or
    None. One edge fixed and one moving: doubly refractive, and the sign is which way it moves (the uniaxial
    pattern, though a biaxial stone shows it too on some facets, so the character is left open); both moving:
    biaxial, which a uniaxial stone never shows; one fixed edge alone: its RI. Each number goes with the nearer
    of "fixed" and "moves" in its part of the text; numbers that cannot be told apart give the RI alone."""
    fixed: list[float] = []
    moving: list[float] = []
    start = 0
    for end in [m.start() for m in EDGE_SEGMENT.finditer(t)] + [len(t)]:
        part, start = t[start:end], end + 1
        stays = [m.start() for m in EDGE_FIXED.finditer(part)]
        moves = [m.start() for m in EDGE_MOVES.finditer(part)]
        for number in _RI_NUMBER.finditer(part):
            value = float(number.group(1))
            if stays + moves and _readable(value):
                near = min(stays + moves, key=lambda at: abs(at - number.start()))
                (fixed if near in stays else moving).append(value)
    if both := BOTH_EDGES_MOVE.search(t):  # "both edges move, 1.62 to 1.64": the numbers of that sentence
        sentence = SENTENCE_END.split(t[both.start() :])[0]
        values = sorted(set(_ri_numbers(sentence)) | set(moving))
        if len(values) > 1 and not fixed:
            said = f"both edges moving, {values[0]:.3f} to {values[-1]:.3f}"
            return Reading(values[0], values[-1], said), None, "biaxial"
    if len(set(fixed)) == 1 and moving:
        omega = fixed[0]
        epsilon = max(moving, key=lambda v: abs(v - omega))
        said = f"one edge fixed at {omega:.3f}, the other moving to {epsilon:.3f}"
        sign = None if epsilon == omega else "positive" if epsilon > omega else "negative"
        return Reading(min(omega, epsilon), max(omega, epsilon), said), sign, "anisotropic"
    values = sorted(set(fixed + moving))
    if (stays := EDGE_FIXED.search(t)) and len(values) < 2:  # "one moves, the other is fixed: 1.577 and 1.583"
        values = sorted(set(_ri_numbers(SENTENCE_END.split(t[stays.start() :])[0])) | set(values))
    if stays and EDGE_MOVES.search(t) and len(values) > 1:  # which edge is which is not said
        said = f"one edge fixed, one moving, {values[0]:.3f} to {values[-1]:.3f}"
        return Reading(values[0], values[-1], said), None, "anisotropic"
    if len(set(fixed)) == 1:
        return Reading(fixed[0], fixed[0], f"an edge fixed at {fixed[0]:.3f}"), None, None
    return None


def _edge_difference(ri: Reading) -> Reading:
    """The birefringence two shadow edges give: their difference, give or take how each edge was rounded as typed.
    Edges read to the third decimal ("1.544-1.553") give it to ±0.001, inside a refractometer's own error, so it
    is one value (0.009). An edge typed to two decimals stands for anything within ±0.005, so the difference of
    two may be off by up to ±0.01, but is off by no more than ±0.005 three times in four (two rounding errors
    tend to cancel): that likelier part is the reading, which the evidence model blurs by the refractometer's
    own error. "1.62-1.64" gives 0.015–0.025, not 0.020 to ±0.003, and "1.76-1.77" 0.005–0.015."""
    difference, halves = round(ri.high - ri.low, 4), ri.rounding()
    if max(halves) < 0.005:  # both edges to the third decimal
        return Reading(difference, difference, DERIVED)
    spread = sum(halves) / 2
    return Reading(round(max(0.0, difference - spread), 4), round(difference + spread, 4), DERIVED)


def _fixed_end(ri: Reading, described: tuple[Reading, str | None, str | None]) -> str | None:
    """The sign when the one edge said to stay fixed is an end of the two edges read ("RI 1.544 to 1.553, the
    1.553 shadow is fixed": the other, lower, moves: negative); None otherwise."""
    fixed = described[0]
    if fixed.low != fixed.high or not (0 < ri.low < ri.high < 99):
        return None
    if abs(fixed.low - ri.high) < 5e-4:
        return "negative"
    return "positive" if abs(fixed.low - ri.low) < 5e-4 else None


# A refractometer reading said of one part of a cut stone: "1.52 on the pavilion", "the table reads 1.77".
_PART = r"(cr(?:ow|wo)n|table|top|pavill?ion|pav|bottom)"  # "crwon", "pavillion", "pav": as typed in a hurry
_LOWER_PART = re.compile(r"pav|bottom")
_PART_AFTER = re.compile(rf"(?<![\d.])(1\.\d{{2,3}})(?![\d.])\s*(?:(?:on|at|from|off|of)\s+(?:the\s+)?)?{_PART}\b")
_PART_BEFORE = re.compile(rf"\b{_PART}\b(?:\s+facets?)?[^.;\d]{{0,24}}?(?<![\d.])(1\.\d{{2,3}})(?![\d.])")
ASSEMBLED_GAP = 0.02  # crown and pavilion of one material read alike, to within a birefringence


def parts_read(t: str) -> tuple[float, float] | None:
    """(crown RI, pavilion RI) when a message gives a reading for each part of a cut stone, else None."""
    found: dict[str, float] = {}
    taken = []
    part = lambda word: "pavilion" if _LOWER_PART.match(word) else "crown"  # noqa: E731
    for m in _PART_AFTER.finditer(t):  # "1.77 on the crown" first: its number is not the next part's
        found.setdefault(part(m.group(2)), float(m.group(1)))
        taken.append(m.span(1))
    for m in _PART_BEFORE.finditer(t):  # "the table reads 1.77"
        if not any(a <= m.start(2) < b for a, b in taken):
            found.setdefault(part(m.group(1)), float(m.group(2)))
    return (found["crown"], found["pavilion"]) if len(found) == 2 else None


def crown_and_pavilion(t: str) -> tuple[float, float] | None:
    """(crown RI, pavilion RI) when they differ: two materials, an assembled stone."""
    read = parts_read(t)
    return read if read and abs(read[0] - read[1]) >= ASSEMBLED_GAP else None


# a bench shorthand: an RI followed by what the polariscope or the edges showed ("1.74 SR", "1.718 s.r.", "1,718 SR");
# not the second edge of a range ("1.544-1.553 DR")
OPTIC_AFTER = re.compile(  # "1.544, 1.553 DR" and "1.544-1.553 DR": both edges
    r"(?<![\d.\-–])(?<!to )(?<!- )(?<!– )(?:(1[.,][4-9]\d{1,3})\s*(?:[,/\-–]|to)\s*)?(1[.,][4-9]\d{1,3})(?![\d.])"
    r"\s*,?\s*"
    r"(?:sr|dr|adr|s\.\s?r\.?|d\.\s?r\.?)(?!\w)(?!\s*[:=]?\s*0?\.\d)"  # not "DR 0.020", a birefringence
)
EDGES_MATCH = 0.002  # two edges this close to differing by the birefringence given are an RI
# a refractometer's two shadow edges written as a range ("1.762-1.770", "1.54 to 1.55"); not an SG of 1.05-1.10
TWO_EDGES = re.compile(r"(?<![\d.])(1\.[4-9]\d{1,3})\s*(?:-|–|~|to)\s*(1\.[4-9]\d{1,3})(?![\d.])")
# the optic sign right after the two edges: "RI 1.544-1.553 (+)", "1.57-1.58 -ve", "1.62-1.64 negative"; not a bare
# "+" ("1.55+": above it), nor "negative reading" (over the limit)
SIGN_AFTER_EDGES = re.compile(
    TWO_EDGES.pattern
    + r"\s*,?\s*(?:\(\s*([+\-−–]|pos\w*|neg\w*)\s*\)|([+\-−–])\s*ve\b|(positive|negative)\b(?!\s+reading))"
)


# a value said to be wrong, just before it: "not 1.62-1.64", "instead of 1.62", "rather than 1.62"
NOT_THIS = re.compile(r"\b(?:not|instead of|rather than)\s*$")
# a reading's label just before its number: "RI 1.76", "SG: 3.60", "birefringence 0.008", "refractive index of"
LABEL_BEFORE = re.compile(r"(?:\bri|\bsg|\bdr|\bbire\w*|index|gravity|\bn)\s*(?:[:=~]|of|is|was|at)?\s*$", re.I)


def labelled_at(text: str, at: int) -> bool:
    """Whether the number at `at` of `text` is said with its label ("sg 1.55-1.60", "real reading RI 1.76")."""
    return LABEL_BEFORE.search(text[:at]) is not None


def _parse_readings(text: str) -> Readings:
    t = " " + (text or "").lower().replace("’", "'") + " "
    problems: list[str] = []
    for garbled in GARBLED_NUMBER.finditer(t):
        problems.append(f"“{garbled.group(0)}” is not a number I can read; please retype it.")
    t = GARBLED_NUMBER.sub(lambda m: " " * len(m.group(0)), t)  # the same length: `said` keeps its place
    no_birefringence = NO_BIREFRINGENCE.search(t) is not None
    t = NO_BIREFRINGENCE.sub(lambda m: " " * len(m.group(0)), t)

    readable = (RI_LIMITS[0], REFRACTOMETER_LIMIT + 0.03)  # "RI 17.62": a refractometer's 1.762, misplaced?
    ri, ri_problem, found_ri = _checked(t, text, RI_WORDS, RI_LIMITS, "a refractive index", RI_RANGE, usual=readable)
    problems += [ri_problem] if ri_problem else []
    indices = PRINCIPAL_INDICES.search(t)  # "nα 1.762, nγ 1.770", "no = 1.770, ne = 1.762": the two edges
    index_sign = None
    if indices and (not found_ri or (ri is not None and ri.low == ri.high)):  # "RI: omega 1.770, epsilon 1.762"
        low, high = sorted((_float(indices.group(1)), _float(indices.group(2))))
        if RI_LIMITS[0] <= low and high <= RI_LIMITS[1] and (ri is None or ri.low in (low, high)):
            ri, found_ri, index_sign = Reading(low, high, indices.group(0).strip()), True, _uniaxial_sign(indices)
    if ri is not None and REFRACTOMETER_LIMIT + 0.03 < ri.low and ri.high < 99:  # "RI 2.9": not a refractometer's
        problems.append(
            f"“{ri.said.strip()}” is beyond what a gem refractometer reads (to about {REFRACTOMETER_LIMIT}; above, it "
            "shows “over the limit”): I used it as a value from a table or another instrument."
        )
    if not found_ri and OVER_THE_LIMIT.search(t):
        ri = Reading(REFRACTOMETER_LIMIT, 99.0, "over the refractometer's limit")
    elif ri is not None and ri.low == ri.high and 1.75 <= ri.low <= 1.87 and LIMIT_SAID.search(t):
        ri = Reading(ri.low, 99.0, f"over the refractometer's limit ({ri.low:.2f})")  # "RI 1.81 OTL": the limit
    # two edges said not to be the reading ("RI was 1.72 not 1.62-1.64") are no second stone's
    apart = [
        (float(m.group(1)), float(m.group(2))) for m in TWO_EDGES.finditer(t) if not NOT_THIS.search(t[: m.start()])
    ]
    if two_parts := crown_and_pavilion(t):  # "RI 1.77 on the crown, 1.52 on the pavilion": a doublet
        crown, pavilion = two_parts
        if ri is None or abs(ri.low - crown) > 1e-9:  # not "the crown reads RI 1.762-1.770": that range is the crown's
            ri, found_ri = Reading(crown, crown, f"RI {crown:g} on the crown"), True
        problems.append(
            f"RI {crown:g} on the crown and {pavilion:g} on the pavilion: two materials, the mark of an assembled "
            "stone (a doublet or triplet). I ranked the stone by its crown's reading."
        )
    elif ri is None and (read := parts_read(t)):  # "1.762 on the crown, 1.770 on the pavilion": one material
        ri, found_ri = Reading(min(read), max(read), f"RI {read[0]:g} on the crown, {read[1]:g} on the pavilion"), True
    elif ri is not None and any(abs(low - ri.low) > 0.05 for low, _ in apart):  # "RI 1.76-1.77 and 1.54-1.55"
        problems.append(
            f"two refractive indices far apart ({' and '.join(f'{lo:.3f}–{hi:.3f}' for lo, hi in apart)}): an "
            "assembled stone reads differently on its crown and pavilion, or these are two stones. I used the "
            f"first ({ri.describe(3)}); send each stone's readings apart, or say where each was taken."
        )
    described = _edges_in_words(t)  # "one edge fixed at 1.544, the other moves to 1.553": doubly refractive, a sign
    if described and ri is not None and (end_sign := _fixed_end(ri, described)):  # "RI 1.544-1.553, 1.553 fixed"
        described = (ri, end_sign, "anisotropic")
    elif described and (ri is None or described[0].low - 1e-4 <= ri.low <= ri.high <= described[0].high + 1e-4):
        ri, found_ri = described[0], True
    else:
        described = None
    bire, problem, _ = _checked(t, text, BIRE_WORDS, (0.0, BIREFRINGENCE_MAX), "a birefringence", BIRE_RANGE, 12)
    problems += [problem] if problem else []
    # the weights of a weighing are no SG of their own, whatever word comes before them ("hydrostatic: air 1.842 ct")
    unweighed = WEIGHED.sub(lambda m: " " * len(m.group(0)), t)
    sg, problem, found_sg = _checked(
        unweighed, text, SG_WORDS, SG_LIMITS, "a specific gravity", SG_RANGE, usual=SG_LIMITS
    )
    problems += [problem] if problem else []
    worked = ""
    if not found_sg:
        sg, problem, worked = _weighed(t)
        problems += [problem] if problem else []
    if not found_sg and sg is None:
        sg, problem = _liquids(t)
        problems += [problem] if problem else []
    elif sg is not None and (liquid := _liquids(t)[0]) and _disagree(sg, liquid):
        problems.append(  # "SG 3.60, floats in methylene iodide": one of the two is wrong, and which is not known
            f"“{sg.said.strip()}” and “{liquid.said}” (SG {liquid.describe(2)}) cannot both be right: I used "
            "neither; please re-check one."
        )
        sg = None
    if found_ri and ri is None and sg is not None and (swapped := _swapped(t, text)):
        sg = None  # "SG 1.76, RI 4.00": the SG is as doubtful as the RI beside it
        problems = [swapped if p == ri_problem else p for p in problems]  # the other notes stand
    problems += [worked] if worked and sg is not None else []  # an SG left out needs no working

    optic = None
    for name, pattern in OPTIC_WORDS.items():
        if compiled(pattern).search(t) and not compiled(rf"{NOT_SEEN}\s+(?:{pattern})").search(t):
            optic = name
            break
    axes = [name for name in ("uniaxial", "biaxial") if re.search(OPTIC_WORDS[name], t)]
    if len(axes) == 2 and not re.search(rf"{NOT_SEEN}\s+(?:{OPTIC_WORDS['uniaxial']}|{OPTIC_WORDS['biaxial']})", t):
        optic = "anisotropic"  # either is doubly refractive; which one is left unsaid
        problems.append(
            "a stone is uniaxial or biaxial, not both: I used only that it is doubly refractive; please re-check "
            "the interference figure (one melatope: uniaxial; two: biaxial)."
        )
    doubled = _seen(LOUPE_DOUBLING, t)  # "I can't see any doubling": not seen
    if optic is None and doubled:
        optic = "anisotropic"
    spot = bool(SPOT.search(t)) and not re.search(rf"{NOT_SEEN}\s+(?:an?\s+)?(?:{SPOT.pattern})", t)
    if ri is not None and spot:  # "RI 1.66-1.68 spot reading": a vague range, no birefringence from it
        ri = replace(ri, spot=True)
    one = None if spot else ONE_EDGE.search(t)  # a spot reading shows one edge whatever the stone
    if optic is None and one and not re.search(rf"{NOT_SEEN}\s+$", t[: one.start()]):
        optic = "isotropic"  # "only one reading", "a single shadow edge"
    if optic is None and no_birefringence:
        optic = "isotropic"  # "no birefringence": one shadow edge
    strain = OPTIC_WORDS["anomalous"]
    if optic == "isotropic" and re.search(strain, t) and not re.search(rf"(?:{NOT_SEEN}|\bno)\s+(?:{strain})", t):
        optic = "anomalous"  # "SR, ADR" (not "SR, no ADR")
    if optic in (None, "isotropic", "anisotropic"):  # one edge stays put and the other moves, or both move
        if described and described[2]:
            optic = described[2]
        elif re.search(rf"\b(?:other|second)\b[^.;]{{0,30}}{EDGE_MOVES.pattern}", t):
            optic = "anisotropic"
        elif BOTH_EDGES_MOVE.search(t):
            optic = "biaxial"
    edges = Readings(ri=ri, optic=optic).ri_edges
    if edges and bire is not None and abs((ri.high - ri.low) - bire.high) > max(0.01, bire.high / 4):
        problems.append(
            f"the two RI edges ({ri.describe(3)}) give a birefringence of {ri.high - ri.low:.3f}, not "
            f"“{bire.said.strip()}”: I used the RI readings; please re-check the birefringence."
        )
        bire = None
    if edges and bire is None:
        bire = _edge_difference(ri)
    if bire is None and doubled:  # doubled back facets: a birefringence of DOUBLING or more
        bire = Reading(DOUBLING, BIREFRINGENCE_MAX, LOUPE_SAID)

    sign = OPTIC_SIGN.search(t)
    optic_sign = None if sign is None else "positive" if next(filter(None, sign.groups()))[0] in "+p" else "negative"
    after = SIGN_AFTER_EDGES.search(t) if optic not in NO_TWO_EDGES else None  # only a DR stone has a sign
    if optic_sign is None and after:  # "RI 1.544-1.553 (+)": the sign of the two edges
        optic_sign = "positive" if next(filter(None, after.groups()[2:]))[0] in "+p" else "negative"
    optic_sign = optic_sign or (described[1] if described else None) or index_sign
    if index_sign and optic in (None, "anisotropic"):  # ω and ε are a uniaxial stone's
        optic = "uniaxial"
    if sign and optic in (None, "anisotropic"):  # only a DR stone has an optic sign; "U-" says uniaxial too
        optic = {"u": "uniaxial", "b": "biaxial"}.get(sign.group(0).strip()[0], "anisotropic")
    elif optic_sign and optic is None:  # the sign of moving edges or of principal indices
        optic = "anisotropic"

    pleochroism = next((level for level, pattern in PLEOCHROISM_LEVELS.items() if compiled(pattern).search(t)), None)
    three = rf"\btrichro|\b(?:three|3)\s+(?:\w+\s+)?{_HUES}|\b{_THREE_HUES}\b"
    if pleochroism not in (None, "none") and re.search(three, t):
        optic = optic or "biaxial"  # three colours in the dichroscope: only a biaxial stone has three
        pleochroism = "strong" if pleochroism == "present" else pleochroism  # three told apart: strong, unless said
    shown = re.search(OPTIC_WORDS["anisotropic"], t) or (re.search(LOUPE_DOUBLING, t) if doubled else None)
    if optic == "isotropic" and (shown or (bire is not None and bire.said != DERIVED and bire.low > SR_BIRE_MAX)):
        said = f"“{shown.group(0)}”" if shown else f"“{bire.said.strip()}”"
        problems.append(
            f"a singly refractive stone shows no double refraction, so “singly refractive” and {said} cannot both be "
            "right: please re-check one (a doubly refractive stone seen along its optic axis stays dark)."
        )
    # "RI 1.762-1.770, SR": two readings to the third decimal, a birefringence apart, are two shadow edges
    read_edges = [
        m for m in TWO_EDGES.finditer(t)
        if min(map(_decimals, m.groups())) >= 3 and float(m.group(2)) - float(m.group(1)) > SR_BIRE_MAX
    ]  # fmt: skip
    if optic == "isotropic" and read_edges and ri is not None and not ri.spot:
        problems.append(
            f"two RIs read to the third decimal ({read_edges[0].group(0)}) are a doubly refractive stone's two shadow "
            "edges, which a singly refractive stone does not show: please re-check one (I used the range as read)."
        )
    if optic == "isotropic" and pleochroism not in (None, "none"):
        problems.append(
            "a singly refractive stone shows no pleochroism, so the polariscope and the dichroscope readings cannot "
            "both be right: please re-check one (a doubly refractive stone seen along its optic axis stays dark)."
        )

    fluorescence = None
    lamp = rf"{UV_LAMP}|\bglow(?:s|ed)?\b"
    # "glows red under the chelsea filter" is no UV reading; "red under LW, inert under SW": the long-wave one,
    # which the knowledge base's fluorescence describes
    # nor a glow that moves as the stone is tilted, a moonstone's sheen seen in daylight
    sheen = r"\b(?:moves?|moving|tilt\w*|turn(?:s|ed|ing)? it|rolls?|rolling|floats?|floating|billow\w*|sheen)\b"
    lamps = [
        m
        for m in re.finditer(lamp, t)
        if "chelsea" not in _clause(t, m.start())
        and not (m.group(0).startswith("glow") and re.search(sheen, _clause(t, m.start())))
    ]
    uv = next((m for m in lamps if re.search(r"\blw|long", m.group(0) + _clause(t, m.start()))), None)
    uv = uv or (lamps[0] if lamps else None)
    if uv:
        window = t[max(0, uv.start() - 40) : uv.end() + 40]
        if len({_clause(t, m.start()) for m in lamps}) > 1:  # two lamps' readings: only this one's words
            window = _clause(t, uv.start())
        if re.search(NO_GLOW, window):
            fluorescence = "inert"
        else:  # the colour said with the lamp: after its word ("fluoresces blue"), else just before ("red under UV")
            after = re.split(r"[,;.]", t[uv.start() : uv.end() + 40])[0]
            before = re.split(r"[,;.]", t[max(0, uv.start() - 40) : uv.start()])[-1]
            colour = next((c for part in (after, before) for c in COLOURS if re.search(rf"\b{c}", part)), None)
            if colour or re.search(r"fluoresc|glows?", window):
                fluorescence = colour or "glows"

    chelsea_red = None
    for clause in CLAUSE_BREAK.split(t):  # "red stone, no reaction to the chelsea": this clause's words
        if "chelsea" in clause and NO_FILTER_USED.search(clause):  # "I did not use a chelsea filter": no reading
            break
        if "chelsea" in clause:
            # "the Chelsea filter shows green", "chelsea: green": green and no red seen through it
            shows = r"chelsea(?:\s+filter)?\s*(?::|\b(?:shows?|showing|gives?|reads?|is|was)\b)\s*(?:\w+\s+)?green\b"
            green = re.search(rf"{shows}(?!\s+(?:stone|gem))", clause) and not re.search(r"\b(?:red|pink)", clause)
            if re.search(CHELSEA_NOT_RED, clause) or green:
                chelsea_red = False
            elif re.search(r"\b(?:red|pink|reddish|pinkish|positive)", clause):  # "chelsea positive": red
                chelsea_red = True
            break

    metal = (METALLIC_LUSTRE, NOT_METALLIC)  # of a stone, not of the metal it is set in
    observations = tuple(
        name for name, pattern in OBSERVATIONS.items() if _seen(pattern, t, _OF_THE_METAL if name in metal else None)
    )
    if MAGNET_HOLDS in observations:  # "strongly attracted to a magnet" is held, not merely drawn
        observations = tuple(o for o in observations if o != MAGNET_DRAWS)
    observations += (TWO_MATERIALS,) if two_parts else ()

    shorthand = None if ri is not None else OPTIC_AFTER.search(t)  # "reads 1.74 SR": a refractometer's one edge
    if shorthand and not labelled_at(t, shorthand.start()):
        edges = sorted(_float(v) for v in shorthand.groups() if v)
        ri = Reading(edges[0], edges[-1], shorthand.group(0).strip())
        # its "DR" is the polariscope's word, not a birefringence of 1.553 to be re-checked
        problems = [p for p in problems if f"“{shorthand.group(2)} " not in p]
        if bire is None and Readings(ri=ri, optic=optic).ri_edges:  # two edges: their difference, as for "RI …"
            bire = _edge_difference(ri)
    unlabelled = ri is None and (sg or bire) and (edges := TWO_EDGES.search(t)) and not labelled_at(t, edges.start())
    if unlabelled and bire and abs(float(edges.group(2)) - float(edges.group(1)) - bire.high) <= EDGES_MATCH:
        # "1.654-1.690, birefringence 0.036": two edges as far apart as the birefringence given are the RI
        ri = Reading(float(edges.group(1)), float(edges.group(2)), edges.group(0))
        problems.append(f"I read “{edges.group(0)}” as the refractive index: its edges differ by the birefringence.")
    elif unlabelled:
        problems.append(  # "SG 2.65, 1.544-1.553": not silently dropped, nor guessed
            f'“{edges.group(0)}” has no unit: if it is the refractive index, write it as "RI {edges.group(0)}".'
        )
    if not (ri or sg or bire) and not problems:
        bare = re.fullmatch(
            rf"\s*(?:it'?s|its|it is|i got|i measured|reads?|reading)?\s*{_NUM}(?:(?:{_SEP}|,?\s+){_NUM})?\s*[.!]?\s*",
            t,
        )
        if bare and _decimals(bare.group(1)) >= 2 and bare.group(2) and not re.search(_SEP, bare.group(0)):
            problems.append(
                f'“{bare.group(0).strip()}” has no units: write them as "RI {bare.group(1)}, SG {bare.group(2)}" if '
                "they are the refractive index and the specific gravity."
            )
        elif bare and _decimals(bare.group(1)) >= 2:
            problems.append(
                f"“{bare.group(0).strip()}” has no unit: is it a refractive index or a specific gravity? "
                'Write it as "RI 1.54" or "SG 2.65".'
            )
    return Readings(
        ri=ri,
        birefringence=bire,
        sg=sg,
        optic=optic,
        optic_sign=optic_sign,
        pleochroism=pleochroism,
        fluorescence=fluorescence,
        chelsea_red=chelsea_red,
        observations=observations,
        problems=tuple(problems),
    )
