"""The gemmologist's words explained: "what is pleochroism?", "what does OTL mean?", "how does a refractometer
work?", "why are some gems doubly refractive?".

A question about a term is answered from `glossary.json` (each entry with the page it was checked against)
and is no reading of the stone in hand: "what is pleochroism?" must not make the stone pleochroic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gemlang.knowledge.carat_weight import DEPTH_SAID, DIMENSIONS, cut_named
from gemlang.knowledge.care import ASKED, PIECE, PRECIOUS_METALS, as_settings
from gemlang.patterns import compiled
from gemlang.readings import WITH_DIRECTION as TURNED_WORDS

GLOSSARY_PATH = Path(__file__).with_name("glossary.json")
# "what is …", "what's …", "what does … mean", "define …", "explain …", "meaning of …", "how do I use a …", "how does
# a refractometer work?", "how is RI measured?", "why are some gems doubly refractive?"; the asking words only, so
# the term after them stays in the question
_KINDS = r"(?:gem|gemstone|mineral|rock)s?"
# Words too common to name a term anywhere in a message ("what gems are found in Brazil?", "a rock I found", "lead
# crystal", "how to tell a crystal from glass?"): a term only when the question asks of nothing else ("what is a
# mineral?", "what are gems?", "what is a crystal?")
ALONE_ONLY = re.compile(rf"\W*(?:(?:an?|the|exactly|actually|really)\s+)*(?:{_KINDS}|crystals?)\W*")
ASKING = re.compile(
    r"^\s*(?:(?:and|so|ok|okay|also|then|but)\b[\s,]*)?"  # "and what's a spot reading?"
    r"(?:what(?:'s|s| is| are| does| do)\b|define\b|explain\b|(?:the )?meaning of\b|(?:the )?difference between\b|"
    r"what do you mean by\b|how (?:do|can|would) (?:i|you|we) (?:use|measure|read)\b|"
    r"how (?:do|can|should) (?:i|you|we) (?:do|perform|carry out) (?=an? |the )|"  # "how do I do a streak test?"
    # "what UV lamp do I need for fluorescent minerals?", "which loupe should I buy?", "what clarity should I look
    # for?", "which clarity is worth buying?"
    r"(?:what|which) (?:kind of |sort of |type of )?"
    r"(?=[\w -]{1,30}\b(?:(?:do|should) (?:i|you|we) (?:need|use|buy|get|choose|pick|look for|go for)|"
    r"(?:is|are) worth (?:buying|getting|paying for))\b)|"
    # "what lighting is best for photographing gems?", "which background is ideal for gem photos?"
    r"(?:what|which) (?=[\w -]{1,30}\b(?:is|are) (?:best|ideal)\b)|"
    # "what L/W ratio should an oval have?", "what depth percentage should a round diamond be?"
    r"(?:what|which) (?=[\w/% -]{1,30}\bshould (?:an?|the) [\w -]{1,30}\b(?:have|be)\b)|"
    r"(?:what|which) (?=[\w/% -]{1,30}\b(?:is|are) (?:the )?(?:best|ideal)\b)|"  # "what ratio is best for a pear?"
    # "what stone should a beginner faceter buy?", "which rough should I learn to facet on?", "how do I start cutting?"
    r"(?:what|which) (?=[\w -]{1,30}\bshould (?:i|a beginner\w*(?: \w+)?) (?:buy|learn|start|begin|practi[cs]e)\b)|"
    r"how (?:do|can|should) (?:i|we) (?=(?:start|begin|learn)\b)|"
    r"(?=.*\b(?:where|how) (?:do|should|can|would) (?:i|we|one) (?:start|begin)\b)|"  # "I'm a beginner collector, …"
    r"how (?:(?:do|can|would) (?:i|you|we) |to )(?=(?:tell|spot|detect|identify|recogni[sz]e)\b)|"  # "spot a doublet"
    r"how (?:does|do)\b(?!\s+(?:i|you|we)\b)|"
    # "how many colours does a trichroic stone show?", "how many edges does a doubly refractive stone give?"
    r"how many (?=[\w-]+(?: [\w-]+)? (?:does|do|can|will|would)\b)|"
    r"how (?:is|are)\b(?=.*\b(?:measured|read|determined|calculated|used|graded)\b)|"
    r"how often (?:should|must|do|does)\b(?=.*\b(?:re-?)?apprais)|"  # "how often should jewellery be reappraised?"
    r"what (?:causes|makes|produces|gives)\b|why (?:do|does|is|are|would|can)\b|how come\b|"  # "what causes asterism?"
    r"how much (?:does|do|is|are)\b(?=.*\bweigh)|how heavy (?:is|are)\b|"  # "how much does a carat weigh?"
    # "is a gem a mineral?", "are gems rocks?", "is a crystal a mineral?"
    rf"(?:is|are)\b(?=(?:\s+(?:an?\s+)?(?:{_KINDS}|crystals?)){{2}}\W*$)|"
    # "is synthetic the same as fake?", "is a doublet different from a triplet?", "are lab-created and synthetic the
    # same?"
    r"(?:is|are)\b(?=[\w' -]{1,40}\b(?:the same(?: thing)? as|different from|the same thing|(?:the same|different)"
    r"\W*$)))",
    re.I,
)
# "why does ruby glow red under UV?", "what gives gems their colour?": the mechanism is asked, not only the fact
ASKS_WHY = re.compile(  # and asked on someone's behalf: "my son asks why ruby is red"
    r"^\s*(?:why|how come)\b|\bwhat (?:causes|makes|produces|gives)\b|\b(?:asks?|wonder\w*|know|me|explain)\s+why\b|"
    # "what is the birefringence of peridot and why does it matter?": what the property is for, after its value
    r"\band why\b|\bwhy (?:does|would) (?:it|that|this) matter\b|\bwhy (?:is|'s) (?:it|that|this) important\b",
    re.I,
)
COLOUR_ASKED = re.compile(r"\bcolou?r(?:s|ed|ful)?\b", re.I)
# a colouring element asked to colour ("what causes chromium to colour the stone green?", "how does iron colour a
# gem?"): how gems take their colour, the chromophores the cause-of-colour entry names, not a fact of the stone
CHROMOPHORE_COLOURS = re.compile(
    r"\b(?:chromium|iron|vanadium|titanium|manganese|copper|cobalt|nickel)\b[^?.!]{0,30}"
    r"\b(?:colou?r\w*|red|orange|yellow|green|blue|purple|violet|pink|brown)\b",
    re.I,
)
# a colour that changes as the stone is turned is pleochroism, not a colour change with the light
WITH_DIRECTION = re.compile(TURNED_WORDS, re.I)
# a quoted term: 'spot reading', "DR", ‘simulated’ (an opening quote not after a letter, as a word's apostrophe is)
QUOTED = re.compile(r"(?<!\w)['\"‘“]([^'\"‘’“”\n]{1,60})['\"’”](?!\w)")
OPAL = re.compile(r"\bopals?\b", re.I)
FIRE_OPAL = re.compile(r"\bfire[- ]opals?\b", re.I)
# a term said to be missing is not asked: "how do I tell them apart without a refractometer?"
WITHOUT = re.compile(r"\b(?:without|not having|don't have|do not have|lacking)\s+(?:a|an|the|my|any)?\s*$")
# "what is it?", "what is this stone?", "what does my stone read?": about the stone in hand, not a term
MAX_TERMS = 3
# "how do I tell if a stone is a doublet?" asks what "how do I tell a doublet?" does: the stone is any stone
# and "how do I tell if it is uniaxial or biaxial?": the optic character of any stone, found the same way
IF_A_STONE_IS = re.compile(
    r"\b(?:if|whether) (?:(?:a|an|any) (?:stone|gem|gemstone) is (?=an? )|(?:it|this|my stone|the stone)(?: is|'s) "
    r"(?=(?:uniaxial|biaxial|singly refractive|doubly refractive|isotropic|anisotropic)\b))",
    re.I,
)
ABOUT_THE_STONE = re.compile(r"\b(?:it|its|this|that|these|my|mine|the stone|the gem)\b", re.I)
# "what is the best cut for a low RI stone?", "what angles should I facet a high RI gem at?": the angles a cutter
# chooses for a kind of material, not what an RI is (nor a ranking of gems by it)
_RI_KIND = r"\b(?:low|lower|high|higher)[- ](?:ri|r\.i\.|refractive[- ]index)(?![\w.])"
_CUTTING = r"(?<!easy to )(?<!hard to )\b(?:cut(?:s|ting)?(?! glass)|facet\w*|angles?|pavilions?|windows?|windowing)\b"
CUT_FOR_AN_RI = re.compile(rf"{_RI_KIND}[^.?!]*{_CUTTING}|{_CUTTING}[^.?!]*{_RI_KIND}", re.I)
# "how much weight is lost cutting rough?", "what percentage of the rough is kept when faceting?", "how much of a
# diamond is lost when cutting?": the yield, asked of cutting in general (a coloured gem named has its own losses; a
# diamond's are said to be none of the entry's coloured stones' figures, `YIELD_OF_A_DIAMOND`)
_KEPT_OR_LOST = r"\b(?:lost|los[es]|losing|loss|kept|keeps?|retain\w*|left|yield\w*|recover\w*|wasted?|cut away)\b"
_CUTTING_DONE = r"\b(?:cut(?:s|ting)?|facet\w*|polish\w*)\b"
WEIGHT_LOST_IN_CUTTING = re.compile(
    rf"\b(?:weight|rough|carats?|material)\b[^.?!]*{_KEPT_OR_LOST}[^.?!]*{_CUTTING_DONE}|"
    rf"\b(?:cut(?:s|ting)?|facet\w*)\b[^.?!]*\b(?:weight|rough|carats?)\b[^.?!]*{_KEPT_OR_LOST}|"
    rf"\b(?:how much|what (?:percent(?:age)?|proportion|share|fraction))\b[^.?!]{{0,30}}?{_KEPT_OR_LOST}"
    rf"[^.?!]*{_CUTTING_DONE}",
    re.I,
)
# "how much weight does a ring lose when polished?": the metal of a piece worn down, not a gem's rough cut (but "a
# piece of rough" is rough)
OF_A_PIECE_OR_METAL = re.compile(rf"\b(?:{PIECE}|{PRECIOUS_METALS}|metal)\b(?! of rough)", re.I)
YIELD_OF_A_DIAMOND = (
    "**For a diamond**: the figures below are for coloured gems; I have no sourced figure for diamond cutting."
)
# "is 64% depth too deep?", "is a 1.3 ratio good for an oval?": a cut's proportion given to be judged, which the entry
# of that proportion says what is usual for; its number is no reading of the stone
PROPORTIONS_GIVEN = {
    "depth percentage": re.compile(
        r"\b\d{2}(?:\.\d)?\s*%\s*(?:total\s+)?depth\b|\bdepth\b[^.?!\d]{0,20}\b\d{2}(?:\.\d)?\s*%", re.I
    ),
    "length-to-width ratio": re.compile(
        r"\b[0-2]\.\d{1,2}\s*(?::\s*1\s*)?(?:l/?w\s+|length[- ]to[- ]width\s+)?ratios?\b|"
        r"\bratios?\b[^.?!\d]{0,20}\b[0-2]\.\d{1,2}\b(?!\s*(?:mm|ct|carats?)\b)",
        re.I,
    ),
}
ASKED_OF = re.compile(r"\?|^\s*(?:is|are|what|which|how|should|would|does|do)\b", re.I)
# "what depth should a round diamond be?", "how deep should an oval be cut?": the depth of a cut shape, which the
# depth percentage says what is usual for; not "depth of colour", nor a depth in millimetres given to weigh it by
DEPTH_OF_A_CUT = re.compile(r"\b(?:depth|how deep)\b(?![^?.!]*\bcolou?r)", re.I)
# "what is a plot diagram on a grading report?": the paper only says where the term asked is read ("how do I tell
# uniaxial from biaxial on the refractometer?" asks of the instrument too)
WHERE_FOUND = re.compile(r"\bon (?:a|an|the|my|your|this|his|her) (?:[\w-]+ )?$")
PAPERS = {"lab report", "in-house certificate", "appraisal"}


# "can you list the minerals on the Mohs scale?", "how hard is a fingernail?", "what household things can we use for a
# scratch test?", "is the Mohs scale linear?": the scale itself, its ten minerals and the everyday things set against
# them, asked of no stone in hand
_EVERYDAY_SCRATCHERS = (
    r"finger ?nails?|(?:copper )?coins?|penn(?:y|ies)|(?:steel |pocket ?)?knife|(?:pocket ?)?knives|"
    r"steel (?:files?|needles?|nails?)|household \w+|everyday \w+"
)
_HARDNESS_WORDS = r"hard\w*|scratch\w*|moh'?s"
MOHS_SCALE_ASKED = re.compile(
    r"\b(?:minerals|list|order)\b[^.?!]*\bmoh'?s\b|\bmoh'?s\b[^.?!]*\b(?:minerals|list|order|linear|proportional)\b|"
    r"\btimes (?:as hard|harder)\b|"
    rf"\b(?:{_EVERYDAY_SCRATCHERS})\b[^.?!]*\b(?:{_HARDNESS_WORDS})\b|"
    rf"\b(?:{_HARDNESS_WORDS})\b[^.?!]*\b(?:{_EVERYDAY_SCRATCHERS})\b",
    re.I,
)
# "is diamond 10 times harder than talc?": the scale's steps, which are no amounts, asked of gems too
SCALE_STEPS_ASKED = re.compile(r"\b(?:linear|proportional|times (?:as hard|harder))\b", re.I)
ASKS_SOMETHING = re.compile(r"\?|^\s*(?:how|what|which|can|could|is|are|list|name|give|tell)\b", re.I)


# terms of a diamond's grading, asked of diamonds ("what is a triple excellent diamond?") as of no gem
DIAMOND_GRADING = {
    "4Cs", "clarity grades", "colour grades", "cut grades", "fluorescence on a diamond report", "BGM",
    "depth percentage", "length-to-width ratio", "plotting diagram",
}  # fmt: skip
# and a seller's grade of any coloured gem ("what does AAA tanzanite mean?"), the clarity to buy of any ("what clarity
# should I look for in a sapphire?")
GRADES_ANY_GEM = {"AAA grade", "clarity to buy"}


# "how many colours does a trichroic stone show?": the number of colours the pleochroism entry gives each word, seen in
# the directions the dichroscope entry says
COLOURS_COUNTED = re.compile(r"\bhow many (?:colou?rs|hues|shades)\b.*?\b(di|tri|pleo)chro(?:ic|ism)\b", re.I)
COLOURS_SHOWN = {
    "di": "**Two.** A dichroic stone shows two colours, which a dichroscope shows side by side.",
    "pleo": "**Two or three.** A dichroic stone shows two colours, a trichroic one three: a dichroscope shows two "
    "side by side, and a third appears when the stone is turned, usually at 90° to the first direction.",
    "tri": "**Three.** A trichroic stone shows three colours: a dichroscope shows two of them side by side and the "
    "third when the stone is turned, usually at 90° to the first direction.",
}


# "how many shadow edges does a doubly refractive stone show?": one edge for each refractive index, as the shadow
# edge and refractometer entries say
EDGES_COUNTED = re.compile(
    r"\bhow many (?:shadow[- ]?)?(?:edges|lines|boundaries|(?:ri |refractometer )?readings)\b.*?"
    r"\b(?:(?P<two>doubly|double|anisotropic|d\.?r\.?)|singly|single|isotropic|s\.?r\.?)(?![\w.])",
    re.I,
)
EDGES_SHOWN = {
    True: "**Two.** A doubly refractive stone shows two shadow edges on the refractometer, one for each of its two "
    "refractive indices.",
    False: "**One.** A singly refractive stone shows one shadow edge on the refractometer: it has a single refractive "
    "index.",
}


def colours_counted(text: str) -> str:
    """How many colours a dichroic or trichroic stone shows, or how many shadow edges a doubly or singly refractive
    one, when asked ("how many colours does a trichroic stone show?"); '' otherwise."""
    if edges := EDGES_COUNTED.search(text):
        return EDGES_SHOWN[bool(edges["two"])]
    asked = COLOURS_COUNTED.search(text)
    return COLOURS_SHOWN[asked.group(1).lower()] if asked else ""


# "what does a doubly refractive stone look like in the polariscope?": what the polariscope entry says it shows, first
IN_THE_POLARISCOPE = re.compile(r"\b(?:polariscope|crossed polar\w*)", re.I)
POLARISCOPE_SHOWS = {
    "doubly refractive": "**A doubly refractive stone blinks** in the polariscope: turned through 360°, it goes dark "
    "and bright four times.",
    "singly refractive": "**A singly refractive stone stays dark** in the polariscope, however it is turned through "
    "360°.",
}


def in_the_polariscope(text: str, terms: list[Term]) -> str:
    """What the polariscope shows of an optic character asked of it ("… look like in the polariscope?"), from the
    polariscope's entry; '' for a question of no polariscope or of no optic character."""
    if not IN_THE_POLARISCOPE.search(text):
        return ""
    return " ".join(POLARISCOPE_SHOWS[t.term] for t in terms if t.term in POLARISCOPE_SHOWS)


