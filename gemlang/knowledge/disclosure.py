"""What a stone may be sold as: "can I sell them as ruby?", "can I call it a diamond?", "does the oiling have to be
disclosed?".

The rule quoted is the US Federal Trade Commission's Jewelry Guides as revised in 2018 (16 CFR 23.25(b), and their
disclosure of treatments, 23.24); the answer says it, then what the evidence showed of the stone in hand, never
more: only a laboratory report settles a sale. A treatment named is answered by 23.24, from what the care notes say
of it and, where they say it, how the trade discloses it. Whether a material may be traded at all ("can I sell black
coral online?") is answered from `trade_rules.json` (CITES), each rule with the pages it was checked against.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gemlang.knowledge.care import ASKED, Care, care_of, treated_material
from gemlang.knowledge.facts import GemFacts, sentences
from gemlang.knowledge.glossary import named_in_a_question, term_called
from gemlang.knowledge.knowledge_base import gems_named_in
from gemlang.language.gem_text import join_words

SELL_QUESTION = re.compile(
    r"\b(?:sell|call|list|market|advertise|describe|label)\s+(?:it|them|this|these|that|those|the \w+)\s+as\b|"
    # what it may be sold or called as ("can I sell lab grown sapphire as sapphire?", "can I call it a diamond?"),
    # not whether to sell it ("should I sell it or keep it?")
    r"\b(?:can|could|may|should)\s+(?:i|we)\s+sell\b[^.?!,;]{0,40}?\bas\b|"
    r"\b(?:can|could|may|should)\s+(?:i|we)\s+call\s+(?:it|them|this|these|that|those)\b(?!\s+(?:or|and|in|on|back)\b)|"
    r"\bdisclos(?:e|ed|ing|ure)\b|\b(?:declare|tell)\s+(?:it\s+to\s+)?(?:the\s+|my\s+|a\s+)?(?:buyers?|customers?)\b|"
    # an appraiser's: "how should I describe it on the valuation?", "what wording should I use for …?"
    r"\b(?:describe|word|name|call|list)\s+(?:it|them|this|these)\s+(?:on|in)\s+(?:the\s+|an?\s+|my\s+)?"
    r"(?:valuation|appraisal|insurance|report|document|invoice|certificate|listing)|\bwhat wording\b",
    re.I,
)
RULE = (
    'A gem\'s name may be given to a laboratory-grown, synthetic or imitation stone only with "laboratory-grown", '
    '"laboratory-created", "synthetic", "imitation" or "simulated" immediately before it, as conspicuous; and '
    "a treatment must be disclosed when it is not permanent, needs special care, or significantly affects value "
    "(US Federal Trade Commission, Jewelry Guides: 16 CFR 23.25, and their disclosure of treatments, 23.24)."
)
SOURCES = (
    "16 CFR 23.24, Disclosure of treatments to gemstones "
    "<https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-23/section-23.24>",
    "16 CFR 23.25, Misuse of the words 'ruby,' 'sapphire,' 'emerald,' 'topaz,' 'stone,' 'birthstone,' 'gem,' "
    "'gemstone,' etc. <https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-23/section-23.25>",
    "FTC, warning letters (2019) to sellers of lab-grown diamonds and simulants, under the Jewelry Guides as revised "
    "in 2018 "
    "<https://www.ftc.gov/business-guidance/blog/2019/04/warning-letters-re-mined-diamond-sellers-describe-products-accurately>",
    "FTC, In the Loupe: advertising diamonds, gemstones and pearls "
    "<https://www.ftc.gov/business-guidance/resources/loupe-advertising-diamond-gemstones-pearls>",
)

# what a listing, tag or seller says the stone is: "the listing says lab-created sapphire", "sold as synthetic"
LAB_GROWN = r"lab(?:oratory)?[- ]?(?:created|grown|made)|synthetic|man[- ]made|created"
LAB_GROWN_SAID = re.compile(
    r"\b(?:(?:the|this|my|a|its|his|her)\s+)?(?P<who>listing|tag|label|seller|vendor|dealer|shop|store|ad|advert|website|"
    r"description|invoice|receipt|box|card)\s+(?:says?|said|calls? it|called it|reads?|states?|claims?|claimed|"
    rf"(?:lists?|listed|describes?|described) it as)\b(?P<between>[^.?!;]{{0,30}}?)\b(?:{LAB_GROWN})\b"
    rf"(?:[- ](?P<gem>[a-z]+))?|\b(?:sold|listed|advertised|labell?ed|described|marketed|tagged)\s+as\s+(?:an?\s+)?"
    rf"(?:{LAB_GROWN})\b(?:[- ](?P<gem_sold>[a-z]+))?",
    re.I,
)
LAB_GROWN_NAMING = (
    '"laboratory-created", "laboratory-grown", "synthetic" or words of like meaning immediately before the name, '
    "as conspicuous (US Federal Trade Commission, Jewelry Guides: 16 CFR 23.25)"
)


def lab_grown_said(text: str) -> str:
    """What a listing, tag or seller calling the stone lab-grown means for its name, said before anything else
    ("the listing says lab-created sapphire, is that ok to call it sapphire?"); '' when no one says so."""
    said = LAB_GROWN_SAID.search(text or "")
    if said is None or re.search(r"\b(?:not|no|never)\b|n't\b", said.group("between") or ""):
        return ""  # "the seller says it's not synthetic": a claim of a natural stone
    who = f"The {said.group('who').lower()} calls it" if said.group("who") else "It is sold as"
    word = (said.group("gem") or said.group("gem_sold") or "").lower()
    gem = word if word and gems_named_in(word) else ""
    named = f'"{gem}"' if gem else "by the gem's name"
    fair = f': "lab-created {gem}" is a fair name, "{gem}" alone is not' if gem else ""
    return f"**{who} lab-grown.** A lab-grown stone may be called {named} only with {LAB_GROWN_NAMING}{fair}."


TREATMENT_RULE = (
    "The FTC Jewelry Guides (16 CFR 23.24) require a treatment to be disclosed when it is not permanent, when it "
    "creates special care requirements, or when it significantly affects the stone's value."
)
DISCLOSE_QUESTION = re.compile(
    r"\bdisclos(?:e|ed|ing|ure)\b|\b(?:declar(?:e|ed|ing)|mention(?:ed)?)\b|\btell\s+(?:it\s+to\s+)?(?:the\s+|my\s+|a\s+)?(?:buyers?|"
    r"customers?)\b",
    re.I,
)
# how to put a treatment in a listing: "how do I word oiling in a listing?", "what should I write about heating in my
# listing?"; answered with the disclosure rule and the trade's codes for it
WORDING_ASKED = re.compile(
    r"\b(?:word|write|phrase|put|state|describe|mention|list|label)\b[^.?!]{0,50}\b(?:in|on|for)\s+(?:an?\s+|the\s+|my\s+)?"
    r"(?:listings?|labels?|tags?|descriptions?|invoices?|adverts?|ads?|shop|store|catalog(?:ue)?s?|website)\b|"
    r"\bhow (?:do|should|can|must|would) (?:i|we) word\b|\bwhat wording\b",
    re.I,
)
# The treatments a disclosure question may name, and the treated material whose care notes (care.json) say whether
# it lasts and what care it needs
TREATMENTS = (
    (r"\boil(?:ed|ing|s)?\b", "Oiling", "oiled/resin-filled emerald"),
    (r"\bresin", "Resin filling", "oiled/resin-filled emerald"),
    (r"\bglass[- ]?fill|\blead[- ]glass", "Glass filling", "lead-glass-filled ruby"),
    (r"\b(?:fracture|clarity)[- ]?(?:fill|enhanc)", "Fracture filling", "fracture-filled diamond"),
    (r"\bdye(?:d|ing|s)?\b", "Dyeing", "dyed stones"),
    (r"\bcoat(?:ed|ing|ings)?\b", "Coating", "coated (mystic) topaz"),
    (r"\bstabili[sz](?:ed|ation|ing)\b", "Stabilisation", "stabilised turquoise"),
    (r"\bwax(?:ed|ing|es)?\b|\bparaffin", "Waxing", "waxed stones"),
)
NOT_PERMANENT = re.compile(r"not permanent|unstable|not (?:light-)?stable|easily removed|\baltered\b", re.I)
SPECIAL_CARE = ("never", "not recommended", "damp cloth only")
# What the care notes say, gem by gem, of the treatments that have no treated material of their own there: heating
# (stable in spinel, citrine and tourmaline; heated ruby and sapphire clean as untreated ones; heat-treated zircon can
# revert), irradiation (its colours fade in tourmaline, kunzite and Maxixe-type beryl) and diffusion (re-cutting
# removes a shallow diffusion's colour from sapphire; lattice-diffused corundum cleans as untreated)
GEM_BY_GEM = (
    (
        r"\bheat(?:ed|ing)?\b|\bheat[- ]treat",
        "**Heating must be disclosed when it significantly affects the stone's value**: it usually lasts and needs no "
        "special care (my care notes call it stable in spinel, citrine and tourmaline, and clean heated ruby and "
        "sapphire as untreated ones), but heat-treated zircon can revert in bright light, so there it must be "
        "disclosed.",
    ),
    (
        r"\birradiat",
        "**Irradiation must be disclosed where its colour can fade**, as in tourmaline, kunzite and Maxixe-type beryl "
        "(my care notes); a lasting irradiated colour, when it significantly affects the stone's value.",
    ),
    (
        r"\bdiffus",
        "**Diffusion must be disclosed when it is shallow**: re-cutting or surface damage removes its colour (my care "
        "notes of sapphire), a special care requirement; a lattice diffusion, which cleans as untreated stones do, "
        "when it significantly affects the stone's value.",
    ),
)
CARE_NOTES = "the care notes of gemlang/knowledge/care.json, each with the pages it was checked against"


def _from_care(name: str, said_as: str, care: Care) -> str:
    """ "**Oiling must be disclosed**: it is not permanent (…) and needs special care (…)." from its care notes: the
    shortest words on its permanence, those that name the treatment first."""
    lasting = [c.strip() for x in sentences(care.text) for c in re.split(r"[;:]", x) if NOT_PERMANENT.search(c)]
    lasting = [c for c in lasting if re.search(said_as, c, re.I)] or lasting  # resin's own words, not oil's
    ways = [f"{way}: {said}" for way, said in (("ultrasonic", care.ultrasonic), ("steam", care.steam),
            ("warm soapy water", care.warm_soapy_water)) if said in SPECIAL_CARE]  # fmt: skip
    why = ([f"it is not permanent (“{min(lasting, key=len).rstrip('.')}”)"] if lasting else []) + (
        [f"it needs special care ({'; '.join(ways)})"] if ways else []
    )
    trade = f" {care.disclosure}" if care.disclosure else ""
    if not why:
        return f"**{name} must be disclosed when it significantly affects the stone's value.**{trade}"
    return f"**{name} must be disclosed**: {' and '.join(why)}.{trade}"


def names_a_treatment(text: str) -> bool:
    """Whether a message names a treatment a disclosure question can be answered for ("is it oiled?")."""
    return any(re.search(pattern, text or "", re.I) for pattern, *_ in (*TREATMENTS, *GEM_BY_GEM))


def treatment_disclosure(text: str, of_a_stone: bool = False, before: str = "") -> tuple[str, tuple[str, ...]] | None:
    """Whether the treatment a disclosure question names must be disclosed, and why, by 16 CFR 23.24, with the
    sources; None if the message asks no such thing. `of_a_stone`: a stone in hand, whose treatment a laboratory
    decides. `before`: the message before, whose treatment "does it have to be disclosed?" asks of when it names
    none itself ("is it oiled?", then "does it have to be disclosed?")."""
    wording = bool(WORDING_ASKED.search(text or "")) and names_a_treatment(text)  # not the colour in a listing
    if not ((DISCLOSE_QUESTION.search(text or "") or wording) and ASKED.search(text)):
        return None  # not "it's oiled, the seller disclosed it"
    if not names_a_treatment(text) and names_a_treatment(before):
        text = before
    # a filler, dye or coating first: "heated and glass-filled" is answered for the glass
    treated = next(((said_as, name, m) for said_as, name, m in TREATMENTS if re.search(said_as, text, re.I)), None)
    if treated is not None:
        said_as, name, material = treated
        named = care_of([], text)  # the treated material the message names ("glass-filled ruby")
        care = named if named is not None and named.treatment else treated_material(material)
        said, sources = _from_care(name, said_as, care), care.sources
    elif said := next((plain for pattern, plain in GEM_BY_GEM if re.search(pattern, text, re.I)), ""):
        sources = (CARE_NOTES,)
    else:
        return None
    lab = " Whether your stone has it, only a gem laboratory can tell." if of_a_stone else ""
    if not wording:
        return f"{said} {TREATMENT_RULE}{lab}", (SOURCES[0], *sources)
    codes = term_called("enhancement codes")
    return f"{said} {TREATMENT_RULE}{lab}\n\n**Enhancement codes**: {codes.text}", (SOURCES[0], *sources, codes.source)


def disclosure_answer(text: str, gem: GemFacts | None) -> str:
    """The answer to "can I sell it as X?", with what the evidence so far says of `gem`; '' if not asked."""
    if not SELL_QUESTION.search(text or ""):
        return ""
    return f"**What it may be sold as:** {RULE} {_evidence_said(gem)}"


def _evidence_said(gem: GemFacts | None) -> str:
    """What the evidence so far says of the stone to be sold: never more than a laboratory report would."""
    if gem is None:
        return (
            "Nothing here yet shows what the stone is: a photo or readings first, and a laboratory report for a sale."
        )
    if gem.origin != "natural":
        return (
            f"My answer for your stone is {gem.name}, which is not a natural gem: it must be sold as what it is, "
            "never under the natural gem's name alone."
        )
    return (
        f"My answer for your stone is {gem.name}, but a photo and bench readings are not a laboratory report: "
        "before selling it as that, have it tested, treatments included."
    )


# whether a listing may use a word: "can I call my stones natural?", "is it ok to say cultured for a lab ruby?", "what
# must I call a lab-created stone?"; not whether the stone is it ("is it natural?") nor what it may be sold as
# ("can I sell it as sapphire?", `disclosure_answer`)
WORD_ASKED = re.compile(
    r"\b(?:can|could|may|should|must|is it (?:ok|okay|fine|allowed|legal)|(?:have|need|allowed) to)\b[^.?!]{0,60}?"
    r"\b(?:call|describe|label|advertise|market|say|write|name|use (?:the )?(?:word|term|name))\b|"
    r"\bwhat (?:must|should|do|does|can)\b[^.?!]{0,50}?\bcall(?:ed)?\b|"
    r"\bhow (?:do|should|must|can) (?:i|we|you) (?:call|label|name|describe|word)\b",
    re.I,
)


@dataclass(frozen=True)
class SellingWord:
    word: str  # "natural, genuine, real"
    asked_as: tuple[str, ...]  # regular expressions, lower case
    text: str
    sources: tuple[str, ...]


def _entries(file_name: str, key: str, kind: type) -> tuple:
    """The entries under `key` of a JSON file beside this one, as `kind`, their lists as tuples."""
    entries = json.loads(Path(__file__).with_name(file_name).read_text(encoding="utf-8"))[key]
    return tuple(kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in e.items()}) for e in entries)


@cache
def selling_words() -> tuple[SellingWord, ...]:
    return _entries("selling_words.json", "words", SellingWord)


def selling_word_answer(text: str, gem: GemFacts | None = None) -> tuple[str, tuple[str, ...]] | None:
    """Whether a listing may use the word a message asks of ("natural", "flawless", "lab-created", "cultured"), by
    the FTC Jewelry Guides, with what the evidence so far says of the stone in hand (`gem`) and the sources; None
    if it asks no such thing. The first word of `selling_words.json` named is the one asked: "can I call lab-created
    stones natural?" asks of "natural"."""
    if not WORD_ASKED.search(text or "") or lab_grown_said(text):  # "the listing says lab-created …": its own answer
        return None
    lowered = text.lower()
    word = next((w for w in selling_words() if any(re.search(p, lowered) for p in w.asked_as)), None)
    if word is None:
        return None
    found = f" {_evidence_said(gem)}" if gem is not None else ""
    return f"{word.text}{found}", word.sources


