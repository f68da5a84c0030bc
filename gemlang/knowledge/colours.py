"""Colour as evidence: a small vocabulary of colour names, the colours each gem comes in, and what people say.

    gem_colours(get_facts("Amethyst"))        # {"purple": 0.75, "violet": 0.25}: its listed colours, by name
    said_colours("a purple stone, RI 1.544")  # ("purple",)

Everyone states a stone's colour ("a blue stone, RI 1.762-1.770"), and colour is what tells apart the gems
that share every constant (amethyst and citrine, ruby and the sapphires). The knowledge base lists each
gem's colours in words ("Purplish-red", "Cornflower blue", "Madeira (brownish-orange)"); both those and a
person's words are read into the thirteen `BASIC` colour names. A trade word maps to the names it means
("lilac" is purple, "padparadscha" pink and orange); an "-ish" modifier counts half ("purplish-red" is
mostly red); a listed colour that names none or any ("Various", "All colours", "Colour-change") spreads
evenly over all.

Names near each other (`NEAR`: violet~purple, pink~red, yellow~orange, ...) are the colour tolerance: a
person who sees one may say the other, so a near name still counts (`NEAR_WEIGHT` of an exact one, 0.8
for violet~purple, which people use almost interchangeably).
`gemlang.fusion.evidence` turns this into the likelihood of the words said, with a floor for a stone
whose colour the knowledge base does not list (treatment, a rare colour, a misnamed one).
"""

from __future__ import annotations

import re
from functools import cache

from gemlang.knowledge.facts import GemFacts
from gemlang.readings import ISH_WORDS, UV_LAMP

BASIC = (
    "red", "pink", "orange", "yellow", "green", "blue", "violet", "purple",
    "brown", "black", "grey", "white", "colourless",
)  # fmt: skip
# Pairs of names a person may use for the same stone (the tolerance of a colour word), and how often the other
# name is said relative to the exact one: violet and purple are all but one name; red and pink are neighbours.
NEAR_WEIGHT = 0.2
NEAR = {
    frozenset(p): NEAR_WEIGHT
    for p in (
        ("red", "pink"), ("red", "orange"), ("red", "purple"), ("red", "brown"), ("pink", "purple"),
        ("pink", "orange"), ("orange", "yellow"), ("orange", "brown"), ("yellow", "green"), ("yellow", "brown"),
        ("green", "blue"), ("blue", "violet"), ("violet", "pink"), ("brown", "black"),
        ("black", "grey"), ("grey", "white"), ("white", "colourless"), ("grey", "colourless"),
    )
} | {frozenset(("violet", "purple")): 0.8}  # fmt: skip
FITS = 0.1  # a gem fits a colour name when this share of its listed colours is that name (near names count less)