# "how is specific gravity measured?", "what is SG and how can we measure it in class?": after what the property is,
# the entry of the way it is measured
MEASURING_ASKED = re.compile(
    r"\bmeasur\w*|\bhow (?:do|can|could|would|should|to) (?:i |you |we |one )?(?:find|get|work out|determine|take|"
    r"test)\b|\bhow (?:is|are) [\w. ]{1,30}?\b(?:found|determined|taken|tested|worked out)\b",
    re.I,
)
MEASURED_BY = {"specific gravity": "hydrostatic weighing"}


def measured_by(text: str, terms: list[Term]) -> list[Term]:
    """The entries of the ways the properties asked are measured, when a question asks how ("how do you measure
    specific gravity?": hydrostatic weighing); none otherwise, or when already asked."""
    if not MEASURING_ASKED.search(text):
        return []
    named = [t.term for t in terms]
    return [term_called(MEASURED_BY[t]) for t in named if t in MEASURED_BY and MEASURED_BY[t] not in named]


# a colouring element's spectrum ("what is the chromium spectrum?"): the glossary says what the spectroscope shows of
# it, and the gems whose sourced absorption spectra name the element show it at work
ELEMENT_SPECTRUM = re.compile(r"(\w+) spectrum")
SPECTRUM_EXAMPLES = 3  # gems given with their lines; the others named


