"""Build gemlang's gem catalog from gemmology-mineral-database plus gemlang's reviewed `entries.json`.

Rules, so each fact has exactly one origin:
- A photo class in entries.json names the database gem(s) behind it (`database`). With
  `database_role: "same"` the database row *is* this gem (Ruby -> ruby) and is folded into the class
  entry; with `"parent"` the row is the species the class is a variety or rock of (Carnelian ->
  chalcedony, Jade -> jadeite + nephrite), which stays a catalog entry of its own.
- The database wins. entries.json may state a fact the database also has only when the field is listed
  in `override` with the reason, or, for a "parent" row, when the fact describes the variety rather than
  the species (colours, localities, diagnostic features, simulants, pleochroism). Anything else is an
  error, so a stale duplicate can never silently shadow the database.
- Descriptions are templates: {hardness}, {specific_gravity}, {refractive_index}, {birefringence} and
  {dispersion} are filled through `format_quantity`, so prose and property tables print the same numbers.
- Database gems no class absorbs (Quartz, Demantoid, Moissanite, ...) become entries too, with
  species/variety/gap fills from entries.json's `database_gems` and a description composed from their facts.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from gemlang.errors import GemlangError
from gemlang.knowledge.database import DatabaseGem, database_gems, split_features
from gemlang.knowledge.facts import (
    DECIMALS,
    FACT_FIELDS,
    SOURCE_DATABASE,
    SOURCE_GEMLANG,
    GemFacts,
    format_quantity,
)

ENTRIES_PATH = Path(__file__).with_name("entries.json")

# The facts the database can supply: all but the naming and the prose, which are gemlang's own.
DATABASE_FIELDS = tuple(f for f in FACT_FIELDS if f not in ("species", "variety", "description"))
RANGE_FIELDS = ("hardness", "specific_gravity", "refractive_index", "dispersion")
LIST_FIELDS = ("colours", "diagnostic_features", "localities", "simulants")
# Facts that differ between a variety and its species, so a "parent" row never supplies them over ours.
VARIETY_FIELDS = ("colours", "localities", "diagnostic_features", "simulants", "pleochroism")
ENTRY_KEYS = {
    "name",
    "dataset_class",
    "aliases",
    "database",
    "database_role",
    "species",
    "variety",
    "description",
    "override",
    "notes",
    *DATABASE_FIELDS,
}
# Words that name a database entry but mean something else in free text ("it scratches glass").
AMBIGUOUS_WORDS = {"glass", "paste", "bone", "jet"}


class KnowledgeError(GemlangError, ValueError):
    """entries.json contradicts itself or the database; the message names the entry and the fix."""


class UnknownGemError(GemlangError, KeyError):
    """A gem name gemlang does not know; the message suggests close names."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def normalise_name(text: str) -> str:
    """Lower-case, accents and apostrophes dropped, punctuation to spaces: "Cat's-Eye" -> "cats eye"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’`]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _present(value: Any) -> bool:
    return value not in (None, "", (), [])


def _coerce(name: str, field: str, value: Any) -> Any:
    try:
        if field in RANGE_FIELDS:
            if isinstance(value, (int, float)):
                return (float(value), float(value))
            low, high = (float(v) for v in value)
            if low > high:
                raise ValueError(f"min {low} > max {high}")
            return (low, high)
        if field == "birefringence":
            return float(value)
        if field in LIST_FIELDS:
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise ValueError("expected a list of strings")
            return tuple(value)
        if not isinstance(value, str):
            raise ValueError("expected a string")
        return value
    except (TypeError, ValueError) as exc:
        raise KnowledgeError(f"{name}: bad value for {field!r} in entries.json: {value!r} ({exc})") from exc


def _merge(gems: list[DatabaseGem]) -> dict[str, Any]:
    """Facts of several database gems as one (Jade = jadeite + nephrite): ranges span both."""
    if len(gems) == 1:
        return dict(gems[0].facts)
    merged: dict[str, Any] = {}
    for field in DATABASE_FIELDS:
        present = [(g.name, g.facts[field]) for g in gems if _present(g.facts.get(field))]
        if not present:
            merged[field] = None
        elif field in RANGE_FIELDS:
            merged[field] = (min(v[0] for _, v in present), max(v[1] for _, v in present))
        elif field == "birefringence":
            merged[field] = max(v for _, v in present)
        elif field in LIST_FIELDS:
            merged[field] = tuple(dict.fromkeys(item for _, v in present for item in v))
        else:
            distinct = dict.fromkeys(v for _, v in present)
            merged[field] = (
                next(iter(distinct)) if len(distinct) == 1 else "; ".join(f"{v} ({n})" for n, v in present)
            )
    return merged


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def render_description(name: str, template: str, values: dict[str, Any]) -> str:
    def fill(match: re.Match[str]) -> str:
        field = match.group(1)
        if field not in DECIMALS:
            raise KnowledgeError(
                f"{name}: unknown placeholder {{{field}}} in description; use one of {sorted(DECIMALS)}"
            )
        if values.get(field) is None:
            raise KnowledgeError(f"{name}: description uses {{{field}}} but the entry has no {field}")
        return format_quantity(field, values[field])

    return " ".join(_PLACEHOLDER.sub(fill, template).split())


def _resolve_facts(
    name: str, entry: dict[str, Any], database: dict[str, Any], role: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """Pick each database field from the database or from entries.json, enforcing the module's rules."""
    overrides = entry.get("override", {})
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for field in overrides:
        if field not in DATABASE_FIELDS:
            raise KnowledgeError(f"{name}: 'override' names {field!r}, which is not a database field")
        if not _present(entry.get(field)):
            raise KnowledgeError(f"{name}: 'override' names {field!r} but the entry gives no {field}")
        if not _present(database.get(field)):
            raise KnowledgeError(
                f"{name}: 'override' of {field!r} is not needed: the database has no {field}"
            )
    for field in DATABASE_FIELDS:
        ours, theirs = entry.get(field), database.get(field)
        if _present(ours):
            variety_fact = role == "parent" and field in VARIETY_FIELDS
            if _present(theirs) and field not in overrides and not variety_fact:
                raise KnowledgeError(
                    f"{name}: entries.json gives {field}={ours!r} but gemmology-mineral-database already has "
                    f"{theirs!r}; delete it from entries.json or list {field!r} in 'override' with the reason"
                )
            values[field] = _coerce(name, field, ours)
            sources[field] = SOURCE_GEMLANG
        elif _present(theirs):
            values[field] = theirs
            sources[field] = SOURCE_DATABASE
    return values, sources


