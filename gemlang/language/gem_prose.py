"""Prose about a gem written from its facts: the reference text of gems nobody wrote one for, and the
sentences of a catalog description that put the knowledge base's facts into words.

The knowledge base holds facts (numbers, names, places, and facts in words with their citations); this
module turns them into sentences. Nothing here states a fact the knowledge base does not hold:

- `reference_description(gem)`: the reviewed description when there is one, else `compose_description`,
  two to four plain sentences from the database facts (used for the ~100 database gems without a
  reviewed text: synthetics, simulants, rarer species);
- what the gem is chemically, in words (`chemical_name`: the database's formula and chemical class read
  out, 'a beryllium aluminium cyclosilicate'), its mineral group and crystal system;
- the database's cleavage and fracture, and its treatments, as sentences; for a variety whose database
  row is its species' (carnelian -> chalcedony), the treatments are said of the species, since that is
  what the row describes.

The description template (prompts/describe.toml) orders them as an expert text does: what the gem is,
what colours it, where it forms and is found, its history, its phenomena, then its properties. A fact the
knowledge base lacks leaves its sentence out.
"""

from __future__ import annotations

import re

from gemlang.knowledge import SOURCE_DATABASE, GemFacts, format_quantity


def _short(place: str) -> str:
    return place.split(" (")[0].split(" — ")[0].strip()


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


# proper nouns, besides places, that open a knowledge-base clause and keep their capital
PROPER_WORDS = ("Baltic", "Chelsea", "Haversian", "Inagli", "Linde", "South Sea", "Zachery")


def lower_first(text: str) -> str:
    """A clause of the knowledge base inside a sentence: 'Heat treatment' -> 'heat treatment'; 'LWUV',
    'Brazil-law twinning', 'Myanmar (Mogok) set the standard' and 'Chelsea filter' keep their capitals: an
    abbreviation, a place the gazetteer knows or another proper noun is not lowered."""
    from gemlang.knowledge.places import opens_with_place

    if len(text) < 2 or not text[0].isupper() or text[1].isupper() or text.startswith(PROPER_WORDS):
        return text
    return text if opens_with_place(text) else text[0].lower() + text[1:]


def sentence(text: str) -> str:
    """First letter up, one full stop at the end."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""


NOT_A_SOURCE = ("worldwide", "any ", "non-gem")  # locality entries that name no place, or no source of gems


def join_places(places: list[str]) -> str:
    """Places in words; with '; ' when a place has its own commas or 'and' ("Wah Wah Mountains, Utah; ...")."""
    if any("," in p or " and " in p for p in places):
        return "; ".join(places)
    return _join(places) if places else ""


def _places(gem: GemFacts, n: int = 3) -> tuple[list[str], bool]:
    """Up to n short confirmed localities, and whether the gem is found worldwide."""
    confirmed = gem.confirmed_localities()
    everywhere = any(p.lower().startswith("worldwide") for p in confirmed)
    places = [
        p
        for p in dict.fromkeys(_short(p) for p in confirmed)
        if p and not p.lower().startswith(NOT_A_SOURCE) and len(p.split()) <= 5
    ]
    return places[:n], everywhere


# a sea, gulf or coast takes the article: "the Persian Gulf", "the Baltic coast"
THE_PLACE = re.compile(r"^(?!the\b)[^,;()]*\b(?:Sea|Gulf|Ocean|[Cc]oast)\b")


def main_sources(gem: GemFacts, n: int = 4) -> str:
    """The gem's first `n` confirmed sources in words ("Myanmar, Mozambique and Thailand"), or ''."""
    places = [re.sub(r"^([^,]+), ([^,]+)$", r"\1 (\2)", p) for p in _places(gem, n)[0]]  # "Arizona (USA)"
    return join_places([f"the {p}" if THE_PLACE.search(p) else p for p in places])