def spectra_naming(term: Term, notes: list[str]) -> str:
    """The gems whose sourced absorption spectra give the lines of the colouring element of an element's spectrum
    ("chromium spectrum"), natural gems first, the first few with the sentence that gives them ("**Chromium in the
    spectra on record**: Alexandrite: a chromium spectrum: …"); their sources go to `notes`. '' for any other term,
    or an element no sourced spectrum names."""
    from gemlang.knowledge import all_gems

    element = ELEMENT_SPECTRUM.fullmatch(term.term)
    if not element:
        return ""
    word = re.compile(rf"\b{element.group(1)}\b", re.I)
    # its lines or bands said, or the stone said coloured by it ("three broad cobalt bands", "coloured by cobalt",
    # "owe much of their colour to chromium"); not a sentence naming it in passing ("iron stains", "cobalt-rich")
    its_own = re.compile(
        rf"{word.pattern}(?:[- ]\w+)?\s+(?:spectrum|lines?|bands?|absorption)|"
        rf"colou?r(?:ed)? (?:\w+ )?(?:by|to) {word.pattern}",
        re.I,
    )
    said = []  # (rank, gem, the sentence of its spectrum that gives the element's lines)
    for gem in all_gems():
        sentence = next((s for s in re.split(r"(?<=\.)\s+", gem.absorption_spectrum) if its_own.search(s)), "")
        if sentence:
            said.append(((gem.origin != "natural", its_own.search(sentence).start()), gem, sentence))
    shown = {}  # one gem of each species (Sapphire and Sapphire Blue, Jade and Jadeite say one spectrum)
    for _, gem, sentence in sorted(said, key=lambda one: one[0]):
        shown.setdefault(gem.species.split()[0] if gem.species else gem.name, (gem, sentence))
    ranked = list(shown.values())
    if not ranked:
        return ""
    examples = ranked[:SPECTRUM_EXAMPLES]
    notes += [f"source ({g.name} spectrum): {g.citations['absorption_spectrum']}" for g, _ in examples]
    lines = [f"{g.name}: {s[0].lower()}{s[1:].rstrip('.')}" for g, s in examples]
    others = ", ".join(g.name for g, _ in ranked[SPECTRUM_EXAMPLES:])
    return f"**{element.group(1).capitalize()} in the spectra on record**: {'; '.join(lines)}." + (
        f" Its lines are on record for {others} too." if others else ""
    )