@dataclass
class _Draft:
    """A catalog entry before aliases are settled and it is frozen into GemFacts."""

    name: str
    values: dict[str, Any]
    sources: dict[str, str]
    aliases: list[str]
    auto_aliases: list[str]
    origin: str
    database_ids: tuple[str, ...]
    is_dataset_class: bool
    absorbs: str | None = None  # database gem this entry *is* (folded in, not listed separately)


def _class_draft(entry: dict[str, Any], gems: dict[str, DatabaseGem]) -> _Draft:
    name = entry.get("name")
    if not name:
        raise KnowledgeError(f"entries.json: a class entry has no name: {entry}")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise KnowledgeError(f"{name}: unknown keys in entries.json: {sorted(unknown)}")
    ids = entry.get("database") or []
    ids = [ids] if isinstance(ids, str) else list(ids)
    missing = [i for i in ids if i not in gems]
    if missing:
        raise KnowledgeError(f"{name}: gemmology-mineral-database has no gem {missing}; see database_gems()")
    role = entry.get("database_role", "same")
    if role not in ("same", "parent") or (role == "same" and len(ids) > 1):
        raise KnowledgeError(f"{name}: database_role must be 'same' (one database gem) or 'parent'")
    database = _merge([gems[i] for i in ids]) if ids else {}
    values, sources = _resolve_facts(name, entry, database, role)
    for field in ("species", "variety"):
        if entry.get(field):
            values[field] = entry[field]
            sources[field] = SOURCE_GEMLANG
    if not entry.get("species") or not entry.get("description"):
        raise KnowledgeError(f"{name}: every class entry needs a species and a description")
    values["description"] = render_description(name, entry["description"], values)
    sources["description"] = SOURCE_GEMLANG
    auto = [gems[ids[0]].name, ids[0].replace("-", " ")] if ids and role == "same" else []
    return _Draft(
        name=name,
        values=values,
        sources=sources,
        aliases=list(entry.get("aliases", [])),
        auto_aliases=auto,
        origin=gems[ids[0]].origin if ids and role == "same" else "natural",
        database_ids=tuple(ids),
        is_dataset_class=bool(entry.get("dataset_class", True)),
        absorbs=ids[0] if ids and role == "same" else None,
    )


