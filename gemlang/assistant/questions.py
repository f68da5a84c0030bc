"""What a message asks: the patterns that read it, and the gems it names."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from gemlang.hints import TAG_QUESTION, Hints, parse_hints, says_what_a_gem_does
from gemlang.knowledge import GemFacts, get_facts
from gemlang.knowledge.knowledge_base import gems_named_in
from gemlang.knowledge.superlatives import A_COLOUR, BLEND_WORD, COLOUR_WORD, DEGREE_QUESTION
from gemlang.patterns import compiled

# "man-made?", "artificial?", "manufactured?": lab-grown or an imitation, said another way; not "artificial light"
MADE_WORDS = r"man[- ]?made|manufactured|artificial(?!\s+(?:light|lighting|lamps?|illumination))"
# "was it made in a lab?", "did it come from a lab?", "was this grown?" (grown, said of the stone and nothing more):
# lab-grown, said so
IN_A_LAB = (
    r"(?:(?:made|grown|created|produced)\s+in|(?:come|came|comes)\s+(?:out\s+of|from))\s+(?:a\s+|the\s+)?lab(?:oratory)?|"
    r"(?<!how )(?:was|is|were|are)\s+(?:it|this|that|these|they)(?:\s+[a-z]+)?\s+grown(?=\s*\?)"
)
AUTHENTICITY_WORDS = re.compile(
    rf"\b(?:real|fake|glass|synthetic|lab[- ]?(?:grown|created|made)|{MADE_WORDS}|{IN_A_LAB}|natural|simulant|"
    r"imitation|genuine|cz|doublet|triplet|assembled|plastic|resin)\b",
    re.I,
)
# "the difference between ruby and spinel", "ruby vs spinel", "how do I tell ruby from spinel", "compare ..."
COMPARE_WORDS = re.compile(
    r"\b(?:dif+e?ren\w*|differ|vs|versus|tell\b.{1,60}\b(?:from|apart)|distinguish\w*|compar\w*|separate)\b", re.I
)
_COURTESY = (
    r"(?:(?:thanks?(?: you)?|thx|ty|tysm)(?: (?:very|so) much| a lot| again| (?:man|mate|buddy))?|cheers|great|cool|"
    r"nice|awesome|perfect|(?:very |really |super )?helpful|ok(?:ay)?|(?:good)?bye|see you|gracias|merci(?: beaucoup)?|"
    # "that's really helpful", "this is great", "you've been very helpful": the praise said as a sentence
    r"(?:that'?s|that is|this is|you'?re|you are|you'?ve been|that was|this was)\s+"
    r"(?:(?:very|really|so|super|extremely|incredibly)\s+)?(?:helpful|useful|great|brilliant|perfect|amazing|"
    r"fantastic|wonderful|excellent|awesome|fab(?:ulous)?|lovely)|that helps|"
    r"danke(?: sch(?:ö|oe)n)?|grazie|obrigad[oa])"
)
THANKS = re.compile(rf"\s*{_COURTESY}(?:[,.!\s]+{_COURTESY})*[.!\s]*", re.I)  # "thanks, bye" too
MINE = re.compile(r"\s*(?:and|what about|how about)\s+(?:mine|my stone|my one|this one|the one in hand)\s*\??\s*", re.I)
OFF_TOPIC = re.compile(
    r"\b(?:write|compose)\b.{0,30}\b(?:poem|story|song|essay|haiku|limerick)s?\b|"
    r"\b(?:tell|know) (?:me )?(?:a|any) jokes?\b|\bweather\b|\bcapital of\b",
    re.I,
)
# "how do I make fake emeralds to sell as real?": help to deceive a buyer, which is refused
DECEIT = re.compile(
    r"\b(?:make|making|create|creating|produce|fake|faking|dye|dyeing)\b[^.?!]{0,40}\b(?:sell|pass)\w*\b[^.?!]{0,30}"
    r"\bas\s+(?:an?\s+)?(?:real|natural|genuine|untreated)\b|"
    r"\b(?:want|going|plan|planning|trying|help me|how (?:do|can|should) i|best way)\b[^.?!]{0,20}\bsell\w*\s+"
    r"(?:a\s+|an\s+|my\s+|the\s+)?(?:glass|plastic|synthetics?|lab[- ]?(?:grown|created|made)|fakes?|imitations?|"
    r"dyed|treated|filled|cz|cubic zirconia|moissanite|simulants?)\b[^.?!]{0,30}\bas\b|"
    r"\b(?:sell|pass)\w*\b[^.?!]{0,40}\bwithout\s+(?:telling|disclosing|saying)\b|"
    r"\b(?:not|never|don'?t|without)\s+(?:tell|telling|disclose|disclosing)\s+(?:the\s+|my\s+|a\s+)?(?:buyers?|customers?)\b|"
    r"\bso\s+(?:the\s+)?(?:buyers?|customers?|people)\s+think\b|"
    r"\bmake\b[^.?!]{0,40}\bpass\b[^.?!]{0,15}\b(?:a\s+|the\s+)?(?:lab|laboratory|gem lab|tester)\b|"
    r"\b(?:fool|trick|deceive|scam|cheat)\s+(?:a|an|the|my|some|people|buyers?|customers?|appraisers?|jewell?ers?|"
    r"gemm?ologists?|labs?|laborator(?:y|ies)|testers?)\b",
    re.I,
)
# "can I heat treat my sapphire myself at home?", "how do I dye agate?": a treatment done by the asker, which no fact
# of gemlang's describes how to do (not "is it heat treated?", nor "how is sapphire heated?", about the trade)
SELF_TREATMENT = re.compile(
    r"\b(?:(?:can|could|should|may) (?:i|we)|how (?:do|can|would|should) (?:i|we)|how to|want to|trying to|"
    r"best way to)\s+(?:\w+\s+)?(?:heat[- ]?treat|treat|heat|irradiate|dye|oil|diffuse|glass[- ]?fill|fill|enhance|"
    r"bake|cook)\b(?![- ]?(?:sensitive|resistant|clean))(?:[^.?!]{0,40}\b(?:myself|ourselves|at home|diy|"
    r"in (?:my|a|the|our) (?:kiln|oven|furnace|microwave|garage|workshop))\b|"
    r"(?<=treat)|(?<=irradiate)|(?<=diffuse))",
    re.I,
)
# "will amethyst cure my anxiety?": powers no evidence shows a gem has (not "healed fractures", an inclusion)
HEALING = re.compile(
    r"\bhealing\s+(?:powers?|propert\w*|energ\w*|stones?|crystals?)\b|\b(?:cures?|curing)\b|\bchakras?\b|"
    r"\bmetaphysical\b|\b(?:crystals?|gems?|stones?)\b[^.?!]{0,20}\b(?:powers?|vibrations?|energies)\b|"
    r"\bheal\s+(?:with|me|you|my|people)\b|\bnegative energ\w*|\bhelps?\s+(?:with\s+)?(?:sleep|anxiety|stress|"
    r"depression|insomnia)\b",
    re.I,
)
# A message in French, Spanish or German ("est-ce que c'est cher?", "¿cuánto vale?", "wie reinige ich ihn?"): two of
# their common little words and none of English's (not "a ruby from Rio de Janeiro"); what it may ask, where its words
# say so plainly
FOREIGN_WORDS = set(
    "est ce c'est qu'est que je tu vous il elle et le la les des du une comment pourquoi combien quel quelle "
    "mon ma mes pas oui avec dans sur est-ce quoi ça "  # French
    "es el los las qué cómo cuánto cuanto por para con mi mis esto este esta del y sí "  # Spanish
    "ist das der und wie ich nicht ein eine mein kann für wo woher wieviel ihn sie".split()  # German
)
ENGLISH_WORDS = set(
    "the it it's its is are what how my this that a an of and do does can i you to in from with for be was".split()
)
MEANT = (
    (re.compile(r"\b(?:cher|chère|prix|vaut|coûte|precio|caro|cara|vale|cuesta|teuer|preis|wert|kostet)\b", re.I),
     "is it expensive?"),
    (re.compile(r"\b(?:nettoi\w*|nettoy\w*|limpi\w*|reinig\w*|putz\w*)", re.I), "how do I clean it?"),
    (re.compile(r"\bc'est quoi\b|\bqu'est-ce que c'est\b|\bqué es\b|\bwas ist das\b", re.I), "what is it?"),
)  # fmt: skip


def not_in_english(text: str) -> bool:
    """Whether a message is in French, Spanish or German rather than English (`FOREIGN_WORDS`)."""
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text.lower().replace("’", "'"))
    foreign = sum(w in FOREIGN_WORDS for w in words) + text.lstrip().startswith(("¿", "¡"))
    return foreign >= 2 and not any(w in ENGLISH_WORDS for w in words)


# "so?", "hmm", "yes", "👍": a reply with nothing to act on, answered in short rather than with the whole answer again
SHORT_REPLY = re.compile(
    r"\s*(?:(?:hmm+|mm+|so|and|well|yes|yeah|yep|no|nope|really|i see|interesting|cool|wow|huh|oh|ah)\s*[?!.…]*\s*|"
    r"[^\w]*)",
    re.I,
)
# a question about an earlier stone of a parcel: "the first one", "stone 2", "which of the two was the ruby?"
EARLIER_STONE = re.compile(
    r"\b(?:first|second|previous|earlier|other) (?:one|stone|photo|gem)\b|\bstone (?:[1-9]|[a-c])\b|"
    r"\bwhich of (?:the|these|those) (?:two|three|four|stones)\b|\bgo back\b|"
    r"\bwhich (?:one )?is\b[^?.!]{0,40}\band which\b",  # "which one is pyrope and which is rhodolite?"
    re.I,
)
# "which is harder?", "compare them", "are they the same stone?" after a second stone: of the two stones answered;
# not "which test would settle it?", of the stone in hand
OF_THE_TWO_STONES = re.compile(
    r"^\s*which(?: one| of (?:them|the two|these|those))?\s+(?:is|are|has|have|can|will|does|fades?|glows?|"
    r"scratch(?:es)?|lasts?|wears?)\b|"
    r"\b(?:compare|tell)\s+(?:them|the two|both|these|those)\b|"
    r"\b(?:they|them|these|those|both|the two)\b[^?.!]{0,30}\b(?:same|differ\w*|apart)\b|"
    r"\b(?:same|differ\w*)\b[^?.!]{0,30}\b(?:they|them|these|those|both|the two)\b|"
    # "is it the same stone?", "is this a different one?": the stone in hand against the one before
    r"^\s*(?:is|was)\s+(?:it|this|that)\s+(?:the\s+same|an?\s+different)\b(?![^?.!]*\b(?:as|from|to)\b)",
    re.I,
)
# "what did I tell you?", "what have I measured?", "what are my readings?": what the conversation holds of the stone
TOLD_QUESTION = re.compile(
    r"\bwhat (?:did|have) i (?:tell|told|say|said|give|given|measure|measured|read|typed?)\b|"
    r"\bwhat(?:'s| is| are| were)\s+my\s+(?:readings?|measurements?|numbers|values|hints)\b|"
    r"\bwhat do you (?:know|have) (?:about|of|on) my stone\b|\bremind me what i\b|"
    r"\bwhat (?:readings?|hints|evidence|information|info) (?:are|do|did) you (?:use|using|have|hold|know)\b|"
    r"\bwhat do you have (?:now|so far)\b",
    re.I,
)
# the other stones of a parcel together: "…; the rest are all SG 2.65" (not "the rest of the readings")
THE_REST = r"(?:all\s+)?the\s+(?:rest|others|other (?:stones|ones|gems)|remaining(?: (?:stones|ones|gems))?)"
# a parcel in one message: "stone A: RI 1.544-1.553, SG 2.65; stone B: RI 1.762-1.770", "first one RI 1.54, SG 2.65;
# second one RI 1.72"; a letter only in capitals ("is this stone a ruby?" names no stone A)
STONE_LABEL = re.compile(
    r"\b(?:stone|gem|specimen|sample)\s*(?:no\.?\s*|#\s*)?(?:[1-9]|one|two|three|four|(?-i:[A-D]))\b(?![.,]\d)|"
    r"\b(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|other|last|next)\s+(?:one|stone|gem)\b|"
    rf"\b{THE_REST}\b(?!\s+of\b)",
    re.I,
)


def _without_and(words: str) -> str:
    """What is said of one stone of a parcel, without the joining punctuation or "and"."""
    return re.sub(r"\s*\band\s*$", "", words.strip(" ,;:.-–")).strip(" ,;:.-–")


def parcel(text: str) -> list[tuple[str, str]]:
    """(label, what is said of it) for each stone of a message giving readings of several, in order; [] when the
    message is of one stone, or says something before the first label that a stone could own."""
    marks = list(STONE_LABEL.finditer(text))
    before = text[: marks[0].start()] if marks else ""
    # "RI 2.42, SG 3.52 and the other stone RI 1.718": the readings before "the other stone" are the first stone's
    first = [("The first stone", _without_and(before))] if marks and parse_hints(before) else []
    if len(marks) + len(first) < 2 or (first and not re.search(r"other|second|next|two|2|(?-i:B)", marks[0].group(0))):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    stones = first + [
        (m.group(0)[:1].upper() + m.group(0)[1:], _without_and(text[m.end() : end]))
        for m, end in zip(marks, ends, strict=True)
    ]
    return stones if all(parse_hints(words) for _, words in stones) else []


# "what can you do?", "can you identify any rock?": what the assistant can and cannot name
CAPABILITIES_QUESTION = re.compile(
    r"\bwhat (?:can|do) you do\b|\b(?:what|who) are you\b(?!\s+\w)|\bhow do(?:es)? (?:you|this|it) work\b|"
    r"\b(?:can|do) you (?:identify|recogni[sz]e|name|know) (?:any|all|every|other) (?:kinds? of )?"
    r"(?:rocks?|stones?|minerals?|gems?|gemstones?)\b|\bwhat (?:gems|stones|minerals) do you know\b",
    re.I,
)
RESET_WORDS = re.compile(
    # "reset", not a stone re-set in a new mount ("can the stone be reset into a new ring?", "reset it in a pendant")
    # a stone put in a piece is no new stone of the chat: "can you put a new stone in my ring?", "replace it with
    # another stone"; but "the second stone in the brooch reads …" is
    r"\b(?:start over|(?:a |the )?(?<!\bwith )(?<!\bwith a )(?<!\bwith an )"
    r"(?:(?:next|another|second|third|other) stone|"
    r"new stone(?![^.?!]{0,25}\b(?:in|into|on)\s+(?:my|the|a|an|this|that|her|his|our|your)\s+(?:\w+\s+)?"
    r"(?:rings?|bands?|settings?|mount\w*|pendants?|pieces?|earrings?|necklaces?|bracelets?|brooch(?:es)?)\b))|"
    r"forget (?:it|that|everything))\b|"
    r"(?<!\bbe )(?<!\bbeen )(?<!\bget )(?<!\bgot )(?<!\bhave )\breset\b(?![^.?!]{0,30}\b(?:in|into|on|onto)\s+"
    r"(?:an?|the|my|her|his|new|another)\b)|"
    r"^\s*(?:(?:ok(?:ay)?|right|and)[,.!\s]+)?(?:next|another)(?:\s+(?:one|gem))?\s*(?:[:.,!-]|$)",
    re.I,  # the last: "ok, next.", "next: RI 1.66"; not "next test?"
)
# Another stone of a piece given its own readings: "one of the small stones reads 1.74 SR", "the side stones read …"
# (not "it's a small stone and it reads …", the stone in hand); and, after those, the piece's main stone again:
# "what is the centre stone?", "and the centre stone reads …"
SIDE_STONE = re.compile(
    r"\b(?:one of the|the)\s+(?:small(?:er)?|little|side|accent)\s+stones\b[^.?!;]{0,20}?"
    r"\b(?:reads?|read|has|have|shows?|gives?|gave|measures?|measured|is|are)\b",
    re.I,
)
MAIN_STONE = re.compile(
    r"\b(?:(?:the|its)\s+)?(?:centre|center|main|middle|central|(?:big|large|bigger|larger)\s+(?:[a-z]+\s+)?)"
    r"\s*(?:stone|one)\b",  # "a big blue stone and small clear stones round it"
    re.I,
)
# a piece's other stones, named beside its centre stone: "two colourless side stones", "the two outer ones",
# "surrounded by small white stones", "accent diamonds"
SIDE_STONES = re.compile(
    r"\b(?:side|accent|outer|small(?:er)?|little|tiny|surrounding|pav[eé])\s+(?:[a-z]+\s+){0,2}?(?:stones|ones|diamonds?|gems)\b|"
    # "a halo of diamonds", "surrounded by small diamonds", "a diamond halo"
    r"\b(?:halo\s+of|surrounded\s+by|encircled\s+by)\s+(?:[a-z]+\s+){0,2}?(?:stones|diamonds?|gems)\b|"
    r"\b(?:diamond|stone)\s+halo\b",
    re.I,
)


def accents_left_out(text: str) -> str:
    """The message without the accent or side stones it names beside another gem ("black onyx? … with a tiny
    diamond in the middle": the onyx is asked about, not the diamond); unchanged when they are all it names."""
    from gemlang.knowledge.knowledge_base import gems_named_in

    without = SIDE_STONES.sub(" ", text)
    left = gems_named_in(without)
    return without if left and left != gems_named_in(text) else text


# "there are two stones in this photo", "what are these gems?", "which is which?": a photo of several stones, which
# the classifier judges as a whole picture, not stone by stone (a piece's side stones are `SIDE_STONES`)
SEVERAL_STONES = re.compile(
    r"\b(?:two|three|four|five|six|several|multiple|many|[2-9]|a few|a couple of|a pair of|both|all the|these|those|"
    r"different)\s+(?:[a-z]+\s+)?(?:stones|gems|gemstones)\b|\bmore than one (?:stone|gem)\b|"
    r"\b(?:each|every) (?:stone|gem)\b|\bwhich (?:one )?is which\b",
    re.I,
)
# photos sent together said to be of different stones: "which of these two is the better buy?", "compare them"
OTHER_STONES_ASKED = re.compile(
    r"\bwhich (?:one|of (?:these|the|them|those|the two))\b|\b(?:these|those|the)\s+two\b|\bboth\b|\bcompare\b|"
    r"\b(?:first|second|left|right|other) (?:one|stone|photo)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[;:!?\n]|(?<!\d)[.,]|[.,](?!\d)")  # not the decimal point or comma of "1.762", "1,76"
# the word that joins the words of one stone to the other's in one clause: "… SG 4.00 and small white side stones …"
_JOINED = re.compile(r"\s(?:and|with|plus|while|whereas|but)\s", re.I)
_OF_BOTH = re.compile(r"\b(?:both|all of them|all (?:read|show|pass|test))\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")  # not the decimal point of "2.42"


def piece_parts(text: str) -> tuple[str, str, str] | None:
    """(what a message says of a piece's centre stone, what it says of its other stones, what it calls them) when it
    speaks of both ("ring, red centre stone RI 1.762-1.770 SG 4.00, two colourless side stones RI 2.42 SR"): the
    other stones' words run from the start of the clause naming them to the clause naming the centre stone, or to
    the end of their sentence; the rest is the centre stone's. None unless it names both, in clauses of their own."""
    side, centre = SIDE_STONES.search(text), MAIN_STONE.search(text)
    if side is None or centre is None:
        return None
    clause = lambda at: max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)  # noqa: E731
    # in one clause, the last joining word between the two stones' names: "red centre stone RI 1.762 and small …"
    joined = lambda lo, at, found: max((m.start() for m in _JOINED.finditer(text, lo, at)), default=found)  # noqa: E731
    begin = clause(side.start())
    # last, they end with their sentence: "… side stones passing diamond tester. How do I list these?" asks of the piece
    after = next((m.end() for m in _SENTENCE_END.finditer(text, side.end())), len(text))
    end = clause(centre.start()) if centre.start() > side.start() else after
    if centre.start() < side.start() and begin <= centre.start():
        begin = joined(centre.end(), side.start(), begin)
        # joined to the centre stone's clause, they end with it: "… with small diamonds around it, RI 1.762" is the
        # centre stone's RI
        end = next((m.start() for m in _CLAUSE_END.finditer(text, side.end())), end)
    if centre.start() > side.start() and end <= side.start():
        end = joined(side.end(), centre.start(), end)
    if begin <= centre.start() < end or begin >= end:  # "the centre and side stones read …": one clause for both
        return None
    if _OF_BOTH.search(text[begin:end]):  # "the centre stone and the side stones both read 1.76"
        return None
    # "the outer stones"; "surrounded by small diamonds": "the small diamonds"
    called = "the " + re.sub(r"\bones\b", "stones", re.sub(r"^\w+\s+by\s+", "", side.group(0).lower()))
    return text[:begin] + text[end:], text[begin:end].strip(), called


