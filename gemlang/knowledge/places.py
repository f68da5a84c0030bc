"""The place gazetteer: which country a place a person names, or a locality note names, lies in.

    countries_in("Myanmar (Mogok); Sri Lanka (Ratnapura)")   -> ("Myanmar", "Sri Lanka")
    parse_places("from Mogok, Burma")                        -> (("Myanmar",), ("Mogok", "Burma"))
    gem_countries(get_facts("Tanzanite"))                    -> (("Tanzania",), False)

Countries and their official and common names come from pycountry (ISO 3166), so any country a person
names counts, even one the knowledge base never mentions ("somewhere else" is evidence too). On top:
the names people and old gem books use (Burma, Ceylon, Siam, the States), the states and provinces of
the big gem-producing federations (Minas Gerais, New South Wales, Montana), a few gem regions (Kashmir,
Mogok, the Urals), and every region the knowledge base's own locality notes name beside a country.
Matching is longest name first, so "Papua New Guinea" is not Guinea and "New Mexico" is not Mexico.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

import pycountry

# ISO names shortened to the name gem books and the knowledge base use.
SHORT_NAMES = {
    "United States": "USA",
    "Russian Federation": "Russia",
    "Congo, The Democratic Republic of the": "Democratic Republic of Congo",
    "Czechia": "Czech Republic",
    "Türkiye": "Turkey",
    "Côte d'Ivoire": "Ivory Coast",
    "Korea, Republic of": "South Korea",
    "Myanmar": "Myanmar",
}
# Other names of a country that people, trade names and old books use (lower case).
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    # "found in the US": "us" alone is a pronoun, so only after "the"
    "USA": (
        "usa",
        "u.s.a.",
        "u.s.a",
        "u.s.",
        "united states of america",
        "america",
        "the states",
        "the us",
        "the u.s.",
    ),
    "Myanmar": ("burma",),
    "Sri Lanka": ("ceylon",),
    "Thailand": ("siam",),
    "Iran": ("persia",),
    "Democratic Republic of Congo": ("dr congo", "drc", "congo", "zaire"),
    "South Korea": ("korea",),
    "Russia": ("ussr", "soviet union"),
    "Netherlands": ("holland",),
    "Vietnam": ("viet nam",),
    "North Macedonia": ("macedonia",),
    "Turkey": ("turkiye",),
    "Ivory Coast": ("cote d'ivoire",),
    "United Kingdom": ("uk", "u.k.", "great britain", "britain"),
}
# Names in pycountry that mean something else in gem talk: Georgia is the US state in the knowledge
# base, "Chad" and "Jersey" are more often a name and a fabric than the places.
NOT_COUNTRIES = {"Georgia", "Chad", "Jersey"}
# States and provinces of these countries count as places in them (Minas Gerais -> Brazil).
FEDERATIONS = ("US", "BR", "AU", "CA")
NOT_SUBDIVISIONS = {"Acre", "Victoria", "Distrito Federal", "District of Columbia", "Guam"}
# Gem regions that no country name sits beside in the knowledge base, or that span countries.
REGIONS: dict[str, tuple[str, ...]] = {
    "England": ("United Kingdom",),
    "Scotland": ("United Kingdom",),
    "Wales": ("United Kingdom",),
    "Cornwall": ("United Kingdom",),
    "Kashmir": ("India", "Pakistan"),
    "Alps": ("Switzerland", "Austria", "Italy", "France"),
    "Tibet": ("China",),
    "Tahiti": ("French Polynesia",),
    "Persian Gulf": ("Bahrain", "Iran", "Oman", "United Arab Emirates"),
    "Siberia": ("Russia",),
    "Ural": ("Russia",),
    "Urals": ("Russia",),
    "Bohemia": ("Czech Republic",),
    "New England": ("USA",),
    "Papua": ("Papua New Guinea",),
    "Ratnapura": ("Sri Lanka",),
    "Mogok": ("Myanmar",),
}
# How people say where a stone is from with an adjective ("a Colombian emerald", "Sri Lankan sapphire"): the
# gem-producing countries. Read in messages only, never in the knowledge base's notes.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("afghan", "afghani"),
    "Australia": ("australian",),
    "Bolivia": ("bolivian",),
    "Brazil": ("brazilian",),
    "Cambodia": ("cambodian",),
    "Canada": ("canadian",),
    "Chile": ("chilean",),
    "China": ("chinese",),
    "Colombia": ("colombian",),
    "Czech Republic": ("czech",),
    "Dominican Republic": ("dominican",),
    "Egypt": ("egyptian",),
    "Ethiopia": ("ethiopian",),
    "India": ("indian",),
    "Iran": ("iranian", "persian"),
    "Italy": ("italian",),
    "Japan": ("japanese",),
    "Kenya": ("kenyan",),
    "Madagascar": ("madagascan", "malagasy"),
    "Mexico": ("mexican",),
    "Mongolia": ("mongolian",),
    "Mozambique": ("mozambican",),
    "Myanmar": ("burmese",),
    "Namibia": ("namibian",),
    "Nigeria": ("nigerian",),
    "Norway": ("norwegian",),
    "Pakistan": ("pakistani",),
    "Peru": ("peruvian",),
    "Russia": ("russian",),
    "South Africa": ("south african",),
    "Sri Lanka": ("sri lankan", "ceylonese"),
    "Tajikistan": ("tajik",),
    "Tanzania": ("tanzanian",),
    "Thailand": ("thai",),
    "USA": ("american",),
    "Uruguay": ("uruguayan",),
    "Vietnam": ("vietnamese",),
    "Zambia": ("zambian",),
    "Zimbabwe": ("zimbabwean",),
}
# Capitalised words in knowledge-base locality notes that are not places (or clash with gem words).
NOT_PLACES = {
    "Any",
    "Chrome",
    "Non",
    "Spectrolite",
    "Worldwide",
    "Maxixe",
    "South Sea",
    "Lapis",
    "Hekla",
    "Oltu",
    "Lily",
    "Baveno",
    "Akoya",
    "Holley",
    "Put",
    "Bay",
    "Red Lead Mine",
}

Index = dict[str, tuple[str, tuple[str, ...]]]  # lower-case name -> (name as written, its countries)


def _country_name(country) -> str:
    name = SHORT_NAMES.get(country.name) or getattr(country, "common_name", None) or country.name
    return name


@lru_cache(maxsize=1)
def _names_of_countries() -> Index:
    """Every country's names (ISO, common, official, other): the names of a country itself, not of a place in it."""
    index: Index = {}
    for country in pycountry.countries:
        canonical = _country_name(country)
        if canonical in NOT_COUNTRIES:
            continue
        for name in (
            canonical,
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ):
            if name and "," not in name:
                index.setdefault(name.lower(), (name, (canonical,)))
    for canonical, names in OTHER_NAMES.items():
        for name in names:  # shown in capitals when short ("usa": USA), "the us" as the country, else in title case
            shown = name.upper() if len(name) <= 4 else name.title()
            shown = canonical if re.fullmatch(r"the [a-z.]{2,4}", name) else shown
            index.setdefault(name, (shown, (canonical,)))
    return index