def grade_meant(grade: str, entry: Term) -> str:
    """What one grade means, from the part of a grading entry that names it ("VS1": "VS1 and VS2 (very slightly
    included): minor inclusions, …") or the range it falls in ("P": "N to R very light"), the narrowest part when
    several do; '' when no part names it."""
    parts = re.split(r";\s+|(?<=first):\s+|(?<=groups):\s+|\.\s+", entry.text)
    ranges = [(p, re.findall(r"\b([D-Z]) to ([D-Z])\b", p)) for p in parts]
    naming = [p for p, spans in ranges if re.search(rf"\b{re.escape(grade)}\d?\b", p) or any(
        len(grade) == 1 and low <= grade <= high for low, high in spans)]  # fmt: skip
    return min(naming, key=len).rstrip(".") if naming else ""


# a clarity type of the coloured stone grading entry: "Type III, almost always included (emerald, red beryl, …)"
CLARITY_TYPE = re.compile(r"\b(Type I{1,3}), ([^(;]+?) \(([^)]*)\)")


def clarity_type(gem) -> str:
    """The clarity type the coloured stone grading entry gives a gem, said first ("**Emerald**: Type III, almost
    always included."), by its name or species ("Garnet Red": garnet); '' for a gem it does not list."""
    entry = term_called("coloured stone grading")
    called = {gem.name.lower(), gem.name.split()[0].lower(), gem.species.split()[0].lower()}
    for kind, said, listed in CLARITY_TYPE.findall(entry.text if entry else ""):
        if called & {item.strip().lower() for item in re.split(r",|\band\b", listed)}:
            return f"**{gem.name}**: {kind} of GIA's clarity types, {said}."
    return ""


@dataclass(frozen=True)
class Term:
    term: str
    asked_as: tuple[str, ...]
    text: str
    source: str


@cache
def glossary() -> tuple[Term, ...]:
    with open(GLOSSARY_PATH, encoding="utf-8") as f:
        entries = json.load(f)["terms"]
    return tuple(Term(e["term"], tuple(e["asked_as"]), e["text"], e["source"]) for e in entries)


# Terms whose kinds have names of their own the glossary does not define: "horsetail inclusions", "a fingerprint
# inclusion" ask about that kind, which the general entry does not answer
NAMES_KINDS = {"inclusion"}
# Words that may stand before such a term without changing what it is ("the inclusions", "strong inclusions")
KEEPS_THE_TERM = re.compile(
    r"(?:^|\b(?:a|an|the|is|are|of|by|between|and|or|about|called|term|word|strong|weak|moderate|distinct|"
    r"perfect|good|poor|true|natural))\W*$"
)


def _narrowed(before: str) -> bool:
    """Whether a word before a term names a narrower thing than the term ("horsetail inclusions": a kind of
    inclusion the glossary does not define, so its general entry would not answer the question)."""
    return bool(re.search(r"[a-z]\W*$", before)) and not KEEPS_THE_TERM.search(before)


# "how do I read the plot on my GIA report?": the paper a term is read on is the person's, the term is no reading
ON_MY_PAPER = re.compile(
    r"\b(?:on|in|from) (?:my|this|that) (?:[\w-]+ )?(?:(?:grading|lab|laboratory) )?(?:reports?|cert(?:ificate)?s?|"
    r"appraisals?|paperwork)\b",
    re.I,
)


def about_the_stone(question: str) -> bool:
    """Whether a question asks of the stone in hand ("what does my refractometer read?"), not what a word means
    ("what does 'untreated' mean on my report?", "how do I read the plot on my report?"), nor whether a kind is
    "worth it"."""
    return bool(ABOUT_THE_STONE.search(re.sub(r"\b(?:mean|work)\b.*$|\bworth it\b", "", ON_MY_PAPER.sub("", question))))


def _yield_asked(text: str) -> bool:
    """Whether a question asks how much of the rough's weight cutting keeps or loses (`WEIGHT_LOST_IN_CUTTING`), not
    what polishing wears off a ring or its metal."""
    asked = re.match(r"\s*(?:how|what)\b", text, re.I)
    return bool(asked and WEIGHT_LOST_IN_CUTTING.search(text) and not OF_A_PIECE_OR_METAL.search(text))