# Words that name colours, in people's messages and in the knowledge base's lists.
PLAIN_WORDS = {
    **{c: (c,) for c in BASIC},
    "gray": ("grey",), "colorless": ("colourless",), "water-clear": ("colourless",),
    "lilac": ("purple",), "lavender": ("purple",), "mauve": ("purple",), "magenta": ("purple", "pink"),
    "golden": ("yellow",), "lemon": ("yellow",), "canary": ("yellow",),
    "smoky": ("brown",), "navy": ("blue",), "teal": ("blue", "green"), "cyan": ("blue",), "aqua": ("blue",),
    "crimson": ("red",), "scarlet": ("red",), "cherry": ("red",), "peach": ("pink", "orange"),
    "salmon": ("pink", "orange"), "cream": ("white",), "milky": ("white",), "olive": ("green",),
    "lime": ("green",), "honey": ("yellow", "orange"), "champagne": ("yellow", "brown"),
}  # fmt: skip
# Only in the knowledge base's lists: in a message these name gems or cuts, not the colour of the stone.
LIST_WORDS = {
    "amethyst": ("purple",), "citrine": ("yellow",), "ametrine": ("purple", "yellow"), "morion": ("black",),
    "emerald": ("green",), "padparadscha": ("pink", "orange"), "rose": ("pink",), "raspberry": ("pink", "red"),
    "burgundy": ("red", "purple"), "cinnamon": ("orange", "brown"), "amber": ("brown", "orange"),
    "madeira": ("orange", "brown"), "sherry": ("brown", "orange"), "cognac": ("brown", "orange"),
    "cornflower": ("blue",),
    "sky": ("blue",), "azure": ("blue",), "ultramarine": ("blue",), "indigo": ("blue", "violet"),
    "turquoise": ("blue", "green"), "apple": ("green",), "mint": ("green",), "grass": ("green",),
    "pistachio": ("green",), "vermilion": ("red", "orange"), "blood": ("red",), "brick": ("red", "brown"),
    "hyacinth": ("red", "orange"), "mahogany": ("brown", "red"), "bronze": ("brown",), "silver": ("grey",),
    "steel": ("grey",), "lead": ("grey",), "gold": ("yellow",), "coffee": ("brown",), "chocolate": ("brown",),
    "tangerine": ("orange",),
    "mandarin": ("orange",), "fuchsia": ("pink", "purple"), "plum": ("purple",),
}  # fmt: skip
# A listed colour that names no single colour: it may be any.
ANY_COLOUR = re.compile(r"\b(?:various|all colou?rs|multicolou?r|rainbow|spectral|play of colou?r)")
# Colour words in a message that describe a test, a sheen or the surroundings rather than the stone.
# a lamp's or a test's colour, not the stone's: "SWUV chalky blue", "the acetone swab came away blue"
NOT_BODY_COLOUR = re.compile(rf"{UV_LAMP}|glows?\b|chelsea|swab|aceton")
# and the spectroscope's bands and lines: "three bands in the yellow, green and blue", "absorption in the red"
AFTER_TEST = re.compile(
    r"pleochro|dichro|trichro|flash|sheen|schiller|play of|streak|spark|spectr|absorption|"
    r"\b(?:bands?|lines?)\s+(?:in|near)\b"
)
PLEOCHROIC = re.compile(r"pleochro|dichro|trichro")
# "a red ring": a doublet; "a red line at the girdle": its join; "dark backing": an opal doublet's back; "set in
# white gold": the metal of the setting
NOT_THE_STONE = (
    r"(?:light|background|paper|cloth|box|filter|flash(?:es)?|sheen|streaks?|ring|line|backing|layer|join|plane|"
    r"veins?|veining|flecks?|specks?|matrix|band at the girdle|gold|silver|platinum|metal|setting|mount(?:ing)?|"
    r"prongs?|claws?|bezel)"
)
# Words that may sit among the colours a dichroscope showed ("light blue and deep violet").
CONNECTORS = {
    "and",
    "or",
    "to",
    "with",
    "in",
    "the",
    "a",
    "colours",
    "colors",
    "shows",
    "showing",
    "light",
    "dark",
    "deep",
}
# "green is not a usual colour of ruby", "is blue a common colour for topaz?": a gem's colour talked of, not the stone's
USUAL_COLOUR = re.compile(r"(?:an?\s+)?(?:usual|common|typical|normal)\s+colou?r\b", re.I)
COLOUR_TALKED_OF = re.compile(rf"\s+(?:(?:is\s+not|isn'?t|'s\s+not|is)\s+)?{USUAL_COLOUR.pattern}", re.I)
# read in the 60 characters before; "more orange than pink": pink is what it is compared with, not its colour
NEGATED = re.compile(r"\b(?:not|no|isn'?t|never|without|than)\s+(?:\w+\s+)?$")


# a word of a colour as written, "water-clear" one word; a blend's hyphen parts two ("yellow-green": `_runs`)
_COLOUR_TEXT_WORD = re.compile(r"[a-z]+(?:-clear)?")


def _words(text: str) -> list[str]:
    return _COLOUR_TEXT_WORD.findall(text.lower().replace("colorless", "colourless"))


def _word_names(word: str, list_words: bool) -> dict[str, float]:
    """The basic names one word says, unnormalised: an "-ish" word half, a word of two names half each."""
    if word in ISH_WORDS:
        return {ISH_WORDS[word]: 0.5}
    names = PLAIN_WORDS.get(word) or (LIST_WORDS.get(word, ()) if list_words else ())
    return {name: 1.0 / len(names) for name in names}