# "the second stone is yellow with the same readings": the readings of the stone before, on a new stone
SAME_READINGS = re.compile(  # not "another stone, but not the same readings"
    r"(?<!\bnot )(?<!\bnot the )(?<!n't the )\bsame (?:readings?|ri|sg|values|numbers|constants|measurements)\b|"
    r"(?<!n't )(?<!\bnot )\breads? the same\b",
    re.I,
)
# "what is the hardness of ruby?", "how hard is emerald?": a gem's constant asked for, not "is it a ruby?"
# "why does spinel give one reading?", "why two shadow edges?": the count of refractometer readings, its optic
# character; two readings differ by its birefringence too
_READINGS = r"\s+(?:ri\s+|shadow\s+)?(?:readings?|edges?)\b"
HOW_MANY_READINGS = re.compile(rf"\bhow many{_READINGS}", re.I)  # "how many readings does peridot give?"
READINGS_COUNTED = rf"\b(?:one|two|a single|single|only one|just one|1|2|how many){_READINGS}"
TWO_READINGS = rf"\b(?:two|2|how many){_READINGS}"
SHOWS_COLOURS = r"\bshows?\s+(?:two|three|2|3)\s+colou?rs\b"  # "which shows two colours?": its pleochroism
# an optical quality a gem has or lacks: "is quartz uniaxial?", "which is doubly refractive, garnet or peridot?"
OPTIC_QUALITY = (
    r"(?:uniaxial|biaxial|singly refractive|doubly refractive|birefringent|isotropic|anisotropic|pleochroic|dichroic|"
    r"trichroic)"
)
# a choice of gems by a quality each has or lacks ("which shows two colours, iolite or garnet?", "is spinel or
# sapphire doubly refractive?"): the gems that have it are the answer; not "which is more birefringent?", a degree
QUALITY_CHOICE = re.compile(
    rf"^(?=.*\b(?:which|or)\b)(?!.*\b(?:more|less)\s+(?:{OPTIC_QUALITY}|pleochro))"
    rf".*(?:\b{OPTIC_QUALITY}|pleochro|{SHOWS_COLOURS})",
    re.I,
)
# "which is more pleochroic, iolite or garnet?", "which has the weaker dichroism?": a degree of pleochroism compared
PLEOCHROISM_DEGREE = re.compile(
    r"\b(?:(?P<less>less|least)|more|most)\s+(?:pleo|di|tri)chroic\b|"
    r"\b(?:(?P<weaker>weaker|weakest|less)|stronger|strongest|more)\s+(?:pleo|di|tri)chroism\b",
    re.I,
)
THREE_COLOURS_ASKED = re.compile(r"\b(?:three|3)\s+colou?rs|trichroi", re.I)  # "does iolite show three colours?"
# "which changes colour, alexandrite or ruby?": what each one's facts say of a colour change
CHANGES_COLOUR = r"\b(?:changes?\s+colou?rs?|(?:shows?|has|have)\s+(?:a\s+)?colou?r[- ]change)\b"
REFRACTIVE_DEGREE = r"\b(?:more|less|most|least|highly)\s+refractive\b"  # as the optic character's words leave out
PROPERTY_FIELDS = {
    # "is it soft?", "harder to scratch"; not "soft cloth", "harder to find", "hard to clean" (no hardness asked)
    r"hard(?!(?:er|est)?\s+to\s+(?!scratch)\w)|soft(?:er|est)|\bsoft\b(?!\s+\w)|scratch": ("Mohs hardness", "hardness"),
    r"specific gravity|\bsgs?\b|dens|heav|light(?:er|est)|hydrostatic": ("specific gravity", "specific_gravity"),
    # "is spinel more refractive than ruby?": a degree of refraction is its RI, not its optic character
    rf"refractive index|\bri\b|\bris\b|refractometer|{REFRACTIVE_DEGREE}": ("refractive index", "refractive_index"),
    rf"birefring|doubling|double refraction|{TWO_READINGS}": ("birefringence", "birefringence"),
    r"critical angle": ("critical angle", "critical_angle"),  # worked out from its RI
    r"dispers|\bfire\b": ("dispersion", "dispersion"),
    r"spectr|absorption": ("spectroscope", "spectrum"),
    r"uniaxial|biaxial|(?<!more )(?<!less )(?<!most )(?<!least )(?<!highly )refractive(?! index)|isotropic|"
    rf"optic(?:al)? (?:sign|character)|polariscope|stays? dark|blinks?|{READINGS_COUNTED}": (
        "optic character",
        "optical_character",
    ),
    rf"pleochro|dichro|trichro|dichroscope|{SHOWS_COLOURS}": ("pleochroism", "pleochroism"),
    r"made of|composition|formula|chemi": ("chemistry", "chemistry"),
    # "is it cubic?", "is ruby trigonal?": a system named asks the crystal system; not "cubic zirconia"
    r"crystal system|crystalli[sz]es|\b(?:isometric|tetragonal|hexagonal|trigonal|orthorhombic|monoclinic|triclinic)\b|"
    r"\bcubic\b(?!\s+zirconia)": ("crystal system", "crystal_system"),
    # "why is it shiny?", "is opal glossy?": its lustre
    r"lust(?:re|er|rous)|\bshin(?:y|ier|iest|iness)\b|\bgloss(?:y|ier|iest)\b": ("lustre", "lustre"),
    r"\bcleav(?:age|es?|ing)\b": ("cleavage", "cleavage"),  # "does topaz cleave?": its cleavage
    r"\bfracture\b(?![- ]?(?:fill|heal))": ("fracture", "fracture"),  # how it breaks; not a fracture-filled stone
    r"fluoresc|phosphoresc|\bglow|\b(?:lw|sw)?uv\b|ultraviolet": ("fluorescence", "fluorescence"),
    r"\bstreak\b": ("streak", "streak"),
    r"\bmagnet": ("magnet test:", "magnetism"),
    # "is fluorite soluble in water?"; not "will acetone dissolve amber?", which no fact of water answers
    r"\b(?:solub|dissolv)\w*\b(?=[^?.!]*\bwater\b)|\bwater\b[^?.!]*\bdissolv|\bwater[- ]soluble": (
        "in water:",
        "solubility",
    ),
    # "does calcite fizz in acid?", "what does the acid test show on calcite?", "does calcite react with vinegar?"
    r"\bfizz|\beffervesc|\bacid test\b|\b(?:hcl|hydrochloric)\b|\breacts? (?:with|to) (?:\w+ )?(?:acids?|vinegar)\b|"
    r"\bbubbl(?:e|es|ing)\b(?=[^?.!]*\b(?:acids?|vinegar)\b)": (
        "in acid:",
        "acid_reaction",
    ),
    # "is kyanite harder along its length?", "does kyanite have two hardnesses?", "is kyanite softer lengthwise?"
    r"\b(?:along|across|parallel to|perpendicular to|at right angles to) (?:its|the) (?:length|long axis|crystals?)\b|"
    r"\b(?:harder|softer)\s+(?:lengthwise|lengthways|crosswise|crossways)\b|"
    r"\bdirectional hardness|\bhardness\w* (?:varies|vary|changes?|differs?) (?:with|by) direction|"
    r"\b(?:two|2) hardness": (
        "hardness by direction:",
        "hardness_by_direction",
    ),
    # "what species is garnet?", "what mineral group does it belong to?", "what gem family is emerald in?": the
    # species its card's first row gives
    r"\bspecies\b|\b(?:what|which)\s+(?:(?:mineral|gem(?:stone)?)\s+)?(?:group|family)\b|"
    r"\b(?:mineral|gem(?:stone)?)\s+(?:group|family)\b": (
        "species",
        "species",
    ),
    # "what makes it purple?", "how come it's green?": its colour's cause, as "why is it purple?" asks
    r"colou?r|\bwhy\b(?![^?.!]*\bshin)|"  # not "why is it shiny?": its lustre
    r"\b(?:what makes|how come|what gives)\b[^?.!]{0,25}\b(?:red|orange|yellow|green|blue|purple|"
    r"violet|pink|brown|black|white|gr[ae]y)\b": ("coloured by", "colour_cause"),
}
# What of a gem explains a property a "why" question asks of it: its pleochroism comes with its double refraction
# and its colouring element, its glow with the element that colours it, its double refraction with its crystal system
EXPLAINED_BY = {
    "pleochroism": ("optical_character", "colour_cause"),
    "fluorescence": ("colour_cause",),
    "optical_character": ("crystal_system",),
    "birefringence": ("crystal_system",),
}
# a constant named in a question about the stone answered ("what spectrum would it show?"); not why or its colour
STONE_PROPERTY = re.compile("|".join(k for k, (_, field) in PROPERTY_FIELDS.items() if field != "colour_cause"), re.I)


def constants_named(text: str) -> list[tuple[str, str]]:
    """The (label, field) of each constant a message names ("the SG of stone 1?", "diamond vs moissanite
    dispersion"), not the cause of colour."""
    return [v for k, v in PROPERTY_FIELDS.items() if v[1] != "colour_cause" and compiled(k, re.I).search(text)]


# the constants a question may ask beside another one ("what's my birthstone and how hard is it?")
CONSTANTS_ASKED = list(PROPERTY_FIELDS)[:3]
_PROPERTY = (
    r"(?:hardness|specific gravity|sg|density|refractive index|ri|birefringence|critical angle|dispersion|fluorescence|"
    r"(?:absorption )?spectr(?:um|a)|crystal system|lust(?:re|er)|cleavage|fracture|pleochroism|dichroism|trichroism|"
    r"optic(?:al)? (?:character|sign)|streak|(?:chemical )?(?:formula|composition)|chemistry|"
    r"species|(?:(?:mineral|gem(?:stone)?) )?(?:group|family))"
)
# "what's my birefringence?", "what was my SG?", "so my bire is?": the stone's own reading of it, not the gem's
MY_READING_ASKED = re.compile(
    rf"\bwhat(?:'s| is| was| were)\s+my\s+(?:{_PROPERTY}|bire)\b|\bmy\s+(?:{_PROPERTY}|bire)\s+(?:is|was)\s*\?",
    re.I,
)
# a question that goes on about the gem just discussed: "and its SG?", "is it treated?", "where is the best from?"
FOLLOW_UP = re.compile(
    r"\b(?:it|its|it's|they|them|their|the best|one|ones|oiling|heating|filling|treatments?)\b|"
    r"^\s*(?:and|what about|how about)\b|"
    r"^\s*(?:origin|provenance|where from|colou?rs?)\s*\??\s*$",  # "origin?", "colours?" alone: of the gem discussed
    re.I,
)
# gems in general ("which gems glow?"), not the two just compared ("which glows?")
GEMS_IN_GENERAL = re.compile(r"\b(?:gems?|gemstones?|stones?|minerals?)\b", re.I)
# a question of both gems just compared: "which one is harder?", "what are their SGs?"
OF_BOTH = re.compile(r"\bwhich\b|\b(?:both|each|they|them|their|the two)\b", re.I)
PLACE_QUESTION = re.compile(
    rf"\b(?:famous|known|noted|renowned) for\b|"
    rf"\b(?:what|which) {A_COLOUR}(?:gems?|gemstones?|stones?|minerals?|rocks?) "
    rf"(?:are |is |do |does )?(?:found|mined|come|comes|produced|from)\b|\b(?:gems?|stones?) (?:of|from)\b|"
    rf"^\s*(?:list|name)\s+(?:the\s+)?{A_COLOUR}(?:gems|gemstones|stones|minerals)\s+(?:found\s+|mined\s+)?(?:from|in)\b",
    re.I,
)
# a place's name asked about as a name, not where a stone is from: "is 'Kashmir blue' a place of origin?", "is Ceylon
# sapphire a quality grade?", "does 'Burma ruby' mean it is from Burma?", "what is 'Siam ruby'?" (`places_in_a_name`)
ORIGIN_NAME_ASKED = re.compile(
    r"\b(?:does|do|did)\b[^?.!]{0,50}\bmean\b|\bmeaning of\b|\bmeant by\b|"
    r"\b(?:a|the) (?:place|country|region|locality) of origin\b|\b(?:a|an) (?:quality |colou?r )?(?:grade|rating)\b|"
    r"\b(?:a|an|just a) (?:trade |marketing |brand )?(?:name|term|colou?r|brand)\b[^.!]*\?|"
    r"^\s*what(?:'s| is| are)\s+(?:an?\s+)?['\"‘“]",
    re.I,
)
GENERAL_QUESTION = re.compile(r"\?\s*$|^\s*(?:what|which|where|tell me|is|are|does|do|can)\b", re.I)
# fluorescence as a diamond's report gives it and a buyer weighs it: "what is fluorescence on a diamond report?", "is
# strong fluorescence bad in a diamond?", "does medium blue fluorescence lower a diamond's price?"; not a glow read off
# a stone ("strong red fluorescence, RI 1.76", "it fluoresces blue under LW", "is diamond fluorescence blue?")
# ("my diamond has medium blue fluorescence, is that ok?" asks what the grade means, whoever's stone has it)
FLUORESCENCE_REPORTED = re.compile(
    r"^(?!.*\d[.,]\d)(?=.*\b(?:reports?|cert(?:ificate)?s?|gia|igi|ags)\b|(?=.*\bdiamonds?\b).*\b(?:bad|good|ok|okay|"
    r"fine|better|worse|matters?|affects?|affecting|worth|avoid|problems?|mean|means|lowers?|price|value|cheaper|"
    r"hazy|milky|cloudy|oily|desirable|prefer\w*)\b).*?\bfluorescen(?:ce|t)\b",
    re.I,
)
# A diamond grade asked about ("what does SI1 mean?", "VS1 or VS2?", "what is D colour?", "is H colour good?", "what
# does fluorescence do to a diamond's grade?"): what the grade means, the glossary entry named by the group that
# matched; not the grade of the stone in hand ("is my diamond SI1 or SI2?"), which no photo shows (`limits`), unless its
# meaning is asked too ("it's graded SI1, what does that mean?")
GRADE_ASKED = re.compile(
    r"(?P<clarity>\b(?:vvs[12]?|vs[12]|si[12]|i[123])\b|\b(?:fl|if)\b(?=[^.?!]*\bclarity\b)|"
    # "what does IF mean for a diamond?": capitalised, or lower case only before "mean", not the word "if"
    r"(?-i:\b(?:FL|IF)\b)(?=[^.?!]*\b(?:mean\w*|stands?\s+for|diamonds?|grades?|graded|vs|versus|or|better)\b)|"
    r"\b(?:fl|if|(?:internally\s+)?flawless)\s+(?=means?\b|stands?\s+for\b))|"
    # not the "s" of "stone's colour", nor the "I" of "can I colour it?"
    r"(?P<colour>(?<!['’])\b(?:[d-hj-z]|(?-i:I)(?!\s+colou?r\s+(?:it|them|this|that|my|mine|the|a|an)\b))"
    r"(?:[-/][d-z])?[- ]colou?r(?:ed)?\b|"
    r"\bcolou?r (?:grade )?[d-z]\b(?![.'\w]))|"
    r"(?P<fluorescence>\bfluoresc\w*\b(?=.*\bgrad)|\bgrad\w*\b(?=.*\bfluoresc))",
    re.I,
)
GRADE_MEANING = re.compile(
    r"\b(?:mean\w*|stand\w* for|defin\w*|explain\w*|differen\w*|better|worse|good|bad|versus|vs|compar\w*)\b", re.I
)
GRADE_ENTRIES = {
    "clarity": "clarity grades", "colour": "colour grades", "fluorescence": "fluorescence on a diamond report",
    "cut": "cut grades",
}  # fmt: skip
# a grade named by the quality it grades: "what clarity is my diamond?", "what colour grade would it get?"
GRADE_NAMED = re.compile(
    r"(?P<clarity>\bclarity\b)|(?P<colour>\bcolou?r\b(?=[^.?!]*\bgrad))|(?P<cut>\bcut\b(?=[^.?!]*\bgrad))", re.I
)
# a clarity asked as a buyer's choice: "which clarity grade is worth getting?", "what clarity should I buy?", "is VS2
# worth it?", "is SI1 good enough?": what sources advise buying (the glossary's clarity to buy), not a grade
_TO_BUY = (
    r"(?:worth (?:it|getting|buying|paying|the (?:money|extra|price))|"
    r"should (?:i|we|you|one) (?:buy|get|choose|pick|go for|look for|aim for|pay for)|"
    r"to (?:buy|get|choose|pick|go for|look for|aim for)|(?:do|would) (?:i|we|you) (?:need|recommend)|"
    r"recommend\w*|good enough|best (?:value|buy)|sweet spot|for the money)"
)
CLARITY_TO_BUY = re.compile(
    rf"\bclarity\b(?: grades?)?[^.?!]{{0,30}}?\b{_TO_BUY}\b|"
    r"\b(?:best|recommended|ideal|minimum|lowest|good) clarity(?: grades?)? (?:to|for|should|is|would)\b|"
    r"\b(?:vvs[12]?|vs[12]|si[12]|i[123])\b[^.?!]{0,20}?\b(?:worth (?:it|the (?:money|extra|price))|good enough)\b",
    re.I,
)
# a diamond colour grade asked as a buyer's choice: "which colour grade is worth getting?", "is an H colour good
# enough?", "what diamond colour should I buy?"; not "what colour sapphire should I buy?", a gem's hue
COLOUR_TO_BUY = re.compile(
    rf"\bcolou?r grades?\b[^.?!]{{0,30}}?\b{_TO_BUY}\b|"
    rf"\bdiamond colou?rs?\b[^.?!]{{0,30}}?\b{_TO_BUY}\b|"
    r"\b(?:best|recommended|ideal|minimum|lowest|good) colou?r grades?(?: to| for| should| is| would)?\b|"
    r"\b[d-m](?:[-/][d-m])?[- ]colou?r(?:ed)?\b[^.?!]{0,20}?\b(?:worth (?:it|the (?:money|extra|price))|good enough)\b",
    re.I,
)
# a grade asked of the stone: "what clarity is it?", "what's my diamond's colour grade?", "is it VS1?"; not a clarity
# to buy
GRADE_OF_THE_STONE = re.compile(
    rf"^(?![\s\S]*?(?:{CLARITY_TO_BUY.pattern}|{COLOUR_TO_BUY.pattern}))[\s\S]*?(?:"
    r"\b(?:clarity|colou?r|cut) grades?\b|\b(?:clarity|colou?r|cut)\b[^.?!]*\bgraded\b|"
    r"\bwhat (?:grade|clarity)\b|\bgrade (?:is it|of it)\b|"
    r"\b(?:its|(?:it|this|my|mine)\b[\w' ]{0,20}?'s) clarity\b|\bclarity of (?:it|this|that|my|mine)\b|"
    rf"{GRADE_ASKED.pattern})",
    re.I,
)
# "is my ruby heated and is it natural?": two questions of one gem, the second of "it", each answered in turn
TWO_QUESTIONS = re.compile(
    r"^\s*(?P<first>(?:is|are|was|does|do|has|can)\s+[^?.!]*?)\s*,?\s+and\s+"
    r"(?P<second>(?:is|are|was|does|do|has|can)\s+(?:it|they)\b[^?.!]*\??)\s*$",
    re.I,
)
# "what is amber? is it a mineral?": a question naming a gem, then one asked of it in a sentence of its own
THEN_ASKED_OF_IT = re.compile(
    r"^\s*(?P<first>(?:what|which|whats|what's|tell me)\b(?![^?.!]*\b(?:it|this|that|my)\b)[^?.!]*?)\s*[?.!]+\s+"
    r"(?P<second>(?:is|are|was|does|do|has|can)\s+(?:it|they)\b[^?.!]*\??|"
    r"how\s+\w+\s+(?:is|are)\s+(?:it|they)\b[^?.!]*\??)\s*$",  # "how hard is it?"
    re.I,
)
# "what is the birthstone for March and is it durable?": a question whose answer names the gems, then one asked of them
ASKED_THEN_OF_IT = re.compile(
    r"^\s*(?P<first>(?:what|which|whats|what's)\b[^?.!]*?)\s*,?\s+and\s+"
    r"(?P<second>(?:is|are|was|does|do|has|can)\s+(?:it|they)\b[^?.!]*\??|"
    r"how\s+\w+\s+(?:is|are)\s+(?:it|they)\b[^?.!]*\??|"  # "how hard is it?"
    r"(?:can|could|should|do|may)\s+(?:i|we|you)\b[^?.!]*?\b(?:it|them)\b[^?.!]*\??)\s*$",  # "can I steam it?"
    re.I,
)
# "is it hard?", "are they very heavy?": a degree asked of "it" (`DEGREE_QUESTION` of a gem named)
DEGREE_OF_IT = re.compile(
    r"^\s*(?:is|are)\s+(?:it|they)\s+(?:(?:very|highly|quite|really|so)\s+)?"
    r"(?:hard|soft|heavy|dense|dispersive|birefringent)\s*\?\s*$|"
    r"^\s*(?:is|are)\s+(?:it|they)\s+(?:very|highly)\s+refractive\s*\?\s*$",
    re.I,
)
# "is ruby hard and expensive?": two words asked of one gem, the second asked as "is it expensive?"
TWO_WORDS_ASKED = re.compile(  # not "is garnet singly refractive and why?"
    r"^\s*(?P<first>(?P<verb>is|are)\s+[^?.!,]*?\s+\w+)\s+and\s+"
    r"(?P<word>(?!(?:why|how|what|where|when|which|who|not|so|more|less)\b)\w+)\s*\??\s*$",
    re.I,
)
# "is ruby red and why?": whether a gem is of a colour, then why, asked as "why is ruby red?"; not "is garnet singly
# refractive and why?"
COLOUR_AND_WHY = re.compile(
    rf"^\s*(?P<first>(?:is|are)\s+[^?.!,]*?\s(?:{BLEND_WORD}))\s*,?\s+and\s+why\s*\??\s*$", re.I
)
# the weight asked of the stone: "how many carats is it?", "how much does my ruby weigh?"
WEIGHT_OF_THE_STONE = re.compile(
    r"\bhow many (?:carats?|cts?|grams? (?:is|does) (?:it|this|my)\b)\b|\bcarat weight\b|"  # not "grams is 5 ct?"
    r"\b(?:how (?:heavy|much)|what) does (?:it|(?:this|my)\b[\w' ]{0,20}?) weigh\b|\bhow heavy\b|"
    r"\bwhat(?:'s| is) (?:the |its )?weight\b|\b(?:weight|carats?) (?:is it|of it)\b|"
    # a weight said by a seller, to be checked: "how do I know the seller isn't lying about the weight?"; not "I know
    # the weight is 3 ct", a weight told
    r"\b(?:check|verify|confirm|trust|lying|lie[sd]?)\b[\w' ]{0,40}?\bweight\b|"
    r"\bhow (?:do|can|could|would|will) (?:i|we|you) (?:know|be sure)\b[\w' ]{0,40}?\bweight\b",
    re.I,
)