def terms_asked(text: str) -> list[Term]:
    """The glossary terms a question asks about, in the order asked ("the difference between uniaxial and
    biaxial?" asks two); a quoted term whatever else the message says; else none for a question with a number,
    about the stone in hand ("what is it?", "what does my refractometer read?"), about a gem ("what is the RI of
    ruby?") or about a term the glossary lacks."""
    from gemlang.knowledge.knowledge_base import gems_named_in

    text = _appraised_again(text)
    if CUT_FOR_AN_RI.search(text):
        return [term_called("faceting angles")]
    if _yield_asked(text) and {gem.species for gem in gems_named_in(text)} <= {"diamond"}:
        return [term_called("yield")]
    if given := [term_called(term) for term, said in PROPORTIONS_GIVEN.items() if said.search(text)]:
        return given if ASKED_OF.search(text) else []
    if DEPTH_OF_A_CUT.search(text) and cut_named(text) and ASKED_OF.search(text):
        if not (DEPTH_SAID.search(text) or DIMENSIONS.search(text)):
            return [term_called("depth percentage")]
    if MOHS_SCALE_ASKED.search(text) and ASKS_SOMETHING.search(text) and not ABOUT_THE_STONE.search(text):
        steps = SCALE_STEPS_ASKED.search(text)
        return [] if gems_named_in(text) and not steps else [term_called("Mohs hardness scale")]
    if not ASKING.search(text):
        return []
    # "what is a halo on a ring?": the bare name of a setting, in a message of a ring, is the setting
    question = as_settings(_head_shared(IF_A_STONE_IS.sub("", ASKING.sub(" ", text, count=1))))
    # a term quoted in the question's first sentence is the one asked ("what's 'simulated' mean? listing: …"),
    # whatever numbers, gems or stone the rest of the message speaks of
    first = re.split(r"[?.!]", question, maxsplit=1)[0]
    if quoted := _outermost(_spans(" | ".join(QUOTED.findall(first)).lower(), asked=True)):
        return quoted
    # "what's birefringence and how do I get it from these?": the term asked first, then of the stone
    if CHROMOPHORE_COLOURS.search(first) and not gems_named_in(first):
        return [term_called("cause of colour")]
    asked_first = re.split(r",|\band\b", first, maxsplit=1)[0]
    term_first = _spans(asked_first.lower()) and not ABOUT_THE_STONE.search(asked_first)
    if about_the_stone(question) and not term_first:
        return []
    spans = _spans(question.lower(), asked=True)
    if re.search(r"\d", _blanked(question.lower(), spans)):  # a reading; not the 4 of "the 4Cs"
        return []
    # a question about a gem ("what is the RI of ruby?") asks no term, unless the term names it ("B jade") or grades
    # the gem named ("what is a triple excellent diamond?")
    named = {gem.name for gem in gems_named_in(_blanked(question.lower(), spans))}
    graded = DIAMOND_GRADING | GRADES_ANY_GEM if named == {"Diamond"} else GRADES_ANY_GEM
    if named and not (spans and all(t.term in graded for _, _, t in spans)):
        return []
    if not spans and ASKS_WHY.search(text) and COLOUR_ASKED.search(question):
        return [term_called("cause of colour")]  # "why do gems have colour?", "what gives gems their colour?"
    first_said = min((start for start, _, _ in spans), default=0)
    spans = [
        (start, end, term)
        for start, end, term in spans
        if start == first_said or term.term not in PAPERS or not WHERE_FOUND.search(question.lower()[:start])
    ]
    return _with_difference(_outermost(spans))


# "a halo and a cluster setting": two terms whose last word is said once
HEAD_SAID_ONCE = re.compile(
    r"\b(?P<first>[\w-]+)(?P<between>\s+(?:and|or|vs\.?|versus)\s+(?:an?\s+|the\s+)?(?P<second>[\w-]+)\s+)"
    r"(?P<head>[\w-]+)\b",
    re.I,
)


def _head_shared(question: str) -> str:
    """The question with a last word said once for two terms said for each ("the difference between a halo and a
    cluster setting?": "a halo setting and a cluster setting"), when the glossary has both."""
    names = {word.lower() for term in glossary() for word in term.asked_as}

    def each(m: re.Match) -> str:
        both = all(f"{m[w]} {m['head']}".lower() in names for w in ("first", "second"))
        return f"{m['first']} {m['head']}{m['between']}{m['head']}" if both else m[0]

    return HEAD_SAID_ONCE.sub(each, question)


# two terms often taken for one, and the entry that says how they differ: "is synthetic the same as fake?"
TOLD_APART = {("synthetic", "simulant"): "synthetic or simulant"}


def _with_difference(terms: list[Term]) -> list[Term]:
    """The terms asked, with the entry saying how two of them differ when both are asked; a NAMED_TWICE entry asks
    as each of its names ("is lab-grown different from fake?": synthetic and simulant)."""
    asked = {t.term for t in terms} | {name for t in terms if t.term in NAMED_TWICE for name in t.asked_as}
    return terms + [term_called(d) for pair, d in TOLD_APART.items() if set(pair) <= asked and d not in asked]


# a gem's field, the term that explains it
EXPLAINED_AS = {"colour_cause": "cause of colour", "lustre": "lustre", "fluorescence": "fluorescence"}


def mechanism(text: str, fields: Sequence[str]) -> list[Term]:
    """The glossary terms that explain why a gem does what a "why" question asks of it ("why does ruby glow red
    under UV?": fluorescence; "why is sapphire blue?": the cause of colour), for the gem's own facts to be read
    with; none for a question that asks no why."""
    if not ASKS_WHY.search(text):
        return []
    terms = _outermost(_spans(text.lower()))
    if any(t.term == "colour change" for t in terms) and WITH_DIRECTION.search(text):  # "… when I turn it?"
        terms = [term_called("pleochroism") if t.term == "colour change" else t for t in terms]
    if FIRE_OPAL.search(text):  # named for its orange body colour: neither dispersion nor, always, play-of-colour
        terms = [t for t in terms if t.term != "dispersion"]
    elif OPAL.search(text):  # "why does opal have fire?": its play-of-colour, not a faceted stone's dispersion
        terms = [term_called("play-of-colour") if t.term == "dispersion" else t for t in terms]
    if not terms:  # "why is sapphire blue?", "why is it shiny?": the term for the property itself
        # "why does ruby glow?": its glow's entry, as "… under UV?" gives; the "why" asks no colour of it
        explained = [f for f in fields if f != "colour_cause"] if "fluorescence" in fields else fields
        terms = [term_called(term) for field, term in EXPLAINED_AS.items() if field in explained]
    return list(dict.fromkeys(terms))[:MAX_TERMS]


# "I only have a loupe and a dichroscope, what can I check?", "what can I test with a refractometer?": what the
# instruments at hand show, each told by its entry
CHECKS_ASKED = re.compile(
    r"\bwhat (?:else )?(?:can|could|should) (?:i|we|one) (?:check|test|tell|see|do|find out|learn|look for)\b|"
    r"\bwhat (?:tests?|checks?) (?:can|could) (?:i|we)\b",
    re.I,
)
INSTRUMENTS = {
    "refractometer", "polariscope", "dichroscope", "Chelsea filter", "spectroscope", "loupe", "UV lamp",
    "thermal diamond tester", "moissanite tester", "hydrostatic weighing", "heavy liquids", "gemmological microscope",
}  # fmt: skip