def compose_description(gem: GemFacts) -> str:
    """Two to four plain sentences from the database facts, for gems without a reviewed description."""
    system = gem.crystal_system
    sentences = []
    if gem.origin == "synthetic":
        made = f", grown by the {gem.growth_method} method" if gem.growth_method else ""
        sentences.append(
            f"{gem.name} is a laboratory-grown {gem.imitates or 'gem'}{made}; "
            "it has essentially the chemistry and constants of the natural gem."
        )
    elif gem.origin in ("simulant", "composite"):
        kind = "an assembled (composite) stone" if gem.origin == "composite" else "a simulant"
        purpose = f" used to imitate {gem.imitates}" if gem.imitates else " used as an imitation"
        sentences.append(f"{gem.name} is {kind}{purpose}, not the gem it resembles.")
    else:
        what = {"amorphous": "an amorphous gem material", "": "a gem material"}.get(
            system, f"{_article(system)} {system} gem material"
        )
        group = f" of the {gem.group}" if gem.group.lower().endswith("group") else ""
        chem = f" ({gem.chemistry})" if gem.chemistry else ""
        sentences.append(f"{gem.name} is {what}{group}{chem}.")
    numbers = [
        f"{label} {format_quantity(field, getattr(gem, field))}"
        for label, field in (
            ("Mohs hardness", "hardness"),
            ("specific gravity", "specific_gravity"),
            ("refractive index", "refractive_index"),
            ("birefringence", "birefringence"),
        )
        if getattr(gem, field)
    ]
    if numbers:
        opaque = "; it is opaque, so no refractive index is read" if gem.refractive_index is None else ""
        sentences.append(_join(numbers) + opaque + ".")
    features = list(gem.diagnostic_features)[:2]
    if features:
        sentences.append("Key features: " + "; ".join(features) + ".")
    places, everywhere = _places(gem)
    if places:
        lead = "Found worldwide; notable sources include" if everywhere else "Notable sources:"
        sentences.append(f"{lead} {join_places(places)}.")
    return " ".join(sentences)


def reference_description(gem: GemFacts) -> str:
    """The gem's reviewed description, or one composed from its facts when nobody wrote one."""
    return gem.description or compose_description(gem)


ELEMENTS = {
    "Al": "aluminium", "B": "boron", "Ba": "barium", "Be": "beryllium", "C": "carbon", "Ca": "calcium",
    "Cl": "chlorine", "Cr": "chromium", "Cu": "copper", "F": "fluorine", "Fe": "iron", "H": "hydrogen",
    "K": "potassium", "Li": "lithium", "Mg": "magnesium", "Mn": "manganese", "Na": "sodium", "O": "oxygen",
    "P": "phosphorus", "S": "sulfur", "Si": "silicon", "Sr": "strontium", "Ti": "titanium", "V": "vanadium",
    "Zn": "zinc", "Zr": "zirconium",
}  # fmt: skip
# The database's chemical classes (Strunz/Dana) that name what a compound is; others are not chemical classes.
CHEMICAL_CLASSES = {
    "Oxides": "oxide", "Nesosilicates": "nesosilicate", "Sorosilicates": "sorosilicate",
    "Cyclosilicates": "cyclosilicate", "Inosilicates": "inosilicate", "Phyllosilicates": "phyllosilicate",
    "Tectosilicates": "tectosilicate", "Carbonates": "carbonate", "Phosphates": "phosphate",
    "Sulfides": "sulfide", "Sulfates": "sulfate", "Borates": "borate", "Tungstates": "tungstate",
    "Chromates": "chromate",
}  # fmt: skip
# Elements that make the anion of the compound, not its metals, and the name of each kind of anion.
ANION_FORMERS = {"O", "H", "Si", "C", "P", "S", "F", "Cl", "B"}
HALIDES = {"F": "fluoride", "Cl": "chloride"}


def formula_of(gem: GemFacts) -> str:
    """The gem's chemical formula without trace elements or notes; '' when the chemistry is not one formula."""
    head = gem.chemistry.split(" (")[0]
    text = head.split(":")[0].strip()
    several = ";" in head or re.search(r"\)\s*;", gem.chemistry)  # 'X (Pyrope); Y (Almandine)'
    if not text or several or re.search(r"[a-z]{3,}", text):
        return ""
    symbols = re.findall(r"[A-Z][a-z]?", text)
    return text if symbols and all(s in ELEMENTS for s in symbols) else ""


