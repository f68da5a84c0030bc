"""The explicit evidence model: every reading a likelihood over the gems, multiplied with the photo's.

    model = EvidenceModel(classifier.classes)
    result = model.fuse(photo_probs, hints)          # photo_probs: None when there is no photo
    result.ranking[:5], result.reasons, result.next_test

For each gem g of the knowledge base (the photo classes and every other gem it knows: synthetics,
simulants, the rarities without training photos):

    P(g | photo, readings) ∝ P_photo(g)^w · Π_r L_r(g)

- P_photo is the classifier's calibrated probability. Gems the classifier was not trained on share
  `OTHER_GEMS_MASS` of it, so readings can point to them (a CZ typed as "RI 2.16") but a photo alone
  never does; and a class the classifier knows never gets less than an unseen natural gem, so readings of
  a red spinel on a ruby-like photo give spinel, not a rarity the photo model cannot judge. A lab-grown
  stone or an imitation looks like the gem it imitates, so it takes `LOOK_ALIKE` of that class's photo
  probability (times its prior relative to a photo class); an imitation of no one class (glass) takes it of
  the likeliest class times how alike their colours are. Where the classifier's judgement is not used (the
  gems it never saw, the floor of its classes), the photo's colour, read from the classes it resembles,
  still weighs each gem as a colour said would (below). Without a
  photo, the gems start from `PRIOR` (the photo classes, the gems of the trade, a little ahead of rarities,
  lab-grown stones and imitations): a determinative table.
- A numeric reading (RI, birefringence, SG, Mohs) is an interval [a, b] (one value: a = b); a gem's range
  [lo, hi]. The stone's true value is taken as uniform in [lo, hi]; the instrument adds a Gaussian error of
  σ; the person reports an interval the reading fell in (a value, "about 7", "6.5-7", a scratch test's
  bound "over 5.5"); one value typed more roughly than the instrument reads ("SG 3.5", "RI 1.72 ish") is the
  span it was rounded from (`Reading.give`). The likelihood is the mean density of that reading over [a, b]:

      L = P(a ≤ value + error ≤ b) / (b - a),     the density at a when a = b,

  in closed form through the Gaussian's integral. A narrow-range gem that fits is more likely than a broad
  one that fits; a stated range that covers only part of a gem's range counts that part; a scratch test
  ("harder than 6") counts the share of the gem's range above 6. σ is the instrument's tolerance
  (`gemlang.knowledge.instruments.TOLERANCE`: RI ±0.005 refractometer, SG ±0.03 hydrostatic, ...), but
  for Mohs it is how well people state a hardness, a setting calibrated on held-out photos. A stated
  birefringence is a maximum on the stone, so a lower reading is only mildly penalised. A doubly refractive
  stone's two RI values are its two shadow edges, each read: an edge beyond a gem's range counts against it
  as a value read there (`interval_likelihoods`' `edges`).
- Light seen through the stone ("transparent", "translucent"): it fits every gem but those the knowledge base calls
  opaque; of those, a metallic one (pyrite, hematite, magnetite), through which no light passes, fits it as little
  as another lustre fits a metal's (`see_through_fit`). A colour said "colourless" weighs so against a metallic gem
  only: people call an opaque white stone (pearl, howlite) colourless too. No light through it ("opaque") weighs,
  mildly, against the gems the knowledge base knows only in stones light passes (most come in opaque grades too).
- Words (polariscope, dichroscope, UV, Chelsea filter, loupe) are compatibility tables with a small
  chance of a misread, because each of those tests has its well-known pitfalls.
- A locality: a stone of gem g is named by one of the n_g countries the knowledge base knows it from,
  each as likely, or, with probability leak, by any of the N countries of the knowledge base (bought,
  labelled or found far from its mines; the lists are not complete). Relative to a place said at random:

      L = (1 - leak)·N / n_g + leak    when the place is one of the gem's countries,    leak    when not;

  1 for a gem the knowledge base gives no locality (it may come from anywhere). A lab-grown stone or an
  imitation is sold with the story of the gem it imitates, so it counts that gem's countries: a place says
  nothing about whether a stone is natural.
- A colour the person names ("purple", "a blue stone"): the chance they say that name of a stone of gem g,
  from the colours the knowledge base lists for g (`gemlang.knowledge.colours`: a near name such as pink
  for red counts `NEAR_WEIGHT` of the exact one, violet for purple 0.8), and with probability `COLOUR_MISS`
  any name at all (a colour the lists miss, a treated stone, a name misused):

      L = (1 - miss)·Σ_seen P_g(seen)·P(said | seen) + miss / 13

  A gem listed in one colour that fits is at most about 25 times as likely as one that does not: enough to
  pick amethyst among the quartz colours, never enough against an RI or SG that rules a gem out (1000:1).
Every numeric factor has a floor (`BLUNDER`): a reading can be wrong; a reading that rules out what the
photo shows does not give a confident answer but "I'm not sure" with the reason.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from gemlang.hints import FILLED_FLASH, FILLING_SIGN, Hints
from gemlang.knowledge.colours import BASIC, gem_colours, said_probability
from gemlang.knowledge.facts import GemFacts, format_range
from gemlang.knowledge.instruments import (
    CONDUCTS_HEAT,
    FIGURES,
    TESTS,
    TOLERANCE,
    Profile,
    Test,
    optic_classes,
    profile,
    separates,
    value_text,
)
from gemlang.knowledge.tell_apart import bench_tests, kind_of, named_lookalikes, telling_signs
from gemlang.language.describe import percent
from gemlang.readings import (
    ADAMANTINE_LUSTRE,
    CONDUCTS_FAILED,
    CONDUCTS_SAID,
    DERIVED,
    JOIN_LINE,
    LIGHT_THROUGH,
    LUSTRES,
    MAGNET_DRAWS,
    MAGNET_HOLDS,
    MAGNET_RESULTS,
    METALLIC_LUSTRE,
    NO_TWO_EDGES,
    NOT_MAGNETIC,
    NOT_METALLIC,
    OPAQUE,
    SMOOTH_ON_TEETH,
    STREAK_COLOURS,
    THERMAL_FAILED,
    THERMAL_SAID,
    TRANSLUCENT,
    TRANSPARENT,
    TWO_MATERIALS,
    WHITE_STREAK,
    Reading,
    Readings,
)

# The least one reading can say against a gem (a misread instrument, a wrong entry in the knowledge base):
# a refractometer or a balance is rarely that wrong; a Mohs number or a scratch test often is.
BLUNDER = {"ri": 1e-3, "sg": 1e-3, "birefringence": 1e-2, "hardness": 3e-2}
KIND_READINGS = ("ri", "sg", "birefringence", "optic")  # the readings a material's kinds (glass, zircon) set apart
KIND_SETTLED = 0.9  # the share of the readings' likelihood that settles which kind a stone is
# Kinds are ideals with sharp edges; stones grade between them (glass of every recipe, zircon of every degree of
# radiation damage). This share of a material's stones is read as if each reading could fall in any kind.
KIND_BLEND = 0.2
GROWN_AS = ("synthetic", "composite")  # stones whose constants are those of the natural gem where they overlap
OTHER_GEMS_MASS = 0.03  # share of a photo's probability left to gems the classifier was not trained on
# A photo that looks like a diamond looks as much like a moissanite: a lab-grown stone or an imitation takes this
# share of the photo probability of the gem it imitates (times its prior relative to a photo class), since most
# stones people photograph are the natural gems the classifier learnt.
LOOK_ALIKE = 0.1
# How often a gemmologist meets each kind of gem, before any evidence: the photo classes are the gems of the
# trade; the knowledge base's other natural gems are rarer; a lab-grown twin or an imitation is possible
# wherever readings allow it, and the answer names it as a caution rather than as the first guess. The
# knowledge base marks the exceptions (`GemFacts.met`): glass, the commonest imitation, is met as often as a
# gem of the trade; collectors' stones and rarities of the trade (hauyne, strontium titanate) far less often.
PRIOR = {"photo class": 1.0, "natural": 0.6, "other": 0.3, "often": 1.0, "rarely": 0.05, "hardly": 0.01}
COLOUR_MISS = 0.2  # share of stones whose stated colour is not one the knowledge base lists for the gem
RULES_OUT = 1e-2  # a factor this small (relative to a perfect fit) is said to rule a gem out
KEPT_SAID = 0.05  # a gem ruled out yet this probable: the answer says why it still has a share
TELLING = 3.0  # a reading this many times likelier under one of two gems leans its way
# the readings whose values the knowledge base states for a gem (what the loupe shows it names, not measures)
WITH_VALUES = (
    "ri", "birefringence", "sg", "hardness", "optic", "optic_sign", "pleochroism", "fluorescence", "chelsea",
    *STREAK_COLOURS, *LUSTRES, NOT_METALLIC, *LIGHT_THROUGH,
)  # fmt: skip
DOUBTS = 0.1  # a reading that makes another gem ten times likelier than the answer casts doubt on it
CLASH_READINGS = ("ri", "birefringence", "sg", "optic")  # instrument readings that must fit one gem together

# P(reading | the gem's class) for the polariscope; rows: what the person saw.
OPTIC_FIT = {
    "isotropic": {"isotropic": 1.0, "uniaxial": 0.05, "biaxial": 0.05, "aggregate": 0.1},  # optic axis: dark too
    "anomalous": {"isotropic": 1.0, "uniaxial": 0.1, "biaxial": 0.1, "aggregate": 0.1},
    "anisotropic": {"isotropic": 0.05, "uniaxial": 1.0, "biaxial": 1.0, "aggregate": 0.2},
    "uniaxial": {"isotropic": 0.02, "uniaxial": 1.0, "biaxial": 0.05, "aggregate": 0.05},
    "biaxial": {"isotropic": 0.02, "uniaxial": 0.05, "biaxial": 1.0, "aggregate": 0.05},
    "aggregate": {"isotropic": 0.1, "uniaxial": 0.05, "biaxial": 0.05, "aggregate": 1.0},
}
# Strain (ADR) seen in a singly refractive gem whose facts name none: some natural stones show a little, the
# strong cross-hatched kind marks flame-fusion spinel, glass and plastic.
UNSTRAINED = 0.4
WRONG_SIGN = 0.05  # P(the optic sign read | a gem of the other sign): the moving edge misjudged, the figure misread
# P(reading | the gem's pleochroism) for the dichroscope; unknown pleochroism reads 0.5.
PLEOCHROISM_FIT = {
    "none": {"none": 1.0, "weak": 0.6, "moderate": 0.25, "strong": 0.1},
    "weak": {"none": 0.15, "weak": 1.0, "moderate": 0.6, "strong": 0.3},
    "moderate": {"none": 0.05, "weak": 0.5, "moderate": 1.0, "strong": 0.7},
    "strong": {"none": 0.02, "weak": 0.2, "moderate": 0.6, "strong": 1.0},
    "present": {"none": 0.05, "weak": 0.8, "moderate": 1.0, "strong": 1.0},
}
# A loupe sign: the pattern a gem's features use for it, and P(the sign is seen | the gem's facts do not name it).
ASSEMBLED = r"junction plane between crown|at junction|dark backing|(?:two|three)-layer|separation plane"
# A material banded of itself (agate, onyx, malachite, rhodochrosite, fluorite, obsidian's flow banding): not a
# corundum's straight colour banding, an absorption band or a cat's-eye's band of light
BANDED_MATERIAL = (
    r"(?<!colour )(?<!absorption )\bband(?:ed|ing)\b(?!,? columnar)|"
    r"\b(?:parallel|concentric|wavy|zigzag|straight|light and dark|black-and-white|white)\b[^;.]{0,25}\bbands\b"
)
# "curved striae" or "curved colour bands" said of a banded stone (an onyx) may be its own bands: far likelier than
# in a single crystal, though the words are a melt's
STRIAE_IN_A_BANDED_STONE = 0.3
# Curved striae come only from a melt (flame-fusion), unless the stone is banded of itself, and swirls and mould
# marks from glass or plastic; round gas bubbles also sit in some natural fluid inclusions. The rest are the
# textbook signs of one gem each.
SETTLED_SPECIES = 0.9  # the readings' share of one species from which they are said to settle it
# A two- or three-phase inclusion (Colombian emerald's) holds a gas bubble: "a small bubble" seen in a gem that has
# them may be one, so it argues against that gem far less than against one with no such inclusion.
HOLDS_A_BUBBLE = re.compile(r"two-phase|three-phase|fluid inclusion", re.I)
BUBBLE_IN_AN_INCLUSION = 0.5
# Cobalt's three bands mark blue synthetic spinel and cobalt glass; of natural gems only the rare cobalt-rich spinels
# show them, so they argue against natural spinel, if less than against a gem whose facts give no cobalt bands.
COBALT_IN_NATURE = 0.3
# A blue or orange flash in fissures (`hints.FILLING_SIGN`) is seen in the gems the knowledge base lists a filling
# for (lead glass in ruby, oil or resin in emerald, fracture-filled diamond); in another gem it is a misread (a
# thin film's interference colours) or a filling no list gives, so it argues against that gem without ruling it out.
FILLED_MISS = 0.1

# P(a lustre said | a gem whose facts give another lustre), `lustre_fit`
LUSTRE_MISS = {METALLIC_LUSTRE: 0.02, ADAMANTINE_LUSTRE: 0.1}
SOFT_LUSTRE_MISS = 0.5  # waxy, greasy, resinous, pearly, silky, vitreous: people misjudge them
OBSERVED = {
    "gas bubbles": ("bubble", 0.1),
    "swirl marks": ("swirl", 0.05),
    # diagnostic of melt growth, seen in no natural stone: one sighting outweighs what a photo, which cannot tell a
    # natural stone from its lab-grown twin, leaves the twin (a blue Verneuil sapphire, sold as "sapphire", takes a
    # fifth of the share a Verneuil ruby takes of a ruby photo)
    "curved striae": ("curved", 0.001),
    # a melt's curved colour bands, or a banded material's own bands, curved as an agate's are
    "curved banding": (rf"curved|{BANDED_MATERIAL}", 0.001),
    "mould marks": ("mould", 0.05),
    "horsetail inclusions": ("horsetail", 0.01),  # demantoid's chrysotile fibres
    "a red ring (doublet)": ("red ring", 0.01),  # a garnet-topped doublet, table down on white paper
    "nacre": ("nacre", 0.05),
    # fire the eye sees (`signs_text`: diamond and its imitations, zircon, demantoid, sphene); the eye takes
    # brilliance for fire, so a gem with little is unlikely, not ruled out
    "strong fire (dispersion)": ("strong fire", 0.1),
    # a thermal tester's beep: diamond, lab-grown diamond and moissanite conduct heat so well; no other gem does
    THERMAL_SAID: (CONDUCTS_HEAT.pattern, 0.002),
    THERMAL_FAILED: (r"^(?![\s\S]*(?:strong|high) thermal conductivity)", 0.002),  # fits by `conducts_heat`
    # a moissanite tester's verdict, weighed by `conducts_electricity`, which no feature's words state; diamond
    # does not conduct only as a rule, and moissanite can have spots that do not, so it is no ruling out
    CONDUCTS_SAID: (r"(?!)", 0.02),
    CONDUCTS_FAILED: (r"(?!)", 0.02),
    "gritty on the teeth": ("gritty", 0.02),  # the pearl test: imitations feel smooth
    # the pearl test failed: it argues against the gems that feel gritty (pearl), and for no gem in particular
    SMOOTH_ON_TEETH: (r"^(?![\s\S]*gritty)", 0.02),
    "insect inclusions": ("insect", 0.02),  # amber, copal, and plastic sold as amber: resins, no mineral
    # The inclusions that tell natural from lab-grown: silk and three-phase inclusions grow only in nature;
    # platinum and flux come from a flux-growth crucible, chevrons and nail-heads from hydrothermal growth.
    "silk": (r"\bsilk\b", 0.05),
    "three-phase inclusions": ("three-phase", 0.02),
    "platinum platelets": ("platinum", 0.01),
    "flux inclusions": (r"\bflux (?:remnant|inclusion|fingerprint|feather|veil)|metallic flux", 0.02),
    "chevron growth or nail-head spicules": ("chevron|nail-head", 0.01),
    "a mosaic (lizard-skin) pattern": ("lizard|chicken wire", 0.01),  # synthetic (Gilson) opal, from above
    "pyrite specks": ("pyrite specks", 0.1),  # lapis lazuli's; sodalite's features say it rarely has them
    "aventurescence": ("aventurescen|spangl|glitter", 0.02),  # sunstone, aventurine: reflecting platelets
    "adularescence": ("adularescen", 0.05),  # moonstone's floating blue sheen
    "centipede inclusions": ("centipede", 0.02),  # moonstone's stress cracks
    "a treacly (heat-wave) texture": (r"treacl|roiled|heat-wave", 0.02),  # hessonite's
    # phenomena: rare in gems whose facts leave them out, so the miss is milder than an inclusion's
    "a star (asterism)": (r"\bstar\b|asteri", 0.1),
    "a cat's eye (chatoyancy)": (r"cat'?s[- ]?eye|chatoyan", 0.1),
    # opal, the synthetics and doublets made of it, and a glass imitating it (a Slocum stone's "colour play")
    "play of colour": (r"play[- ]of[- ]colou?r|colou?r[- ]play", 0.02),
    "a colour change": (r"colou?r[- ]change", 0.01),  # alexandrite, colour-change garnet and sapphire, synthetics
    "a 437 nm line": (r"\b437\s*nm", 0.05),  # jadeite
    "chromium lines near 694 nm": (r"\b69[2-4]\s*nm|ruby's chromium spectrum", 0.05),  # ruby (and the lab-grown)
    "iron bands at 505, 527 and 576 nm": (r"\b576\b", 0.1),  # almandine
    "a 444 nm line": (r"\b444\s*nm", 0.05),  # chrysoberyl
    "a 653.5 nm line": (r"\b653\.5\s*nm", 0.05),  # zircon
    # commoner than those lines, and left out of many gems' facts: a milder miss
    "iron bands near 450 nm": (r"(?<![\d.,])45\d\b[\d .,and]*nm", 0.1),  # blue sapphire, peridot, sinhalite, spinel
    "cobalt bands": ("cobalt bands|cobalt-rich", 0.1),  # blue synthetic spinel, cobalt glass (`COBALT_IN_NATURE`)
    "rare-earth (didymium) lines": ("rare-earth|didymium", 0.1),  # apatite
    "sticky under acetone": ("becomes tacky", 0.005),  # copal, a definitive test; amber resists the drop
    # a collector's streak test on rough, against the streak a gem's facts give (`streak_fit`): a coloured one
    # (hematite's red-brown, lapis lazuli's light blue) rules out most gems of another streak; white, the streak of
    # most gems, only weakly separates them
    **{
        streak: (rf"\bstreak\b[^;]*?(?:{colour})|(?:{colour})\s+streak\b", 0.4 if streak == WHITE_STREAK else 0.05)
        for streak, colour in STREAK_COLOURS.items()
    },
    # the lustre the eye sees, against the lustre a gem's facts give (`lustre_fit`): a metal's is unmistakable, and
    # a diamond's adamantine brilliance seldom given to a glassy stone; the softer lustres are often misjudged
    **{name: (word, LUSTRE_MISS.get(name, SOFT_LUSTRE_MISS)) for name, word in LUSTRES.items()},
    # a metal's look said to be missing: no one calls pyrite non-metallic (`not_metallic_fit`)
    NOT_METALLIC: (r"\bnon-metallic\b", LUSTRE_MISS[METALLIC_LUSTRE]),
    # light seen through the stone, against an opaque gem (`see_through_fit`): a sourced opaque one (turquoise, lapis)
    # may pass light at a thin edge, so "translucent" argues against it mildly; "transparent" of it is a slip
    TRANSPARENT: (r"(?!)", 0.05),
    TRANSLUCENT: (r"(?!)", 0.3),
    # no light through the stone, against a gem the knowledge base does not know opaque: most come in opaque grades
    # too (low-grade ruby, schorl, common opal) though their facts do not say so, so it argues mildly
    OPAQUE: (r"(?!)", 0.3),
    "effervescence in acid": (r"effervesc|fizzes in", 0.05),  # carbonates: coral, malachite, rhodochrosite
    "octahedral cleavage": ("octahedral", 0.05),  # fluorite, diamond (`signs_text` reads the cleavage)
    "rhombohedral cleavage": ("rhombohedral", 0.05),  # calcite, rhodochrosite
    # the hot point (a destructive test, done on a hidden spot): plastic smells acrid, jet of coal, amber of pine
    # a plastic's, or the polymer of a stabilised stone's (turquoise, chrysocolla, variscite, B jade)
    "an acrid smell to a hot point": (r"acrid odour|stabilis|polymer-impregnat|resin-impregnat", 0.02),
    "a coal smell to a hot point": ("coal smell", 0.02),
    "a resinous smell to a hot point": (r"resinous|\bpine\b|softens at lower temperature", 0.05),  # copal too
    # seen side-on: a doublet's junction, an opal doublet's backing, a triplet's three layers
    JOIN_LINE: (ASSEMBLED, 0.01),
    TWO_MATERIALS: (ASSEMBLED, 0.001),  # a misread refractometer, never a loupe's doubt about a reflection
    # a magnet's pull, as a gem's sourced `magnetism` words it (`MAGNET_FIT` weighs it)
    MAGNET_HOLDS: ("an ordinary magnet holds it", 0.05),
    MAGNET_DRAWS: (r"an ordinary magnet holds it|neodymium magnet (?:picks|drags) it", 0.05),
    NOT_MAGNETIC: (r"a magnet (?:draws it only weakly|does not draw it)", 0.02),
}
UNKNOWN_FIT = 0.5  # a word reading of a gem the knowledge base says nothing about
# P(the magnet result said | how a magnet draws the gem, `GemFacts.magnet`). A gem whose facts do not say takes
# the neutral value, so the test moves only the gems a source names: a stone any magnet holds is magnetite (or
# man-made hematine), not a garnet a strong magnet merely picks up; a magnet that does nothing argues against
# the stones it would pick up, less so where the magnet may have been too weak for a garnet.
MAGNET_FIT = {
    MAGNET_HOLDS: {"held": 1.0, "picked up": 0.1, "drags": 0.05, "weak": 0.05, "inert": 0.01, "": UNKNOWN_FIT},
    MAGNET_DRAWS: {"held": 1.0, "picked up": 1.0, "drags": 1.0, "weak": 0.5, "inert": 0.05, "": UNKNOWN_FIT},
    NOT_MAGNETIC: {"held": 0.02, "picked up": 0.2, "drags": 0.5, "weak": 1.0, "inert": 1.0, "": 1.0},
}
MAGNET_RULES_OUT = 0.1  # a magnet result this unlikely of a gem all but rules it out (a 'hematite' a magnet holds)
# P(a streak | a gem whose facts give none): most such gems are transparent ones, whose powder is white, so a white
# streak fits them and a coloured one is unlikely, though their facts do not say so
STREAK_NOT_ON_RECORD = {WHITE_STREAK: 1.0}
COLOURED_STREAK_NOT_ON_RECORD = 0.2
OPAQUE_FIT = 0.02  # a polariscope or dichroscope reading of a metallic stone, through which no light passes


def streak_fit(seen: str, streak: str) -> float:
    """P(the streak `seen` | a gem whose facts give `streak`): 1 where its colour is one the gem's streak names, the
    miss of `OBSERVED` where the gem's streak is another colour, `STREAK_NOT_ON_RECORD` where the facts give none."""
    if not streak:
        return STREAK_NOT_ON_RECORD.get(seen, COLOURED_STREAK_NOT_ON_RECORD)
    return 1.0 if re.search(STREAK_COLOURS[seen], streak) else OBSERVED[seen][1]