# "all I have is a 10x loupe", "I don't have a balance, only a loupe", "just a refractometer": the instruments named
# right after it are the only ones at hand
ONLY_THESE = re.compile(
    r"\b(?:only|just|all (?:i|we)(?:'ve| have| own)?(?: got)?(?: is| are)?)\s+(?:(?:have|has|got|own|use)\s+)?"
    r"(?:(?:a|an|the|my|one|some)\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
# "what can a loupe tell me?", "what does a polariscope show?": what the instrument itself checks
THE_INSTRUMENT_CHECKS = re.compile(
    r"\bwhat (?:can|could|does|do|will|would) (?:a|an|the|my) [\w -]{1,30}?\b(?:tell|show|detect|reveal|check|test|"
    r"see|do)\b",
    re.I,
)


NOT_AT_HAND = re.compile(r"\b(?:no|nor)\s+(?:(?:a|an|the|my|any)\s+)?$")


def _only_at_hand(text: str) -> list[Term]:
    """The instruments a message says are the only ones at hand ("I only have a loupe"), else none."""
    lowered = text.lower()
    return [t for start, _, t in _spans(lowered) if t.term in INSTRUMENTS and ONLY_THESE.search(lowered[:start])]


def instruments_asked(text: str) -> list[Term]:
    """The instruments a person has, when they ask what those can check ("I only have a loupe and a dichroscope,
    what can I check?": the loupe and the dichroscope) or say they have only those ("all I have is a loupe"); none
    for a message with readings, which are ranked."""
    from gemlang.knowledge.knowledge_base import gems_named_in

    # "what does a dichroscope show for iolite?", "… of my stone?": what it reads for that gem or stone
    of_any = THE_INSTRUMENT_CHECKS.search(text) and not ABOUT_THE_STONE.search(text) and not gems_named_in(text)
    asked = CHECKS_ASKED.search(text) or of_any or _only_at_hand(text)
    if not asked or re.search(r"\d", re.sub(r"\b\d+\s*x\b", "", text, flags=re.I)):  # not the 10 of "a 10x loupe"
        return []
    lowered = text.lower()  # "only a loupe, no refractometer": the refractometer is not at hand
    missing = {t for start, _, t in _spans(lowered) if NOT_AT_HAND.search(lowered[:start])}
    return [t for t in terms_named(text) if t.term in INSTRUMENTS and t not in missing]


# "I have a refractometer but no SG scale", "without a balance": the specific gravity said to be out of reach
NO_BALANCE = re.compile(
    r"\b(?:no|without|(?:don'?t|do not|doesn'?t|does not) have|haven'?t got|lack\w*)\b(?:\s+(?:a|an|any|the|my))?"
    r"(?:\s+[\w.-]+)?\s+(?:sg|s\.g\.|specific gravity|density|scales?|balance|heavy liquids?)\b",
    re.I,
)


def _instrument(test) -> str:
    """The instrument a test needs, without how it is used ("refractometer, both shadow edges": refractometer)."""
    return re.split(r"[,(]", test.instrument)[0].strip()


def _reads_with(names: list[str], test) -> bool:
    return any(re.search(rf"\b{re.escape(name.lower())}\b", test.instrument.lower()) for name in names)


def without_a_balance(text: str, at_hand: list[Term]) -> str:
    """What the instruments at hand read, by the tests that need them, when a message says the specific gravity is
    out of reach ("I have a refractometer but no SG scale"), and what reading it needs; or, when they are said to
    be the only ones ("I only have a loupe"), what they read and which instruments the other tests need; ''
    otherwise."""
    from gemlang.knowledge.instruments import TESTS

    names = [t.term for t in at_hand if t.term in INSTRUMENTS]
    if names and _only_at_hand(text):
        return _with_these_alone(names)
    reads = [test.name for test in TESTS if test.key != "sg" and _reads_with(names, test)]
    if not names or not reads or not NO_BALANCE.search(text):
        return ""
    if "birefringence" in reads and "optic character" not in reads:  # two shadow edges or one: doubly refractive?
        reads.insert(reads.index("birefringence"), "whether it is singly or doubly refractive (one shadow edge or two)")
    sg = next(test for test in TESTS if test.key == "sg")
    return (
        f"**With the {' and the '.join(names)} alone** you read its {', '.join(reads[:-1])} and {reads[-1]}"
        if len(reads) > 1
        else f"**With the {' and the '.join(names)} alone** you read its {reads[0]}"
    ) + (
        f". Gems whose refractive indices overlap are not told apart until the {sg.name} is taken, which needs a "
        f"{sg.instrument}: hydrostatic weighing, the stone weighed in air and then in water, or liquids of known "
        "density in which it sinks or floats."
    )


def _with_these_alone(names: list[str]) -> str:
    """What the only instruments at hand read ("**With the loupe alone** you can check its doubling …") and,
    instrument by instrument, what the other tests need, in the order a gemmologist reaches for them; the scratch
    test, which damages the stone, left out."""
    from gemlang.knowledge.instruments import TESTS

    reads = [test.name for test in TESTS if _reads_with(names, test)]
    needs: dict[str, list[str]] = {}
    for test in TESTS:
        if not test.destructive and not _reads_with(names, test):
            needs.setdefault(_instrument(test), []).append(test.name)
    said = lambda items: ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else items[0]  # noqa: E731
    alone = f"**With the {' and the '.join(names)} alone**"
    lead = f"{alone} you can check its {said(reads)}." if reads else f"{alone} you read none of the constants of a gem."
    other = "; ".join(f"a {instrument} ({said(tests)})" for instrument, tests in needs.items())
    return f"{lead} The other tests need other instruments: {other}."


# "what is smoke treatment of opal?", "what does oiling mean for an emerald?": a treatment's own entry, though a gem
# is named beside it (a question about a gem asks no term otherwise); not the general "treatment"
TREATMENTS = {
    "irradiation", "oiling", "smoke treatment", "diffusion treatment", "beryllium diffusion", "lead-glass filling",
    "HPHT", "heat treatment", "clarity enhancement grades",
}  # fmt: skip
# "how is ruby heated?", "why are sapphires heated?" ask what the treatment does, as "what is …" does
DEFINITION = re.compile(
    r"^\s*(?:(?:and|so)\s+)?(?:what(?:'s|s| is| are| does)|define|explain|(?:the )?meaning of|"
    r"(?:how|why) (?:is|are|do|does)\b(?=.*\b(?:heated|heat[- ]treated|oiled|irradiated|smoked)\s*\??\s*$))",
    re.I,
)


def treatments_named_in(text: str) -> list[Term]:
    """The treatments a message names ("can you tell if an emerald is oiled from a photo?": oiling)."""
    return [t for t in terms_named(text) if t.term in TREATMENTS]


# "how do jewellers heat ruby?", "how do they oil emeralds?": the treatment asked by its verb
DONE_HOW = re.compile(
    r"^\s*how (?:do|does|did|is|are) (?!i\b|we\b)[\w ]{1,30}?\b(heat|oil|irradiate|smoke)\b(?!.*\b(?:my|mine)\b)", re.I
)
DONE_AS = {"heat": "heated", "oil": "oiled", "irradiate": "irradiated", "smoke": "smoked"}


# "is a lead glass filled ruby worth buying?", "should I buy a heated sapphire?", "is a heated ruby worth less?": what
# the treatment is, and does to the stone's worth, is what a buyer needs
WORTH_ASKED = re.compile(
    r"\bworth (?:buying|getting|it|anything|less|more|the (?:money|price))\b|\bshould (?:i|we|one) (?:buy|get|avoid)\b|"
    r"\b(?:a )?(?:good|bad) (?:buy|purchase|investment)\b|\bsafe to buy\b|"
    r"\b(?:cheaper|(?:more|less) (?:expensive|valuable))\b|"
    r"\b(?:lower|raise|affect|reduce|increase)s? (?:the |its |their )?(?:value|price)\b",
    re.I,
)


# a paper said to name something: "my emerald report says moderate clarity enhancement", "the cert states 'no heat'"
PAPER_SAYS = re.compile(
    r"\b(?:reports?|certificates?|certs?|appraisals?|listings?|labels?|invoices?|grading)\s+(?:\w+\s+)?"
    r"(?:says?|said|states?|stated|reads?|mentions?|lists?|notes?|describes? it as|calls? it)\b",
    re.I,
)


def treatments_on_a_paper(text: str) -> list[Term]:
    """The treatments a report, a certificate or a listing is said to name ("my emerald report says moderate clarity
    enhancement, is that bad?"): what the words mean is asked; none for a reading off it ("the report says RI
    1.76")."""
    said = PAPER_SAYS.search(text)
    return [] if not said or re.search(r"\d", text[said.end() :]) else treatments_named_in(text[said.end() :])


def treatments_defined(text: str) -> list[Term]:
    """The treatments a question asks to be explained, or asks whether to buy, whatever gem it names beside them;
    none for any other question ("is my emerald oiled?")."""
    if done := DONE_HOW.match(text):
        return treatments_named_in(DONE_AS[done.group(1).lower()])
    return treatments_named_in(text) if DEFINITION.search(text) or WORTH_ASKED.search(text) else []


def screening_of(species: str) -> Term | None:
    """How lab-grown stones of a species are told from natural ones where readings alone do not say ("lab-grown
    diamond screening"), or None when the glossary has no such entry."""
    return term_called(f"lab-grown {species.lower()} screening")


# Kinds of specimen a rock is, asked of the stone in hand ("I cracked open a round rock, is this a geode?"): neither a
# photo of a gem nor a reading decides it, so what makes one is the answer
SPECIMEN_KINDS = {"geode", "thunderegg"}
# "is this a geode?", "is it really a geode?"; not "is it the same as a geode?", asked of another thing
KIND_OF_THE_STONE = (  # and "is this a thunderegg or a geode?"
    r"\b(?:is|are)\s+(?:this|it|that|these|they|mine)\s+(?:\w+\s+)?(?:an?\s+)?(?:[\w-]+\s+or\s+(?:an?\s+)?)?{}\b"
)


def specimen_kinds_asked(text: str) -> list[Term]:
    """The kinds of specimen a question asks the stone in hand to be ("is this a geode?": geode); none for any
    other question."""
    return [
        t
        for t in glossary()
        if t.term in SPECIMEN_KINDS
        and any(compiled(KIND_OF_THE_STONE.format(re.escape(word)), re.I).search(text) for word in t.asked_as)
    ]


# Terms answered whenever a question names them, not only when asked "what is …": "how should I label my
# specimens?"; and, in a question of what is allowed, "do I need a permit to collect on public land?" ("found this on
# public land, what is it?" asks what the stone is)
ALLOWED_ASKED = re.compile(r"\b(?:can|may|allowed|legal(?:ly)?|illegal|permits?|permission|rules?|laws?)\b", re.I)
# a report, an appraisal or buying asked about ("is a GIA report worth it?", "is my certificate real?", "do I need an
# appraisal?", "what should I ask the seller?"), not a valuation asked of the chat ("can you appraise it?") nor a
# reading off a report ("the report says RI 1.76")
ABOUT_PAPERS = re.compile(rf"^(?!.*\b(?:can|could|would|will) you\b)(?!.*\d\.\d).*?(?:{ASKED.pattern})", re.I)
# "is it legal to take stones from the beach?", "can I keep pebbles from the beach?": taking asked, with leave to;
# not "I picked this up on the beach, what is it?"
TAKING_ALLOWED = re.compile(
    r"^(?=.*\b(?:legal(?:ly)?|illegal|allowed|permitted|laws?|rules?|fined?|(?:can|may) (?:i|we|one))\b)"
    r"(?=.*\b(?:take|taking|keep|keeping|collect|collecting|remove|removing|pick(?:ing)? up)\b)",
    re.I,
)
# "what would a gem lab test?", "what does a gem laboratory do?", "how does a gem lab identify a stone?": what a
# laboratory does, not the stone's bench tests
LAB_WORK_ASKED = re.compile(
    r"\bwhat (?:would|does|do|will|can|could|might)\b[^?.!]{0,30}\b(?:test|check|do|look at|use|measure|analy[sz]e)\b|"
    r"\bhow (?:do|does)\b[^?.!]{0,30}\b(?:work|identify|analy[sz]e)\b",  # not "how would a lab test it?"
    re.I,
)
# "how are gems formed?", "where do gems form?", "how do crystals grow?": how, not what, the forming is
HOW_FORMED_ASKED = re.compile(r"\b(?:how|where)\b", re.I)
# and "which gems form in metamorphic rock?": the settings the formation entry names each gem of (but "what shape do
# tourmaline crystals grow in?" asks a gem's habit, not how crystals grow)
GEMS_FORMED_ASKED = re.compile(r"\b(?:how|where|which|what)\b", re.I)
# "does aquamarine look better in white gold?", "would it suit yellow gold?": how a stone looks in a metal, not "can I
# clean it in white gold?"
LOOKS_IN_METAL = re.compile(
    r"\b(?:look(?:s|ing)?|suit(?:s|ed)?|go(?:es)? (?:well |best )?with|match(?:es)?|complement\w*|pair\w*|better|best|"
    r"prettier|nicer)\b",
    re.I,
)
# "which gems are organic?": the ones the organic gem entry names, not "what organic gem is this?" of the stone in hand
ORGANIC_ONES_ASKED = re.compile(r"^\s*(?:which|what)\b(?!.*\b(?:it|its|this|that|my|mine)\b)", re.I)
ASKED_WHEREVER_NAMED = {
    "specimen label": ASKED, "collecting rocks and minerals": ALLOWED_ASKED, "lab report": ABOUT_PAPERS,
    "in-house certificate": ABOUT_PAPERS, "laboratories compared": ABOUT_PAPERS,
    "taking stones from a beach": TAKING_ALLOWED,
    "appraisal": ABOUT_PAPERS, "reappraisal": ABOUT_PAPERS, "buying a gem": ABOUT_PAPERS,
    "repolishing": ABOUT_PAPERS, "gem laboratory": LAB_WORK_ASKED, "AAA grade": ABOUT_PAPERS,
    "gem formation": GEMS_FORMED_ASKED, "crystal growth": HOW_FORMED_ASKED,
    "resetting a stone": ASKED,
    "conflict diamonds": ASKED, "ethical sourcing": ASKED,
    "metal colour": LOOKS_IN_METAL,
    "diamond alternatives": ASKED,
    "organic gem": ORGANIC_ONES_ASKED,
    "coloured stone cut": ASKS_WHY,  # "why does my stone look windowed?": what a window is, of the stone in hand too
}  # fmt: skip
# terms a word of which is too common to name them alone: "beach" names the rules of taking stones from one only in
# a question of that ("is it legal to take pebbles from the beach?"), not "I picked it up on the beach, what is it?"
NAMED_ONLY_SO_ASKED = {"taking stones from a beach"}


# a report a seller writes: "can I trust a certificate from a pawn shop?", "the jeweller's own certificate"
SELLERS_PAPER = re.compile(
    r"\b(?:certificates?|certs?|reports?)\b[^.?!]{0,20}?\b(?:from|by|of|issued by)\s+(?:an?|the|my|this|that)?\s*"
    r"(?:pawn ?shops?|pawnbrokers?|jewell?ers?|jewell?ery stores?|stores?|shops?|sellers?|dealers?|vendors?)\b|"
    r"\b(?:pawn ?shop|pawnbroker|jewell?er|store|shop|seller|dealer|vendor)(?:'s)?\s+(?:own\s+)?"
    r"(?:certificates?|certs?)\b",
    re.I,
)


def named_in_a_question(text: str) -> list[Term]:
    """The terms of `ASKED_WHEREVER_NAMED` a question names, each in the kind of question that asks it; a seller's own
    certificate first when the paper is one ("can I trust a certificate from a pawn shop?")."""
    named = [t for t in terms_named(text) if (asks := ASKED_WHEREVER_NAMED.get(t.term)) and asks.search(text)]
    issuer = term_called("in-house certificate")
    return [issuer, *[t for t in named if t != issuer]] if SELLERS_PAPER.search(text) else named


def terms_named(text: str) -> list[Term]:
    """The glossary terms a message names anywhere ("how do I get SG with a kitchen scale and water?": specific
    gravity, hydrostatic weighing), for a question about the stone nothing else answers."""
    return _outermost(_spans(_appraised_again(text).lower()))[:MAX_TERMS]


def _appraised_again(text: str) -> str:
    """ "How often should I get it appraised?": an appraisal asked of how often is one made again, a reappraisal."""
    often = re.search(r"\bhow often\b", text or "", re.I)
    return (
        text if often is None else text[: often.end()] + re.sub(r"(?<![\w-])apprais", "reapprais", text[often.end() :])
    )


def term_called(name: str) -> Term | None:
    """The glossary's entry for the term `name` ("chatoyancy"), or None when it has none."""
    return next((t for t in glossary() if t.term == name), None)


# entries for one thing under several names, asked for only when two of the names are said ("is lab-grown the same
# as synthetic?"), in place of the entry each name alone asks for
NAMED_TWICE = {"lab-grown or synthetic"}


def _spans(lowered: str, asked: bool = False) -> list[tuple[int, int, Term]]:
    """Where each glossary term is named in a lower-case text, as (start, end, term); not a term said to be missing
    ("without a refractometer"). `asked`: the text is what a question asks to be explained, so a NAMED_TWICE entry
    named once by a name of its own ("what does lab-created mean?") is that entry, not the other term the name
    is also one of; named by the other term's own name ("what is synthetic?"), it is the other term."""
    spans = _all_spans(lowered)
    twice = [span for span in spans if span[2].term in NAMED_TWICE]
    if len({start for start, _, _ in twice}) < 2:
        own = [
            s for s in twice if asked and not any(o[:2] == s[:2] and o[2].term == lowered[o[0] : o[1]] for o in spans)
        ]
        return [span for span in spans if span in own or (span not in twice and all(span[:2] != s[:2] for s in own))]
    return [span for span in spans if span in twice or not any(span[:2] == said[:2] for said in twice)]


@cache
def _names_of_terms() -> tuple[tuple[Term, str, re.Pattern[str]], ...]:
    """(term, name, its pattern) for every name a glossary term is asked as, compiled once: there are more names than
    `re` keeps compiled itself, so searched by their strings each would be compiled again for every message."""
    return tuple(
        (term, word, re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])"))
        for term in glossary()
        for word in term.asked_as
    )