def grades_asked(text: str) -> list[str]:
    """The glossary entries that say what the diamond grades a question names mean ("what does SI1 mean?": the
    clarity grades), in the order named; none for a question asking the grade of the stone in hand."""
    reported = [GRADE_ENTRIES["fluorescence"]] if FLUORESCENCE_REPORTED.search(text) else []
    if THE_STONE_MEANT.search(text) and not GRADE_MEANING.search(text):
        return reported
    return list(dict.fromkeys([*(GRADE_ENTRIES[m.lastgroup] for m in GRADE_ASKED.finditer(text)), *reported]))


def grades_named(text: str) -> list[str]:
    """The grades a question names, as a grading scale writes them ("is SI2 bad?": SI2; "G or H colour?": G, H)."""
    named = []
    for m in GRADE_ASKED.finditer(text):
        said = m.group(0) if m.lastgroup == "clarity" else " ".join(re.findall(r"\b[d-z]\b", m.group(0), re.I))
        named += said.upper().split() if m.lastgroup != "fluorescence" else []
    return list(dict.fromkeys(named))


def grades_to_buy(text: str) -> list[str]:
    """The glossary entries that advise which clarity or colour grade to buy, when a question asks it ("which
    clarity grade is worth getting?", "is VS2 worth it?", "which colour grade is worth getting?"), before what the
    grade named means."""
    asked = {"clarity to buy": CLARITY_TO_BUY.search(text), "colour to buy": COLOUR_TO_BUY.search(text)}
    return [term for term, m in sorted(asked.items(), key=lambda x: x[1].start() if x[1] else 0) if m]


def grades_of_the_stone(text: str) -> list[str]:
    """The glossary entries of the grades a question asks of the stone in hand ("what clarity is my diamond?": the
    clarity grades), which no chat or photo gives but whose scale says what the grade would mean; in the order
    named."""
    named = sorted([*GRADE_ASKED.finditer(text), *GRADE_NAMED.finditer(text)], key=lambda m: m.start())
    return list(dict.fromkeys(GRADE_ENTRIES[m.lastgroup] for m in named))


# how a quality is graded, in general or of a gem named: "how is clarity graded?", "how is emerald clarity graded?",
# "what clarity type is tanzanite?", "how do you judge amber quality?"; the scales, not the grade of the stone in hand
# (`GRADE_OF_THE_STONE`)
GRADING_ASKED = re.compile(
    r"\bhow\b[^.?!]*?\b(?:clarity|colou?r|cut|quality)\b[^.?!]*?\b(?:graded|grade[sd]?|judged|rated|assessed)\b|"
    r"\bhow\b[^.?!]*?\b(?:grade|judge|rate|assess)\s+(?:the\s+|an?\s+)?(?:[a-z]+(?:['’]s)?\s+)?"
    r"(?:clarity|colou?r|cut|quality)\b|"
    r"\bwhat (?:clarity|colou?r|cut) grades? (?:do|does|can|are|is)\b|\bclarity (?P<type>types?)\b",
    re.I,
)
COLOURED_STONES = re.compile(r"\bcolou?red (?:stones?|gems?|gemstones?)\b", re.I)
# the organic gems the glossary says are judged otherwise, each by its own entry ("how is amber colour graded?")
ORGANIC_GRADING = {"pearl": "pearl grading", "amber": "amber grading"}


def grading_asked(text: str, gems: Sequence) -> list[str]:
    """The glossary entries that say how a quality is graded, asked in general or of the gems named: a diamond's
    scale, a coloured gem's grading (clarity by the gem's type), both when no gem is named ("how is clarity
    graded?"); none of an organic gem, graded otherwise, or of the stone in hand ("how is my ring's clarity
    graded?")."""
    asked = GRADING_ASKED.search(text)
    if asked is None or THE_STONE_MEANT.search(text):
        return []
    if any("organic" in g.species.lower() for g in gems):  # "how is pearl colour graded?": its value factors
        return [entry for kind, entry in ORGANIC_GRADING.items() if any(kind in g.name.lower() for g in gems)]
    diamond, coloured = (any((g.species == "diamond") is kind for g in gems) for kind in (True, False))
    coloured = coloured or bool(COLOURED_STONES.search(text))  # "how is clarity graded for coloured stones?"
    # "how do you judge sapphire quality?": each quality's grading, as of clarity types
    named = None if asked.group("type") else re.search(r"clarity|colou?r|cut", asked.group(0), re.I)
    quality = named.group(0).lower().replace("color", "colour") if named else ""
    scale = [GRADE_ENTRIES[quality]] if quality and (diamond or not coloured) else []
    # a coloured gem's colour and clarity, and its cut when a coloured gem is named ("how is sapphire cut graded?"):
    # what a cut is judged by first
    coloured_grading = (coloured or not diamond) and (quality != "cut" or coloured)
    cut = ["coloured stone cut"] * (coloured_grading and quality == "cut")
    # "how do you judge diamond quality?": the four qualities it is graded by, each with how it is judged
    four_cs = ["4Cs"] * (diamond and not quality and not asked.group("type"))
    return four_cs + scale + cut + ["coloured stone grading"] * coloured_grading


# "which is harder to find / to cut / to tell apart?": how hard a thing is to do, not the hardness (but "harder to
# scratch" is)
NOT_TO_DO = r"(?!\s+to\s+(?!scratch\b)[a-z])"
# "which is harder to cut, diamond or sapphire?": a thing to do, compared, that no constant ranks; not "harder to
# scratch" (the hardness), "harder to find" (`RARITY_COMPARED`) nor "harder to tell from glass" (a comparison)
TO_DO_COMPARED = re.compile(
    r"\bwhich\b[\w\s]{0,12}\b(?P<asked>(?:harder|easier|more difficult|simpler) to (?!scratch|find|get|come by|source|"
    r"obtain|buy|tell|distinguish|separate)[a-z]+)\b",
    re.I,
)
PROPERTY_QUESTION = re.compile(
    rf"\bwhat(?:'s| is| are)\s+(?:the\s+)?{_PROPERTY}(?:\s*(?:,|and)\s*(?:the\s+)?{_PROPERTY})*\s+of\b|"
    rf"\bwhat(?:'s| is)\s+(?:its|it's|the stone's|[a-z][\w ]{{0,30}}?'s)\s+{_PROPERTY}\b|"  # "peridot's hardness"
    rf"\bwhat(?:'s| is| are)\s+their\s+{_PROPERTY}s?\b|"  # "what are their SGs?" of two gems compared
    rf"^\s*(?:and|what about|how about)\s+(?:its\s+|the\s+|their\s+)?{_PROPERTY}s?\b|"  # "and its SG?" after an RI
    # "pleochroism of iolite?"
    rf"^\s*(?:and\s+)?(?:the\s+)?{_PROPERTY}(?:\s*(?:,|and)\s*(?:the\s+)?{_PROPERTY})*\s+of\s+(?:an?\s+|the\s+)?"
    rf"[a-z][\w' -]{{0,30}}\??\s*$|"
    rf"^\s*(?:and\s+)?[a-z][\w' -]{{0,30}}?\s+{_PROPERTY}\s*\?\s*$|"  # "emerald RI?", "and kyanite hardness?"
    # "how heavy is ruby?": its SG; "how heavy is my emerald?" asks the stone's weight (`WEIGHT_OF_THE_STONE`)
    r"\bhow\s+(?:hard|heavy(?!\s+(?:is|are)\s+(?:my|mine|this|that|these|those|it|they|the\s+stone)\b)|dense)"
    r"\s+(?:is|are)\b|"
    r"\b(?:what|which)\s+(?:colou?r(?:ed)?\s+(?:is\s+(?:the\s+|its\s+)?)?)?streak\b|"
    r"\bhow\s+much\s+(?:is\s+)?(?:hard|heavy|hardness)\b|"  # "how much is hard the topaz?"
    # "what lustre does hematite have?", "is pearl lustre pearly?": the lustre its facts give
    r"\bwhat\s+(?:kind\s+of\s+|sort\s+of\s+|type\s+of\s+)?lust(?:re|er)\b|"
    # "what crystal system is beryl?", "what kind of fracture does obsidian have?"
    rf"\b(?:what|which)\s+(?:kind\s+of\s+|sort\s+of\s+|type\s+of\s+)?{_PROPERTY}\s+(?:is|are|does|do|has|have)\b|"
    r"\b(?:is|are)\s+(?:the\s+)?[a-z][\w' ]{0,30}?\s+lust(?:re|er)\s+[a-z-]+\s*\?|"
    # "is diamond shiny?", "are pearls glossy?": the lustre its facts give
    r"\b(?:is|are)\s+[a-z][\w' ]{0,30}?\s+(?:shiny|glossy|lustrous)\s*\?|"
    r"\b(?:does|do|will|would|can)\s+[a-z][\w' ]{0,30}?\s+(?:fluoresce|phosphoresce|glow|react to (?:uv|ultra))|"
    r"\b(?:is|are)\s+[a-z][\w' ]{0,30}?\s+(?:fluorescent|phosphorescent)\b|"  # "is it fluorescent?"
    r"\bwhy\s+[a-z][\w' ]{0,30}?\s+(?:fluoresces?|phosphoresces?|glows?)\b|"  # "explain why ruby glows"
    r"\b(?:does|do|will|would|can)\s+[a-z][\w' ]{0,30}?\s+cleave\b|\bwhich\b[\w\s]{0,12}?\bcleaves?\b|"  # its cleavage
    r"\b(?:is|are)\s+[a-z][\w' ]{0,30}?\s+magnetic\s*\?|"  # "is almandine magnetic?"
    # "is fluorite soluble in water?", "does calcite fizz in acid?", "is kyanite harder along its length?"
    r"\b(?:is|are)\s+[a-z][\w' ]{0,30}?\s+(?:(?:in)?soluble in water|water[- ]soluble)\b|"
    r"\b(?:does|do|will|would|can)\s+[a-z][\w' ]{0,30}?\s+"
    r"(?:dissolve in water|fizz|effervesce|bubble|react (?:with|to) (?:\w+ )?(?:acid|hcl|vinegar))|"
    r"\bwhat\b[^?.!]{0,20}\bacid[- ]test\b|"  # "what does the acid test show on calcite?"
    r"\b(?:is|are)\s+[a-z][\w' ]{0,30}?\s+(?:harder|softer)\s+"
    r"(?:along|across|lengthwise|lengthways|crosswise|crossways)\b|"
    r"\b(?:does|do|can)\s+[a-z][\w' ]{0,30}?\s+(?:have|show)\s+(?:two|2)\s+hardness|"  # "two hardnesses?"
    # "is diamond highly refractive?", "is zircon heavy?", "is topaz hard?": the value its facts give, and its rank
    rf"{DEGREE_QUESTION}|"
    rf"\b(?:does|do|can|will|would)\s+[a-z][\w' ]{{0,30}}?\s+{SHOWS_COLOURS}|"  # "does iolite show three colours?"
    r"\b(?:does|do|will|would)\s+[a-z][\w' ]{0,30}?\s+(?:stick|cling)\s+to\s+(?:a\s+)?magnets?\s*\?|"
    r"\bwhich\b[\w\s]{0,12}?\b(?:glows?|fluoresces?|phosphoresces?)\b|"  # "which glows red, ruby or spinel?"
    r"\b(?:would|will|can|could|does|do)\s+(?:an?\s+|the\s+|my\s+)?[\w ]{0,20}?\bscratch\s+(?:it|this)\b|"
    r"\b(?:does|would|will|can)\s+(?:it|this)\s+scratch\b|"  # "would a knife scratch it?": how hard it is
    r"\b(?:harder|softer|heavier|lighter|denser)\s+than\b|"
    rf"\bwhich\b[\w\s]{{0,12}}\b(?:harder|softer|heavier|lighter|denser)\b{NOT_TO_DO}|"
    r"\bwhich\b[\w\s]{0,12}\beas(?:ier|iest) to scratch\b|"  # the softer
    rf"\bwhat(?:'s|s| is)\s+(?:harder|softer|heavier|lighter|denser)\b{NOT_TO_DO}|"  # "whats harder, topaz or quartz"
    # of the gems named: "which is the hardest?", "which of these is the softest?", "which is densest of them?"
    r"\bwhich\b[\w\s]{0,20}\b(?:hardest|softest|heaviest|lightest|densest)"
    r"(?:\s+of\s+(?:them|these|those|the two|the three|all))?\s*\??\s*$|"
    # "which has the higher birefringence?", "which one shows more fire?"
    rf"\bwhich\b[\w\s]{{0,12}}\b(?:has|have|shows?)\s+(?:the\s+|a\s+)?(?:higher|lower|greater|larger|stronger|weaker|more|less|"
    rf"bigger|smaller)\s+(?:{_PROPERTY}|fire)\b|"
    r"\b(?:more|less)\s+(?:birefringent|dispersive|refractive|dense)\b|"  # "which is more birefringent, X or Y?"
    rf"\b(?:is|are)\s+[a-z][\w' ]{{0,30}}?\s+{OPTIC_QUALITY}\b|"  # "is quartz uniaxial positive?"
    # "which is doubly refractive, garnet or peridot?", "which shows two colours, iolite or garnet?"
    rf"\bwhich\b[\w\s]{{0,12}}?\b(?:is|are)\s+(?:more\s+|less\s+)?(?:{OPTIC_QUALITY}|magnetic)\b|"
    rf"\bwhich\b[\w\s]{{0,12}}?\b{SHOWS_COLOURS}|"
    rf"\bwhich\b[\w\s]{{0,12}}?{CHANGES_COLOUR}|"
    r"\boptic(?:al)? sign of\b|\bwhat(?:'s| is| are)\s+[a-z][\w' ]{0,30}?\s+made of\b|"  # "what is moissanite made of?"
    r"\b(?:chemical )?(?:composition|formula) of\b|"
    # "why does alexandrite change colour?", "why is ruby red?", "what gives emerald its colour?"
    # and asked on someone's behalf: "my daughter asks why amethyst is purple", "I wonder why rubies are red"
    r"\bwhy (?:(?:does|do|is|are)\s+[a-z][\w' ]{0,30}?\s+|[a-z][\w' ]{0,30}?\s+(?:is|are|changes?)\s+(?:so\s+)?)"
    r"(?:change colou?r|colou?r|(?:red|blue|green|yellow|pink|purple|"
    r"orange|violet|black|shiny)\b)|\bwhich\b[\w\s]{0,12}\bshinier\b|"  # "why is pyrite so shiny?": its lustre
    r"\bwhat (?:gives|causes)\s+[a-z][\w' ]{0,30}?\s+(?:its |the |their )?colou?r|"
    # "what makes it purple?", "how come it's green?": why it is of that colour
    r"\b(?:what makes|how come)\s+[a-z][\w' ]{0,30}?\s+(?:red|blue|green|yellow|pink|purple|orange|violet|black)\b",
    re.I,
)
# "how would a lab confirm it?", "how can a gemmologist tell?": the caution's confirming test, not the card again
# ("how would a lab tell them apart?" compares two gems)
_HOW_A_LAB = (
    r"\bhow (?:would|can|could|do|does|will|might) (?:a |the )?(?:gem )?(?:lab|laboratory|gemmologist|gemologist)s? "
)
LAB_CONFIRM_QUESTION = re.compile(
    _HOW_A_LAB + r"(?:confirm|prove|check|verify|test|know|tell)\b(?!.{0,20}\b(?:apart|from|difference)\b)", re.I
)
# "how would a lab tell them apart?", "how does a gemmologist tell natural from synthetic?" of the stone in hand: what
# a laboratory looks at to separate the gems its answer leaves, not the card again
LAB_APART_QUESTION = re.compile(
    _HOW_A_LAB + r"(?:tell|separate|distinguish)\b.{0,30}\b(?:apart|from|difference)\b", re.I
)
_SURE = r"(?:more |completely |totally |100\s*%\s*)?(?:sure|surer|certain|confident)\b"
_MAKE_SURE = (
    r"\bwhat (?:(?:would|could|will|can|might) (?:make (?:you|u|it)|it take (?:for you )?to be)|"
    rf"(?:do|would|will) (?:you|u) need to be) {_SURE}"
)
# "how would I confirm?", "how can I be sure?", "how to verify?", "is there a test to confirm it?": the confirming
# test, not the card again; not "how can I make sure it doesn't chip?", which is care, nor "is there a way to verify
# the origin?", which its own answer takes
_HOW_I_CONFIRM = (
    r"(?:\bhow (?:(?:can|could|do|would|should|might|will) (?:i|we|one)|to) (?:check|confirm|verify|"
    r"(?:be|make) (?:sure|certain))|\b(?:is there|are there|any) (?:a |an |any )?(?:way|tests?|checks?) to "
    r"(?:confirm|verify|(?:be|make) (?:sure|certain)))\b(?![^?.!]{0,30}\b(?:doesn't|does not|won't|will not|"
    r"don't|do not|stays?|keeps?|origin|where|mined|from|price|worth|value)\b)"
)
# the whole message a bare "what next?", "ok, what now?", "now what?", "and then?": the next test for the stone on the
# bench, not its card again
_WHAT_NEXT = (
    r"^\s*(?:(?:ok(?:ay)?|so|right|alright|and)[,.!\s]+)?(?:what(?:'s| is)?\s+(?:next|now|then)|now what|then what|"
    r"and then|what do i do (?:next|now))(?:\s+then)?\s*[?.!]*\s*$"
)
NEXT_TEST_QUESTION = re.compile(
    _WHAT_NEXT + r"|\bnext\b.{0,12}\b(?:test|step|check)|"
    r"\b(?:what|which)\b.{0,30}\b(?:test|check|measure|try|instrument)\b|"
    r"\bwhat (?:else )?(?:should|can|could|do) i (?:do|test|check|try|measure)\b|"
    rf"\bchange your mind\b|\bwhat would (?:prove|show) (?:you|it|that)\b|{_HOW_I_CONFIRM}|"
    # "what would make you more sure?", "what would it take to be certain?": the test that would, not a yes or no
    rf"{_MAKE_SURE}|" + LAB_CONFIRM_QUESTION.pattern,
    re.I,
)
# A check asked where no instrument is at hand ("how can I check it here at the stall?", "can I test it at the
# market?", "how do I check it without instruments?"): what eye, loupe and dichroscope show, then what needs a lab
ON_THE_SPOT = re.compile(
    r"^(?=.*\b(?:test|check|confirm|verify|tell)\b).*(?:\b(?:stall|market|fair|booth|flea|bazaar|souk)s?\b|"
    r"\bon the spot\b|\bin the field\b|\bwithout (?:a |any )?(?:instruments?|tools?|equipment|lab)\b)",
    re.I,
)
# "how does spinel look through the Chelsea filter?": a test that reads no constant, only what the gem shows in it
# ("through the CCF": the Chelsea colour filter, as gemmologists shorten it)
CHELSEA_WORDS = r"\bchelsea\b|\bccf\b"
CHELSEA_ASKED = re.compile(CHELSEA_WORDS, re.I)
# An instrument or what it shows, in a question about a gem: the constant it reads
INSTRUMENT_WORDS = re.compile(
    r"\b(?:polariscope|stays? dark|blinks?|refractometer|dichroscope|chelsea(?: filter)?|ccf|pleochro\w*|"
    # "what colour is ruby under UV?", "… under long-wave UV?": its fluorescence, not its body colour
    r"(?:UV|ultraviolet) (?:lamp|light)|"
    r"(?:under|in)\s+(?:an?\s+|the\s+)?(?:(?:long|short)[- ]?wave\s+)?(?:UV|ultraviolet)|"
    r"fluoresc\w*|spectroscope|hydrostatic|heavy liquids?|scratch\w*|refractive index|\bRI\b|\bSG\b|doubling|"
    r"double refraction)\b|" + READINGS_COUNTED,
    re.I,
)
# "what's the RI?", "hardness?", "how hard is it", "how hard?": the value for the stone the last answer named, not a
# glossary term
THE_STONES_VALUE = re.compile(
    rf"^\s*(?:(?:and|so|ok|okay)\b[\s,]*)?(?:what(?:'s| is| are)\s+(?:the|its)\s+(?:mohs\s+)?{_PROPERTY}"
    rf"(?:\s+of\s+(?:it|this|this stone|the stone|my stone))?|(?:what\s+|any\s+|mohs\s+)?{_PROPERTY}|"
    # "what crystal system is it?", "what lustre does it have?"
    rf"what\s+{_PROPERTY}\s+(?:is|does)\s+(?:it|this|this stone|the stone|my stone)(?:\s+have)?|"
    # not "how heavy is it?", the stone's weight (`WEIGHT_OF_THE_STONE`)
    r"how\s+(?:hard|heavy(?!\s+is\b)|dense)(?:\s+(?:is|are)\s+(?:it|this|this stone|the stone|they))?)\s*\??\s*$",
    re.I,
)
# "are you sure?", "are you 100% sure?", "you sure?": the answer asked to be stood by, yes or no
SURE_QUESTION = re.compile(r"(?<!\bmake )\b(?:are you|you|u)\s+(?:\w+\s+|100\s*%\s*)?(?:sure|certain|positive)\b", re.I)
# "what are the odds?", "what's the probability?" alone: how sure, not the odds of something it names
ODDS_ALONE = r"\bwhat(?:'s| is| are)\s+(?:the|your|its)\s+(?:odds|chances?|probabilit(?:y|ies))\s*[?.!]*\s*$"
CONFIDENCE_QUESTION = re.compile(
    rf"\bhow (?:sure|confident|certain|likely)\b|\bconfidence\b|{SURE_QUESTION.pattern}|{ODDS_ALONE}", re.I
)
# a gem asked to be confirmed, leading: "this is definitely a diamond right?", "surely it's an emerald?"
LEADING_WORDS = re.compile(r"\b(?:definitely|surely|certainly|for sure|100\s*%|must be|no doubt)\b", re.I)