def lustre_fit(seen: str, lustre: str) -> float:
    """P(the lustre `seen` | a gem whose facts give `lustre`): 1 where they name it, the miss of `OBSERVED` where
    they name others, a metal's miss where a metallic gem is said to look otherwise (no one calls pyrite waxy);
    neutral where the facts give none."""
    if not lustre or re.search(LUSTRES[seen], lustre):
        return 1.0
    return OBSERVED[METALLIC_LUSTRE if re.match(LUSTRES[METALLIC_LUSTRE], lustre) else seen][1]


def not_metallic_fit(lustre: str) -> float:
    """P(a metal's look said to be missing | a gem whose facts give `lustre`): a metal's miss where they give a
    metallic lustre alone (pyrite, galena), a soft lustre's where they give a sub-metallic or another one beside it
    (hematite's earthy form, magnetite, rutile), 1 where none is metallic."""
    if not re.search(LUSTRES[METALLIC_LUSTRE], lustre.lower()):
        return 1.0
    named = re.sub(r"\([^)]*\)", "", lustre).strip(" ;,.").lower()  # "Metallic (brilliant when fresh)"
    return OBSERVED[NOT_METALLIC][1] if named == "metallic" else SOFT_LUSTRE_MISS


def see_through_fit(seen: str, p: Profile) -> float:
    """P(what light is said to do through the stone, `seen` | gem p). Transparent or translucent: 1 where its facts
    do not call it opaque; a metal's miss for a metallic one, through which no light ever passes (no one calls pyrite
    transparent); the miss of `OBSERVED` for a stone the knowledge base calls opaque. Opaque: 1 where its facts call
    it opaque or speak of opaque stones of it (chiastolite, ruby in zoisite), the miss of `OBSERVED` for any other,
    which the knowledge base knows only in stones light passes."""
    if seen == OPAQUE:
        return 1.0 if p.opaque or re.search(r"\bopaque\b", p.features) else OBSERVED[OPAQUE][1]
    if not p.opaque:
        return 1.0
    return LUSTRE_MISS[METALLIC_LUSTRE] if p.metallic else OBSERVED[seen][1]