def chemical_name(gem: GemFacts) -> str:
    """What the gem is chemically, in words, from its formula and the database's chemical class:
    'an aluminium oxide', 'a beryllium aluminium cyclosilicate', 'a hydrous copper aluminium phosphate';
    '' when the database gives no single formula."""
    formula = formula_of(gem)
    if not formula:
        return ""
    symbols = list(dict.fromkeys(re.findall(r"[A-Z][a-z]?", formula)))
    metals = [ELEMENTS[s] for s in symbols if s not in ANION_FORMERS]
    extras = [ELEMENTS[s] for s in ("F", "Cl", "S") if s in symbols]
    if "OH" in formula:
        extras.append("hydroxyl")
    if "O" not in symbols and "C" in symbols and symbols != ["C"]:
        return ""  # a carbide (moissanite's SiC): the formula says it, and it is no silicate
    if "Si" in symbols:
        anion = CHEMICAL_CLASSES.get(gem.mineral_class, "silicate")
        anion = anion if anion.endswith("silicate") else "silicate"
        if "B" in symbols:
            anion = "boro" + anion
        if not metals:
            anion = "silica, silicon dioxide"
    elif "P" in symbols:
        anion = "phosphate"
    elif "C" in symbols and "O" in symbols:
        anion = "carbonate"
    elif "S" in symbols and "O" not in symbols:
        anion = "sulfide"
    elif "O" not in symbols and any(s in HALIDES for s in symbols):
        anion = " and ".join(HALIDES[s] for s in symbols if s in HALIDES)
    elif "O" in symbols:
        anion = "oxide"
    elif symbols == ["C"]:
        return "pure carbon"
    else:
        return ""
    if anion in ("sulfide", "fluoride", "chloride", "fluoride and chloride"):
        extras = [e for e in extras if e not in ("sulfur", "fluorine", "chlorine")]
    words = " ".join([*(["hydrous"] if "H2O" in formula else []), *metals, anion])
    tail = f" with {_join(extras)}" if extras else ""
    return f"{words}{tail}" if not metals else f"{_article(words)} {words}{tail}"


def mineral_group(gem: GemFacts) -> str:
    """The database's mineral group in words ('garnet group'), or '' when it would only repeat the gem's
    species or name, or when the gem spans several database minerals (jadeite and nephrite)."""
    match = re.match(r"([A-Z][A-Za-z]*) group\b", gem.group, flags=re.IGNORECASE)
    if not match or len(gem.database_ids) != 1:
        return ""
    base = match.group(1).lower()
    if base in (gem.species.lower(), gem.name.lower()) or base in gem.species.lower().split():
        return ""
    return f"{base} group"


def crystal_structure(gem: GemFacts) -> str:
    """'it crystallises in the hexagonal system', 'it is amorphous, with no crystal lattice', or ''."""
    system = gem.crystal_system.strip().lower()
    if not system:
        return ""
    if system == "amorphous":
        return "it is amorphous, with no crystal lattice"
    if gem.optical_character.lower().startswith("aggregate"):
        return f"it is an aggregate of {system.split(' (')[0]} crystals"
    return f"it crystallises in the {system} system"


def treatment_sentence(gem: GemFacts, n: int = 3, named: bool = False) -> str:
    """The treatments the database lists ('Treatments: heat treatment; glass filling; flux healing.'); for a
    variety whose facts are its species', said of the species; `named`: said of the gem by name ('Treatments of
    tanzanite: ...'), for a sentence about another gem than the one discussed. '' when none are listed."""
    # "Wax treatment (traditional)" and "Wax treatment" from two sources: one item, the one that says more
    said: dict[str, str] = {}
    for t in gem.treatments:
        plain = re.sub(r"\s*\(.*?\)", "", t).strip().lower()
        said[plain] = t if len(t) > len(said.get(plain, "")) else said[plain]
    items = [lower_first(t) for t in said.values()][:n]
    if not items or (gem.variety_of and gem.species.lower() == gem.name.lower()):
        return ""  # none listed, or the row is a variety of this very species (Zoisite -> tanzanite): not its own
    own = gem.sources.get("treatments") != SOURCE_DATABASE  # the variety's own, not its species'
    whose = f" of {gem.variety_of.lower()}" if gem.variety_of and not own else ""
    whose = f" of {' '.join(map(lower_first, gem.name.split()))}" if named and not whose else whose  # "CVD diamond"
    return sentence(f"Treatments{whose}: {'; '.join(items)}")