# whether a material may be traded: "can I sell black coral online?", "is red coral legal?", "can I bring it home?"
TRADE_QUESTION = re.compile(
    r"\b(?:legal(?:ly)?|illegal|allowed|permitted|permits?|banned|law|laws|cites|protected|endangered|customs)\b|"
    r"\b(?:sell|selling|buy|buying|import|importing|export|exporting|ship|shipping)\b|"
    r"\b(?:bring|brought|take|carry|travel)\b[^.?!]{0,30}\b(?:back|home|into|through|across|abroad|plane|flight)\b",
    re.I,
)
# whether one may trade it at all ("can I sell pearls online?", "is it legal to export?"), not where or how to buy
PERMISSION_ASKED = re.compile(
    r"(?<!where )(?<!how )\b(?:can|could|may)\s+(?:i|we|you|one)\s+(?:legally\s+)?"
    r"(?:sell|buy|import|export|ship|trade|bring|take|carry)\b|\b(?:legal(?:ly)?|illegal|allowed|permitted|banned|"
    r"permits?|cites|customs|protected|endangered)\b",
    re.I,
)
COLLECTING = {"collecting rocks and minerals", "taking stones from a beach"}  # where one may take stones: no trade
NOT_LEGAL_ADVICE = (
    "This is not legal advice: national rules differ and change, so ask your country's CITES authority (and the "
    "buyer's) before you sell or ship."
)