def _runs(text: str, list_words: bool) -> list[list[str]]:
    """The colour words of a lower-case text in runs, a run joined by hyphens or spaces: "yellow-green", "golden
    brown" are one each, "black with white bands" two."""
    runs: list[list[str]] = []
    joined_at = -1
    for m in _COLOUR_TEXT_WORD.finditer(text):
        named = bool(_word_names(m[0], list_words))
        if named and joined_at >= 0 and re.fullmatch(r"[- ]+", text[joined_at : m.start()]):
            runs[-1].append(m[0])
        elif named:
            runs.append([m[0]])
        joined_at = m.end() if named else -1
    return runs


def colour_names(text: str, list_words: bool = True, tinges: bool = False) -> dict[str, float]:
    """The basic colour names in one listed colour ("Purplish-red": red 2/3, purple 1/3), weights summing to 1;
    {} when it names none. With `tinges`, a colour word before another of its run counts half too, a tinge as an
    "-ish" word is ("Yellow-green": green 2/3, yellow 1/3), for the hue a blend is called by; without, the blend is
    even, as people name it either way."""
    weights: dict[str, float] = {}
    outside = re.sub(r"\(.*?\)", " ", text)  # "Green (emerald)": the words in brackets name a variety
    outside = (outside if outside.strip() else text).lower().replace("colorless", "colourless")
    for run in _runs(outside, list_words):
        for n, word in enumerate(run):
            half = 0.5 if tinges and n < len(run) - 1 and word not in ISH_WORDS else 1.0
            for name, w in _word_names(word, list_words).items():
                weights[name] = weights.get(name, 0.0) + w * half
    total = sum(weights.values())
    return {c: w / total for c, w in weights.items()} if total else {}