def _short(place: str) -> str:
    return place.split(" (")[0].strip()


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _imitated(gem: DatabaseGem, counterpart: str) -> str:
    """What a simulant imitates: its database link, else the '(Turquoise Simulant)' in its name."""
    if counterpart:
        return counterpart
    match = re.search(r"\(([^()]*?)\s+simulant\)", gem.name, flags=re.IGNORECASE)
    return match.group(1).lower() if match else ""


_METHOD_NAMES = {
    "cvd": "CVD",
    "hpht": "HPHT",
    "czochralski": "Czochralski",
    "flame fusion": "flame-fusion (Verneuil)",
}


def _method(gem: DatabaseGem) -> str:
    method = gem.growth_method.split(" (")[0].replace("_", " ").strip()
    return _METHOD_NAMES.get(method.lower(), method)


def _compose_description(gem: DatabaseGem, values: dict[str, Any], counterpart: str) -> str:
    """Two to four plain sentences from the database facts, for gems without a hand-written entry."""
    system = values.get("crystal_system", "")
    sentences = []
    if gem.origin == "synthetic":
        method = _method(gem)
        made = f", grown by the {method} method" if method else ""
        sentences.append(
            f"{gem.name} is a laboratory-grown {counterpart or 'gem'}{made}; "
            "it has essentially the chemistry and constants of the natural gem."
        )
    elif gem.origin in ("simulant", "composite"):
        kind = "an assembled (composite) stone" if gem.origin == "composite" else "a simulant"
        target = _imitated(gem, counterpart)
        purpose = f" used to imitate {target}" if target else " used as an imitation"
        sentences.append(f"{gem.name} is {kind}{purpose}, not the gem it resembles.")
    else:
        what = (
            "an amorphous gem material"
            if system == "amorphous"
            else f"{_article(system)} {system} gem material"
        )
        group = f" of the {gem.mineral_group}" if gem.mineral_group.lower().endswith("group") else ""
        chem = f" ({values['chemistry']})" if values.get("chemistry") else ""
        sentences.append(f"{gem.name} is {what}{group}{chem}.")
    numbers = [
        f"{label} {format_quantity(field, values[field])}"
        for label, field in (
            ("Mohs hardness", "hardness"),
            ("specific gravity", "specific_gravity"),
            ("refractive index", "refractive_index"),
            ("birefringence", "birefringence"),
        )
        if values.get(field)
    ]
    if numbers:
        opaque = (
            "; it is opaque, so no refractive index is read" if values.get("refractive_index") is None else ""
        )
        sentences.append(_join(numbers) + opaque + ".")
    features = list(values.get("diagnostic_features", ()))[:2]
    if features:
        sentences.append("Key features: " + "; ".join(features) + ".")
    localities = values.get("localities", ())
    everywhere = any(p.lower().startswith("worldwide") for p in localities)
    places = [
        p
        for p in dict.fromkeys(_short(p) for p in localities)
        if not p.lower().startswith(("worldwide", "any ")) and len(p.split()) <= 5
    ][:3]
    if places:
        lead = "Found worldwide; notable sources include" if everywhere else "Notable sources:"
        joined = "; ".join(places) if any("," in p for p in places) else _join(places)
        sentences.append(f"{lead} {joined}.")
    return " ".join(sentences)


def _fallback_features(gem: DatabaseGem) -> tuple[str, ...]:
    """Diagnostic features for a database gem without a diagnostic_features field, from its other facts."""
    if gem.diagnostic_synthetic_features:
        return split_features(gem.diagnostic_synthetic_features.replace(", ", "; "))
    features = []
    pleo = gem.facts.get("pleochroism", "")
    if pleo and not pleo.lower().startswith("none"):
        features.append(f"Pleochroism: {pleo}")
    if gem.phenomenon:
        features.append(f"Phenomenon: {gem.phenomenon}")
    if gem.inclusions:
        features.append("Typical inclusions: " + ", ".join(gem.inclusions[:4]))
    if gem.fluorescence:
        features.append(f"Fluorescence: {gem.fluorescence}")
    return tuple(features)


def _default_species(gem: DatabaseGem) -> str:
    """The gem's name as a species name: lower case, except acronyms and trade names (YAG, LuAG, CVD)."""
    base = gem.name.split(" (")[0].strip()
    keep_case = any(len(w) > 1 and any(c.isupper() for c in w[1:]) for w in base.split())
    return base if keep_case else base.lower()