def confirmation_asked(text: str, gem: GemFacts) -> bool:
    """Whether a message asks a yes that the stone is `gem`, leading or plain ("this is definitely a diamond
    right?", "is this a diamond?", "are you 100% sure?"), which a photo cannot give against the gem's look-alikes;
    not a claim about a gem ("hessonite shows a treacly swirl, right?") nor a treatment asked of it ("is this
    sapphire heated?")."""
    from gemlang.knowledge.tell_apart import kind_of

    if SURE_QUESTION.search(text):
        return True
    named = [g for g in gems_named_in(text) if g.name == gem.name or kind_of(gem, g)]
    leading = "?" in text and (TAG_QUESTION.search(text) or LEADING_WORDS.search(text))
    asked = "?" in text or QUESTION_RUN_ON.search(text)  # "is it a diamond", its "?" left off; not "it's a diamond"
    plain = asked and any(asks_if_it_is(text, g) or _might_be(text, g) for g in named)
    return bool(named and (leading or plain) and not says_what_a_gem_does(text))


def _might_be(text: str, gem: GemFacts) -> bool:
    """Whether a message asks if the stone in hand could be `gem` ("could this be a diamond?")."""
    return bool(
        re.search(
            r"\b(?:could|might|can|may)\s+(?:it|this|that|mine|the stone|this stone)\s+(?:really\s+)?be\s+"
            rf"(?:an?\s+)?(?:real\s+|natural\s+|genuine\s+)?(?:{_name_words(gem)})\b",
            text.lower(),
        )
    )


# what may stand before a material asked about alone: "cobalt glass?", "just plastic?"
_SORT_OF = (  # "could it be sea glass?": glass weathered on a beach is glass
    r"just|maybe|probably|perhaps|an?|sea|beach|drift|cobalt|blue|green|red|coloured|colored|lead|crown|flint|cheap"
)


def _could_it_be(words: str) -> re.Pattern[str]:
    """'could it be (a) X?' for the words of X, the word said kept as group 1."""
    asked = (  # "is my stone plastic?" too
        rf"\b(?:is it|it is|it's|was it|could it be|might it be|maybe|or|is (?:my|this|the) (?:stone|gem)|"
        rf"(?:is|was) (?:this|that)(?: (?:stone|gem))?)\s+"
        rf"(?:(?:{_SORT_OF})\s+){{0,2}}"
    )
    # or the material alone, asked at the end of a clause: "RI 1.54 SR, SG 2.30, cobalt glass?"
    alone = rf"(?:^|[,;:!]|\.\s)\s*(?:(?:{_SORT_OF})\s+){{0,2}}(?=(?:{words})\s*\?)"
    # "is it glass?", not "is it glass-filled?" (a treatment)
    return re.compile(rf"(?:{asked}|{alone})({words})\b(?![- ]?fill)", re.I)


GLASS = "Glass (Paste)"  # the knowledge base's glass imitation, which "could it be glass?" asks about
# "how can I tell if it's glass?", "how to tell a crystal from glass?": glass's signs, with no stone in hand
GLASS_TEST_ASKED = re.compile(
    r"\bhow\b[^?.!]{0,40}\b(?:tell|test|know|check|spot|identify)\b[^?.!]{0,40}"
    r"(?<!magnifying )(?<!lead )(?<!lead-)\b(?:glass|paste)\b(?![- ]?fill)",
    re.I,
)
# glass as the tool, not the material asked about: "does it scratch glass?", "test hardness with a piece of glass",
# "a glass plate", "through a magnifying glass"; not "filled with glass", a treatment
GLASS_AS_A_TOOL = re.compile(
    r"\bscratch\w*\s+(?:the\s+|a\s+|on\s+)?glass\b|(?<!filled )\bwith\s+(?:an?\s+|the\s+|my\s+)?"
    r"(?:(?:piece|bit|sheet|shard)\s+of\s+)?glass\b|\bglass\s+(?:plates?|slides?)\b|\bmagnifying\s+glass\b",
    re.I,
)
# the entry each question asks about: glass and plastic are no gem names in free text ("it scratches glass")
MATERIAL_QUESTIONS = {_could_it_be("glass|paste"): GLASS, _could_it_be("plastic|resin|acrylic"): "Plastic"}
DOUBLET_QUESTION = _could_it_be("doublet|triplet|assembled|composite")
# "is this stone man-made?", "is it fake?", "is my stone natural?": whether the stone is a gem grown by nature
ORIGIN_ASKED = _could_it_be(
    rf"synthetic|lab[- ]?(?:grown|created|made)|man[- ]?made|fake|imitation|simulant|simulated|real|natural|genuine|"
    rf"{IN_A_LAB}"
)
# "is my sapphire a doublet?", "could this opal be a triplet?": whether the gem named is an assembled stone
ASSEMBLED_GEM_QUESTION = re.compile(
    r"\b(?:is|are|could|might)\s+(?:my|the|this|these|your)\b.{0,30}?\s(?:be\s+)?"
    r"(?:an?\s+(doublet|triplet|composite)|(assembled))\b",  # not "is my opal doublet valuable?"
    re.I,
)
# "what about a triplet?" of the stone in hand: "is it a triplet?"
AND_THE_OTHER_ASSEMBLY = re.compile(r"\s*(?:and|what about|how about)\s+(?:an?\s+)?(doublet|triplet)\s*[?.!]*\s*", re.I)
# "what about natural ones?" after the treatments of lab-grown diamonds (or the other way round): the same question of
# the gem grown the other way
OTHER_ORIGIN = re.compile(
    r"\s*(?:and|but|so)?,?\s*(?:what about|how about|and)?\s*(?:the\s+)?(natural|mined|lab[- ]?(?:grown|created)|"
    r"synthetic)\s*(?:ones?|stones?|gems?)?\s*[?.!]*\s*",
    re.I,
)
# "and the second one?", "what about the runner-up?", "the former?" alone: one of two gems compared ("ruby vs
# garnet"), or a stone's runner-up after its answer, not a new topic
ONE_OF_TWO = re.compile(
    r"\s*(?:and|but|so|ok(?:ay)?)?,?\s*(?:what about|how about|tell me (?:more )?about|what(?:'s| is))?\s*"
    r"(?:the\s+)?(first|former|second|2nd|runner[- ]up|latter)"
    r"(?:\s+(?:one|guess|candidate|option|choice|possibility|gem|stone))?\s*[?.!]*\s*",
    re.I,
)


def one_of_two(text: str) -> int | None:
    """Which of two a message asks of alone: 0 ("the first one?", "the former?"), 1 ("and the second one?", "the
    runner-up?", "the latter?"), or None when it asks something else."""
    asked = ONE_OF_TWO.fullmatch(text or "")
    return None if asked is None else int(asked.group(1).lower() not in ("first", "former"))


# "what else?", "could it be something else?", "what could it be besides that?": the runners-up
_IT_BE = r"(?:could|might|can)\s+(?:it|this|that)\s+be"
ELSE_QUESTION = re.compile(
    rf"\bwhat else\b|\bother (?:possibilit|option|candidate|gem)|\balternatives?\b|\b{_IT_BE} (?:some|any)thing else\b"
    rf"|\bwhat\s+{_IT_BE}\s+(?:besides|other than|instead)\b",
    re.I,
)
WHY_ONLY = re.compile(r"\s*(?:but |and |so )?why(?: not| so| is that)?\s*[?!.]*\s*", re.I)  # a follow-up, nothing more
# "why ruby?", "how do you know?", "what made you say ruby?": the reasons for the answer
WHY_QUESTION = re.compile(
    r"^\s*why\b|\bhow do you know\b|\bwhy (?:do|did|is|are) you\b"
    r"|\bwhat (?:made|makes) you (?:say|think|pick|choose|go (?:for|with)|decide|conclude)\b",
    re.I,
)
# "how did it form?", "how was it made?", "where does it grow?": how the gem forms in the earth
FORMATION_QUESTION = re.compile(
    r"\bhow (?:did|do|does|was|were|is|are) (?:it|they|this|these|\w+) (?:form|formed|made|created|grow|grown)\b|"
    r"\bhow (?:it|they) (?:formed|forms|grew|grows)\b|"
    r"\bwhere (?:did|does|do) (?:it|they|this|these|\w+) (?:form|grow)\b|"
    # "what rock is emerald found in?", "what kind of rock does ruby form in?", "the host rock of emerald"
    # (the rock a gem forms in, not "what rocks are found in Sri Lanka?", which names a place)
    r"\bwhat (?:(?:kind|type|sort)s? of )?rocks? (?:is|are|does|do|did|was|were)\b.*\b(?:found|form|formed|grow|grown|"
    r"occur)(?: in)?\s*[?.!]*\s*$|\bhost rocks?\b|"
    r"\b(?:made|formed|come|comes) (?:of|from) coal\b",  # "is diamond made of coal?"
    re.I,
)
# "would a real one scratch glass?": a real one of the gem answered or discussed, not whether the stone is real
REAL_ONE = re.compile(r"\b(?:an?|the) (?:real|genuine|natural) one\b", re.I)
# "is that a rare find?", "how hard is this gem?": the gem answered or discussed, said "it" as elsewhere; not "is
# that true?" or "does that mean …?", of what was said
THAT_ONE = re.compile(
    r"^(?P<verb>\s*(?:is|was|does|did|can|will|would|could|should)\s+|\s*how\s+\w+\s+(?:is|was)\s+)"
    r"(?:that(?:\s+(?:stone|gem|gemstone|one))?|this\s+(?:stone|gem|gemstone|one))\b"
    r"(?!\s+(?:true|right|correct|so|normal|mean|means|because)\b)",
    re.I,
)
# "what is the centre diamond?", "what's the main sapphire?" with a stone in hand: whether the stone is one, as "is the
# centre stone a diamond?" asks, not the gem's card
CENTRE_GEM = re.compile(
    r"\s*what(?:'s| is)\s+(?:the|my|this)\s+(?:centre|center|central|main|middle)\s+"
    r"(?P<gem>[a-z][\w' -]{1,30}?)\s*\??\s*",
    re.I,
)
# "is it rare?", "are blue diamonds rare?", "how rare is it?", "is it common?"; not "is it common for ruby to be
# heated?"
RARITY_QUESTION = re.compile(
    r"\b(?:is|are) (?:it|they|this|these|(?:an? |the )?\w+(?: \w+)?) (?:an? )?(?:very |so |really )?rare\b(?! earth)|"
    r"\bhow rare\b|"
    r"\b(?:is|are) (?:it|they) (?:an? )?(?:very |so |really )?(?:un)?common(?: gems?| stones?| finds?)?\s*[?.!]*\s*$|"
    r"\bhow common\b",
    re.I,
)
# "what is it called in the trade?", "what's its trade name?", "does it have any other names?", "what else is
# labradorite called?": the gem's other names; not "is korean jade a correct trade name?", a name asked about
OTHER_NAMES_ASKED = re.compile(
    r"\b(?:called|known|sold)\s+(?:as\s+)?in\s+the\s+trade\b|\b(?:its|their|the)\s+trade\s+names?\b|"
    r"\b(?:any|other|another|different)\s+names?\b(?!\s+for\s+(?:a|the)\s+colou?r)|"
    r"\bwhat\s+else\s+(?:is|are)\s+[\w' ]{1,30}?\s+called\b|\bnicknames?\b|"
    r"\bwhat\s+(?:is|are)\s+[\w' ]{1,30}?\s+also\s+(?:called|known\s+as)\b",
    re.I,
)
# "which is rarer, ruby or emerald?", "is amethyst more common than citrine?", "which is harder to find?": how rare
# two gems are, side by side
RARITY_COMPARED = re.compile(
    r"\b(?:rarer|scarcer|more (?:rare|common|scarce|abundant|available)|less (?:rare|common|available)|"
    r"(?:harder|easier) to (?:find|get|come by|source|obtain|buy))\b",
    re.I,
)
# "which one is the rarest?" of the gems a stone in hand may be, as "which is rarer?" asks of gems named
RAREST_AMONG = re.compile(r"\b(?:rarest|scarcest|(?:most|least) (?:rare|common|scarce))\b", re.I)
HISTORY_QUESTION = re.compile(r"\bhistory\b|\bhistorical\b|\bname (?:come|mean|origin)|\betymolog|\bnamed\b", re.I)
# "was I scammed?", "did they rip me off?": whether the stone is what it was sold as, as "is it real?" asks
NATURAL_QUESTION = re.compile(
    r"\b(?:natural|real|genuine|synthetic|lab[- ]?(?:grown|created|made)|fake|simulant|simulated|imitation|"
    rf"{MADE_WORDS}|{IN_A_LAB})\b|"
    r"\b(?:was|were|got|been|i'?m being|am i being)\s+(?:i\s+|we\s+)?(?:scammed|cheated|conned|swindled|ripped off)\b|"
    r"\brip(?:ped)?\s+(?:me|us)\s+off\b",
    re.I,
)
# "is the blue natural?", "natural colour?": whether the colour was made, a treatment question
COLOUR_NATURAL = re.compile(
    r"\b(?:colou?r|blue|red|green|pink|yellow|purple|black|orange|brown)\s+(?:is\s+|be\s+)?(?:natural|real|genuine)\b|"
    r"\bnatural(?:ly)?[- ]colou?re?d?\b|"
    r"^\s*(?:is|are)\s+(?:the\s+)?(?:blue|red|green|pink|yellow|purple|black|orange|brown)\s+[a-z]+\s+(?:natural|real)\b|"
    # "is the blue of my sapphire natural?"
    r"\b(?:colou?r|blue|red|green|pink|yellow|purple|black|orange|brown)\s+of\s+(?:[\w'-]+\s+){1,3}(?:natural|real|genuine)\b",
    re.I,
)  # "is blue topaz natural?": its colour
TREATMENT_QUESTION = re.compile(
    r"\b(?:heat(?:ed)?(?![- ]?(?:sensitive|maps?\b))|treat(?:ed|ments?)?|untreated|unheated|enhanc\w*|oiled|oiling|"
    r"dyed|irradiated|diffused|filled|coated|waxed|stabili[sz]ed|(?:laser[- ])?drilled|lasered|smoked)\b|"
    # "can I colour it?", "how to dye my jade?": dyeing done to the stone, not its colour or a colour grade asked,
    # nor what colours it ("what causes chromium to colour the stone green?")
    r"\b(?:i|we|you|to)\s+dye\b|"
    r"\b(?:i|we|you|how\s+to)\s+colou?r\s+(?:it|them|this|that|these|those|my|mine|the|a|an|your)\b|"
    + COLOUR_NATURAL.pattern,
    re.I,
)
# whether a treatment can be found at all: "is heating detectable?", "can a lab tell if it's heated?"
TREATMENT_DETECTED = re.compile(
    r"\b(?:detect\w*|tell|spot|identif\w*|prove)\b.{0,40}\b(?:heat(?:ed|ing)?|oil(?:ed|ing)?|irradiat\w*|dye[ds]?|dyeing|"
    r"treat(?:ed|ment)?)\b|\b(?:heating|oiling|irradiation|dyeing|treatments?)\b.{0,30}\b(?:detect\w*)",
    re.I,
)
# "is blue topaz radioactive?", "is irradiation of gems dangerous?", "is irradiated topaz safe to wear?": whether
# an irradiated stone is radioactive or harmful, not only whether it was irradiated
_HARM = r"\b(?:dangerous|danger|safe|unsafe|harm\w*|health\w*|risk\w*|hazard\w*|toxic)\b"
RADIATION_ASKED = re.compile(
    rf"\bradioactiv\w*|\bradiation\b|\birradiat\w*\b.{{0,60}}{_HARM}|{_HARM}.{{0,60}}\birradiat\w*", re.I
)
# "can you tell if it's oiled from a photo?": whether a picture shows something
SHOWN = re.compile(r"\b(?:tell|see|know|detect|spot|shows?|determine|identify|judge)\b", re.I)
# "how do I detect lead-glass filled ruby?", "how is B jade detected?", "how do I tell if it's heated?": how a
# treatment is found, not whether the stone in hand has one
DETECTION_QUESTION = re.compile(
    r"\b(?:how|what)\b.{0,40}\b(?:detect\w*|identif\w*|spot\w*|tell|know|recogni[sz]\w*|reveal\w*|see|check|test)\b|"
    r"\bsigns? (?:of|that)\b",
    re.I,
)
# the words that name a treatment in such a question: a treatment word, a treatment's own name ("stabilized
# turquoise", "HPHT", "Be-diffused", "sugar-treated", "oil", "laser drilling", "waxed", "smoked"), the trade's
# names for treated jade, or an assembled stone ("opal doublet")
TREATED_WORDS = re.compile(
    TREATMENT_QUESTION.pattern + r"|\b(?:dye|fill(?:ing)?|impregnat\w*|polymer|bleach\w*|[bc][- ]jade|stabili[sz]\w*|"
    r"hpht|beryllium|irradiat\w*|oil|resin|sugar|diffusion|laser(?:ed|ing)?|drill(?:ed|ing)?|km|wax(?:ed|ing)?|"
    r"coat(?:ed|ing)?|smoked?|smoking|doublets?|triplets?|assembled)\b",
    re.I,
)
# what a gemmologist buys besides stones
_TOOLS_BOUGHT = (
    r"refractometers?|loupes?|microscopes?|polariscopes?|spectroscopes?|dichroscopes?|lamps?|scales?|balances?|"
    r"testers?|kits?|courses?|classes|books?|equipment|instruments?|tools?"
)
# a price asked ("what's it worth?", "how much is it?", "is it valuable?", "the value of my ring?", "how does it affect
# the value?"), not "worth cutting?", "how much does it weigh?" nor a valuation's words ("replacement value vs fair
# market value wording", "a photo for a replacement value estimate: what can I state?")
VALUE_QUESTION = re.compile(
    r"\bworth(?:less)?\b(?!\s+(?:(?!(?:any|some|no)thing\b)\w+ing|it\s+to)\b)|\b(?:prices?|priced|costs?|expensive|valuable|cheap(?:er|est)|pricier|priciest)\b|"
    r"\bhow much\b(?![^.?!]{0,30}\b(?:weigh|heav|hard|light|dens|bigger|larger|smaller))|"
    r"\b(?:what(?:'s|s| is| was| would be)?|its|any|much|some|real|true|the)\s+(?:(?:resale|market|retail|insurance|"
    r"replacement|current|estimated)\s+)?value\b(?!\s+(?:vs\.?|versus|and|or)\b)|"
    r"\bvalue\s+(?:of\s+)?(?:it|this|that|them|mine|my|the\s+(?:stone|ring|gem|piece|necklace|pearls?))\b|"
    r"\bof (?:any |much |some |great |real )?value\b|\bvalued\b|\bapprais(?:e|ed)\b|"
    r"\b(?:affects?|lowers?|reduces?|hurts?|raises?|increases?|decreases?)\b[^.?!]{0,25}\bvalue\b|"
    # what was paid, or would be ("is a treated emerald a bad buy?")
    r"\b(?:good deal|(?:good|bad|smart|wise|poor) buy|bargain|overpa(?:y|id)|paid too much|rip[- ]?off)\b|"
    # "is it a good investment?", "should I invest in sapphires?"; not in a refractometer or a course
    rf"^(?!.*\b(?:{_TOOLS_BOUGHT})\b).*?\binvest(?:ment|ments|ing)?\b|"
    # a valuation asked for ("can you do a valuation?", "I need an appraisal", "give a replacement value range"), not
    # an appraiser's own work
    r"\b(?:do|give|get|need|want|make|provide|write|have)\b[^.?!]{0,20}\b(?:valuation|appraisal|value)\b",
    re.I,
)
# "where would I find more?", "where can I dig for it?": where the gem is found, not where this stone was mined, nor
# where to find a person, a service or a figure ("where can I find a lab to test it?", "… its RI on the report?")
_FOUND_ELSEWHERE = (
    r"(?:(?:an?|the|some|any|its|my|your|good|reliable|local)\s+)*(?:\w+\s+)?(?:lab(?:orator(?:y|ies))?s?|jewell?ers?|"
    r"appraisers?|gemm?ologists?|dealers?|shops?|stores?|sellers?|cutters?|lapidar(?:y|ies)|someone|somebody|anyone|"
    r"info(?:rmation)?|help|certificates?|reports?|refractive index|ri|sg|specific gravity|hardness|value|price)\b"
)
WHERE_TO_FIND = re.compile(
    rf"\bwhere\b.{{0,40}}\b(?:find|dig|look for|hunt for|collect)\b(?!\s+(?:for\s+)?{_FOUND_ELSEWHERE})", re.I
)
ORIGIN_QUESTION = re.compile(
    r"\bwhere\b.{0,40}\b(?:from|mined|found|come|comes|originate\w*)\b|\b(?:origin|provenance)\b|"
    rf"\bwhich (?:countr(?:y|ies)|mines?)\b|\bwhat countries\b|\bis it (?:from|mined in)\b|{WHERE_TO_FIND.pattern}",
    re.I,
)
# whether the stone is what it was said to be: "is this a Kashmir sapphire?", "a Burmese ruby, is that true?"
ORIGIN_CLAIM_ASKED = re.compile(  # and "the seller said its Kashmir sapphire, is it?"
    r"^\s*(?:is|was)\s+(?:it|this|that|mine|my\s+\w+)\b|\b(?:is|was) (?:that|it|this) (?:true|right|correct|so)\b|"
    r"\b(?:is|are) (?:he|she|they) right\b|\b(?:can|could) you confirm\b|,\s*right\s*\?|"
    r",\s*(?:is|was) (?:it|that|she)\s*\?+\s*$",
    re.I,
)
# someone's word about the stone: "the seller says it's a natural ruby, is it?", "he told me it's untreated, true?"
WORD_OF_ANOTHER = re.compile(
    r"\b(?:sellers?|dealers?|vendors?|shops?|stores?|jewell?ers?|appraisers?|he|she|they|(?:the|my|our) (?:man|guy|"
    r"woman|lady|listing|ad|advert|certificate|cert|friend|mother|mom|mum|father|dad|grandmother|grandma|grandfather|grandpa|"
    r"aunt|uncle|sister|brother|wife|husband|partner|boyfriend|girlfriend|son|daughter|cousin|neighbou?r|colleague|"
    r"tag|label|receipt|invoice|box|sticker|card))\s+"
    r"(?:says?|said|told (?:me|us)|tells (?:me|us)|claim(?:s|ed)?|swear(?:s)?|swore|insist(?:s|ed)?|promised?|"
    r"guarantee(?:s|d)?)\b",
    re.I,
)
# what the word claims of it: natural, real, not lab-grown (not a treatment: "untreated", which side_answer answers)
CLAIMED_NATURAL = re.compile(
    r"\b(?:natural|real|genuine|authentic|mined|earth[- ]mined)\b|\bnot (?:a )?(?:lab[- ]?(?:grown|created|made)|"
    r"synthetic|fake|glass|man[- ]made)\b",
    re.I,
)
# a stone someone found, not bought: "my kid picked up a rock", "a crystal we found on the beach"; not "found out",
# nor one found at a show or a shop ("I found it at a gem show, the dealer said …")
_FIND = r"(?:found|picked up|dug up|came across|discovered)\b(?!\s+out\b)"
_STONE = r"(?:rocks?|stones?|pebbles?|crystals?|minerals?|gems?|gemstones?)\b"
FOUND_A_STONE = re.compile(
    r"^(?!.*\b(?:bought|buy|paid|sold|shop|store|dealer|seller|vendor|show|fair|market|auction|online)\b).*?"
    rf"(?:\b{_FIND}[^.?!,;]{{0,30}}?\b{_STONE}|"
    rf"\b{_STONE}[^.?!,;]{{0,15}}?\b(?:i|we|he|she|they|my \w+)\s+(?:just\s+)?{_FIND})",
    re.I | re.S,
)
# a stone found that is not the one in hand: "I found a clear stone", "we picked up another crystal"; not "I found
# this in a river" nor "I found it", which speak of the stone shown
A_NEW_FIND = re.compile(rf"\b{_FIND}\s+(?:an?|another|some)\b", re.I)
# a gem found, named for what it seems: "I found a ruby in the creek", "we dug up some garnets"; not one bought
FOUND_A_GEM = re.compile(
    r"^(?!.*\b(?:bought|buy|paid|sold|shop|store|dealer|seller|vendor|show|fair|market|auction|online|deal|price|bargain|listing|ebay|etsy)\b).*?"
    rf"\b{_FIND}\s+(?:an?|some|this|these|two|three|several)\b",
    re.I | re.S,
)
# what the word claims of it that makes it no natural gem: "it's fake", "lab-grown ruby", "just glass" (not "not glass",
# a claim that it is natural)
CLAIMED_ARTIFICIAL = re.compile(
    r"\b(?<!not )(?<!not a )(?:fake|imitation|simulant|simulated|glass|paste|plastic|synthetic|"
    r"lab[- ]?(?:grown|created|made)|man[- ]made)\b",
    re.I,
)
YES_NO_QUESTION = re.compile(r"^\s*(?:does|do|is|are|can|will|has|have|could|would)\b", re.I)
# a question about the stone run on after what is said of it, its "?" left off: "saphire ri 1.76 sg 3.99 is it heated"
QUESTION_RUN_ON = re.compile(r"\b(?:is|was|has|are|does|did)\s+(?:it|this|that|mine|the stone)\b", re.I)
# "let's say the RI is 1.72", "what would an SG of 3.6 mean?": a reading supposed, not taken
SUPPOSING = re.compile(
    r"\b(?:suppose|supposing|hypothetically|assum(?:e|ing)|imagine|let'?s say|for (?:the )?sake of argument|"
    r"what if)\b|^\s*(?:and|but|so)\s+if\b|\bwhat would an?\b|"
    r"\bwould (?:an?|the|that)\b[^?]{0,40}\bmake (?:it|this|the stone)\b",  # "would a 1.72 RI make it spinel?"
    re.I,
)
# "if the RI were 1.72, would it be spinel?": the reading inside the if-clause; not "if I read it right, SG 3.52",
# "if accurate, RI 1.77", "my reading, if correct: SG 3.99" or "if my refractometer is right, RI 1.76", a reading hedged
IF_CLAUSE = re.compile(r"\bif\b(?!\s+(?:i|i'm|my|you|it helps|that|this)\b)((?:[^,;:.!?]|\.(?=\d))*)", re.I)