def names_a_country(place: str) -> bool:
    """Whether a place as named is a country by one of its names ("Burma", "Ceylon"), not a place within one."""
    return place.lower() in _names_of_countries()


@lru_cache(maxsize=1)
def country_index() -> Index:
    """Every country's names (`_names_of_countries`), states of the federations, fixed regions."""
    index = dict(_names_of_countries())
    for code in FEDERATIONS:
        country = _country_name(pycountry.countries.get(alpha_2=code))
        for sub in pycountry.subdivisions.get(country_code=code):
            if sub.type in ("State", "Province", "Territory") and sub.name not in NOT_SUBDIVISIONS:
                index.setdefault(sub.name.lower(), (sub.name, (country,)))
    for region, countries in REGIONS.items():
        index.setdefault(region.lower(), (region, countries))
    return index


@cache  # built once per index, not on every message read
def _pattern(index_of: Callable[[], Index]) -> re.Pattern[str]:
    """The names of an index (`country_index`, `place_index`) as one pattern, longest name first."""
    alternatives = "|".join(re.escape(k) for k in sorted(index_of(), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)")


def _as_read(text: str) -> str:
    """A text as `_pattern` reads it, so the positions `_matches` gives index it: lower case, one apostrophe, a
    space either side."""
    return " " + (text or "").lower().replace("’", "'") + " "


def _matches(text: str, index_of: Callable[[], Index]) -> list[tuple[int, str, tuple[str, ...]]]:
    """(position, name as written, countries) of the names in `text`, longest first, never overlapping."""
    index = index_of()
    return [(m.start(), *index[m.group(0)]) for m in _pattern(index_of).finditer(_as_read(text))]


def _countries(matches) -> tuple[str, ...]:
    out: list[str] = []
    for _, _, countries in matches:
        out += [c for c in countries if c not in out]
    return tuple(out)


def countries_in(note: str) -> tuple[str, ...]:
    """Countries a knowledge-base locality note names ("Brazil (Minas Gerais); Nigeria" -> Brazil, Nigeria)."""
    return _countries(_matches(note, country_index))


_PLACE_PHRASE = re.compile(r"^[A-ZÀ-Ý][\w'’.\-]*(?:\s+(?:[A-ZÀ-Ý][\w'’.\-]*|de|del|do|da|of|la|le))*$")


@lru_cache(maxsize=1)
def _knowledge_regions() -> Index:
    """Regions the knowledge base's locality notes name beside a country ("Myanmar (Mogok)")."""
    from gemlang.knowledge import all_gems

    known = country_index()
    regions: dict[str, tuple[str, ...]] = {}
    for gem in all_gems():
        for note in gem.localities:
            countries = countries_in(note)
            if not countries:
                continue
            for piece in re.split(r"[(),;:/–—]|\s-\s|\s+and\s+", note):
                piece = piece.strip().removesuffix(" district").removesuffix(" region").strip()
                if (
                    _PLACE_PHRASE.match(piece)
                    and len(piece) > 2
                    and len(piece.split()) <= 4
                    and piece not in NOT_PLACES
                    and piece.lower() not in known
                ):
                    before = regions.get(piece, ())
                    regions[piece] = before + tuple(c for c in countries if c not in before)
    return {name.lower(): (name, countries) for name, countries in regions.items()}


@lru_cache(maxsize=1)
def place_index() -> Index:
    """Every place gemlang can read in a message: countries, their other names and demonyms, states, regions,
    knowledge-base regions."""
    demonyms = {name: (country, (country,)) for country, names in DEMONYMS.items() for name in names}
    return {**demonyms, **_knowledge_regions(), **country_index()}


# "not from Brazil", "isn't mined in Kenya", "never found in Peru", "Burma, not Thailand": not where it comes from
_DENIED = re.compile(r"\b(?:not|never|\w+n't)(?:\s+(?:\w+\s+){0,2}(?:from|in|at)(?:\s+the)?)?\s*$")
# "bought it in Bangkok", "got it from a dealer in Jaipur": where a stone was sold, not where it was mined
# (Bangkok, Jaipur and Idar-Oberstein trade and cut stones from everywhere)
_BOUGHT = re.compile(  # within one clause: "got it in Bangkok but it's from Madagascar" is from Madagascar
    r"\b(?:bought|purchased|got|acquired|picked up|sold|brought|souvenir)\s+"
    r"(?:(?!(?:but|and|though|although|while|yet)\b)[\w']+\s+){0,5}?(?:in|at|from)(?:\s+the)?\s*$"
)

# "the seller said Sri Lanka", "she said it was a Burma ruby", "the owner says it's unheated Ceylon": a claim, which
# is what the stone is to be checked against, not evidence of where it was mined (a laboratory report's stands)
CLAIMED = re.compile(
    r"\b(?:said|says|say|told me|tells me|claims?|claimed|swears?|swore|insists?|insisted|according to|"
    r"sold (?:it|them|this) (?:to me )?as|was told|quoted)\b"
    r"(?:(?!\b(?:but|and|though|although|while|yet)\b)[^,;.!?]){0,30}$|"  # "and" as a word, not Thail-and's
    # a price asked for it: "seller wants $900 for this natural unheated Burma ruby" is the offer's word
    r"[$€£]\s?\d[\d,.]*k?\s+for\b(?:(?!\b(?:but|and|though|although|while|yet)\b)[^,;.!?]){0,40}$"
)
# a place in quotes, as a listing's or a label's word is copied: "natural unheated, from 'Burma'"
QUOTES = "'\"“”‘’"
_QUOTED_BEFORE = re.compile(rf"[{QUOTES}]\s*$")
# a laboratory's word, or the user's own ("as I said", "I found it myself"): not a claim to be checked
_FIRST_HAND = re.compile(
    r"\b(?:report|certificate|cert|lab|laboratory|gia|ssef|gübelin|gubelin|agl|grs|gia's)\b|\bas i (?:said|told you)\b|"
    r"\bi (?:found|dug|mined|collected|picked)\b"
)
# someone at the pit, of a stone the user found there: "found it myself, my guide said the Ratnapura gravels" (not
# a seller's word, whoever found it: "I found it on eBay, the seller says Ceylon")
_AT_THE_FIND = re.compile(
    r"\b(?:guides?|miners?|diggers?|locals?|villagers?|(?:mine|pit) (?:owner|manager|foreman)|"
    r"owner of the (?:mine|pit))\b"
)
_FOUND_MYSELF = re.compile(
    r"\b(?:i|we)\s+(?:found|dug|mined|collected)\b|\b(?:found|dug|mined|collected)\b[^.;!?]{0,40}\b(?:myself|ourselves)\b"
)

# "is it from Arizona?": a question about a place, not a statement of where the stone is from.
_ASKED = re.compile(r"\b(?:is|was|could|can|might|would)\s+(?:it|this|that|the stone)\s+(?:be\s+|have been\s+)?"
                    r"(?:from|mined in|found in)(?:\s+the)?\s*$")  # fmt: skip
_TWIN_LAW = re.compile(r"\W?[\w'.]+(?:\s[\w'.]+)?[\s-]+(?:law\b|twin)")


def _trade_name_at(text: str, at: int) -> bool:
    """Whether a trade name or misnomer begins at `at` ("Mexican jade", "Ceylon diamond")."""
    from gemlang.knowledge.knowledge_base import knowledge_base, normalise_name

    key = normalise_name(text[at : at + 60])
    return any(pattern.match(key) for pattern, _ in knowledge_base().trade_names)


def _matches_and_denials(text: str, claims: bool = False) -> tuple[list[tuple[int, str, tuple[str, ...]]], list[str]]:
    """The places a message names, split into those it affirms and the phrases that deny one ("not from Brazil"),
    or only claim one ("the seller said Sri Lanka"), unless `claims` are to be kept (a claim asked about)."""
    t = _as_read(text)
    kept, denied = [], []
    for match in _matches(text, place_index):
        if _TWIN_LAW.match(t, match[0]):  # "Brazil-law twinning" names a twin law, not where the stone is from
            continue
        if _trade_name_at(t, match[0]):  # "Mexican jade", "Cape ruby": a trade name, not where the stone is from
            continue
        if _ASKED.search(t[max(0, match[0] - 40) : match[0]]):  # asked about (`places_asked`), not said
            continue
        before = t[max(0, match[0] - 50) : match[0]]
        claimed = CLAIMED.search(before)
        # a laboratory's or the user's own word in the claim itself ("told by GIA that …"), not "no lab report, but
        # the seller says …" or "I found it on eBay, the seller says …"
        clause = re.split(r"[,;.!?]|\bbut\b", before[: claimed.start()])[-1] if claimed else ""
        first_hand = claimed and _FIRST_HAND.search(clause + before[claimed.start() :])
        first_hand = first_hand or (claimed and _AT_THE_FIND.search(clause) and _FOUND_MYSELF.search(t))
        claimed = claimed if claimed and not claims and not first_hand else None
        phrase = _DENIED.search(t[max(0, match[0] - 40) : match[0]]) or _BOUGHT.search(before) or claimed
        if phrase:
            denied.append(f"{phrase.group(0).strip().rstrip(QUOTES).strip()} {match[1]}")
        elif not claims and _QUOTED_BEFORE.search(before):  # a listing's "from 'Burma'": someone's word, in quotes
            denied.append(f"quoted {match[1]}")
        else:
            kept.append(match)
    return kept, denied


# a place whose meaning is asked ("what does 'Ceylon' mean for sapphire?", "what does Burma mean on a ruby?")
_MEANS = {"mean", "means", "meant"}


def places_in_a_name(text: str) -> list[tuple[str, ...]]:
    """The countries of each place a message names as the first word of a gem's or a colour's name ("'Kashmir
    blue'", "Burma ruby", "Ceylon sapphire"), or whose meaning it asks of a gem it names ("what does 'Ceylon' mean
    for sapphire?"); not of a trade name for another gem ("Ceylon diamond")."""
    from gemlang.knowledge.colours import PLAIN_WORDS
    from gemlang.knowledge.knowledge_base import gems_named_in

    index = place_index()
    t = _as_read(text)
    named = []
    for m in _pattern(place_index).finditer(t):
        word = re.match(r"['\"”]?[\s-]+([a-z]+)", t[m.end() :])  # and "'Kashmir' sapphire", the place quoted
        meant = word and word[1] in _MEANS and gems_named_in(t)  # "what does 'Burma' mean on a ruby?"
        if word and not _trade_name_at(t, m.start()) and (word[1] in PLAIN_WORDS or gems_named_in(word[1]) or meant):
            named.append(index[m.group(0)][1])
    return named


def places_asked(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The places a message asks about, as named, with their countries ("is it from Arizona?" -> [("Arizona",
    ("USA",))]): a question, so no evidence."""
    t = _as_read(text)
    matches = _matches(text, place_index)
    return [(name, countries) for at, name, countries in matches if _ASKED.search(t[max(0, at - 40) : at])]


@lru_cache(maxsize=4096)  # asked of every sentence an answer lowers (`lower_first`), the same ones again and again
def opens_with_place(text: str) -> bool:
    """Whether a text begins with a place's name ("Myanmar (Mogok) set the standard", "Sri Lanka and ...",
    "Burmese rubies"), so its capital is a proper noun's."""
    return any(at == 1 for at, _, _ in _matches(text, place_index))


def places_named(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every place a message names, with its countries, whether asked or said ("Kashmir or Sri Lanka?")."""
    return [(name, countries) for _, name, countries in _matches(text, place_index)]


def places_denied(text: str) -> list[str]:
    """The phrases in free text that say where a stone is *not* from ("not from Brazil"); such places are
    not evidence for any gem, so `parse_places` leaves them out."""
    return _matches_and_denials(text or "")[1]


def parse_places(text: str, claims: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(countries, places as named) in free text; the longest name wins ("South Africa" over "Africa").
    Places the text denies ("not from Brazil") are left out, and so are those it says someone claimed ("the
    dealer says Sri Lanka") unless `claims` (a question about the claim)."""
    matches, _ = _matches_and_denials(text or "", claims)
    places: list[str] = []
    named: set[tuple[str, ...]] = set()  # the countries named by a name of their own ("Burma (Myanmar)": one place)
    for _, name, countries in matches:
        if name.lower() in _names_of_countries():
            if countries in named:
                continue
            named.add(countries)
        places += [name] if name not in places else []
    return _countries(matches), tuple(places)


# a locality note of occurrences that yield no gems ("Non-gem occurrences in Japan, …, Czech Republic"): no source
# of a stone, so a place said is weighed against the gem there, not for it
NOT_GEM_GRADE = re.compile(r"\bnon-gem\b|\bnot gem[- ](?:grade|quality)\b", re.I)


def gem_countries(gem) -> tuple[tuple[str, ...], bool]:
    """(countries a gem is known from as a gem, whether it is found worldwide) from its locality notes."""
    countries: list[str] = []
    for note in (n for n in gem.localities if not NOT_GEM_GRADE.search(n)):
        countries += [c for c in countries_in(note) if c not in countries]
    worldwide = any(note.lower().startswith("worldwide") for note in gem.localities)
    return tuple(countries), worldwide