@dataclass(frozen=True)
class TradeRule:
    material: str  # "coral"
    said_as: tuple[str, ...]  # regular expressions, lower case
    gems: tuple[str, ...]  # the knowledge base's gems it is about
    text: str
    sources: tuple[str, ...]


@cache
def trade_rules() -> tuple[TradeRule, ...]:
    return _entries("trade_rules.json", "rules", TradeRule)


def trade_rule_answer(text: str, gem: GemFacts | None = None) -> tuple[str, tuple[str, ...]] | None:
    """The trade rule of the material a message asks whether it may sell, buy or carry, named or the stone answered
    (`gem`), with its sources and that it is no legal advice; None if it asks no such thing."""
    if not (TRADE_QUESTION.search(text or "") and ASKED.search(text)):
        return None
    if any(t.term in COLLECTING for t in named_in_a_question(text)):
        return None  # "is it legal to take stones from the beach?": where one may collect, not trade
    lowered = text.lower()
    for rule in trade_rules():
        if any(re.search(p, lowered) for p in rule.said_as) or (gem is not None and gem.name in rule.gems):
            return f"{rule.text} {NOT_LEGAL_ADVICE}", rule.sources
    # "can I sell sapphires online?": a gem with no rule is said to have none, not answered with its card
    named = [g.name for g in gems_named_in(text)] or ([gem.name] if gem is not None else [])
    if named and PERMISSION_ASKED.search(text) and not SELL_QUESTION.search(text):
        held = join_words([r.material for r in trade_rules()])
        return (
            f"**My facts hold no trade rule for {' or '.join(named)}**: the rules I hold are CITES listings of "
            f"organic materials ({held}), and none of them is about it. {NOT_LEGAL_ADVICE}",
            (),
        )
    return None