def supposition(text: str) -> Hints | None:
    """What a message supposes rather than reports ("if the RI were 1.72, …?"): its hints, or None."""
    hints = parse_hints(text)
    if hints and (SUPPOSING.search(text) or any(parse_hints(m.group(1)) for m in IF_CLAUSE.finditer(text))):
        return hints
    return None


GLOW_NOT_UV = re.compile(r"^(?!.*(?:\buv\b|ultra-?violet|lamp|black ?light|fluoresc|phosphoresc)).*\bglow", re.I)
# "tell me about star spinel": its star, as "what is star spinel?" asks (`TELL_ABOUT`)
TELL_ABOUT = re.compile(r"^\s*(?:tell me|describe|explain)\b", re.I)
ASKS_WHAT_IT_SHOWS = re.compile(rf"^\s*(?:what|why|how|does|do|is|are|where)\b|\?\s*$|{TELL_ABOUT.pattern}", re.I)
# not "what colour is the streak of hematite?": its powder's colour, not the gem's; nor "what colour grade is my
# diamond?", a grade (`limits`)
COLOUR_QUESTION = re.compile(
    r"\b(?:what|which) colou?rs?\b(?!\s+(?:is\s+|of\s+)?(?:the\s+|its\s+)?streak)(?![^.?!]*\bgrad(?:e|ed|ing)\b)|"
    r"\bcolou?rs? (?:does|do|can) (?:it|they) come in\b|^\s*colou?rs?\s*\?\s*$",
    re.I,
)
# "why does it do that?", "why is that?": the why of what the answer before said, naming nothing of its own
WHY_OF_IT = re.compile(
    r"\s*(?:and |but |so )?(?:why|how come) (?:does|do|is|would|did) (?:it|that|this|they)(?: (?:do|happen))?"
    r"(?: (?:that|this|so))?\s*[?!.]*\s*",
    re.I,
)
AND_ABOUT_TERM = re.compile(r"\s*(?:and|what about|how about)\s+(?:the\s+)?([a-z][\w' -]*?)\s*\??\s*", re.I)
# "and 1.54?", "what about 2.42?": the question before asked again of another value
ANOTHER_VALUE = re.compile(
    r"\s*(?:(?:and|or|what about|how about)\s+(?:an?\s+|of\s+)?|(?=[\d.]+\s*\?))(?P<value>\d+(?:\.\d+)?)\s*\??\s*", re.I
)
AND_ABOUT = re.compile(r"^\s*(?:and|what about|how about)\b(?!.*\b(?:it|its|this|mine|my)\b)", re.I)
# "and pearl?", "ok, what about the 20th?", "and for 25 years?": the question before, asked of another (fullmatch)
AND_OF_ANOTHER = re.compile(
    r"\s*(?:(?:ok|okay|so)\b[\s,]*)?(?:and|what about|how about)\s+(?:for\s+)?(?:(?:the|an?|our)\s+)?"
    r"(?P<x>[\w'-]+(?:\s+[\w'-]+)?)\s*\??\s*",
    re.I,
)
# "what about sphalerite? resinous lustre, brown": a mineral named, then what is seen of it (not "what about spinel?
# it stays dark", the stone in hand)
ANOTHER_MINERAL = re.compile(
    AND_ABOUT.pattern + r"\s+(?:an?\s+)?(?P<name>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s*[?:,.!;–-]\s*\S", re.I
)


def another_mineral(text: str) -> tuple[str, GemFacts | None, Hints] | None:
    """(name, its facts or None, what the message says it shows) when a message names a mineral and then what is
    seen of it: a gem the knowledge base knows, or a word named as most minerals are (sphalerite, smithsonite)."""
    said = ANOTHER_MINERAL.match(text)
    if said is None or not ((seen := parse_hints(text)) or seen.colours):
        return None
    name = said.group("name")
    named = gems_named_in(name)
    if not named and not (re.fullmatch(r"[a-z]{3,}ite", name, re.I) and not parse_hints(name).colours):  # "white"
        return None
    return name, next(iter(named), None), seen


SAME_STONE = re.compile(
    r"\bsame (?:stone|gem|one|specimen|crystal|piece|ring|pendant|pearl|sample)\b|"
    # a close-up of the stone in hand, unless what it is of is another ("a close-up of the second stone")
    r"\b(?:close-?up|closer look|another (?:angle|view))\b(?!\s+(?:of\s+)?(?:the\s+|my\s+|a\s+)?(?:another|other|new|"
    r"different|second|third|next|last|stone\s*\d|#\d)\b)|"
    r"\b(?:another|second|other|different) (?:angle|view|side|photo|picture|shot) of (?:it|this)\b",
    re.I,
)
# What the knowledge base holds no facts on: how rare a gem is, whether it was ethically sourced, its age, insurance
NO_FACTS_ON = re.compile(
    r"\brar(?:e|er|est|ity)\b|\bconflict|\bethic|\bresponsibl[ey] sourced|\bhow old\b|\binsur|\binvest", re.I
)
# A message shaped as a question: a "?", or a clause opened by a question word ("can i facet it", "brazil or uruguay,
# can you tell from the photo", "held a torch behind it, does that decide it"), whatever it asks
_AUX = r"(?:can|could|should|would|will|shall|may|might|must|is|are|am|was|were|do|does|did|has|have|had)"
_SUBJECT = r"(?:i|you|u|we|it|its|it's|this|that|they|these|those|there|one|my|the|a|an|mine)"
QUESTION_SHAPED = re.compile(
    rf"\?|(?:^|[,;:.!]\s*|\b(?:and|but|so|then|or)\s+)(?:(?:what|how|why|where|when|which|who|whose)\b|"
    rf"{_AUX}\s+{_SUBJECT}\b)",
    re.I,
)
# what the stone in hand is, asked again ("so what is it?", "what do you think?", "which one is it then?", "can you
# tell what it is?"): the answer itself is what it asks for
IDENTITY_ASKED = re.compile(
    # "what is the centre stone?", "what's the stone in the middle?": of a piece, the stone in hand
    r"\bwhat(?:'s|s| is| are| was)?\s+(?:it|this|that|these|they|(?:the|my|this)\s+"
    r"(?:(?:centre|center|central|main|middle|big|bigger|biggest|large|larger|largest)\s+)?(?:stone|gem)"
    r"(?:\s+in the (?:middle|centre|center))?)\s*"
    r"(?:then|now|again|exactly|really|after all)?\s*[?!.]*\s*$|"
    r"\bwhat do you (?:think|reckon|make of)\b|\bidentify\b|\bany ideas?\b|\bwhat about now\b|^\s*(?:and\s+)?now\s*\?|"
    r"\bwhat (?:gem|stone|mineral|crystal|kind|type|sort)s?\b|\bwhich (?:gem|stone|one|is it)\b|"
    # asked indirectly, at the end: "can you tell what it is?", "any idea what this might be?"
    r"\bwhat (?:it|this|that|they) (?:is|are|was|were|(?:might|could|may) be)\s*[?!.]*\s*$|"
    # "what could it be?": the ranking; not "what could it be used for?" nor "what would it be worth?"
    r"\bwhat (?:could|might|can|may|would) (?:it|this|that|they) be\b"
    r"(?!\s+(?:used|worth|called|named|made|good|set|cut)\b)",
    re.I,
)
# words of a question that say nothing of its topic ("how would a lab tell them apart?" is about a lab)
_NO_TOPIC = frozenset(
    "the and for are was but not you your its it's this that these those them they there their then than what how "
    "why who which when where would could should will can did does has have had get got too very really just also "
    "any all some much many more most one two out off own say see tell apart about with from into like look looks "
    "under over ive i've heard know think want need make made keep kind sort thing stone gem gems stones mine "
    "said someone small large worth scale describe report quality weight measure measurements estimate estimating "
    "formula identification identify identified support".split()  # a question's frame, not its topic
)


def card_speaks_of(question: str, texts: Sequence[str]) -> bool:
    """Whether the answer's own texts name what a question asks about ("can I facet it? I've heard it's too soft"
    of a card that calls the gem soft; "how would a lab tell them apart?" of a caution naming a gem laboratory), so
    the card answers it in part and is not to be replaced by 'my facts do not answer that'."""
    words = {w for w in re.findall(r"[a-z']{4,}", question.lower()) if w not in _NO_TOPIC}
    body = " ".join(texts).lower()
    return any(re.search(rf"\b{re.escape(w[:6])}", body) for w in words) or any(
        asked.search(question) and said.search(body) for asked, said in SAID_OTHERWISE
    )


# what a card says in other words: "under a loupe?" of its inclusions, "how would a lab tell?" of a laboratory
INCLUSION_WORDS = re.compile(
    r"\binclusion|\bsilk\b|\bneedles?\b|\bzoning\b|\bfeathers?\b|\bbubbles?\b|\bveils?\b", re.I
)
SAID_OTHERWISE = (
    (re.compile(r"\bloupe|\bmicroscope|\bmagnif", re.I), INCLUSION_WORDS),
    (re.compile(r"\blabs?\b|\blaborator", re.I), re.compile(r"\blaborator")),
)  # fmt: skip


# what the answer's card tells of a gem (its constants, colour and its cause, inclusions, formation, uses, name),
# asked of the stone in hand ("what is it used for?", "any inclusions to look for?"), unless how to do something is
# asked ("how do I get SG with a kitchen scale?"): the card answers it
CARD_TOPIC = re.compile(
    r"\bhardness\b|\bmohs\b|\bsg\b|specific gravity|\bdensity\b|refractive|\bri\b|birefring|lust(?:re|er)|"
    r"\bspecies\b|made of|composition|chemi|crystal (?:system|structure)|cleavage|fluoresc|\bglow|\buv\b|pleochro|"
    r"dichro|spectr|optic|colou?r|inclusion|\bused?\b|\buses\b|\bform(?:s|ed|ation)?\b|\bgrows?\b|\bname[ds]?\b|"
    r"histor",
    re.I,
)
HOW_TO_DO = re.compile(r"\bhow (?:do|can|could|should|would) (?:i|you|we|one)\b|\bhow to\b", re.I)
# a gem asked about in general, not the stone in hand: "is citrine always heated amethyst?", "is onyx usually dyed?",
# "are all emeralds oiled?" (not "is it treated at all?")
GENERALLY = re.compile(
    r"\b(?:always|usually|generally|typically|normally|mostly|commonly|often|in general)\b|"
    r"\bmost\b(?!\s+(?:likely|probably)\b)|(?<!\bat )\ball\b",
    re.I,
)
# "real pearls", "natural sapphires", "genuine stones": a word of the gem in the plural, said of every one of them
OF_THEM_ALL = re.compile(
    r"\b(?:natural|real|genuine|authentic|untreated|unheated|mined)\s+(?:(?:gem)?stones|gems|(?P<gems>\w+(?<!s)s))\b",
    re.I,
)


def word_about_a_stone(text: str) -> bool:
    """Someone's word about a stone ("the dealer told me it's untreated sapphire"), not about the gem as a rule ("is
    citrine always heated amethyst? seller says ...", "my grandma said real pearls are warm to the touch")."""
    if not WORD_OF_ANOTHER.search(text) or GENERALLY.search(text):
        return False
    return not any(not m["gems"] or gems_named_in(m["gems"]) for m in OF_THEM_ALL.finditer(text))


def natural_claimed(text: str) -> re.Match | None:
    """The word of someone's claim that the stone is natural ("the seller says it's a natural ruby": "natural"),
    None for no such claim or one of the gem as a rule (`word_about_a_stone`)."""
    return CLAIMED_NATURAL.search(text) if word_about_a_stone(text) else None


def artificial_claimed(text: str) -> re.Match | None:
    """The word of someone's claim that the stone is no natural gem ("my friend says it's glass": "glass"), None for
    no such claim, one that it is natural (`natural_claimed`) or one of the gem as a rule."""
    return CLAIMED_ARTIFICIAL.search(text) if word_about_a_stone(text) and not natural_claimed(text) else None


# "can you see any inclusions?", "does it have flaws?", "is it eye clean?": what is inside the stone in hand (not
# "any inclusions to look for?", which the card's inclusions answer)
INCLUSIONS_ASKED = re.compile(
    r"^(?!.*\blook\w* for\b).*(?:\b(?:inclusions?|flaws?|internal features|eye[- ]clean)\b|\bhow clean\b|"
    r"\b(?:is|are)\s+(?:it|this|the stone|this stone|they)\s+(?:\w+\s+)?clean\b|\bclean inside\b)",
    re.I,
)
MORE_QUESTION = re.compile(
    r"^\s*(?:tell me more|more (?:about it|info\w*|details?)|what else (?:can|do) you know)", re.I
)
# "how do I tell glass from a real gem?": glass against gems in general, no gem named
GLASS_OR_GEM = re.compile(
    r"\bglass\b.{0,40}\b(?:real|natural|genuine)\s+(?:gem|stone|gemstone|crystal)s?\b|"
    r"\b(?:real|natural|genuine)\s+(?:gem|stone|gemstone|crystal)s?\b.{0,40}\bglass\b|"
    r"\bglass\s+(?:from|and|or|vs\.?|versus)\s+(?:an?\s+)?(?:gem|gemstone)s?\b|"  # "tell glass from gem?"
    r"\b(?:gem|gemstone)s?\s+(?:from|and|or|vs\.?|versus)\s+glass\b",
    re.I,
)


def imitation_of(text: str, gem: GemFacts) -> bool:
    """Whether `text` names `gem` only as what a stone imitates: "a diamond simulant", "a fake diamond"."""
    name = re.escape(gem.name.lower())
    return bool(
        re.search(
            rf"\b(?:fake|imitation|simulated|simulant|faux)\s+{name}\b|\b{name}\s+(?:simulant|imitation|substitute)s?\b",
            text.lower(),
        )
    )


# "can you tell from a photo if it's glass?": what a photo cannot settle, asked before any stone is shown; not "can I
# send a photo of my sea glass?" or "would a photo through a magnifying glass help?"
def _from_a_photo(words: str) -> re.Pattern[str]:
    """ "can you tell from a photo if it's X?" for the words of X."""
    return re.compile(
        rf"^(?=.*\b(?:photo|picture|pic|image|snapshot)s?\b)(?=.*{words})"
        r"(?=.*\b(?:can|could|will|would)\b)(?=.*\b(?:tell|know|say|identify|determine|detect|spot|judge)\b)",
        re.I,
    )