@cache
def _gem_colours(colours: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    shares: dict[str, float] = {}
    body = [c for c in colours if not NOT_BODY_COLOUR.search(c.lower())] or colours  # not "Blue fluorescent"
    for listed in body:
        named = {} if ANY_COLOUR.search(listed.lower()) else colour_names(listed)
        for c, w in (named or {c: 1.0 / len(BASIC) for c in BASIC}).items():
            shares[c] = shares.get(c, 0.0) + w / len(body)
    return tuple(sorted(shares.items(), key=lambda kv: -kv[1]))


def gem_colours(gem: GemFacts) -> dict[str, float]:
    """How a stone of this gem is shared among the basic colours, from its listed colours (each listed colour an
    equal share); {} when the knowledge base lists none."""
    return dict(_gem_colours(tuple(gem.colours))) if gem.colours else {}


def closeness(said: str, seen: str) -> float:
    """1 for the same name, the pair's `NEAR` weight for a near one, else 0."""
    return 1.0 if said == seen else NEAR.get(frozenset((said, seen)), 0.0)


def said_probability(said: str, seen: str) -> float:
    """P(a person says `said` | the stone is `seen`): the exact name, or now and then a near one."""
    return closeness(said, seen) / sum(closeness(other, seen) for other in BASIC)


def main_colour(said: str) -> str | None:
    """The basic colour a colour word or listed colour mostly names ("Bluish-green", "Yellow-green": green), or
    None."""
    return max(colour_names(said, tinges=True).items(), key=lambda kv: kv[1], default=(None, 0.0))[0]


# the names a colour asked of gems takes in: violet and purple are all but one name, and the jeweller's "white"
# diamond or sapphire is colourless
ASKED_AS = {"purple": ("purple", "violet"), "violet": ("violet", "purple"), "white": ("white", "colourless")}


def listed_in(gem: GemFacts, colour: str, tinge: str | None = None) -> bool:
    """Whether the gem's facts list `colour` (or a name `ASKED_AS` takes in) among its colours, by the colour each
    listed one mostly names (an emerald's "Bluish-green" is green, not blue); not a glow (amber's "Blue
    fluorescent"). With a `tinge` (a blend asked: "blue-green"), only a listed colour that names both does
    ("Bluish-green", "Greenish-blue"; not a plain "Green"); a blend may be given as `colour` alone ("blue-green")."""
    if tinge is None and colour not in BASIC:
        colour, tinge = hue_and_tinge(colour)
    body = [c for c in gem.colours if not NOT_BODY_COLOUR.search(c.lower())]
    if tinge:
        return any({colour, tinge} <= blend for c in body for blend in _blends(c))
    return bool(set(ASKED_AS.get(colour, (colour,))) & {main_colour(c) for c in body})


def _blends(listed: str) -> list[set[str]]:
    """The names of each run of colour words in a listed colour: "Dark green with red and yellow spots" has three of
    one name, "Green to blue-green" one of green and one of blue and green."""
    return [{n for w in run for n in _word_names(w, True)} for run in _runs(listed.lower(), list_words=True)]


def hue_and_tinge(said: str) -> tuple[str | None, str | None]:
    """The hue a colour asked names and the tinge a blend gives it ("blue-green", "bluish green": green, blue)."""
    hue = main_colour(said)
    return hue, next((c for c in colour_names(said) if c != hue), None)


def _colour_words(text: str) -> int:
    return sum(1 for w in _words(text) if _word_names(w, False))


STRENGTH = {"strong", "strongly", "weak", "weakly", "distinct", "moderate", "faint", "slight", "very", "marked"}


def _only_colours(text: str) -> int:
    """How many colour words `text` holds when it holds nothing else (but connectors and a strength); else 0."""
    words = _words(text)
    if not all(_word_names(w, False) or w in CONNECTORS or w in STRENGTH for w in words):
        return 0
    return sum(1 for w in words if _word_names(w, False))


def _of_another_thing(after: str) -> bool:
    """Whether a colour word is one of a run of colours naming something not the stone: "orange and blue
    flashes", "white calcite streaks" (one other word may name what the streaks are of)."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", after)
    for n, word in enumerate(words):
        if re.fullmatch(NOT_THE_STONE, word) or (n + 1 < len(words) and re.fullmatch(NOT_THE_STONE, words[n + 1])):
            return True
        if word not in ("and", "or", "to") and not _word_names(word, False):  # "blue with white veins": blue
            return False
    return False


PHOTO_WITHOUT_COLOUR = re.compile(
    r"\b(?:black[- ]and[- ]white|b ?& ?w|gr[ae]y-?scale|monochrome)\s+(?:pic|photo|picture|image|shot|snap|print)s?\b|"
    r"\bb ?& ?w\b|\bgr[ae]y-?scale\b"
)
CLEAR_STONE = re.compile(
    r"(?:(?<=\bit's )|(?<=\bits )|(?<=\bit is )|(?<=\btotally ))clear\b(?![\s-]+(?:\w+ )?(?:blue|green|red|yellow|"
    r"pink|purple|violet|orange|brown|black|grey|gray)\b)|\bclear(?=\s+(?:stone|gem|gemstone|crystal|one|rock|pebble)s?\b)"
)

# the jeweller's "white" of transparent stones: "white diamonds", "white sapphire", "small white side stones" are
# colourless (not an opaque white stone's white)
WHITE_AS_COLOURLESS = re.compile(
    r"\bwhite(?=\s+(?:(?:side|accent|melee|small|tiny|little)\s+)*(?:diamonds?|sapphires?|topaz|zircons?|cz|"
    r"moissanites?|cubic zirconias?)\b|\s+(?:(?:small|tiny|little)\s+)*(?:side|accent|melee)\s+(?:stones|gems|ones)\b)"
)


# a colour said of the stone itself before a test's result in the same clause: "a blue stone", "green glass"
STONE_CALLED = re.compile(
    r"\b([a-z]+(?:[- ][a-z]+)?)[- ](?:stone|gem|gemstone|glass|cabochon|cab|crystal|bead|pebble)s?\b"
)


GEM_COLOURED = re.compile(r"\b([a-z]+)[- ]colou?red\b")


@cache
def _classes_coloured_last() -> re.Pattern[str]:
    """The photo classes named gem first, colour last ("Sapphire Blue", "Garnet Red"), as answers write them: a
    message that names one names the gem, and says nothing of the stone's colour."""
    from gemlang.knowledge.knowledge_base import class_names

    words = [n.lower().split() for n in class_names()]
    named = [w for w in words if len(w) > 1 and _word_names(w[-1], False) and not _word_names(w[0], False)]
    return re.compile(r"\b(?:" + "|".join(re.escape(" ".join(w)) for w in named) + r")\b" if named else r"(?!)")


def _as_gem_coloured(m: re.Match[str]) -> str:
    """ "aquamarine-coloured" -> the gem's first listed colour ("blue"); any other "-coloured" word as written."""
    from gemlang.knowledge.knowledge_base import gems_named_in

    named = gems_named_in(m.group(1))
    return re.sub(r"\(.*?\)", "", named[0].colours[0]).lower() if named and named[0].colours else m.group(0)


def said_colours(text: str) -> tuple[str, ...]:
    """The colour names a message gives the stone ("a purple stone" -> purple; "greenish blue" -> blue, green).

    Colours of a test result ("red under UV", "red through the Chelsea filter"; after "pleochroism" the colours
    seen in the dichroscope, up to the first words that are not colours), a sheen or flash, the surroundings
    ("on a white background") and negated ones ("not blue") are not the stone's colour and are left out. Gem
    names that contain a colour word ("emerald", "amethyst") are not read as colours: the person named a gem.
    """
    found: dict[str, float] = {}
    text = re.sub(r"(?<=[a-z])/(?=[a-z])", " and ", (text or "").lower().replace("’", "'"))  # "blue/green"
    text = re.sub(r"\borange[- ]peel\b", "dimpled", text)  # a polish texture, not a colour
    text = PHOTO_WITHOUT_COLOUR.sub(" ", text)  # "an old black and white pic": the photo's, not the stone's
    text = CLEAR_STONE.sub("colourless", text)  # "it's clear", "a clear stone": no colour, not a clear blue
    text = WHITE_AS_COLOURLESS.sub("colourless", text)  # "white diamonds", "white side stones"
    text = GEM_COLOURED.sub(_as_gem_coloured, text)  # "aquamarine-coloured": the gem's own colour
    text = _classes_coloured_last().sub(" ", text)  # "natural Sapphire Blue from …": a gem named, not its colour
    clauses = re.split(r"[,;.\n!?()/]+", text)
    skip_to = -1  # the last clause of the colours a dichroscope or a flash showed, which may run over commas
    for j, clause in enumerate(clauses):
        if j <= skip_to:
            continue
        if test := NOT_BODY_COLOUR.search(clause):  # "my blue stone goes red under a chelsea filter": blue
            for m in STONE_CALLED.finditer(clause[: test.start()]):
                if not NEGATED.search(clause[max(0, m.start() - 60) : m.start()]):
                    _count_names(found, m.group(1))
            continue
        test = AFTER_TEST.search(clause)
        if test:
            end = j + 1
            while end < len(clauses) and all(_word_names(w, False) or w in CONNECTORS for w in _words(clauses[end])):
                end += 1
            shown = sum(_colour_words(c) for c in [clause[test.end() :], *clauses[j + 1 : end]])
            # "strong pleochroism, green": a dichroscope shows two colours or more, so one is the stone's own
            if not (PLEOCHROIC.match(test.group(0)) and shown == 1 and not _colour_words(clause[test.end() :])):
                skip_to = end - 1
        head = clause[: test.start() if test else len(clause)]
        if test and PLEOCHROIC.match(test.group(0)) and _only_colours(head) >= 2:
            continue  # "strong blue-green and yellow-green dichroism": the dichroscope's colours, not the stone's
        for m in re.finditer(r"[a-z]+(?:-[a-z]+)*", head):
            before, after = clause[max(0, m.start() - 60) : m.start()], clause[m.end() :]
            if NEGATED.search(before) or re.match(rf"\s+{NOT_THE_STONE}\b", after) or _of_another_thing(after):
                continue
            if COLOUR_TALKED_OF.match(after):  # "green is not a usual colour of ruby": no colour of the stone
                continue
            _count_names(found, m.group(0))
    return tuple(sorted(found, key=lambda c: -found[c]))


def _count_names(found: dict[str, float], said: str) -> None:
    """Add the basic colour names the words of `said` give to `found`."""
    for word in _words(said):
        for name, w in _word_names(word, list_words=False).items():
            found[name] = found.get(name, 0.0) + w