def _all_spans(lowered: str) -> list[tuple[int, int, Term]]:
    """`_spans`, with every NAMED_TWICE entry named once or more."""
    return [
        (m.start(), m.end(), term)
        for term, word, named in _names_of_terms()
        if (m := named.search(lowered))
        and not (term.term in NAMES_KINDS and _narrowed(lowered[: m.start()]))
        and (" " in word or not ALONE_ONLY.fullmatch(word) or ALONE_ONLY.fullmatch(lowered))
        and not WITHOUT.search(lowered[: m.start()])
        and not (word.endswith("heat") and HEAT_MAP.match(lowered, m.end()))
        and (" " in word or term.term not in NAMED_ONLY_SO_ASKED or ASKED_WHEREVER_NAMED[term.term].search(lowered))
    ]


# "why is there no heat map?": the photo's map of where the model looked, not a stone said to be unheated ("no heat")
HEAT_MAP = re.compile(r"[- ]?maps?\b")


def _blanked(lowered: str, spans: list[tuple[int, int, Term]]) -> str:
    """The text with the terms named in it blanked out, for what else it says."""
    return "".join(" " if any(a <= i < b for a, b, _ in spans) else ch for i, ch in enumerate(lowered))


def _outermost(spans: list[tuple[int, int, Term]]) -> list[Term]:
    """The terms named, in the order named, leaving out those named only inside a longer term."""
    # "anomalous double refraction" asks for that term, not also for the "double refraction" inside it
    inside = lambda a, b: b[0] <= a[0] and a[1] <= b[1] and a[1] - a[0] < b[1] - b[0]  # noqa: E731
    found: dict[Term, int] = {}
    for span in spans:
        if not any(inside(span, other) for other in spans if other[2] != span[2]):
            found[span[2]] = min(found.get(span[2], span[0]), span[0])
    return sorted(found, key=found.get)[:MAX_TERMS]