GLASS_FROM_A_PHOTO = _from_a_photo(r"(?<!magnifying )\bglass\b")
# "can you tell if it's fake from a photo?", "can a picture show if it's lab-grown?"
FAKE_FROM_A_PHOTO = _from_a_photo(
    r"\b(?:fake|real|genuine|natural|synthetic|lab[- ]?(?:grown|created|made)|man[- ]made|imitation|simulant)\b"
)
# "how do I tell it from glass?", "how can I tell if it's dyed howlite?": the stone in hand against a gem named
OF_THE_STONE_IN_HAND = re.compile(
    r"\btell\b.{0,30}\b(?:it|this|mine)\b.{0,10}\b(?:from|apart)\b|\btell\b.{0,20}\b(?:if|whether)\s+"
    r"(?:it'?s|its|it is|this is|mine is)\b|\b(?:it|this)\s+(?:vs\.?|versus)\b|"
    r"\b(?:it|this)\s+(?:compare[sd]?|stacks? up)\s+(?:to|with|against)\b|\bcompare\s+(?:it|this)\s+(?:to|with)\b",
    re.I,
)
# "glass" and "plastic" alone are no gem names, but compared they are: "ruby or glass", "plastic or amber?", "is
# ruby heavier than glass?"
_MATERIAL = r"(glass|paste|plastic)"
COMPARED_MATERIAL = re.compile(
    rf"\b(?:from|and|vs\.?|versus|or|with|than)\s+(?:\w+\s+)?{_MATERIAL}\b|"
    rf"\b{_MATERIAL}(?=\s+(?:or|vs\.?|versus|and|from)\s|\s+(?:more\s+)?[a-z]+\s+than\s)",
    re.I,
)
MATERIAL_GEMS = {"glass": "Glass (Paste)", "paste": "Glass (Paste)", "plastic": "Plastic"}
# "amber or plastic? how can I tell": a comparison asked as a choice and how to tell
HOW_TO_TELL = re.compile(r"\bhow\b.{0,25}\b(?:tell|know|check|test)\b", re.I)


def compared_materials(text: str) -> list:
    """The glass and plastic a comparison names ("ruby or glass?", "glass or plastic?"), as gems, in order."""
    named = [MATERIAL_GEMS[(m.group(1) or m.group(2)).lower()] for m in COMPARED_MATERIAL.finditer(text)]
    return [get_facts(name) for name in dict.fromkeys(named)]


# a choice and nothing more: "ruby or spinel?", "is it topaz or citrine?", "jade or plastic", "ruby, sapphire or
# emerald?"; not "whats harder, topaz or quartz" (a constant asked), "… a green or a blue stone, tourmaline or topaz?"
# nor "a ruby and a sapphire, are they real or fake?"
CHOICE_ONLY = re.compile(
    r"\s*(?:(?:is|could|might)\s+(?:it|this|that)\s+(?:be\s+)?)?(?:an?\s+)?(?:(?:(?!\bor\b|\band\b|\bwh|\bhow\b)[^?,.!]){2,40}?,\s*"
    r"(?!(?:are|is|do|does|can|which|what|how)\b))?"
    r"[^?,.!]{2,40}?"
    r"\s+or\s+(?:an?\s+)?"
    r"[^?,.!]{2,40}?\s*[?.!]*\s*",
    re.I,
)


# "does ruby or sapphire come from Thailand?", "is ruby or emerald found in Colombia?": which of them a place gives
FROM_A_PLACE = re.compile(r"\b(?:comes?|found|mined|occurs?|produced)\s+(?:from|in)\b", re.I)


def asks_to_compare(text: str, choice: bool = True) -> bool:
    """ "ruby vs spinel", "how do I tell ruby from spinel", and with `choice` (no stone in hand, which "is it ruby
    or spinel? how can I check" would be about) "amber or plastic? how can I tell" and "is it topaz or citrine?"; not
    a choice by a place ("does ruby or sapphire come from Thailand?"), which each gem's localities answer."""
    if COMPARE_WORDS.search(text):
        return True
    either = re.search(r"\bor\b", text, re.I)
    # "the jeweller said real. is it a diamond or moissanite?": the choice asked after what was said
    asked = re.split(r"(?<=[.!])\s+", text.strip())[-1]
    by_place = FROM_A_PLACE.search(asked) and parse_hints(asked, questions=True).countries
    return bool(either and TO_DO_COMPARED.search(text)) or (
        choice and bool(either and (HOW_TO_TELL.search(text) or (CHOICE_ONLY.fullmatch(asked) and not by_place)))
    )


# words of a listed imitation that name no mineral: "Dyed howlite" is howlite; "Blue spinel (natural and synthetic)"
# is spinel, not the "natural" of "natural sapphire from lab-grown corundum"
IMITATION_WORDS = re.compile(
    r"\b(?:dyed|reconstituted|imitation|gilson|look-?alikes?|and|or|glass|plastic|treated|heated|the|natural|"
    r"synthetic)\b|[()']",
    re.I,
)


def named_as_such(text: str) -> list:
    """The gems a message names (`gems_named_in`), but not a natural gem named as lab-grown when none of it is
    known ("synthetic forsterite" is no peridot: an imitation of tanzanite the knowledge base has no facts of)."""
    return [gem for gem in gems_named_in(text) if not _no_such_lab_grown(gem, text)]


def _no_such_lab_grown(gem, text: str) -> bool:
    """Whether `text` names `gem` as lab-grown ("synthetic forsterite") and no lab-grown one is known."""
    names = _name_words(gem)
    said = compiled(rf"{GROWN_BEFORE_A_NAME}(?:{names})\b").search(text.lower())
    return said is not None and gem.origin == "natural" and not lab_grown_twins(gem)


def imitation_compared(text: str, choice: bool = True):
    """(gem, imitation) when a comparison names one gem and a listed imitation of it the knowledge base has no
    facts of ("how do I tell turquoise from howlite?": Turquoise, "Dyed howlite"), else None."""
    if not asks_to_compare(text, choice):
        return None
    named = named_as_such(text)
    if len(named) != 1 or compared_materials(text):
        return None
    gem = named[0]
    own = {w for n in (gem.name, *gem.aliases) for w in re.findall(r"[a-z]+", n.lower())}  # "pressed amber"
    words = set(re.findall(r"[a-z]+", text.lower())) - own
    for imitation in gem.simulants:
        if any(len(w) > 3 and w in words for w in IMITATION_WORDS.sub(" ", imitation.lower()).split()):
            return gem, imitation
    return None


# an instrument a comparison names ("tell ruby from red spinel with a UV lamp?"): the test it makes
TEST_NAMED = {
    r"\buv\b|ultra-?violet|fluoresc|black ?light": "fluorescence",
    r"conoscope|interference figure|optic figure": "optic_figure",
    r"polariscope": "optic",
    r"dichroscope|pleochro": "pleochroism",
    CHELSEA_WORDS: "chelsea",
    r"refractometer|refractive index|\bri\b": "ri",
    r"hydrostatic|heavy liquids?|specific gravity|\bsg\b": "sg",
}


def gems_compared(text: str, choice: bool = True) -> list:
    """The gems a message asks to compare, two or three ("the difference between ruby and spinel", "diamond vs
    moissanite vs CZ"), else []; `choice`: see `asks_to_compare`."""
    if not asks_to_compare(text, choice):
        return []
    named = named_as_such(text)
    if len(named) < 2:  # "glass" alone is no gem name, but compared it is: "ruby or glass?", "glass or plastic?"
        named += [m for m in compared_materials(text) if m.name not in {g.name for g in named}]
    if len(named) == 1 and imitation_compared(text, choice):  # "turquoise vs dyed magnesite": no misspelt magnetite
        return []
    if len(named) < 2:  # "tanzinite vs iolite", "rubby or spinnel", "ambre or plastik": a side misspelt
        sides = [gem for part in COMPARED_SIDES.split(text) if part.strip() and (gem := _side_named(part))]
        named = list({gem.name: gem for gem in sides}.values()) if len({g.name for g in sides}) >= 2 else named
    return named[:3] if len(named) >= 2 else []


COMPARED_SIDES = re.compile(r"\bvs\.?|\bversus\b|\bor\b|\band\b|\bfrom\b|,", re.I)


def _side_named(part: str):
    """The gem one side of a comparison names, misspelt too ("rubby", "plastik"), or None."""
    from gemlang.knowledge import find_gem

    named = gems_named_in(part)
    if any(_no_such_lab_grown(gem, part) for gem in named):  # "synthetic forsterite": no gem known
        return None
    if gem := next(iter(named), None) or find_gem(part):
        return gem
    for word in re.findall(r"[a-z]{4,}", part.lower()):  # "glas", "plastik": glass and plastic are no gem names
        close = difflib.get_close_matches(word, list(MATERIAL_GEMS), n=1, cutoff=0.8)
        if close and close[0][0] == word[0]:
            return get_facts(MATERIAL_GEMS[close[0]])
    return None


def trade_name_asked(text: str):
    """A trade name or misnomer in the message ("smoky topaz"), with the gem it really is."""
    from gemlang.knowledge import trade_name_in

    return trade_name_in(text)


# A mineral named as an inclusion or a colour within a description of the stone ("red hematite platelets", "pyrite
# specks", "citrine-coloured"), which the message does not ask about; not "spinel coloured by cobalt", a gem named
# with what colours it.
INCLUSION_OR_COLOUR = re.compile(
    r"\b[a-z]+(?:[ -][a-z]+)?[ -](?:platelets?|needles?|specks?|flakes?|inclusions?|veins?|veining|grains?|spots?|"
    # not "change colour", "its colour" or "natural colour": "why does alexandrite change colour?" and "is my sapphire
    # natural colour?" ask about the gem, and so do "is ruby colour natural?" (`COLOUR_NATURAL`) and "is alexandrite
    # colour change?" (the phenomenon)
    r"fibres?|fibers?|matrix|(?<!change )(?<!its )(?<!their )(?<!natural )(?<!naturally )colou?r(?:ed)?"
    r"(?! by\b)(?!\s+(?:is\s+|be\s+)?(?:natural|real|genuine)\b)(?![- ]?chang)|"
    r"spectrum|spectra|tester)\b|"
    r"\bemerald[- ]cut\b",  # a cut of any stone ("is it emerald cut or oval?"), not the gem
    re.I,
)
# "does it show a cat's eye?": the phenomenon, not the chrysoberyl the photo class is named for
PHENOMENON_SHOWN = re.compile(r"\b(?:ha(?:ve|s)|shows?|showing|displays?|with)\s+(?:an?\s+)?cat'?s[- ]?eyes?\b", re.I)
# "is there a cat's eye ruby?": the words of a cat's eye before the gem that shows it
PHENOMENON_BEFORE_A_NAME = re.compile(r"\bcat'?s[- ]?eyes?\s+(?P<name>[\w-]+(?:\s+[\w-]+)?)", re.I)


def _name_words(gem: GemFacts) -> str:
    """A gem's name and aliases, lower case, as alternatives of a pattern."""
    return "|".join(re.escape(n.lower()) for n in (gem.name, *gem.aliases))


def asks_if_it_is(text: str, gem: GemFacts) -> bool:
    """Whether a message asks if the stone in hand is `gem` ("is it a sapphire??", "so it's a real diamond?",
    "I think my pearl is fake"), not about the gem in general ("is sapphire heated?") nor of a treatment of the
    stone ("is this pearl dyed?")."""
    names = _name_words(gem)
    said = re.search(
        rf"\b(?:is (?:it|this|that|mine)|so (?:it'?s|it is|its)|must be|it'?s)\s+(?:a |an |the )?"
        rf"(?:real |genuine |natural |true )?(?:{names})\b|\bmy (?:{names})\b[^.?!]{{0,20}}\b(?:real|fake|genuine)\b|"
        # "I bought a ruby in Thailand for 20 dollars, is it real?"
        rf"\b(?:{names})(?:s|es)?\b[^?]{{0,80}}\b(?:(?:is|was) (?:it|this|that|she)|are (?:they|these|those|both)) "
        r"(?:really |both )?(?:real|genuine|authentic|fake)\b",
        text.lower(),
    )
    if said is not None and said.group(0).startswith("is ") and WH_BEFORE.search(text[: said.start()]):
        return False  # "what colour is this diamond?", "how many carats is this diamond?": of it, not whether it is
    return said is not None and not TREATMENT_QUESTION.match(text[said.end() :].lstrip())


# a question word in the clause before "is this …": the stone is what it asks of ("what colour is this diamond?")
WH_BEFORE = re.compile(r"\b(?:how|what|which|where|when|why|who)\b[^,;:.!?]*$", re.I)


# a message about the stone in hand ("is my pearl dyed?", "is this sapphire heated?"), not the gem in general
STONE_IN_HAND = re.compile(r"\b(?:this|my|mine)\b", re.I)


# "how do I know if my ruby is synthetic?", "how can I tell lab-grown emerald from natural?"
_GROWN_OR_NOT = r"\b(?:synthetic|lab[- ]?(?:grown|created|made)|natural|real|fake)\b"
_GROWN_NAMED = r"(?:synthetic|lab[- ]?(?:grown|created|made)|cvd|hpht)"  # a lab-grown stone, or how it was grown
# "your readings cannot tell natural Ruby from lab-grown corundum": the gem called natural
_NATURAL_FROM_GROWN = rf"\btell\s+(?:a\s+)?natural\b(?P<natural>.{{0,40}})\bfrom\s+(?:an?\s+)?{_GROWN_NAMED}\b"
HOW_TO_KNOW = re.compile(  # and the other way round: "is diamond natural or lab-grown? how do I tell"
    rf"\bhow\b.{{0,30}}\b(?:know|tell|check|test|spot|recogni[sz]e)\b.{{0,40}}{_GROWN_OR_NOT}|"
    rf"{_GROWN_OR_NOT}.{{0,40}}\bhow\b.{{0,20}}\b(?:know|tell|check|test|spot|recogni[sz]e)\b|"
    # "how do labs screen CVD or HPHT diamonds?", "how are lab-grown diamonds detected?"
    rf"\bhow\b.{{0,30}}\b(?:screen|detect|identif|separat|distinguish)\w*\b.{{0,40}}\b{_GROWN_NAMED}\b|"
    rf"\bhow\b.{{0,10}}\b{_GROWN_NAMED}\b.{{0,40}}\b(?:screened|detected|identified|separated|distinguished)\b|"
    # "can you tell natural ruby from synthetic?", "your readings cannot tell natural X from lab-grown corundum"
    rf"{_NATURAL_FROM_GROWN}|"
    # "is my sapphire natural or lab grown?": the choice, which the same answer settles; and "is my ruby synthetic?",
    # "is my ruby natural?", either side of it asked alone
    rf"\b(?:natural|real|mined)\s+or\s+{_GROWN_NAMED}\b|\b{_GROWN_NAMED}\s+or\s+(?:natural|real|mined)\b|"
    rf"^\s*(?:is|are|was|were)\s+(?:my|this)\s+[a-z][\w' -]*?\s+(?:{_GROWN_NAMED}|natural|{IN_A_LAB})\s*\??\s*$",
    re.I,
)


def natural_said(text: str) -> GemFacts | None:
    """The gem a message calls natural against lab-grown stones ("tell natural Ruby from lab-grown corundum": ruby,
    not corundum, the longer name in it), or None."""
    from gemlang.knowledge import find_gem

    told = re.search(_NATURAL_FROM_GROWN, text, re.I)
    return find_gem(told["natural"]) if told and told["natural"].strip() else None


# "how do I test a pearl?", "how can I tell if a pearl is real?": how a stone said to be the gem is checked
HOW_TO_TEST = re.compile(
    r"\bhow\b.{0,30}\b(?:test|check|identify|verify)\b|\bhow\b.{0,30}\b(?:tell|know)\b.{0,40}\b(?:real|genuine|fake)\b",
    re.I,
)
# a question about one word and nothing else: "what is jet?", "tell me about bone", "what is 'rainbow moonstone'?",
# and asked for a class: "can you give me a fun fact about diamonds for kids?", "tell us something about opal"
_FOR_A_CLASS = r"(?:\s+(?:for|to)\s+(?:kids|children|pupils|students|beginners|(?:my|a|the|our)\s+class))?"
ASKED_ABOUT = re.compile(
    r"\s*(?:(?:can|could|would) you\s+(?:please\s+)?)?"
    r"(?:what(?:'s| is| are)|tell (?:me|us)(?: [\w-]+){0,3}? about|give (?:me|us)(?: [\w-]+){1,3}? about|describe|"
    r"explain)\s+(?:a |an |the )?"
    rf"['\"‘“]?([a-z][\w'\"‘’“” -]*?)['\"’”]?{_FOR_A_CLASS}\s*(?:,?\s*please)?\s*[?.!]*\s*",
    re.I,
)
# "are synthetic gems cheaper?", "do lab-grown diamonds cost less?": a price compared, not a stone priced
# a choice of two gems asked by a quality no other answer ranks: "which sparkles more, diamond or moissanite?",
# "ruby or spinel, which is better?"; `asked`: what is asked of them ("sparkles more", "is better")
WHICH_OF_TWO = re.compile(
    r"^\s*which(?:\s+one|\s+of\s+(?:the\s+two|them|these|those))?\s+(?P<asked>[^,?:]{2,50}?)\s*[,:]\s*"
    r"(?P<first>[^,?:]{2,40}?)\s+or\s+(?P<second>[^,?:]{2,40}?)\s*[?.!]*\s*$|"
    r"^\s*(?P<first_before>[^,?:]{2,40}?)\s+or\s+(?P<second_before>[^,?:]{2,40}?)\s*[,?:]\s*which(?:\s+one)?\s+"
    r"(?P<asked_after>[^,?]{2,50}?)\s*[?.!]*\s*$",
    re.I,
)


# "ruby vs banana", "compare ruby and spinel", "difference between ruby and spinel?": two names compared, no more
TWO_COMPARED = re.compile(
    r"^\s*(?:compare\s+|(?:what(?:'s|\s+is)\s+)?the\s+difference\s+between\s+)?(?P<first>[^,?:]{2,40}?)\s+"
    r"(?:vs\.?|versus|and|with)\s+(?P<second>[^,?:]{2,40}?)\s*[?.!]*\s*$",
    re.I,
)


# "where do ruby and banana come from?", "how hard are ruby and banana?": two names a question asks of, each; not
# "are ruby and its imitations heated?", "how hard is emerald and is it treated?" nor "do ruby and white gold go
# together?", a colour or the metal of a setting
_NO_NAME = (
    r"(?!(?:its|their|his|her|other|others|what|which|how|why|where|when|then|also|all|both|each|any|some|is|are|was|"
    rf"were|do|does|did|can|could|would|will|should|has|have|had|{COLOUR_WORD}|gold|silver|platinum|titanium|"
    r"metals?)\b)"
)
TWO_ASKED_OF = re.compile(
    rf"\b(?:do|does|are|is|were)\s+(?:an?\s+|the\s+)?{_NO_NAME}(?P<first>[a-z]+)\s+and\s+(?:an?\s+|the\s+)?{_NO_NAME}"
    r"(?P<second>[a-z]+)\b(?=\s*[a-z]+|\s*[?.!]*\s*$)",
    re.I,
)


A_STONE_DESCRIBED = re.compile(r"\b(?:gem)?(?:stones?|gems?|rocks?|crystals?|ones?)\b", re.I)


def choice_unknown(text: str) -> str | None:
    """The one of a choice of two ("which is harder, ruby or banana?", "ruby vs banana") or of two names a question
    asks of ("where do ruby and banana come from?") that names nothing the knowledge base knows: no gem, glass,
    plastic or scratch-test object, and no word for the stone in hand; None when both are known."""
    from gemlang.knowledge import find_gem
    from gemlang.knowledge.scratch import reference_words

    asked = WHICH_OF_TWO.match(text)
    compared = TWO_COMPARED.match(text) if not asked and COMPARE_WORDS.search(text) else None
    two = TWO_ASKED_OF.search(text) if not asked else None
    compared = compared or (MORE_THAN.match(text) or two if not asked else None)
    sides = (asked["first"] or asked["first_before"], asked["second"] or asked["second_before"]) if asked else ()
    sides = sides or ((compared["first"], compared["second"]) if compared else ())
    names = [re.sub(r"^(?:an?|the)\s+", "", said.strip(), flags=re.I) for said in sides]
    if two is not None and compared is two and not any(find_gem(name) for name in names):
        return None  # "are the RI and birefringence of peridot?", "is common and usually …": no two things asked of
    for name in names:
        known = find_gem(name) or name.lower() in reference_words() or NOT_A_NAME.search(name)
        known = known or A_STONE_DESCRIBED.search(name)  # "difference between ruby and a red stone": no name
        if not known and len(name.split()) <= 2:
            return name
    return None