@dataclass(frozen=True)
class Settings:
    """The few numbers of the model that are not instrument tolerances; `gemlang build fusion` tunes them."""

    photo_weight: float = 1.0  # w: how much the calibrated photo probabilities count against readings
    place_leak: float = 0.15  # share of stones named with a place that is not a known locality of the gem
    hardness_sigma: float = 0.5  # Mohs units: how far a stated hardness strays from the stone's own
    unsure_below: float = 0.5  # fused top-1 probability under which the answer says "I'm not sure"

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Fused:
    """The fused ranking over every gem, and why."""

    gems: list[str]  # every gem name, in the model's order
    probabilities: np.ndarray  # (len(gems),)
    reasons: list[str] = field(default_factory=list)  # "RI 1.770 rules out Tanzanite (1.691–1.700)"
    conflict: str | None = None  # the readings rule out what the photo shows
    clash: str | None = None  # the instrument readings fit no single gem together
    doubts: dict[str, str] = field(default_factory=dict)  # {reading: why it argues against the answer it kept}
    next_test: str | None = None  # the one test that would best split the leaders
    twins: list[str] = field(default_factory=list)  # leading gems no reading tells from the first (`twins`)

    @property
    def ranking(self) -> list[tuple[str, float]]:
        order = np.argsort(-self.probabilities, kind="stable")
        return [(self.gems[i], float(self.probabilities[i])) for i in order]


def _derived(hints: Hints) -> bool:
    """Whether the birefringence is the RI reading's two edges (so it is part of that reading, not another)."""
    return hints.readings.birefringence is not None and hints.readings.birefringence.said == DERIVED


def tests_made(hints: Hints) -> set[str]:
    """The keys of the tests (`gemlang.knowledge.instruments.TESTS`) the readings already made."""
    r = hints.readings
    return {
        key
        for key, value in (
            ("ri", r.ri),
            ("birefringence", r.birefringence),
            ("doubling", r.birefringence),  # a measured birefringence says more than the loupe
            ("sg", r.sg),
            ("optic", r.optic),
            ("optic_figure", r.optic if r.optic in FIGURES else None),
            ("optic_sign", r.optic_sign),
            ("pleochroism", r.pleochroism),
            ("fluorescence", r.fluorescence),
            ("chelsea", r.chelsea_red),
            ("thermal", True if {THERMAL_SAID, THERMAL_FAILED} & set(r.observations) else None),
            ("magnet", True if set(MAGNET_RESULTS) & set(r.observations) else None),
            ("hardness", hints.hardness),
        )
        if value is not None
    }


def tests_left_out(hints: Hints) -> set[str]:
    """The tests not to suggest: those made, and those the readings rule out (a singly refractive stone or an
    aggregate shows no two shadow edges to read a birefringence from, nor a cabochon read by the spot method,
    and no interference figure)."""
    r = hints.readings
    no_edges = r.optic in NO_TWO_EDGES or (r.ri is not None and r.ri.spot)
    # nor a figure: a singly refractive stone or an aggregate shows none, a cabochon is seldom clear enough for one
    return tests_made(hints) | ({"birefringence", "optic_figure"} if no_edges else set())


def gem_sold_as(gem: GemFacts) -> GemFacts:
    """The gem whose localities a stone's place is weighed against: for a lab-grown stone or an imitation, the
    gem it imitates (an imitation of nothing the knowledge base knows has no locality); else the gem itself."""
    from gemlang.knowledge import find_gem

    if gem.origin == "natural":
        return gem
    imitated = find_gem(gem.imitates) if gem.imitates else None
    return imitated if imitated is not None and imitated.origin == "natural" else GemFacts(name=gem.name)


def _gauss_integral(z: np.ndarray) -> np.ndarray:
    """∫_{-∞}^{z} Φ(t) dt, with Φ the standard normal distribution function."""
    from scipy.special import ndtr

    return z * ndtr(z) + np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)