def _database_draft(
    gem: DatabaseGem, supplement: dict[str, Any], species_of: dict[str, str], names: dict[str, str]
) -> _Draft:
    unknown = set(supplement) - ENTRY_KEYS
    if unknown:
        raise KnowledgeError(f"{gem.id}: unknown keys in entries.json database_gems: {sorted(unknown)}")
    database = dict(gem.facts)
    if not database.get("diagnostic_features"):
        database["diagnostic_features"] = _fallback_features(gem)
    values, sources = _resolve_facts(gem.name, supplement, database, "same")
    counterpart_id = gem.natural_counterpart_id or next(iter(gem.target_minerals), None)
    counterpart = (
        names.get(counterpart_id, counterpart_id.replace("-", " ")).lower() if counterpart_id else ""
    )
    if supplement.get("species"):
        values["species"], sources["species"] = supplement["species"], SOURCE_GEMLANG
    elif gem.origin == "synthetic" and counterpart_id in species_of:
        values["species"], sources["species"] = species_of[counterpart_id], SOURCE_DATABASE
    else:
        values["species"], sources["species"] = _default_species(gem), SOURCE_DATABASE
    if supplement.get("variety"):
        values["variety"], sources["variety"] = supplement["variety"], SOURCE_GEMLANG
    elif gem.origin == "synthetic" and counterpart:
        method = _method(gem)
        values["variety"] = f"synthetic {counterpart}" + (f" ({method})" if method else "")
        sources["variety"] = SOURCE_DATABASE
    if supplement.get("description"):
        values["description"] = render_description(gem.name, supplement["description"], values)
    else:
        values["description"] = _compose_description(gem, values, counterpart)
    sources["description"] = SOURCE_GEMLANG
    auto = [gem.id.replace("-", " ")]
    base = gem.name.split(" (")[0].strip()
    if base != gem.name and "simulant" not in gem.name.lower():
        auto.append(base)
    return _Draft(
        name=supplement.get("name", gem.name),
        values=values,
        sources=sources,
        aliases=list(supplement.get("aliases", [])),
        auto_aliases=auto,
        origin=gem.origin,
        database_ids=(gem.id,),
        is_dataset_class=False,
    )