# "is moissanite more brilliant than diamond?", "is ruby better than spinel?": the same choice, asked of one of them
MORE_THAN = re.compile(
    r"^\s*(?:is|are|does|do)\s+(?:an?\s+|the\s+)?(?P<first>[^,?]{2,40}?)\s+(?P<asked>(?:more\s+)?[a-z]+(?:\s+more)?)\s+"
    r"than\s+(?:an?\s+|the\s+)?(?P<second>[^,?]{2,40}?)\s*[?.!]*\s*$",
    re.I,
)
# what brilliance and fire (`SPARKLE_ASKED`) or taste alone (`TASTE_ASKED`) decide, of a choice of two gems
SPARKLE_ASKED = re.compile(r"\b(?:sparkl\w*|brillian\w*|fire|fiery|dazzl\w*|brighter|bright)\b", re.I)
TASTE_ASKED = re.compile(
    r"\b(?:better|best|prettier|prettiest|nicer|nicest|lovelier|more (?:beautiful|attractive|elegant|stunning)|"
    r"(?:should|would|do|could) (?:i|you|we) (?:buy|choose|get|pick|prefer|recommend|go for)|prefer\w*|recommend\w*)\b",
    re.I,
)
PRICE_COMPARED = re.compile(
    r"\b(?:cheap(?:er|est)?|(?:less|more) (?:expensive|valuable|costly)|pricier|costlier|costs? (?:less|more)|"
    r"worth (?:less|more)|holds? (?:its |their )?value (?:better|best|longer)|(?:better|best) investment)\b",
    re.I,
)
# a purchase weighed ("should I buy a lab grown ruby?", "is a synthetic emerald worth buying?", "a good buy?")
BUY_ASKED = re.compile(
    r"\bshould (?:i|we) (?:buy|get|choose|go for)\b|\bworth (?:buying|getting|it)\b|"
    r"\b(?:good|bad|smart|wise|poor) (?:buy|purchase|choice|idea)\b",
    re.I,
)
# a stone weighed as a buy, the stone itself ("is it worth buying?", "should I buy this one?", "a good purchase?"); not
# a stone to choose ("what stone should I buy for my wife?") nor work to have done ("should I get them restrung?")
STONE_BOUGHT = re.compile(
    r"\bworth (?:buying|getting)\b(?!\s+(?:it|this|that|them)\s+\w)|"
    r"^[^?]*\bshould (?:i|we) (?:buy|get)\s+(?:it|this|that|one|them|(?:an?|the|this|that)\s+[\w-]+(?:\s+[\w-]+)?)\W*$|"
    r"\b(?:good|bad|smart|wise|poor) (?:buy|purchase)\b",
    re.I,
)
LAB_GROWN = re.compile(r"\b(?:synthetic|lab(?:oratory)?[- ]?(?:grown|created|made)|man[- ]made|created)\b", re.I)
# a word that calls the gem named right after it lab-grown: LAB_GROWN's, or "lab" ("a lab ruby"; not "a lab report")
GROWN_BEFORE_A_NAME = rf"(?:{LAB_GROWN.pattern}|\blab(?:oratory)?\b)[- ]"


def grown_said(text: str, gem: GemFacts) -> bool:
    """Whether `text` calls a stone lab-grown, or `gem` lab ("tell me about lab ruby")."""
    return bool(LAB_GROWN.search(text) or compiled(rf"{GROWN_BEFORE_A_NAME}(?:{_name_words(gem)})", re.I).search(text))


# "is pearl …", "are the pearls …": the gem a yes-or-no question about its kind asks of
_IS_X = r"^\s*(?:is|are)\s+(?:an?\s+|the\s+)?(?P<x>[a-z][\w' -]*?)\s+"
# "is amethyst a quartz?", "is spinel the same as ruby?", "is tanzanite a kind of zoisite?"
IS_A_KIND = re.compile(
    rf"{_IS_X}(?:(?:a|an)\s+(?:kind|type|variety|form|sort)"
    r"\s+of|the same (?:thing |stone |gem |mineral )?as|(?:a|an)|the same)\s+(?:an?\s+|the\s+)?(?P<y>[a-z][\w' -]*?)"
    r"\s*\??\s*$",
    re.I,
)
# "what is fake tanzanite made of?", "what are the imitations of jade?", "what imitates turquoise?", "what is amber
# imitated with?": what is sold in a gem's place; not "what if it's fake?" nor "what does spinel imitate?"
IMITATIONS_ASKED = re.compile(
    r"\b(?:fake|imitation|faux|simulated|counterfeit)s?\b[^.?!]{0,30}\bmade (?:of|from|with)\b|"
    r"\bwhat\b[^.?!]{0,40}\b(?:imitations|simulants|fakes)\b|"
    r"\bwhat\b[^.?!]{0,30}\b(?:fake|imitation|faux|simulated)\s+[a-z]|"
    r"\bwhat\s+(?:\w+\s+){0,2}(?:imitates|(?:is|are) used to (?:fake|imitate))\b|"
    r"\b(?:imitations?|simulants?|fakes)\s+(?:of|for)\b|\bimitated\s+(?:with|by)\b|"
    r"\bhow (?:is|are)\b[^.?!]{0,30}\b(?:faked|imitated)\b",
    re.I,
)
# "what are emerald look-alikes?", "what looks like emerald?", "which stones resemble jade?", "stones that look similar
# to aquamarine", "what is mistaken for emerald?", "what is pink tourmaline confused with?", "what could I confuse
# peridot with?": the gems taken for one, natural ones too; not "what does emerald look like?" (its appearance)
LOOKALIKES_ASKED = re.compile(
    r"\blook-?alikes?\b|"
    r"\b(?:(?:what|which)\s+(?:(?:other\s+|natural\s+)?(?:gems?|gemstones?|stones?|minerals?|else)\s+)?|"
    r"(?:gems?|gemstones?|stones?|minerals?)\s+(?:that|which)\s+)"
    r"(?:looks?\s+(?:like|similar\s+to)|resembles?)\s+(?!it\b|this\b)[a-z]|"
    r"\b(?:what|which)\b[^.?!]{0,40}\b(?:mistaken|confused|mixed up|taken|mistakes?|confuse)\s+(?:\w+\s+){0,2}?"
    r"(?:for|with)\b|"
    r"\b(?:mistaken|confused|mixed up)\s+(?:for|with)\s+what\b",
    re.I,
)
# "is amber plastic?", "is jet just glass?": a material with no article, which "is X a Y?" asks with one ("is amber a
# plastic?"); not resin, which amber is; "could my opal be plastic?" of the stone in hand, not "could amber be …?"
IS_THE_MATERIAL = re.compile(
    r"^\s*(?:(?:is|are)\s+(?:an?\s+|the\s+)?|(?:could|might|can)\s+(?=(?:my|this)\s))(?P<x>[a-z][\w' -]*?)\s+"
    r"(?:be\s+)?(?:(?:just|only|really|made of)\s+)?(?P<y>glass|plastic|acrylic)\s*\??\s*$",
    re.I,
)
# "is my diamond moissanite?", "is this ruby synthetic ruby?", "is amethyst quartz?", "are rubies corundum?": "is my
# diamond a moissanite?" with no article, the words of which are split where each side is a gem's whole name
ONE_GEM_AS_ANOTHER = re.compile(
    r"^\s*(?:is|are)\s+(?:(?P<my>my|this)\s+|(?:an?|the)\s+)?(?P<words>[a-z][\w' -]*?)\s*\??\s*$", re.I
)
# "can sapphire be padparadscha?", "can a quartz be an amethyst?", "could jade be jadeite?": whether some of one gem is
# another, not whether it comes in a colour a gem is named for
MAY_BE_ANOTHER = re.compile(
    r"^\s*(?:can|could|may|might)\s+(?:an?\s+|the\s+|some\s+)?(?P<x>[a-z][\w' -]*?)\s+(?:ever\s+|also\s+)?be\s+"
    r"(?:an?\s+|the\s+)?(?P<y>[a-z][\w' -]*?)\s*\??\s*$",
    re.I,
)
# "how can I tell if my opal is plastic?", "how do I know whether my diamond is a cz?": "is my opal plastic?", which
# says how the two are told apart
TELL_IF_IT_IS = re.compile(
    r"^\s*how\s+(?:(?:can|do|would|could|should|will)\s+(?:i|you|one|we)\s+|to\s+)"
    r"(?:tell|know|check|test|see|find out)\s+(?:if|whether)\s+(?:(?:my|this|the|an?)\s+)?"
    r"(?P<x>[a-z][\w' -]*?)\s+(?:is|are)\s+(?P<y>[a-z][\w' -]*?)\s*\??\s*$",
    re.I,
)
NOT_A_NAME = re.compile(  # and "than I thought", "than people think", "than expected": no thing compared
    r"\b(?:this|it|that|these|those|you|your|yourself|my|me|we|our|name|up|going|gemlang|of|in|time|weather|life|"
    r"i|he|she|they|people|everyone|anyone|expected|usual|before|ever|next|now|then)\b|"
    # "what is the centre stone?": a stone of a piece, which a photo names, not a gem the knowledge base lacks
    r"\b(?:centre|center|central|main|middle|side|accent)\s+(?:stones?|gems?|gemstones?)\b",
    re.I,
)


# "what colour?" alone, of the gem spoken of; and a glow asked before it ("does it fluoresce?"), the colour of which
BARE_COLOUR = re.compile(r"\s*(?:and\s+|so\s+)?(?:what|which)\s+colou?rs?\s*\??\s*", re.I)
GLOW_ASKED = re.compile(r"fluoresc|phosphoresc|\bglow|\buv\b|ultraviolet", re.I)
# "what is the habit of tourmaline?", "what crystal habit does pyrite have?", "what shape are quartz crystals?",
# "what do pyrite crystals look like?"; not "what shape should I cut this crystal into?", a cut asked
HABIT_ASKED = re.compile(
    r"\bhabits?\b|\b(?:shapes?\b(?![^?.!]*\bcut)[^?.!]*\bcrystals?|crystals?\b(?![^?.!]*\bcut)[^?.!]*\bshapes?)\b|"
    r"\bcrystals?\s+(?:look|looks)\s+like\b",
    re.I,
)
# "is it blood diamond free?", "does the Kimberley Process cover it?": the diamond scheme asked by name, whatever
# the stone
DIAMOND_SCHEME_SAID = re.compile(r"\bdiamonds?\b|\bkimberl[e]?y\b|\bkpcs\b", re.I)
# "what is the habit?", "what's its crystal habit?": of the gem on the table, not what a habit is
THE_HABIT = re.compile(r"\b(?:the|its)\s+(?:crystal\s+)?habit\b", re.I)
# "is cinnabar toxic?", "does scheelite fluoresce?": a property asked of a name, which may be no gem known
PROPERTY_OF_A_NAME = re.compile(
    r"\s*(?:is|are|does|do)\s+(?!(?:(?:an?|the)\s+)?(?:stones?|gems?|gemstones?|minerals?|rocks?|crystals?)\b)"
    r"(?!the\b)(?:an?\s+)?"  # not "is the dye toxic?", a part of a stone, no mineral's name
    r"([a-z][\w'-]*(?:\s[a-z][\w'-]*)?)\s+(?:toxic|poisonous|"
    r"dangerous|radioactive|safe to (?:touch|handle|hold)|fluoresce|glow|fade)\b[\w\s]*[?.!]*\s*",
    re.I,
)


def unknown_name(text: str) -> str | None:
    """The name a "what is X?", "tell me about X" or "is X toxic?" asks about, of one or two words, when no gem is
    found."""
    asked = ASKED_ABOUT.fullmatch(text) or PROPERTY_OF_A_NAME.fullmatch(text)
    name = asked.group(1).strip() if asked else ""
    # not "what is the centre stone?", a piece's stone (`MAIN_STONE`), which no name would be
    named = name and len(name.split()) <= 2 and not (NOT_A_NAME.search(name) or MAIN_STONE.fullmatch(name))
    return name if named else None


def named_gem(text: str, fuzzy: bool = True):
    """The gem a message asks about ("is it a ruby?"), if any; only exact names in a message of readings."""
    from gemlang.knowledge import find_gem
    from gemlang.knowledge.knowledge_base import knowledge_base, normalise_name

    text = INCLUSION_OR_COLOUR.sub(" ", PHENOMENON_SHOWN.sub(" ", text))  # "hematite platelets", "citrine colour"
    if (eyed := PHENOMENON_BEFORE_A_NAME.search(text)) and (eye := find_gem(eyed.group(0))) is not None:
        # "cat's eye ruby" is a ruby showing one; "cat's eye chrysoberyl" the gem named so
        shows = [g for g in gems_named_in(eyed["name"]) if g is not eye and g.name.lower() not in _name_words(eye)]
        text = text[: eyed.start()] + text[eyed.start("name") :] if shows else text
    text = _without_a_colour_named_by_a_gem(text)  # "is sapphire turquoise?": of sapphire, in turquoise
    if not text.strip():
        return None
    if (asked := ASKED_ABOUT.fullmatch(text)) and (gem := find_gem(asked.group(1))):
        # "what is jet?": a word that means other things in a sentence ("jet black") names the gem here
        return grown_as_said(gem, text)
    if fuzzy:
        return grown_as_said(find_gem(text), text)
    key = normalise_name(text)
    named = [(pattern, trade.gem) for pattern, trade in knowledge_base().trade_names] + list(knowledge_base().phrases)
    return grown_as_said(next((gem for pattern, gem in named if pattern.search(key)), None), text)


def _without_a_colour_named_by_a_gem(text: str) -> str:
    """The message without the gem name it asks as the colour of another gem ("is sapphire turquoise?", "can topaz
    be turquoise?"): a sapphire is never a turquoise, a gem of another species, so the word names its colour. Kept
    where the two are one species ("is citrine amethyst?") or the word follows a treatment ("is citrine heated
    amethyst?")."""
    from gemlang.knowledge.colours import LIST_WORDS

    asked = IN_A_COLOUR.search(text)
    part = next((g for g in ("colour", "last") if asked and asked[g]), "")
    if not part or asked[part].lower() not in LIST_WORDS or TREATED_WORDS.search(text[: asked.start(part)]):
        return text
    colour_gems = gems_named_in(asked[part])
    subjects = [g for g in gems_named_in(text[: asked.start(part)]) if g.origin == "natural"]
    if not colour_gems or len(subjects) != 1 or subjects[0].species == colour_gems[0].species:
        return text
    return text[: asked.start(part)] + text[asked.end(part) :]


# how a lab-grown stone was grown, or who made it, as a message names it: "flux-grown synthetic ruby" is no
# flame-fusion ruby, "gilson lapis" no natural lapis ("flux remnants" are a sign seen, not a name)
GROWN_BY = re.compile(
    r"\b(flux|hydrothermal|verneuil|flame[- ]fusion|czochralski|kashan|gilson)\b"
    r"(?![- ](?:remnants?|inclusions?|fingerprints?|veils?|feathers?|residues?|growth))",
    re.I,
)


def lab_grown_twins(gem, imitations: bool = False) -> list:
    """The lab-grown stones sold as `gem` (Flux-Grown Emerald and Hydrothermal Emerald for Emerald), and with
    `imitations` the made stones that only look like it (Gilson Lapis Lazuli for Lapis Lazuli)."""
    from gemlang.fusion.evidence import gem_sold_as
    from gemlang.knowledge import all_gems

    made = ("synthetic", "simulant") if imitations else ("synthetic",)
    return [g for g in all_gems() if g.origin in made and gem_sold_as(g).name == gem.name]


def lab_grown_named(text: str, gem) -> str:
    """ "synthetic peridot" for "tell me about synthetic peridot": the natural `gem` named lab-grown, as said, when
    no lab-grown stone of its species is known; '' when it is not ("my peridot is not synthetic", "who created the
    name?") or one is (lab-grown corundum: Synthetic Ruby (Verneuil) …)."""
    from gemlang.knowledge import all_gems

    said = re.search(rf"(?<!\bnot ){GROWN_BEFORE_A_NAME}{re.escape(gem.name.lower())}(?:s|es)?\b", text.lower())
    if not said or gem.origin != "natural":
        return ""
    return "" if any(g.origin == "synthetic" and g.species == gem.species for g in all_gems()) else said.group(0)


def grown_as_said(gem, text: str):
    """The lab-grown twin of `gem` that the message names by its growth ("how do I identify flux-grown synthetic
    ruby?": Flux-Grown Ruby, not the Synthetic Ruby (Verneuil) that "synthetic ruby" names), else `gem`."""
    from gemlang.fusion.evidence import gem_sold_as

    method = GROWN_BY.search(text)
    if gem is None:
        return gem
    if method is None:  # "synthetic emerald": the one lab-grown emerald, if only one is known
        twins = lab_grown_twins(gem) if gem.origin == "natural" and grown_said(text, gem) else []
        return twins[0] if len(twins) == 1 else gem
    word = "verneuil" if method.group(1).lower().startswith("flame") else method.group(1).lower()
    grown = [g for g in lab_grown_twins(gem_sold_as(gem), imitations=True) if word in g.name.lower()]
    said = set(re.findall(r"[a-z]+", text.lower()))
    return max(grown, key=lambda g: len(set(re.findall(r"[a-z]+", g.name.lower())) & said), default=gem)


# The stone or stones a message means, and the words that point back at one
IT_SAID = re.compile(r"\bit\b", re.I)  # "hardness of it?": the stone spoken of
IT_OR_THIS = re.compile(r"\b(?:it|this)\b", re.I)
IT_OR_ITS = re.compile(r"\b(?:it|its|it's|this)\b", re.I)
# "what would the spectroscope show?", "what would I see in the refractometer?": what an instrument shows of the stone
# in hand, its "it" left unsaid
WOULD_SHOW = re.compile(
    r"^\s*what\s+(?:would|will|should)\s+(?:(?:the|a|my)\s+[\w-]+\s+(?:show|read|give|say)|i\s+(?:see|get|read))\b",
    re.I,
)
OF_IT_OR_AND = re.compile(r"\b(?:it|its|it's|this)\b|^\s*and\b", re.I)  # "and the SG?" of the stone spoken of
THE_STONE_MEANT = re.compile(r"\b(?:this|it|my|mine)\b", re.I)  # "is mine heated?" of the photo's stone
# "is it a mineral?", "is my stone a gem?": the kind asked of the stone in hand (not of "they")
THE_STONE_IN_HAND = re.compile(r"it|this|that|this stone|my stone", re.I)
THE_STONES_MEANT = re.compile(r"it|this|that|they|these|those|mine", re.I)  # "is it precious?", "are they?"
THE_TWO_MEANT = re.compile(r"\b(?:them|they|these|those|both|the two)\b", re.I)  # "compare them": the two stones
WHICH_FIRST = re.compile(r"\s*which\b", re.I)  # "which is harder?": asked of a pair
WHICH_OF_THEM = re.compile(r"^\s*which\s+of\s+(?:them|the two|these|those)\b", re.I)
WHICH_GEM_HAS = re.compile(r"\s*which\s+(?:gem|stone)\s+(?:is|has)\b", re.I)  # "which gem is harder?"
WHICH_GEMS = re.compile(r"\b(?:which|what) (?:gems|stones|gemstones)\b", re.I)  # of gems in general
# "which gems are harder than quartz?", "which is the toughest?": of gems in general, not of two named; with two
# spoken of, "which is best for a ring?" still asks of the two
_AT_LARGE = r"gems|gemstones|stones|minerals|most|least|\w{3,}est"
OF_GEMS_AT_LARGE = re.compile(rf"\b(?:{_AT_LARGE})\b", re.I)
OF_GEMS_OR_BEST_AT_LARGE = re.compile(rf"\b(?:{_AT_LARGE}|best|worst)\b", re.I)
FIRST_SAID = re.compile(r"\bfirst\b", re.I)  # "the first stone"
EARLIER_SAID = re.compile(r"\b(?:previous|last|earlier)\b", re.I)  # "the previous stone"
SAME_SAID = re.compile(r"\bsame\b", re.I)  # "are they the same stone?"
THE_SAME_SAID = re.compile(r"\bthe same\b", re.I)  # "is it the same stone?" asks no kind
# "are they different?", asked yes or no; not "how are they different?", a comparison
DIFFERENT_ASKED = re.compile(r"\s*(?:so\s+)?(?:are|is|was|were)\b.*\bdifferent\b", re.I)
ASSEMBLY_NAMED = re.compile(r"\b(?:doublet|triplet|assembled)", re.I)
CLEANER_NAMED = re.compile(r"\b(ultrasonic|steam)", re.I)  # "which gems can't go in an ultrasonic?"
# the gems a cleaner must not take are asked ("which gems can't go in an ultrasonic?"), not those it may take
NEVER_ASKED = re.compile(
    r"\b(?:never|not|cannot|cant|shouldnt|wont|unsafe|avoid|risky|damag\w*|harm\w*|hurt\w*)\b|n[’']t\b", re.I
)
# "how hard?", "what SG?": a quantity asked, not told
# and asked as a task: "estimate the weight of a 6 x 4 mm oval ruby"
ASKED_AS_A_QUESTION = re.compile(
    r"\?|^\s*(?:how|what|does|do|would|will|can|estimate|calculate|compute|work out|figure out)\b", re.I
)
# "tell me about its treatments", "is it heated": a message that asks, with or without its "?"
ASKS_ABOUT = re.compile(r"\s*(?:is|was|has|are|does|any|tell me|explain|describe)\b", re.I)
TREATMENT_WORD = re.compile(r"\btreat(?:ed|ments?)?\b", re.I)  # "how is treated jade detected?"
A_GEM_KIND = re.compile(r"(?:gem|gemstone|stone)s?")  # "is glass a gem?", not "… a natural stone?"
A_REAL_GEM_KIND = re.compile(
    r"(?:real|true|genuine|natural)\s+(?:gem|gemstone|stone)s?"
)  # "is cz a real gem?", "a natural stone?"
WORTH_SAID = re.compile(r"\bworth\b", re.I)
COAL_SAID = re.compile(r"\bcoal\b", re.I)  # "is diamond made of coal?"
SCRATCH_SAID = re.compile(r"scratch")  # of the lowered message
CULTURED_SAID = re.compile(r"\bcultur", re.I)  # "is it a cultured pearl?"
NATURAL_WORD = re.compile(r"real|natural|genuine", re.I)  # of ORIGIN_ASKED's word: "is it real?"
IMITATION_WORD = re.compile(r"fake|imitation|simula\w+", re.I)  # of ORIGIN_ASKED's word: "is it fake?"
NAME_ORIGIN_ASKED = re.compile(r"\bname|etymolog", re.I)  # "where does the name come from?"
# "and the 15th?" after a month's birthstone: a day of the month; "15th?" alone after an anniversary's gem
DAY_OF_MONTH = re.compile(r"([1-9]|[12]\d|3[01])(?:st|nd|rd|th)", re.I)
ORDINAL_ALONE = re.compile(r"\s*(?P<x>\d{1,2}(?:st|nd|rd|th))\s*\??\s*")
PHOTO_WORD = re.compile(r"\b(?:photos?|pictures?|pics?|images?|shots?|snaps?)\b", re.I)
# "a durable stone for a bracelet?", "which gem for everyday wear?": a stone to choose, not one to care for
STONE_SOUGHT = re.compile(r"\b(?:an?|which|what|good|best|durable|tough)\s+(?:\w+\s+)?(?:gem|gemstone|stone)s?\b", re.I)