def interval_likelihoods(
    reading: Reading, lo, hi, sigma: float, floor: float = 1e-3, edges: bool = False
) -> np.ndarray:
    """L(reading | each gem's range [lo, hi]): the mean density over the reading's interval of a value
    uniform in the gem's range plus Gaussian instrument error σ (module docstring). NaN bounds mean
    unknown (pyrite has no RI: it is opaque): L is then the mean over the gems whose range is known, as if
    its range were any one of theirs, so an unknown never fits an open bound ("over the limit") better than
    the gems that do. `floor` is the blunder rate: the least L can be, relative to a reading that fits.

    With `edges`, the reading's two ends are two values read (a refractometer's two shadow edges), not an
    interval one value fell in: an edge beyond a gem's range counts against it as a value read there would
    (a Gaussian tail, exp(-d²/2σ²) for a distance d beyond, less the rounding of an edge typed to two
    decimals), not merely by the share of the interval that overlaps the range. Inside, and at its ends (where
    a stone of fixed composition reads its edges), no change."""
    from scipy.special import ndtr

    lo, hi = np.atleast_1d(np.asarray(lo, dtype=float)), np.atleast_1d(np.asarray(hi, dtype=float))
    known = ~(np.isnan(lo) | np.isnan(hi))
    lo, hi = np.where(known, lo, 0.0), np.where(known, hi, 0.0)
    a, b = sorted((max(reading.low, -50.0), min(reading.high, 50.0)))  # "over the limit", "below 2": open bounds
    if reading.give > sigma:  # typed more roughly than the instrument reads ("SG 3.5 ish"): the whole span it covers
        a, b = a - reading.give, b + reading.give
    width = hi - lo
    point_gem = width < 1e-9
    safe = np.where(point_gem, 1.0, width)
    if b - a < 1e-6 * sigma:  # one value: the density itself
        ranged = (ndtr((a - lo) / sigma) - ndtr((a - hi) / sigma)) / safe
        point = np.exp(-0.5 * ((a - lo) / sigma) ** 2) / (sigma * math.sqrt(2 * math.pi))
    else:
        g = _gauss_integral
        ranged = sigma * (g((b - lo) / sigma) - g((a - lo) / sigma) - g((b - hi) / sigma) + g((a - hi) / sigma))
        ranged = ranged / safe / (b - a)
        point = (ndtr((b - lo) / sigma) - ndtr((a - lo) / sigma)) / (b - a)
    density = np.where(point_gem, point, ranged)
    fits = 1.0 / (width + (b - a) + 2.5 * sigma)  # about the density of a reading that fits
    if edges and b > a:
        for v, rounded in zip((a, b), reading.rounding(), strict=True):
            beyond = np.maximum(np.maximum(lo - v, v - hi) - rounded, 0.0)
            density = density * np.exp(-0.5 * (beyond / sigma) ** 2)
    likelihood = np.maximum(density, floor * fits)
    return np.where(known, likelihood, likelihood[known].mean() if known.any() else 1.0)


def interval_likelihood(reading: Reading, gem: tuple[float, float] | None, sigma: float, floor: float = 1e-3) -> float:
    """L(reading | one gem's range), 1 when the range is unknown; see `interval_likelihoods`."""
    if gem is None:
        return 1.0
    return float(interval_likelihoods(reading, gem[0], gem[1], sigma, floor)[0])