@lru_cache(maxsize=1)
def load_entries() -> dict[str, Any]:
    with open(ENTRIES_PATH, encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class Catalog:
    gems: tuple[GemFacts, ...]
    index: dict[str, GemFacts]  # normalised name or alias -> gem
    phrases: tuple[tuple[re.Pattern[str], GemFacts], ...]  # longest first, for free text


def _freeze(draft: _Draft, aliases: list[str]) -> GemFacts:
    v = draft.values
    return GemFacts(
        name=draft.name,
        aliases=tuple(aliases),
        species=v.get("species", ""),
        variety=v.get("variety", ""),
        chemistry=v.get("chemistry", ""),
        crystal_system=v.get("crystal_system", ""),
        hardness=v.get("hardness"),
        specific_gravity=v.get("specific_gravity"),
        refractive_index=v.get("refractive_index"),
        birefringence=v.get("birefringence"),
        lustre=v.get("lustre", ""),
        colours=tuple(v.get("colours", ())),
        diagnostic_features=tuple(v.get("diagnostic_features", ())),
        localities=tuple(v.get("localities", ())),
        simulants=tuple(v.get("simulants", ())),
        description=v.get("description", ""),
        sources={k: s for k, s in draft.sources.items() if _present(v.get(k))},
        optical_character=v.get("optical_character", ""),
        dispersion=v.get("dispersion"),
        cleavage=v.get("cleavage", ""),
        pleochroism=v.get("pleochroism", ""),
        origin=draft.origin,
        database_ids=draft.database_ids,
        is_dataset_class=draft.is_dataset_class,
    )


def _phrase_pattern(key: str) -> re.Pattern[str]:
    plural = r"(?:s|es)?" if not key.endswith("y") else ""
    body = re.escape(key) + plural
    if key.endswith("y"):
        body = f"(?:{re.escape(key)}|{re.escape(key[:-1])}ies)"
    return re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])")


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The whole catalog, built once per process from the database and entries.json."""
    gems = database_gems()
    entries = load_entries()
    drafts = [_class_draft(e, gems) for e in entries["classes"]]
    absorbed = {d.absorbs: d for d in drafts if d.absorbs}
    supplements = entries.get("database_gems", {})
    stray = set(supplements) - set(gems)
    if stray:
        raise KnowledgeError(f"entries.json database_gems names gems the database lacks: {sorted(stray)}")
    shadowed = set(supplements) & set(absorbed)
    if shadowed:
        raise KnowledgeError(f"entries.json database_gems {sorted(shadowed)} are already class entries")

    names = {gid: g.name for gid, g in gems.items()}
    species_of = {gid: d.values["species"] for gid, d in absorbed.items()}
    remaining = sorted(
        (g for gid, g in gems.items() if gid not in absorbed), key=lambda g: g.origin != "natural"
    )
    for gem in remaining:  # naturals first, so synthetics can borrow their counterpart's species
        draft = _database_draft(gem, supplements.get(gem.id, {}), species_of, names)
        species_of.setdefault(gem.id, draft.values["species"])
        drafts.append(draft)

    # Explicit names and aliases must be unique; automatic ones (database names and ids) yield.
    owner: dict[str, str] = {}
    for d in drafts:
        for alias in [d.name, *d.aliases]:
            key = normalise_name(alias)
            if owner.get(key, d.name) != d.name:
                raise KnowledgeError(f"name/alias {alias!r} is claimed by both {owner[key]!r} and {d.name!r}")
            owner[key] = d.name
    frozen = []
    for d in drafts:
        aliases = list(dict.fromkeys(d.aliases))
        for alias in d.auto_aliases:
            key = normalise_name(alias)
            if owner.setdefault(key, d.name) == d.name and key != normalise_name(d.name):
                if all(normalise_name(a) != key for a in aliases):
                    aliases.append(alias)
        frozen.append(_freeze(d, aliases))

    by_name = {g.name: g for g in frozen}
    if len(by_name) != len(frozen):
        raise KnowledgeError("two catalog entries share a name")
    index = {key: by_name[name] for key, name in owner.items()}
    ranked = sorted(
        (k for k in index if k not in AMBIGUOUS_WORDS),
        key=lambda k: (-len(k), not index[k].is_dataset_class, k),
    )
    phrases = tuple((_phrase_pattern(k), index[k]) for k in ranked)
    ordered = sorted(frozen, key=lambda g: (not g.is_dataset_class, g.name.lower()))
    return Catalog(gems=tuple(ordered), index=index, phrases=phrases)


def get_facts(name: str) -> GemFacts:
    """The entry for a class name, gem name or alias (case-, accent- and punctuation-insensitive)."""
    cat = catalog()
    key = normalise_name(name)
    if key in cat.index:
        return cat.index[key]
    close = difflib.get_close_matches(key, list(cat.index), n=5, cutoff=0.6)
    suggestions = list(dict.fromkeys(cat.index[k].name for k in close))[:3]
    hint = f" Did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    raise UnknownGemError(f"Unknown gem {name!r}.{hint} all_gems() lists every gem gemlang knows.")


def all_gems() -> list[GemFacts]:
    """Every entry: the 87 photo classes first, then the database's other gems; one per name."""
    return list(catalog().gems)


def class_names() -> list[str]:
    """The photo-class names (folder names of the shared gemstone data) that have entries."""
    return [g.name for g in catalog().gems if g.is_dataset_class]


def find_gem(text: str) -> GemFacts | None:
    """The gem a piece of free text most likely names ("I think it's a tiger's eye"), or None.

    Exact name first, then the longest name or alias occurring as whole words (plurals allowed), then a
    close spelling (difflib) of the whole text or of any one-to-three-word stretch of it.
    """
    cat = catalog()
    key = normalise_name(text)
    if not key:
        return None
    if key in cat.index:
        return cat.index[key]
    for pattern, gem in cat.phrases:
        if pattern.search(key):
            return gem
    keys = [k for k in cat.index if k not in AMBIGUOUS_WORDS]
    words = key.split()
    candidates = [key] + [" ".join(words[i : i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1)]
    best: tuple[float, str] | None = None
    for candidate in dict.fromkeys(candidates):
        if len(candidate) < 4:
            continue
        for match in difflib.get_close_matches(candidate, keys, n=1, cutoff=0.8):
            ratio = difflib.SequenceMatcher(None, candidate, match).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, match)
    return cat.index[best[1]] if best else None