# Readings told
NUMBER_SAID = re.compile(r"\d+(?:\.\d+)?")
MEASURED_AGAIN = re.compile(r"\b(?:again|mine)\b", re.I)  # "… measured it again", "mine reads …": the stone in hand
ON_THE_BALANCE = re.compile(r"\bbalance\b|hydrostatic|\bweigh\w*|\bsg\b(?![\s:=]*\d)", re.I)  # "misread the balance"
ON_THE_REFRACTOMETER = re.compile(r"refractometer|\bri\b(?![\s:=]*\d)|shadow edge", re.I)
# a reading finished over two messages (follow_ups.py): the other shadow edge, the unit of a number alone
OTHER_EDGE = re.compile(
    r"\b(?:other|second|2nd|high(?:er)?|low(?:er)?|upper|top|bottom|next)\s+(?:shadow[- ]?)?edge\b", re.I
)
EDGE_VALUE = re.compile(r"(?<![\d.])1\.\d{2,3}(?![\d.])")
# a unit alone: "it's the RI", "RI", "refractive index", "that was the SG", "RI too", "the RI is"
_UNIT = r"(?P<unit>r\.?\s?i\.?|refractive index|refraction|s\.?\s?g\.?|specific gravity|density)"
UNIT_ALONE = re.compile(
    rf"\s*(?:(?:it|that|this)(?:'?s| is| was)\s+)?(?:the\s+|an?\s+)?{_UNIT}(?:\s+(?:too|also|as well|is|reading))?"
    r"\s*[:.!?]*\s*",
    re.I,
)
# a number, or two edges, sent alone ("1.54", "1.762-1.770", "it's 1.54")
_VALUE = r"\d+(?:[.,]\d+)?"
BARE_NUMBER = re.compile(
    rf"\s*(?:it'?s|its|it is|i got|i measured|reads?)?\s*(?P<value>{_VALUE}(?:\s*(?:-|–|to|/)\s*{_VALUE})?)\s*[.!]?\s*",
    re.I,
)
READING_VALUE = re.compile(_VALUE)
HIGHER_EDGE = re.compile(r"(?:high|upper|top)")  # of OTHER_EDGE's lowered word
LOWER_EDGE = re.compile(r"(?:low|bottom)")
# "1.718", "1.76-1.77": a number a refractometer reads
RI_EDGES_SAID = re.compile(r"1\.[4-9]\d{2,3}\b|1\.[4-9]\d\s*(?:-|–|to)\s*1\.\d")

# What is asked of a gem's facts
# "does amber float in salt water?", "will it sink in methylene iodide?": the gem's SG against the liquid's density
FLOATS_ASKED = re.compile(r"\b(?:floats?|sinks?|suspends?|hovers?)\b", re.I)
# "which is harder?", and "which is the hardest?" of two
COMPARATIVE = re.compile(
    r"\b(?:hard|soft|heavi|light|dens|high|low|great|larg|strong|bigg|small)(?:er|est)\b|\b(?:more|less)\b|"
    r"\beas(?:ier|iest) to scratch\b",
    re.I,
)
FEWER = re.compile(  # "lower RI?", "easier to scratch?"
    r"\b(?:softer|softest|lighter|lightest|lower|lowest|less|smaller|weaker)\b|\beas(?:ier|iest) to scratch\b", re.I
)
# "can a ruby be green?", "does sapphire come in pink?", "is peridot ever blue?": whether a gem comes in a colour
IN_A_COLOUR = re.compile(
    r"\b(?:can|could|does|do|is|are)\b.{0,30}?\b(?:be|come in|ever|found in)\s+(?:an?\s+)?"
    rf"(?P<colour>{BLEND_WORD}|[a-z]+(?:-[a-z]+)?)\b|"
    # "is there a white garnet?", "are there green diamonds?", "is there such a thing as blue topaz?"
    r"^\s*(?:is|are)\s+there\s+(?:any\s+|an?\s+|such\s+(?:a\s+)?thing\s+as\s+(?:an?\s+)?)?(?:natural(?:ly)?\s+)?"
    rf"(?P<there>{BLEND_WORD})\b|"
    # "is amethyst purple?", "is sapphire always blue? 💙", "is topaz bluish green?": the colour ends the question
    r"^\s*(?:is|are)\s+[a-z]+(?:\s+(?!always\b|only\b)[a-z]+)??\s+(?P<only>always\s+|only\s+)?(?:usually\s+|naturally\s+)?"
    rf"(?P<last>{BLEND_WORD}|[a-z]+(?:-[a-z]+)?)\W*$",
    re.I,
)
# "is cobalt spinel natural?", "does natural cobalt spinel exist?", "is there a natural flame spinel?": whether a gem
# named by a word of one of its colours occurs in nature (not "is blue topaz natural?", its colour's treatment)
IN_NATURE_ASKED = re.compile(
    r"^\s*(?:is|are)\s+(?P<named>[\w'-]+(?:\s+[\w'-]+){1,2}?)\s+(?:a\s+)?natural(?:\s+(?:gem|stone)s?)?\W*$|"
    r"^\s*(?:does|do)\s+natural\s+(?P<exists>[\w'-]+(?:\s+[\w'-]+){1,2}?)\s+(?:exist|occur)\W*$|"
    r"^\s*(?:is|are)\s+there\s+(?:an?\s+|any\s+)?natural\s+(?P<there>[\w'-]+(?:\s+[\w'-]+){1,2}?)\W*$",
    re.I,
)
# "no, I meant the green one", "the pink kind" after a gem was talked about: that gem in that colour
THE_COLOUR_ONE = re.compile(r"\bthe\s+(?P<colour>[a-z]+(?:-[a-z]+)?)\s+(?:one|kind|variety)\b", re.I)
# a treatment question that names no treatment: "is it treated?", "enhanced?", "is the colour natural?"
ANY_TREATMENT = re.compile(r"\b(?:treat(?:ed|ments?)?|untreated|enhanc\w*)\b|" + COLOUR_NATURAL.pattern, re.I)
# "does quartz twin?", "is staurolite twinned?"; its glossary entry answers "what is twinning?"
TWINNING_ASKED = re.compile(r"\btwin(?:s|ned|ning)?\b", re.I)
# "how hard is topaz and where is it mined?": a second question joined to the first by "and" or after its "?"
NEXT_CLAUSE = re.compile(r"\band\b|\?\s+", re.I)
CLAUSE_ASKS = re.compile(r"\s*(?:where|what|which|is|are|was|were|has|have|does|do|how)\b", re.I)
# "is it worth polishing?": a price in other words, and what the facts say of polishing the gem ("worth cutting?
# they are about 5mm" asks what the rough yields)
WORTH_WORKING = re.compile(r"\bworth\s+(?:polishing|tumbling|cabbing)\b", re.I)
# what a seller's offer says of the stone that only a laboratory proves: "natural unheated Burma ruby"
SELLER_SAID = re.compile(
    r"\b(?:sellers?|vendors?|dealers?|shops?|stores?|listings?|listed|ads?|adverts?)\b|[$€£]\s?\d", re.I
)
SELLERS_CLAIMS = (
    (re.compile(r"\b(?<!not )natural\b", re.I), "natural"),
    (re.compile(r"\b(?:unheated|non[- ]?heated|no[- ]heat|not heated)\b", re.I), "unheated"),
    (re.compile(r"\b(?:untreated|no treatments?|not treated)\b", re.I), "untreated"),
)
# "which ones have lower RI?", "do synthetics read higher SG?": lab-grown stones set against the natural gem's constant
LOWER_OR_HIGHER = re.compile(
    r"\b(?P<lower>lower|less|smaller|below)\b|\b(?:higher|more|greater|bigger|larger|above)\b", re.I
)
# what follows a trade name in "is a Herkimer diamond a real diamond?", "is Korean jade real jade?", "is a Matara
# diamond real?", "is smoky topaz the same as topaz?"
AFTER_TRADE_NAME = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:(?:kind|type|variety|form|sort)\s+of\s+|same\s+(?:thing\s+|stone\s+|gem\s+)?as\s+)?"
    r"(?:(?:a|an|the)\s+)?(?P<real>(?:real|genuine|true|natural|proper)\b\s*)?(?P<y>.*)"
)
# "is 'Madeira topaz' an acceptable name (to use)?": whether the name may be used, not what the stone is
NAME_ASKED = re.compile(
    r"(?:an?\s+)?(?:acceptable|correct|proper|right|legal|legitimate|ok|okay|allowed|fair|accurate|honest)\s+"
    r"(?:trade\s+)?name\b.*"
)
FAKE_SAID = re.compile(r"\b(?:fake|imitation|simulant|faux|knock-?off|copy)\b", re.I)  # "is CZ a fake diamond?"
LAB_SAID = re.compile(r"\blab\b|\blaboratory\b", re.I)  # "a lab diamond": lab-grown
# "is kyanite the same chemistry as andalusite?", "are ruby and sapphire chemically the same?"
SAME_CHEMISTRY = re.compile(
    r"\bsame\s+(?:chemistry|chemical|composition|formula)|\bchemically\s+(?:the\s+same|identical|alike)", re.I
)
# "are ruby and sapphire the same mineral?", "is emerald the same species as aquamarine?": one mineral, which two gems
# of different colours may be, not one gem
SAME_MINERAL = re.compile(r"\b(?:same|one)\s+(?:mineral|species|mineral species)\b", re.I)
# what "is pearl a mineral?", "is coral a stone?" ask a gem to be: a kind of material, not another gem
MATERIAL_KIND = re.compile(
    r"(?:(?:real|true|genuine|natural|precious)\s+)?(?:mineraloid|mineral|stone|gem|gemstone|rock)s?", re.I
)
# "are pearls minerals?", "are they minerals?", "is it a mineral?": a plural needs no article ("is it real stone?" asks
# whether it is real)
KIND_ASKED = re.compile(
    rf"{_IS_X}(?:both\s+|all\s+)?"
    rf"(?:an?\s+|(?=[a-z ]*s\s*\??\s*$))(?P<y>{MATERIAL_KIND.pattern})\s*\??\s*$",
    re.I,
)
# "is this a crystal?", "is it crystalline?", "is opal a crystal?", "are diamonds crystals?": whether the gem's atoms
# are ordered in a crystal, asked of the stone in hand or a gem named
CRYSTAL_ASKED = re.compile(
    rf"{_IS_X}(?:both\s+|all\s+|really\s+|actually\s+)?(?:(?:an?|real|true|natural)\s+)*(?:crystals?|crystalline)"
    r"\s*\??\s*$",
    re.I,
)
# "is it a rock or a mineral?", "is coral a mineral or organic?", "is opal a mineral or not?", "is it a crystal or a
# rock?": one kind or another, asked as "is it a mineral?", whose answer says which (`x`: "is it")
EITHER_KIND = re.compile(
    r"^(?P<x>\s*(?:is|are)\s+.+?)\s+(?:an?\s+)?(?:mineral|rock|crystal)s?\s+or\s+(?:an?\s+)?"
    r"(?:mineral|rock|crystal|organic|not|something else)s?\s*\??\s*$",
    re.I,
)
# the stone or stones a kind is asked of: "is it a mineral?", "are they both gems?"
MEANT_BY_PRONOUN = re.compile(r"it|this|that|this stone|they|these|those|both|the two|them", re.I)
# "is sapphire a precious stone?", "is amethyst semi-precious?": the trade's old label of a gem
PRECIOUS_ASKED = re.compile(
    rf"{_IS_X}(?:(?:an?|one of the)\s+)?(?:four\s+)?"
    r"(?P<semi>semi[- ]?)?precious(?:\s+(?:stone|gem|gemstone)s?)?\s*\??\s*$",
    re.I,
)
# "is lab-grown ruby natural?", "are synthetic emeralds real?", "is lab-grown ruby real ruby?"
GROWN_NATURAL = re.compile(  # not "is my ruby synthetic or natural?", a choice between the two (HOW_TO_KNOW)
    rf"{_IS_X}(?<!\bor\s)(?:an?\s+)?(?:(?P<natural>natural)|real|genuine|(?P<fake>fakes?|imitations?|simulants?))"
    r"(?:\s+(?P<y>[a-z][\w' -]*?))?\s*\??\s*$",
    re.I,
)
# "is amber resin?", "is opal silica?", "is pearl organic?": a gem asked to be a material its species names
MADE_OF = re.compile(
    rf"{_IS_X}(?:(?:just|only|really|made of|a|an)\s+)*"
    r"(?P<y>[a-z]+)\s*\??\s*$",
    re.I,
)
# "which gems show asterism?", "what stones have horsetail inclusions?": a sign the loupe or the eye sees, or the
# streak test ("which gems leave a red streak?")
SHOWN_LIST_QUESTION = re.compile(
    r"\b(?:which|what)\s+(?:natural\s+)?(?:gems?|gemstones?|stones?|minerals?)\s+(?:can\s+)?"
    r"(?:(?:show|shows|display|displays|have|has|exhibit|exhibits|leave|leaves|give|gives)\s+(?P<what>[^?]+)|"
    # "which gems change colour?": the colour change of a light, not of heat, irradiation or the sun
    r"(?P<changes>changes?\s+colou?rs?)\b(?![^?.!]*\b(?:heat\w*|irradiat\w*|sun\w*|treat\w*|fad\w+)))",
    re.I,
)
# "every cat's eye is chrysoberyl, right?", "are cat's eyes always chrysoberyl?": the effect taken for the gem
EVERY_CATS_EYE = re.compile(
    r"\b(?:every|all|each|any)\b[^?.!]{0,30}\bcat'?s?[- ]?eyes?\b[^?.!]{0,30}\bchrysoberyl\b|"
    r"\bcat'?s?[- ]?eyes?\b[^?.!]{0,30}\b(?:always|all|only|every)\b[^?.!]{0,20}\bchrysoberyl\b|"
    r"\bonly chrysoberyl\b[^?.!]{0,40}\bcat'?s?[- ]?eyes?\b",
    re.I,
)
# "what is dopping?", "what's rhodium plating?": a bench work asked to be explained, of no stone
WORK_DEFINED = re.compile(
    r"\s*(?:what(?:'s| is| are)|define|explain)\s+(?:an?\s+|the\s+)?[\w' -]{2,30}?\s*\??\s*", re.I
)


# "which way should I orient kunzite when cutting?", "where is the c-axis in tourmaline for colour?", "what table
# angle for topaz?", "how long should I let opal dry before cutting?": a cutter's question, not the gem's card
CUTTING_ASKED = re.compile(
    "|".join(
        (
            r"\borient\w*\b[^.?!]{0,40}\b(?:cut\w*|facet\w*|rough|table)\b",  # which way to orient it
            r"\b(?:cut\w*|facet\w*)\b[^.?!]{0,40}\borient\w*",
            r"\brough\b[^.?!]{0,20}\borient\w*",  # "how should iolite rough be oriented?"
            r"\bc[- ]axis\b[^.?!]{0,40}\b(?:colou?r|cut\w*|table)\b",
            r"\b(?:table|crown|pavilion|facet(?:ing)?|cutting|main)s? angles?\b|\bangles? (?:for|to cut|to facet)\b",
            r"\bbefore (?:cutting|faceting|sawing|slabbing)\b",  # preparing the rough
            r"\bhow (?:should|do|would|can|could|to) (?:i |we |you |one )?(?:cut|facet)\b",  # "how to cut it?"
        )
    ),
    re.I,
)
# "is it worth faceting?", "can I facet it?", "how is it cut?", "should I cut it as a cabochon?": which cut suits it
CUT_STYLE_ASKED = re.compile(
    "|".join(
        (
            r"\bworth (?:faceting|cutting)\b",
            # not "can it cut glass?", a hardness question
            r"\b(?:can|could|should|shall|would) (?:i|you|we|one|it|they)(?: be)? (?:facet|cut|cab)\w*(?! glass)",
            r"\b(?:can|could|should) [\w' -]{1,30}? be (?:faceted|cut|cabbed)\b(?! glass)",  # "can opal be faceted?"
            r"\bhow (?:is|are|was|were) [\w' -]{1,30}? (?:cut|faceted)\b",
            r"\b(?:as|into) (?:an? )?cabochons?\b|\bcabochons? or\b|\bor (?:an? )?cabochons?\b",
            r"\b(?:facet|cab)(?:bed)? or\b",
            r"\bwhat (?:cut|shape|style)s?\b[^?.!]{0,30}\b(?:best|usual|suits?|for)\b",
        )
    ),
    re.I,
)
# "it is a stone though", "but it's a real gem": a photo taken for no gem photo said to show one
A_STONE_SAID = re.compile(
    r"\b(?:it|this|that)\s*(?:'s|’s| is| really is)\s+(?:a\s+|an\s+)?(?:real\s+)?(?:stone|gem|gemstone|crystal|rock|"
    r"mineral)\b",
    re.I,
)
# "is a 1 carat sapphire smaller than a 1 carat diamond?", "does carat mean size?", "how much does a 1 ct ruby weigh
# in grams?": the carat, a weight, set against a size or another unit (not "what is a carat?", a definition, nor the
# weight and size of a stone told)
_CARAT = r"(?<![a-z])(?:carats?|cts?)\b"
CARAT_UNIT_SAID = re.compile(r"\bc(?:ara)?ts?\b")  # "what size is a 2 ct stone?": a weight in carats, not grams
# "how many points is a 0.25 carat diamond?", "a 25 pointer": a weight in hundredths of a carat
POINTS_WORD = r"points?|pts?|pointers?"  # hundredths of a carat: "25 points", "a 25 pointer", "50 pts"
POINTS_SAID = re.compile(rf"\b(?:{POINTS_WORD})\b", re.I)
GRAMS_SAID = re.compile(r"(?<![a-z])g(?:rams?)?\b", re.I)  # "2 g", "in grams"
# "what is a point in diamond weight?", "what does points mean for a diamond?": the unit, no weight given
POINT_ASKED = re.compile(
    r"^\s*what(?:'s| is| are| does)\s+(?:an?\s+|the\s+)?points?\b(?=.*\b(?:carats?|weight|diamonds?)\b)", re.I
)
# "how many carats is a gram?", "what is 2 g in carats?": grams asked in carats
IN_CARATS_ASKED = re.compile(r"\bhow many (?:carats?|cts?)\b|\bin (?:carats?|cts?)\b", re.I)
_SIZE = r"\b(?:size|sized|big(?:ger|gest)?|large(?:r|st)?|small(?:er|est)?|mm|millimet\w*|diameter|grams?)\b"
# not a stone's own weight and size told: "mine weighs 2 ct, 8 mm"
_NO_STONE_TOLD = r"^(?!.*\b(?:this|my|mine|it'?s|it is|weighs|weighed|measures|measured)\b)"
CARAT_SIZE_ASKED = re.compile(rf"{_NO_STONE_TOLD}(?:.*{_CARAT}(?=.*{_SIZE})|.*{_SIZE}(?=.*{_CARAT}))", re.I)

# "how much does a 1 carat ruby weigh in grams?", "what's the weight of a 7x5 oval sapphire?", "how do I estimate
# carat weight from mm size?": a weight asked, worked out from a size or another unit (not "how heavy is ruby?", its SG)
WEIGHT_ASKED = re.compile(
    r"\bhow (?:much|heavy)\b[^?!]*\bweigh|\bwhat(?:'s| is| would be| will be)? (?:the |its )?(?:carat )?weight\b|"
    r"\bwhat (?:does|would|will|do|might)\b[^?!]*\bweigh\b|\bhow many (?:carats?|cts?|grams?)\b|"
    r"\b(?:estimat|calculat|work(?:ing)? out|figur|comput|convert)\w*\b[^.?!]*\b(?:weight|carats?|cts?)\b|"
    r"\bformula\b[^.?!]*\b(?:weight|carats?)\b|\bin (?:carats|cts)\b",
    re.I,
)
# from measurements, not a weight told: "... from mm size?", "... from its dimensions?"; a mounted stone's weight,
# which only its measurements give ("how can I estimate the carat weight of a mounted emerald?")
FROM_MEASUREMENTS = re.compile(
    r"\b(?:mm|millimet\w*|size|measure\w*|dimensions?|formula|mounted|(?:in|still in) (?:a|its|the) setting|set in)\b",
    re.I,
)
# "what size is a 1 carat diamond?", "how big is a 2 ct sapphire?", "how many mm is a 1 carat diamond?"
SIZE_OF_A_WEIGHT = re.compile(
    r"\bwhat size\b|\bhow (?:big|large|wide)\b|\bdiameter\b|\bhow many (?:mm|millimet\w*)\b|"
    r"\bwhat (?:mm|millimet\w*)\b|\b(?:mm|millimet\w*) size\b|\bin (?:mm|millimet\w*)\b",
    re.I,
)