class EvidenceModel:
    """Likelihoods of readings over every gem of the knowledge base, combined with the photo."""

    def __init__(
        self, classes: Sequence[str] = (), settings: Settings | None = None, gems: Sequence[GemFacts] | None = None
    ):
        from gemlang.knowledge import all_gems
        from gemlang.knowledge.places import gem_countries

        self.settings = settings or Settings()
        self.facts = list(gems) if gems is not None else all_gems()
        names = [g.name for g in self.facts]
        self.facts += [GemFacts(name=c) for c in classes if c not in names]  # a class the knowledge base lacks
        self.names = [g.name for g in self.facts]
        self.index = {n: i for i, n in enumerate(self.names)}
        self.classes = list(classes)
        self.class_index = np.array([self.index[c] for c in self.classes], dtype=int)
        self.profiles: list[Profile] = [profile(g) for g in self.facts]
        self.filled = np.array([any("fill" in t.lower() for t in g.treatments or ()) for g in self.facts])
        # a red or pink stone looks red through the Chelsea filter, which passes deep red, whatever colours it
        self.colour_shares_by_name = [gem_colours(g) for g in self.facts]
        self.red_bodied = [bool({"red", "pink"} & set(shares)) for shares in self.colour_shares_by_name]
        sold_as = [gem_sold_as(g) for g in self.facts]
        position = {c: i for i, c in enumerate(self.classes)}  # the photo class each imitation looks like, or -1
        self.looks_like = np.array([position.get(s.name, -1) if g.origin != "natural" else -1
                                    for g, s in zip(self.facts, sold_as, strict=True)], dtype=int)  # fmt: skip
        # A lab-grown stone or an imitation is sold with the story of the gem it imitates ("a Burma ruby"), so
        # a place says nothing about whether a stone is natural: it counts the imitated gem's localities. A
        # gem the knowledge base gives no locality, and an imitation of no gem it knows, may come from anywhere.
        located = [gem_countries(s) for s in sold_as]
        self.listed_countries = [c for c, _ in located]  # in the knowledge base's order: main sources first
        self.countries = [set(c) for c, _ in located]
        self.worldwide = [w or not c for c, w in located]
        self.n_countries = max(1, len(set().union(*self.countries)))
        nan = (math.nan, math.nan)
        self.ranges = {
            key: np.array([getattr(p, key) or nan for p in self.profiles], dtype=float).reshape(-1, 2)
            for key in ("ri", "sg", "hardness")
        }
        # A lab-grown stone has the constants of the natural gem it is grown as, and an assembled stone reads as
        # its natural top: where its listed range lies inside the natural gem's, the narrower listing reflects fewer
        # stones measured, not a stone more likely to read there, so a reading weighs both alike (a flux-grown
        # emerald's lower RI, or an opal doublet's backing in its SG, still counts for itself).
        index_of = {g.name: i for i, g in enumerate(self.facts)}
        self.grown_as: dict[str, list[tuple[int, int]]] = {}
        for key in ("ri", "sg"):
            pairs = []
            for i, (g, sold) in enumerate(zip(self.facts, sold_as, strict=True)):
                j = index_of.get(sold.name)
                if g.origin in GROWN_AS and j is not None and j != i and self.facts[j].origin == "natural":
                    (lo, hi), (nlo, nhi) = self.ranges[key][i], self.ranges[key][j]
                    if nlo <= lo and hi <= nhi:  # strictly: a range off the natural one is a sign of growth
                        pairs.append((i, j))
            self.grown_as[key] = pairs
        # each gem's (least, greatest) maximum birefringence; NaN where unknown
        self.birefringence_ranges = np.array(
            [p.birefringence_range or (math.nan, math.nan) for p in self.profiles], dtype=float
        ).reshape(-1, 2)
        self.max_birefringence = self.birefringence_ranges[:, 1]
        # The materials made in kinds (glass, opal, zircon): each kind's ranges of the readings it sets apart,
        # {key: {gem: (kinds, 2)}} (the birefringence a stone shows: at most its maximum), and its optic classes.
        made_in_kinds = {i: g.kinds for i, g in enumerate(self.facts) if g.kinds}
        self.kind_ranges = {
            "ri": {i: np.array([k.refractive_index for k in kinds]) for i, kinds in made_in_kinds.items()},
            "sg": {i: np.array([k.specific_gravity for k in kinds]) for i, kinds in made_in_kinds.items()},
            "birefringence": {
                i: np.array([self._shown(k.birefringence or self.birefringence_ranges[i]) for k in kinds])
                for i, kinds in made_in_kinds.items()
            },
        }
        self.kind_optics = {
            i: [optic_classes(k.optical_character) or (self.profiles[i].optic, *self.profiles[i].optic_also)
                for k in kinds]
            for i, kinds in made_in_kinds.items()
        }  # fmt: skip
        # How each gem's stones share the basic colours; a gem with no listed colour may be any.
        shares = [gem_colours(g) or dict.fromkeys(BASIC, 1.0 / len(BASIC)) for g in self.facts]
        self.colour_shares = np.array([[s.get(c, 0.0) for c in BASIC] for s in shares])
        self.said_given_seen = np.array([[said_probability(said, seen) for said in BASIC] for seen in BASIC])
        in_photos = set(self.classes)
        self.base_rates = np.array([self._prior(g, in_photos) for g in self.facts])
        # What the photo leaves to the gems it never saw is shared out as if each were met as often as others of
        # its origin: a gem met rarely takes less of it, without handing its share to the other rarities.
        self.unseen_rates = sum(self._prior(g, in_photos, met=False) for g in self.facts if g.name not in in_photos)
        # (classes, gems): for the imitations of no one photo class, how alike their colours are to each class's
        # (1 for the same spread of colours), among the classes they imitate: glass any gem, in proportion to how
        # often it comes in that gem's colours (black glass only the black ones); a lab-grown "sapphire" only the
        # corundum classes.
        self.imitates_by_colour = np.array([g.origin != "natural" for g in self.facts]) & (self.looks_like < 0)
        class_colours = self.colour_shares[self.class_index]
        alike = (class_colours @ self.colour_shares.T) / (class_colours**2).sum(1, keepdims=True)
        # the species each imitates ("corundum" for a lab-grown "sapphire"); '' for one of no gem in particular
        # (glass), None for one whose gem the knowledge base does not know
        species = [
            "" if not g.imitates else sold.species if sold.name != g.name else None
            for g, sold in zip(self.facts, sold_as, strict=True)
        ]
        imitable = [[s == "" or self.facts[c].species == s for s in species] for c in self.class_index]
        self.colour_likeness = np.minimum(alike, 1.0) * np.array(imitable, dtype=bool).reshape(alike.shape)
        # (gems, classes): whether a photo class's simulants list names the lab-grown stone or imitation ('Blue
        # spinel (natural and synthetic)' of blue sapphire): a photo of the class looks like it too. Natural gems
        # are left to the classifier, which learnt how alike the classes look, but for the natural twin of a
        # lab-grown stone named with it: a blue spinel looks no less like a sapphire than a synthetic one.
        self.named_lookalike = np.zeros((len(self.facts), len(self.classes)), dtype=bool)
        for c, name in enumerate(self.classes):
            named = named_lookalikes(self.facts[self.index[name]], self.facts)
            grown = {g.species for g in named if g.origin != "natural"}
            for g in named:
                self.named_lookalike[self.index[g.name], c] = g.origin != "natural" or g.species in grown

    @staticmethod
    def _prior(gem: GemFacts, in_photos: set[str], met: bool = True) -> float:
        if gem.name in in_photos:
            return PRIOR["photo class"]
        if gem.met and met:
            return PRIOR[gem.met]
        return PRIOR["natural" if gem.origin == "natural" else "other"]

    # --- one likelihood per reading ------------------------------------------------------------------
    def log_likelihood(self, hints: Hints, factors: dict[str, np.ndarray] | None = None) -> np.ndarray:
        """log L(every reading of the hints | each gem): the readings' likelihoods (`likelihoods`, or `factors`
        of these hints) multiplied, save that a material made in kinds must be one kind for all its readings."""
        factors = self.likelihoods(hints) if factors is None else factors
        out = sum((np.log(f) for f in factors.values()), np.zeros(len(self.names)))
        for i, per_kind in self._kind_likelihoods(hints).items():
            if len(per_kind) > 1:  # each reading alone was weighed over all kinds: weigh them together instead
                apart = np.prod([v.mean() for v in per_kind.values()])
                together = np.prod(list(per_kind.values()), axis=0).mean()
                out[i] += np.log((1 - KIND_BLEND) * together + KIND_BLEND * apart) - np.log(apart)
        return out

    def likelihoods(self, hints: Hints) -> dict[str, np.ndarray]:
        """Reading name -> likelihood over every gem (only the readings the hints contain). A material made in
        kinds is one of them, each as likely: a reading that fits crown glass is as dense there as crown glass's
        own narrow range makes it, not spread over every glass there is."""
        r: Readings = hints.readings
        out: dict[str, np.ndarray] = {}
        kinds = self._kind_likelihoods(hints)
        if r.ri:
            out["ri"] = self._numeric(r.ri, "ri", kinds, edges=r.ri_edges)
        if r.birefringence:
            out["birefringence"] = self._birefringence(r.birefringence, kinds)
        if r.sg:
            out["sg"] = self._numeric(r.sg, "sg", kinds)
        if hints.hardness:
            out["hardness"] = self._numeric(Reading(hints.hardness.low, hints.hardness.high), "hardness")
        if r.optic:
            out["optic"] = np.array([self._optic(r.optic, p) for p in self.profiles])
            for i, per_kind in kinds.items():
                out["optic"][i] = per_kind["optic"].mean()
        if r.optic_sign:
            out["optic_sign"] = np.array([self._optic_sign(r.optic_sign, p) for p in self.profiles])
        if r.pleochroism:
            out["pleochroism"] = np.array([self._pleochroism(r.pleochroism, p) for p in self.profiles])
        if r.fluorescence:
            out["fluorescence"] = np.array([self._fluorescence(r.fluorescence, p) for p in self.profiles])
        if r.chelsea_red is not None:
            out["chelsea"] = self._chelsea_fits(r.chelsea_red, set(hints.colours))
        for seen in r.observations:
            out[seen] = np.array([self.observation_fit(seen, p) for p in self.profiles])
        if FILLING_SIGN in hints.signs:  # the flash of a filled fissure: a gem the trade fills (ruby, emerald, diamond)
            out[FILLED_FLASH] = np.where(self.filled, 1.0, FILLED_MISS)
        if hints.countries:
            out["place"] = self._place(hints.countries)
        if hints.colours:
            out["colour"] = self._colour(hints.colours)
        return out

    def _colour(self, said: Sequence[str]) -> np.ndarray:
        """L(the colour names said | each gem): the mean over the names ("greenish blue" says two)."""
        columns = [BASIC.index(c) for c in said if c in BASIC]
        said_of_gem = self.colour_shares @ self.said_given_seen[:, columns]  # (gems, names said)
        out = ((1 - COLOUR_MISS) * said_of_gem + COLOUR_MISS / len(BASIC)).mean(1)
        # light passes a colourless stone, never a metal's; an opaque white stone is often called colourless (the
        # near names of `said_given_seen`), so only a metallic one is weighed down
        if "colourless" in said:
            out *= np.array([see_through_fit(TRANSLUCENT, p) if p.metallic else 1.0 for p in self.profiles])
        return out

    def as_read(self, gem: GemFacts, hints: Hints) -> GemFacts:
        """A material made in kinds as the readings find it: the facts of the kind they fit (low zircon's RI,
        SG, birefringence and optic character), when one kind takes at least KIND_SETTLED of the likelihood;
        otherwise, and for any other gem, `gem` itself."""
        i = self.index.get(gem.name)
        per_kind = self._kind_likelihoods(hints).get(i, {}) if gem.kinds else {}
        if not per_kind:
            return gem
        together = np.prod(list(per_kind.values()), axis=0)
        best = int(np.argmax(together))
        if together[best] < KIND_SETTLED * together.sum():
            return gem
        kind = gem.kinds[best]
        return replace(
            gem,
            refractive_index=kind.refractive_index,
            specific_gravity=kind.specific_gravity,
            birefringence=kind.birefringence[1] if kind.birefringence else gem.birefringence,
            least_birefringence=kind.birefringence[0] if kind.birefringence else gem.least_birefringence,
            optical_character=kind.optical_character or gem.optical_character,
        )

    def _kind_likelihoods(self, hints: Hints) -> dict[int, dict[str, np.ndarray]]:
        """{gem made in kinds: {reading: its likelihood under each kind}}, for the readings kinds set apart."""
        r, out = hints.readings, {}
        for i in self.kind_optics:
            per_kind = {
                key: interval_likelihoods(
                    getattr(r, key),
                    *self.kind_ranges[key][i].T,
                    TOLERANCE[key],
                    BLUNDER[key],
                    key == "ri" and r.ri_edges,
                )
                for key in ("ri", "sg", "birefringence")
                if getattr(r, key)
            }
            if r.optic:
                per_kind["optic"] = np.array([self._optic(r.optic, self.profiles[i], c) for c in self.kind_optics[i]])
            out[i] = per_kind
        return out

    def _numeric(
        self, reading: Reading, key: str, kinds: dict[int, dict[str, np.ndarray]] | None = None, edges: bool = False
    ) -> np.ndarray:
        sigma = self.settings.hardness_sigma if key == "hardness" else TOLERANCE[key]
        lo, hi = self.ranges[key].T
        out = interval_likelihoods(reading, lo, hi, sigma, BLUNDER[key], edges)
        for i, per_kind in (kinds or {}).items():
            out[i] = per_kind[key].mean()
        for i, j in self.grown_as.get(key, ()):
            out[i] = out[j]
        return out

    @staticmethod
    def _shown(maximum: tuple) -> tuple:
        """The birefringence a stone shows, given the range of its maximum: at most that; facets cut across the
        axes show less, down to 60% of the least maximum."""
        lo, hi = maximum
        return 0.6 * np.asarray(lo), hi

    def _birefringence(self, reading: Reading, kinds: dict[int, dict[str, np.ndarray]] | None = None) -> np.ndarray:
        sigma, top = TOLERANCE["birefringence"], self.max_birefringence
        shown = self._shown(self.birefringence_ranges.T)
        out = interval_likelihoods(reading, *shown, sigma, BLUNDER["birefringence"])
        out = np.where(np.isnan(top), 1.0 / (0.05 + 2.5 * sigma), out)  # unknown: as likely as a broad range
        for i, per_kind in (kinds or {}).items():
            out[i] = per_kind["birefringence"].mean()
        return out

    @staticmethod
    def _optic(seen: str, p: Profile, classes: Sequence[str | None] | None = None) -> float:
        """P(the polariscope reading | the gem), or of one kind of it whose optic `classes` are given."""
        if p.metallic:
            return OPAQUE_FIT
        classes = [c for c in (classes or (p.optic, *p.optic_also)) if c]
        if not classes:
            return UNKNOWN_FIT
        fit = max(OPTIC_FIT[seen][c] for c in classes)
        return fit * UNSTRAINED if seen == "anomalous" and classes == ["isotropic"] and not p.strained else fit

    @staticmethod
    def _optic_sign(seen: str, p: Profile) -> float:
        if p.metallic:
            return OPAQUE_FIT
        if not p.optic_sign:  # unknown, or a singly refractive stone, which the optic character already weighs
            return UNKNOWN_FIT
        return 1.0 if seen in p.optic_sign else WRONG_SIGN

    @staticmethod
    def _pleochroism(seen: str, p: Profile) -> float:
        if p.metallic:
            return OPAQUE_FIT
        if not p.pleochroism:
            return UNKNOWN_FIT
        return max(PLEOCHROISM_FIT[seen][level] for level in p.pleochroism)

    @staticmethod
    def _fluorescence(seen: str, p: Profile) -> float:
        known = set(p.fluorescence)
        if not known:
            return UNKNOWN_FIT
        if seen == "inert":
            return 1.0 if "inert" in known else 0.15
        if seen in known or (seen == "glows" and known - {"inert"}):
            return 1.0
        return 0.1 if known == {"inert"} else 0.3

    def _chelsea_fits(self, red: bool, told: set[str]) -> np.ndarray:
        """L(the Chelsea filter's reaction | each gem), for a stone of the colours told (any, when none is)."""
        out = []
        for p, shares, gem_red in zip(self.profiles, self.colour_shares_by_name, self.red_bodied, strict=True):
            red_bodied = bool({"red", "pink"} & told) if told else gem_red  # told red: red whatever the gem
            # the filter's red is notable and noted (chromium, cobalt): unnoted, a stone stays green, unless it is
            # red or pink to begin with
            unnoted = 1.0 if red_bodied or not red else 0.1
            if p.chelsea_red is None:
                out.append(unnoted)
                continue
            stays_green = p.chelsea_green_some and not red  # an iron-rich emerald, as its facts allow
            noted = 1.0 if p.chelsea_red == red or p.chelsea_some or (red and red_bodied) or stays_green else 0.1
            # a gem's own red is that of its own stones (emerald's chromium green): of a stone told another colour
            # (a blue one) the knowledge base says nothing
            ours = told and shares and p.chelsea_red and not p.chelsea_some
            alike = max(shares.get(c, 0.0) for c in told) if ours else 1.0
            out.append(alike * noted + (1 - alike) * unnoted)
        return np.array(out)

    @staticmethod
    def observation_fit(seen: str, p: Profile) -> float:
        if seen in (THERMAL_SAID, THERMAL_FAILED):  # diamond, lab-grown or not, and moissanite pass; no other gem
            passes = seen == THERMAL_SAID
            return 1.0 if p.conducts_heat == passes else OBSERVED[THERMAL_SAID][1]
        if seen in (CONDUCTS_SAID, CONDUCTS_FAILED):  # moissanite conducts, diamond does not; of others, unknown
            conducts = seen == CONDUCTS_SAID
            return 1.0 if p.conducts_electricity in (None, conducts) else OBSERVED[seen][1]
        if seen in MAGNET_RESULTS:
            return MAGNET_FIT[seen][p.magnet]
        word, miss = OBSERVED[seen]
        if seen in STREAK_COLOURS:
            return streak_fit(seen, p.streak)
        if seen in LUSTRES:
            return lustre_fit(seen, p.lustre)
        if seen == NOT_METALLIC:
            return not_metallic_fit(p.lustre)
        if seen in LIGHT_THROUGH:
            return see_through_fit(seen, p)
        if seen == "gas bubbles" and not re.search(word, p.features) and HOLDS_A_BUBBLE.search(p.features):
            return BUBBLE_IN_AN_INCLUSION
        if seen == "curved striae" and not re.search(word, p.features) and re.search(BANDED_MATERIAL, p.features):
            return STRIAE_IN_A_BANDED_STONE
        if seen == "cobalt bands" and p.origin == "natural" and re.search(word, p.features):
            return COBALT_IN_NATURE
        return 1.0 if re.search(word, p.features) else miss

    def _place(self, said: Sequence[str]) -> np.ndarray:
        leak, n = self.settings.place_leak, self.n_countries
        out = []
        for known, anywhere in zip(self.countries, self.worldwide, strict=True):
            if anywhere:
                out.append(1.0)
            elif known & set(said):
                out.append((1 - leak) * n / len(known) + leak)
            else:
                out.append(leak)
        return np.array(out)

    # --- the photo -------------------------------------------------------------------------------------
    def photo_prior(self, photo_probs: np.ndarray | None, glass: bool = True) -> np.ndarray:
        """P_photo over every gem: the classifier's classes, and a small share for the gems it never saw.
        `glass`: whether imitations of no one class (glass, doublets) take their look-alike share; without a
        reading to point to them they would only crowd out the classes the photo itself hesitates between."""
        base = self.base_rates
        if photo_probs is None:
            return base / base.sum()
        others = base.copy()
        others[self.class_index] = 0.0
        # Where the classifier's judgement is not used (the gems it never saw, and the floor below), the photo
        # still shows a colour: a red photo whose readings say quartz is likelier rose quartz than amethyst.
        fit = self.colour_fit(photo_probs)
        prior = OTHER_GEMS_MASS * others * fit / max(self.unseen_rates, 1e-12)
        photo = (1 - OTHER_GEMS_MASS if others.sum() else 1.0) * np.asarray(photo_probs, dtype=float)
        # A class the photo model knows is never less likely than a natural gem it never saw whose colours fit the
        # photo as well: a red spinel the model scores 0.001% on a ruby-like photo must not rank below taaffeite
        # once the readings say spinel.
        unseen = OTHER_GEMS_MASS * PRIOR["natural"] / self.unseen_rates if others.sum() else 0.0
        prior[self.class_index] = np.maximum(photo, unseen * fit[self.class_index])
        twin = self.looks_like >= 0
        looks = LOOK_ALIKE * base[twin] / PRIOR["photo class"] * photo[self.looks_like[twin]]
        prior[twin] = np.maximum(prior[twin], looks)
        # An imitation of no one class (glass, a lab-grown "sapphire") looks like the classes of its colours: as
        # much as the likeliest of them, times how alike their colours are.
        anyone = self.imitates_by_colour & glass
        resembles = (self.colour_likeness[:, anyone] * photo[:, None]).max(0)
        looks = LOOK_ALIKE * base[anyone] / PRIOR["photo class"] * resembles
        prior[anyone] = np.maximum(prior[anyone], looks)
        if glass:  # a stone the photo's class is known to be mistaken for: as much as a lab-grown twin
            named = self.named_lookalike.any(1)
            resembles = (self.named_lookalike[named] * photo).max(1)
            prior[named] = np.maximum(prior[named], LOOK_ALIKE * base[named] / PRIOR["photo class"] * resembles)
        return np.maximum(prior, 1e-12) ** self.settings.photo_weight

    def _imitations_told_as_the_photo(self, place: np.ndarray, photo_probs: np.ndarray) -> np.ndarray:
        """A place said of an imitation of no one gem (glass) is the story of the gem it stands in for: the one the
        photo shows, weighed as its look-alike share is. Without this, a place that fits no gem of the photo would
        favour glass, known from nowhere, over the very gem the photo shows."""
        anyone = self.imitates_by_colour
        weights = self.colour_likeness[:, anyone] * np.asarray(photo_probs, dtype=float)[:, None]
        told = weights.T @ place[self.class_index] / np.maximum(weights.sum(0), 1e-12)
        out = place.copy()
        out[anyone] = np.where(weights.sum(0) > 0, told, place[anyone])
        return out

    def colour_fit(self, photo_probs: np.ndarray) -> np.ndarray:
        """How well each gem's colours fit the photo's stone, whose colour is read from the classes the photo
        resembles (weighed by their probabilities), relative to the best fit: 1 for a gem always in that colour,
        down to `COLOUR_MISS` / 13 of the chance for one never in it, as `_colour` weighs a colour said."""
        seen = np.asarray(photo_probs, dtype=float) @ self.colour_shares[self.class_index]
        shown = self.colour_shares @ self.said_given_seen @ (seen / max(seen.sum(), 1e-12))
        fit = (1 - COLOUR_MISS) * shown + COLOUR_MISS / len(BASIC)
        return fit / fit.max()

    # --- fusion ----------------------------------------------------------------------------------------
    def fuse(self, photo_probs: np.ndarray | None, hints: Hints, explain: bool = True) -> Fused:
        """The posterior over every gem, with reasons, a conflict note and the next test when `explain`."""
        # a reading, or a sign that only argues against a gem ("smooth on the teeth": no pearl), opens the door
        prior = self.photo_prior(photo_probs, glass=bool(hints.readings) or bool(hints.readings.observations))
        factors = self.likelihoods(hints)
        if "place" in factors and photo_probs is not None:
            factors["place"] = self._imitations_told_as_the_photo(factors["place"], photo_probs)
        log_post = np.log(prior) + self.log_likelihood(hints, factors)
        post = np.exp(log_post - log_post.max())
        post /= post.sum()
        fused = Fused(self.names, post)
        if explain:
            fused.reasons, fused.conflict = self._reasons(photo_probs, hints, factors, post)
            fused.clash = self._clash(hints, factors)
            if fused.conflict is None and fused.clash is None:
                fused.doubts = self._doubts(hints, factors, int(np.argmax(post)))
            fused.next_test = self.next_test(post, hints)
            order = np.argsort(-post, kind="stable")
            top = int(order[0])
            fused.twins = [self.names[i] for i in order[1:10] if self.twins(top, int(i)) and post[i] > 1e-3]
        return fused

    def twins(self, i: int, j: int) -> bool:
        """Whether no refractometer, balance or polariscope reading can tell gems i and j apart: the same optic
        character, and RI, SG and birefringence alike to within one instrument tolerance (`TOLERANCE`) at each
        end. Ruby and the sapphires are twins, and so are spodumene's varieties (SG 3.15–3.20 and 3.15–3.21)."""
        a, b = self.profiles[i], self.profiles[j]
        if (a.optic, a.optic_also) != (b.optic, b.optic_also):
            return False
        for key in ("ri", "sg"):
            ra, rb = getattr(a, key), getattr(b, key)
            if (ra is None) != (rb is None):
                return False
            if ra is not None and max(abs(ra[0] - rb[0]), abs(ra[1] - rb[1])) > TOLERANCE[key] + 1e-9:
                return False
        ba, bb = a.birefringence_range, b.birefringence_range
        if (ba is None) != (bb is None):
            return False
        return ba is None or max(abs(ba[0] - bb[0]), abs(ba[1] - bb[1])) <= TOLERANCE["birefringence"] + 1e-9

    def twin_groups(self) -> np.ndarray:
        """A group id per gem: twins, and twins of twins, share one (what no reading can put in a different place)."""
        group = np.arange(len(self.names))
        for i in range(len(self.names)):
            for j in range(i):
                if group[j] != group[i] and self.twins(i, j):
                    group[group == group[i]] = group[j]
        return group

    @property
    def kinds_of_species(self) -> dict[int, list[int]]:
        """{a species gem (Beryl, Jade, Garnet): the gems that are kinds of it}, worked out once per model."""
        if getattr(self, "_kinds_of_species", None) is None:
            found: dict[int, list[int]] = {}
            for i, narrow in enumerate(self.facts):
                for j, broad in enumerate(self.facts):
                    if i != j and kind_of(narrow, broad):
                        found.setdefault(j, []).append(i)
            self._kinds_of_species = found
        return self._kinds_of_species

    @property
    def twin_group_ids(self) -> np.ndarray:
        """`twin_groups()`, worked out once per model (every answer without a photo groups its ranking by it)."""
        if getattr(self, "_twin_group_ids", None) is None:
            self._twin_group_ids = self.twin_groups()
        return self._twin_group_ids

    def _ruled_out(self, key: str, factor: np.ndarray, i: int) -> bool:
        if key == "place":  # weak evidence: said whenever the place is not one the gem is known from
            return not self.worldwide[i] and factor[i] <= self.settings.place_leak
        return factor[i] < RULES_OUT * factor.max()

    def _reasons(self, photo_probs, hints: Hints, factors: dict[str, np.ndarray], post: np.ndarray):
        """Sentences for the gems the readings rule out among the photo's and the fused leaders."""
        # the fused leaders with a share worth a word: not a third place at 0% that nobody suggested
        leaders = [int(i) for i in np.argsort(-post, kind="stable")[:3] if post[i] >= 0.05 * post.max()]
        photo_top = None
        if photo_probs is not None:
            order = np.argsort(-np.asarray(photo_probs))
            photo_top = int(self.class_index[order[0]])
            p = np.asarray(photo_probs)  # the photo's own contenders: not a long shot nobody suggested
            leaders = [int(self.class_index[j]) for j in order[:3] if p[j] >= 0.05 * p[order[0]]] + leaders
        reasons: list[str] = []
        for i in dict.fromkeys(int(i) for i in leaders):
            against = [key for key, factor in factors.items() if self._ruled_out(key, factor, i)]
            said = [self._reason(key, i, hints) for key in against]
            if said and post[i] >= KEPT_SAID:  # a strong photo keeps a share only against a misread reading
                why = "the photo looks like it" if photo_probs is not None else "your other readings fit it"
                # a place is often where a stone was bought or cut, not mined; and a find may be a new locality
                slip = (
                    "a place said may be where it was bought, and no list of the places a gem is found in is complete"
                    if against == ["place"]
                    else "a reading can slip"
                )
                said[-1] += f", which keeps {percent(post[i])} only as {why} and {slip}"
            reasons += said
        conflict = None
        if photo_top is not None and photo_probs.max() >= 0.5:
            against = [k for k, f in factors.items() if self._ruled_out(k, f, photo_top)]
            fused_top = int(np.argmax(post))
            if against and fused_top != photo_top:
                name = self.names[photo_top]
                conflict = (
                    f"the photo looks most like {name} ({percent(photo_probs.max())}), but "
                    + "; ".join(self._reason(k, photo_top, hints) for k in against)
                    + f". The readings point to {self._species_share(fused_top, post)} instead: check the photo and "
                    "the readings."
                )
        return list(dict.fromkeys(reasons)), conflict

    def species_total(self, name: str, post: np.ndarray, settled: float = SETTLED_SPECIES) -> tuple[str, float] | None:
        """(species, its gems' probability together) when that reaches `settled` and the gem alone does not
        (corundum 99%, Sapphire Pink first at 11%); None otherwise, and when a gem of another species keeps half
        that share: the doubt is then which species (spinel 51% against a garnet at 43%), not which of its gems."""
        top = self.index[name]
        species = re.sub(r"\s*\([^)]*\)", "", self.facts[top].species).strip()
        mates = [i for i, g in enumerate(self.facts) if species and re.sub(r"\s*\([^)]*\)", "", g.species) == species]
        share = float(post[mates].sum()) if mates else 0.0
        rival = float(np.delete(post, mates).max(initial=0.0))
        if len(mates) < 2 or share < settled or post[top] >= settled or rival >= share / 2:
            return None
        return species, share

    def _species_share(self, top: int, post: np.ndarray) -> str:
        """The gem the readings point to, or its species when they settle that and not the variety: "corundum
        (98% together; Sapphire Pink first)", the readings proving corundum and the colour not saying which."""
        if (total := self.species_total(self.names[top], post)) is None:
            return self.names[top]
        return f"{total[0]} ({percent(total[1])} together; {self.names[top]} first)"

    def _clash(self, hints: Hints, factors: dict[str, np.ndarray]) -> str | None:
        """Instrument readings that no gem fits together ("RI 1.762–1.770" and "SG 2.65": corundum's RI, quartz's
        SG): which gems each fits, so the person knows to re-take one. None when some gem fits them all."""
        keys = [k for k in CLASH_READINGS if k in factors and not (k == "birefringence" and _derived(hints))]
        if len(keys) < 2:
            return None
        fit = {k: factors[k] / factors[k].max() for k in keys}
        # Whether some gem fits them all, each reading judged against what that gem's own range allows: a broad
        # range (glass, whose RI and SG rise together through its kinds) fits as well as a narrow one does.
        own = {k: factors[k] / self._fitting(k, hints) if k in ("ri", "sg") else fit[k] for k in keys}
        for k in set(keys) & {"ri", "sg"}:  # a gem whose range nobody states cannot be said to fit a reading
            own[k] = np.where(np.isnan(self.ranges[k]).any(axis=1), 0.0, own[k])
        together = np.prod([np.minimum(v, 1.0) for v in own.values()], axis=0)
        for i, per_kind in self._kind_likelihoods(hints).items():  # made in kinds: one kind fits every reading
            rest = np.prod([min(own[k][i], 1.0) for k in keys if k not in KIND_READINGS])
            together[i] = rest * self._kind_fit(i, per_kind, hints, keys)
        if together.max() >= RULES_OUT:
            return None
        parts = []
        for k in keys:
            best: dict[str, str] = {}  # species -> its best-fitting gem; among gems that fit well, photo classes
            for i in sorted(
                range(len(self.names)), key=lambda i: (fit[k][i] < 0.5, not self.facts[i].is_dataset_class, -fit[k][i])
            ):
                if best and fit[k][i] < 0.5:  # only one species fits it well: name no second that does not
                    break
                if k in ("ri", "sg") and np.isnan(self.ranges[k][i]).any():  # nobody states its range
                    continue
                best.setdefault(self.facts[i].species or self.names[i], self.names[i])
                if len(best) == 2:
                    break
            parts.append(f"{self._said(k, hints)} fits {' and '.join(best.values())}")
        return (
            "your readings fit no gem together: " + "; ".join(parts) + ". One of them is probably misread: "
            "re-take each reading."
        )

    def _kind_fit(self, i: int, per_kind: dict[str, np.ndarray], hints: Hints, keys: Sequence[str]) -> float:
        """How well the best kind of material `i` fits the readings among `keys` that kinds set apart, each
        relative to a reading inside that kind's range (`per_kind`: their likelihoods under each kind)."""
        fit = np.ones(len(self.kind_optics[i]))
        for key in set(keys) & per_kind.keys():
            if key == "optic":
                fit *= per_kind[key]
                continue
            reading, sigma, (lo, hi) = getattr(hints.readings, key), TOLERANCE[key], self.kind_ranges[key][i].T
            inside = 1.0 / (np.nan_to_num(hi - lo) + abs(reading.high - reading.low) + 2.5 * sigma)
            fit *= np.minimum(1.0, per_kind[key] / inside)
        return float(fit.max())

    def _fitting(self, key: str, hints: Hints) -> np.ndarray:
        """Per gem, about the likelihood a `key` reading inside its range gets (`interval_likelihoods`' `fits`;
        for a material made in kinds, inside one kind's): what a reading's likelihood is compared with."""
        reading = getattr(hints.readings, key)
        sigma, span = TOLERANCE[key], abs(reading.high - reading.low)
        lo, hi = self.ranges[key].T
        out = 1.0 / (np.nan_to_num(hi - lo, nan=0.0) + span + 2.5 * sigma)
        for i, ranges in self.kind_ranges[key].items():
            out[i] = np.mean(1.0 / (ranges[:, 1] - ranges[:, 0] + span + 2.5 * sigma)) / len(ranges)
        return out

    def _doubts(self, hints: Hints, factors: dict[str, np.ndarray], top: int) -> dict[str, str]:
        """The readings that argue against the answer the rest of the evidence kept ("singly refractive" for a
        ruby photo); the place is left out, being weak evidence that the reasons already mention."""
        return {
            key: self._reason(key, top, hints, verb="does not fit")
            for key, factor in factors.items()
            if key != "place" and self._argues_against(key, factor, top, hints)
        }

    def line_doubts(self, hints: Hints, gems: Sequence[str], name: str) -> dict[str, str]:
        """Without a photo: the instrument readings that argue against every gem of the table's first line (gems
        no reading given tells apart, called `name`); "optically positive" against corundum, whichever colour.
        A reading that argues against some of them only is what the table's other lines weigh."""
        rows = [self.index[g] for g in gems if g in self.index]
        factors = {k: f for k, f in self.likelihoods(hints).items() if k in WITH_VALUES}
        return {
            key: self._reason(key, rows[0], hints, verb="does not fit", name=name)
            for key, factor in factors.items()
            if rows and all(self._argues_against(key, factor, i, hints) for i in rows)
        }

    def argued_against(self, names: Sequence[str], hints: Hints) -> set[str]:
        """Those of the gems `names` an instrument reading argues against (`_argues_against`): DR 0.038 against
        glass; the readings' likelihoods computed once for all of them."""
        factors = {k: f for k, f in self.likelihoods(hints).items() if k in CLASH_READINGS}
        return {
            name
            for name in names
            if any(self._argues_against(key, factor, self.index[name], hints) for key, factor in factors.items())
        }

    def _argues_against(self, key: str, factor: np.ndarray, i: int, hints: Hints) -> bool:
        """Whether a reading makes gem i `DOUBTS` times less likely than it could be: than the best-fitting gem,
        or for an RI or SG, than a reading inside gem i's own range (SG 1.05 fits plastic's broad 1.05–1.55,
        though amber's narrow range gives it a higher likelihood)."""
        if i in self.kind_optics and key in KIND_READINGS:  # zircon's DR 0.020: its intermediate kind's, not high's
            per_kind = self._kind_likelihoods(hints)[i]
            return key in per_kind and self._kind_fit(i, per_kind, hints, [key]) <= DOUBTS
        best = self._fitting(key, hints)[i] if key in ("ri", "sg") else factor.max()
        return bool(factor[i] <= DOUBTS * min(best, factor.max()))

    @staticmethod
    def _said(key: str, hints: Hints) -> str:
        """A reading as the answer repeats it: 'RI 1.762–1.770', 'SG 2.65', 'singly refractive', 'red under the
        Chelsea filter'; what the loupe showed by its own name ('gas bubbles')."""
        r = hints.readings
        if key == "hardness":
            return hints.hardness.describe()
        if key in ("ri", "sg", "birefringence"):
            reading = {"ri": r.ri, "sg": r.sg, "birefringence": r.birefringence}[key]
            label = {"ri": "RI", "sg": "SG", "birefringence": "birefringence"}[key]
            return f"{label} {reading.describe(2 if key == 'sg' else 3)}"
        one = {
            "optic": Readings(optic=r.optic),
            "optic_sign": Readings(optic_sign=r.optic_sign),
            "pleochroism": Readings(pleochroism=r.pleochroism),
            "fluorescence": Readings(fluorescence=r.fluorescence),
            "chelsea": Readings(chelsea_red=r.chelsea_red),
        }.get(key)
        return ", ".join(one.describe()) if one else key

    def already_told(self, first: str, second: str, hints: Hints) -> str | None:
        """The sentence saying which of two gems the readings already given favour, when together they make
        it at least 1/`RULES_OUT` times likelier than the other, naming the readings that lean its way (each
        `TELLING` times or more); None when they do not settle it. Colour and place are left out: a gem's
        colour varies, and a stone may be sold far from its mines."""
        i, j = self.index.get(first), self.index.get(second)
        if i is None or j is None:
            return None
        factors = {k: f for k, f in self.likelihoods(hints).items() if k not in ("colour", "place")}
        favour = self.log_likelihood(hints, factors)
        if abs(favour[i] - favour[j]) < -math.log(RULES_OUT):
            return None
        better, worse = (i, j) if favour[i] > favour[j] else (j, i)
        # a reading tells only if it falls outside what the other gem allows, not merely inside a broader range
        fits = {k: self._fitting(k, hints)[worse] if k in ("ri", "sg") else f.max() for k, f in factors.items()}
        keys = [
            k
            for k, f in factors.items()
            if k in WITH_VALUES and f[better] >= TELLING * f[worse] and f[worse] < DOUBTS * fits[k]
        ]
        if not keys:  # only together, through a material's kinds
            return None
        said = " and ".join(self._said(k, hints) for k in keys)
        values = lambda g: "; ".join(self._value_of(g, k, hints) for k in keys)  # noqa: E731
        return (
            f"Your readings already point to {self.names[better]}: {said} fit{'s' * (len(keys) == 1)} "
            f"{self.names[better]} ({values(better)}), not {self.names[worse]} ({values(worse)})."
        )

    def leans(self, first: str, second: str, hints: Hints) -> str | None:
        """The readings that lean one way between two gems (each `TELLING` times likelier under one), said with
        what each gem's facts state, when `already_told` finds them not enough to settle it; None when none do.
        "yellow under UV leans to Scapolite (pink, yellow, orange, inert), not Citrine (inert)"."""
        i, j = self.index.get(first), self.index.get(second)
        if i is None or j is None or self.already_told(first, second, hints):
            return None
        factors = {k: f for k, f in self.likelihoods(hints).items() if k in WITH_VALUES}
        said = []
        for k, f in factors.items():
            better, worse = (i, j) if f[i] > f[j] else (j, i)
            if f[better] < TELLING * f[worse]:
                continue
            # a number leans only when it falls outside what the other gem allows, not inside a broader range, and
            # inside what the first allows: one that fits neither (RI 2.15 for YAG or GGG) leans to neither
            fitting = self._fitting(k, hints) if k in ("ri", "sg") else None
            if fitting is not None and (f[worse] >= DOUBTS * fitting[worse] or f[better] < DOUBTS * fitting[better]):
                continue
            shown = [self._value_of(g, k, hints) for g in (better, worse)]
            said.append(
                f"{self._said(k, hints)} leans to {self.names[better]} ({shown[0]}), not {self.names[worse]} "
                f"({shown[1]})"
            )
        return ("; ".join(said) + ", though not enough to settle it.") if said else None

    def _value_of(self, i: int, key: str, hints: Hints | None = None) -> str:
        """Gem i's value for one test as advice prints it (`value_text`); a material made in kinds by the kind the
        readings find (`as_read`, given `hints`), else by each kind it is made in: one range from glass's lightest
        kind to its densest would hold an SG of 2.30 that none of them fits."""
        gem = self.facts[i]
        read = self.as_read(gem, hints) if hints is not None else gem
        if key in ("ri", "sg") and gem.kinds and read is gem:
            field = {"ri": "refractive_index", "sg": "specific_gravity"}[key]
            return "; ".join(f"{k.name} {format_range(getattr(k, field), 3 if key == 'ri' else 2)}" for k in gem.kinds)
        return value_text(self.profiles[i], read, key)

    def _reason(self, key: str, i: int, hints: Hints, verb: str = "rules out", name: str = "") -> str:
        """Why a reading argues against gem i, which is called `name` when given (a table line's species)."""
        p, gem = self.profiles[i], self.facts[i]
        called = name or gem.name
        if key == "place":
            said = ", ".join(hints.places or hints.countries)
            known = list(self.listed_countries[i])
            where = known[0] if len(known) == 1 else ", ".join(known[:4]) + (" and elsewhere" if len(known) > 4 else "")
            lead = "only known from" if len(known) <= 2 else "known from"
            sold_as = gem_sold_as(gem)
            name = gem.name if sold_as.name == gem.name else f"{sold_as.name}, which {gem.name} imitates,"
            return f"{name} is {lead} {where}; you said {said}"
        if key in ("ri", "sg", "hardness", "birefringence"):
            return f"{self._said(key, hints)} {verb} {called} ({self._value_of(i, key)})"
        if key == "colour":
            usual = ", ".join(c.lower() for c in gem.colours[:3])
            return f"{' and '.join(hints.colours)} is not a usual colour of {called} ({usual})"
        test_name = {
            "optic": "the polariscope",
            "optic_sign": "the optic sign",
            "pleochroism": "the dichroscope",
            "fluorescence": "the UV lamp",
            "chelsea": "the Chelsea filter",
            TWO_MATERIALS: "the refractometer",
            THERMAL_SAID: "the thermal tester",
            THERMAL_FAILED: "the thermal tester",
            CONDUCTS_SAID: "the moissanite tester",
            CONDUCTS_FAILED: "the moissanite tester",
            **dict.fromkeys(STREAK_COLOURS, "the streak test"),
            **dict.fromkeys((*LUSTRES, NOT_METALLIC), "the lustre"),
            **dict.fromkeys(LIGHT_THROUGH, "the look"),
        }.get(key, "what the loupe shows")
        shown = (
            "optic",
            "optic_sign",
            "pleochroism",
            "fluorescence",
            "chelsea",
            *STREAK_COLOURS,
            *LUSTRES,
            NOT_METALLIC,
            *LIGHT_THROUGH,
        )
        said = self._said(key, hints) if key in shown else key
        what = (
            value_text(p, gem, key) if key in shown
            else "one material" if key == TWO_MATERIALS
            else value_text(p, gem, "thermal") if key in (THERMAL_SAID, THERMAL_FAILED)
            else value_text(p, gem, "electrical") if key in (CONDUCTS_SAID, CONDUCTS_FAILED)
            else "not a gem the trade fills" if key == FILLED_FLASH
            else "not typical"
        )  # fmt: skip
        return f"{test_name} ({said}) argues against {called} ({what})"

    # --- what to test next -----------------------------------------------------------------------------
    def next_test(
        self, post: np.ndarray, hints: Hints, rough: bool = False, leaders: Sequence[int] | None = None
    ) -> str | None:
        """The single test, not yet made, that best splits the leading gems (or the given `leaders`, one gem for each
        line of a determinative table); None when one gem leads clearly."""
        order = np.argsort(-post, kind="stable")
        if leaders is None:
            leaders = [int(i) for i in order[:6] if post[i] >= 0.1 * post[order[0]]]
        # A gem and its own kind (Tourmaline, Dravite) are one answer: no test separates them, none is needed.
        facts = self.facts
        leaders = [
            g for n, g in enumerate(leaders)
            if not any(kind_of(facts[g], facts[h]) or kind_of(facts[h], facts[g]) for h in leaders[:n])
        ]  # fmt: skip
        if len(leaders) < 2:
            return None
        # each as the readings find it (a low zircon is singly refractive: the polariscope does not set it apart)
        read = {i: self.as_read(facts[i], hints) for i in leaders}
        profiles = {i: profile(g) if g is not facts[i] else self.profiles[i] for i, g in read.items()}
        done, left_out = tests_made(hints), tests_left_out(hints)
        best: tuple[float, Test] | None = None
        for test in TESTS:
            if test.key in left_out or (test.destructive and not rough):
                continue
            # sources say how a magnet draws only a few gems: like a bench test, the magnet is the next test only
            # where it splits the two likeliest (hematite and magnetite), not where it says nothing of the first
            # ("Strontium Titanate not on record") or splits off a gem further down (zircon from two garnets)
            if test.key == "magnet" and not separates(test, profiles[leaders[0]], profiles[leaders[1]]):
                continue
            score = sum(
                post[a] * post[b]
                for n, a in enumerate(leaders)
                for b in leaders[n + 1 :]
                if separates(test, profiles[a], profiles[b])
            )
            if score > 0 and (best is None or score > best[0] + 1e-12):
                best = (score, test)
        if best is None:
            a, b = leaders[:2]
            names = f"{self.names[a]} and {self.names[b]}"
            made = [t.name for t in TESTS if t.key in done and separates(t, profiles[a], profiles[b])]
            if made:  # the telling test is made: its reading is what to trust or re-check, not a missing test
                return (
                    f"none left: the {made[0]} you gave already separates {names}; if doubt remains, re-check "
                    "it, or a gem laboratory decides."
                )
            if bench := bench_tests(facts[a], facts[b]):  # amber and copal: a drop of acetone
                return f"the standard readings do not separate {names}; a bench test does: {'; '.join(bench)}."
            signs = telling_signs(facts[a], facts[b])
            if signs and facts[a].species != facts[b].species:  # ruby and pink sapphire: the colour, not the loupe
                return (
                    f"no standard test reliably separates {names}; look for the diagnostic features under "
                    f"magnification ({'; '.join(signs)}), or a gem laboratory decides."
                )
            return (
                f"no standard test reliably separates {names}; colour, inclusions under magnification or a "
                "laboratory report decide."
            )
        test = best[1]
        values = "; ".join(f"{self.names[i]} {value_text(profiles[i], read[i], test.key)}" for i in leaders[:4])
        return f"{test.name} with a {test.instrument}: {values}."
