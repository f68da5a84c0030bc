"""Build gemlang's knowledge base: gemmology-mineral-database plus gemlang's reviewed files beside this one.

- `entries.json`: one entry per photo class, plus species/variety/gap fills for other database gems;
- `reviewed_overrides.json`: the database facts gemlang corrects, each with the reason and the reference
  it was checked against (Malachite's birefringence, Pearl's optic character, ...), and facts of an added
  gem (entries.json's `added_gems`) a later reference corrects or extends;
- `sourced_facts.json`: facts in words (composition, colour cause, formation, name origin, history, phenomena,
  uses, and the absorption spectrum a spectroscope shows), each with the reference it comes from, and how a
  gem's treatments are detected (`treatment_signs`: the bench signs, then what needs a laboratory, or that a
  treatment usually cannot be detected, even by a laboratory, and is assumed);
- `trade_names.json`: trade names and misnomers ("smoky topaz") and the gem they really mean.

Rules, so each fact has exactly one origin:
- A photo class in entries.json names the database gem(s) behind it (`database`). With
  `database_role: "same"` the database row *is* this gem (Ruby -> ruby) and is folded into the class
  entry; with `"parent"` the row is the species the class is a variety or rock of (Carnelian ->
  chalcedony, Jade -> jadeite + nephrite), which stays an entry of its own.
- The database wins. entries.json may state a fact the database also has only for a "parent" row, when
  the fact describes the variety rather than the species (colours, localities, diagnostic features,
  simulants, pleochroism). To correct the database, add a reviewed override with its source. Anything
  else is an error, so a stale duplicate can never silently shadow the database.
- Descriptions are templates: {hardness}, {specific_gravity}, {refractive_index}, {birefringence} and
  {dispersion} are filled through `format_quantity`, so prose and property tables print the same numbers.
- Database gems no class absorbs (Quartz, Demantoid, Moissanite, ...) become entries too, with
  species/variety/gap fills from entries.json's `database_gems`. Their description is left empty unless
  a reviewer wrote one: prose composed from facts is written by `gemlang.language.gem_prose`.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gemlang.errors import GemlangError
from gemlang.knowledge.database import DatabaseGem, database_gems, split_features
from gemlang.knowledge.facts import (
    ASKED_SOURCED_FIELDS,
    DECIMALS,
    FACT_FIELDS,
    MAGNET_RESPONSES,
    MET,
    SOURCE_DATABASE,
    SOURCE_GEMLANG,
    SOURCED_FIELDS,
    GemFacts,
    Kind,
    TreatmentSigns,
    format_quantity,
)
from gemlang.patterns import compiled

ENTRIES_PATH = Path(__file__).with_name("entries.json")
REVIEWED_OVERRIDES_PATH = Path(__file__).with_name("reviewed_overrides.json")
SOURCED_FACTS_PATH = Path(__file__).with_name("sourced_facts.json")
TRADE_NAMES_PATH = Path(__file__).with_name("trade_names.json")

# The facts the database can supply: all but the naming, the prose and the facts in words.
DATABASE_FIELDS = tuple(
    f for f in FACT_FIELDS if f not in ("species", "variety", "description", *SOURCED_FIELDS, *ASKED_SOURCED_FIELDS)
)
RANGE_FIELDS = ("hardness", "specific_gravity", "refractive_index", "dispersion")
LIST_FIELDS = ("colours", "diagnostic_features", "localities", "simulants", "treatments")
# Facts that differ between a variety and its species, so a "parent" row never supplies them over ours.
VARIETY_FIELDS = (
    "colours",
    "localities",
    "diagnostic_features",
    "simulants",
    "pleochroism",
    "fluorescence",
    "treatments",
)
ENTRY_KEYS = {
    "name",
    "dataset_class",
    "aliases",
    "database",
    "database_role",
    "species",
    "variety",
    "description",
    "notes",
    "imitates",
    "kinds",
    "met",
    "citations",  # {field: the reference a fact entries.json states was checked against}
    *DATABASE_FIELDS,
}
# A gem the database lacks (plastic), written in entries.json's `added_gems` with the reference its facts come from.
KIND_OWN_FIELDS = {"birefringence", "optical_character"}  # a kind's own, where they differ from the material's
ADDED_KEYS = {"name", "aliases", "origin", "species", "variety", "imitates", "kinds", "met", "source", *DATABASE_FIELDS}
ORIGINS = ("natural", "synthetic", "simulant", "composite")
# Words that name a database entry but mean something else in free text ("it scratches glass").
AMBIGUOUS_WORDS = {"glass", "paste", "bone", "jet", "plastic"}
# English words a close spelling would take for a gem name, said of a stone in their own sense: a pearl's "orient"
# (its lustre) is no orpiment, a "pear" cut no pearl, "black as coal" no coral, a "pearly" lustre no pearl.
REAL_WORDS = {"orient", "pear", "pears", "coal", "pearly", "spine", "bronze", "originate"}
JOINING_WORDS = {"or", "and"}  # in no gem's name


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
        if field in ("birefringence", "least_birefringence"):
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
            merged[field] = next(iter(distinct)) if len(distinct) == 1 else "; ".join(f"{v} ({n})" for n, v in present)
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
        least = values.get("least_birefringence") if field == "birefringence" else None
        if least is not None and least < values[field]:  # as the property table gives it (scapolite 0.004–0.037)
            return format_quantity(field, (least, values[field]))
        return format_quantity(field, values[field])

    return " ".join(_PLACEHOLDER.sub(fill, template).split())


@dataclass(frozen=True)
class ReviewedOverride:
    """A database fact gemlang corrects: the value, why, and the reference the reviewer checked."""

    gem: str
    field: str
    value: Any
    reason: str
    source: str


@lru_cache(maxsize=1)
def reviewed_overrides() -> dict[str, dict[str, ReviewedOverride]]:
    """reviewed_overrides.json as {gem name: {field: override}}; an override without a source is an error."""
    with open(REVIEWED_OVERRIDES_PATH, encoding="utf-8") as f:
        data = json.load(f)
    out: dict[str, dict[str, ReviewedOverride]] = {}
    for item in data["overrides"]:
        missing = [k for k in ("gem", "field", "value", "reason", "source") if not _present(item.get(k))]
        if missing:
            raise KnowledgeError(f"reviewed_overrides.json: {item.get('gem')!r} lacks {missing}")
        if item["field"] not in DATABASE_FIELDS:
            raise KnowledgeError(f"reviewed_overrides.json: {item['gem']}: {item['field']!r} is not a database field")
        if item["field"] in out.get(item["gem"], {}):
            raise KnowledgeError(f"reviewed_overrides.json: {item['gem']} overrides {item['field']!r} twice")
        out.setdefault(item["gem"], {})[item["field"]] = ReviewedOverride(**item)
    return out


# Sourced fields written as whole sentences: one of these may hold several facts, each from its own source
# (a gem's discovery and a famous stone), printed one sentence after another. The others are phrases.
SENTENCE_FIELDS = ("formation", "name_origin", "history", "phenomena", "uses", "absorption_spectrum")
TEXT_FIELDS = (*SOURCED_FIELDS, *ASKED_SOURCED_FIELDS)
TREATMENT_SIGNS = "treatment_signs"  # a list of treatments, each with its signs: read by `treatment_signs()`


@lru_cache(maxsize=1)
def sourced_facts() -> dict[str, dict[str, tuple[str, str]]]:
    """sourced_facts.json as {gem name: {field: (text, citation)}}; every fact names a listed source.

    A sentence field may hold a list of facts: their texts are joined as consecutive sentences and their
    citations with '; ', in the order given."""
    with open(SOURCED_FACTS_PATH, encoding="utf-8") as f:
        data = json.load(f)
    references = data["sources"]
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for name, facts in data["gems"].items():
        for field, value in facts.items():
            if field == TREATMENT_SIGNS:
                continue
            if field not in TEXT_FIELDS:
                raise KnowledgeError(
                    f"sourced_facts.json: {name}: unknown field {field!r}; use one of {(*TEXT_FIELDS, TREATMENT_SIGNS)}"
                )
            several = isinstance(value, list)
            if several and (field not in SENTENCE_FIELDS or not value):
                raise KnowledgeError(
                    f"sourced_facts.json: {name}.{field}: only {SENTENCE_FIELDS} may list several facts"
                )
            texts, citations = _cited(f"{name}.{field}", value if several else [value], references)
            if field == "magnetism" and not texts[0].startswith(tuple(MAGNET_RESPONSES.values())):
                raise KnowledgeError(
                    f"sourced_facts.json: {name}.magnetism must open with one of {list(MAGNET_RESPONSES.values())}"
                )
            out.setdefault(name, {})[field] = (". ".join(texts), "; ".join(citations))
    return out


@lru_cache(maxsize=1)
def cited_facts(field: str) -> dict[str, tuple[str, str]]:
    """{fact text: (the first gem it is said of, its citation)} for each sourced fact of a field, one by one: what
    a reply quoting one of them names as its source."""
    with open(SOURCED_FACTS_PATH, encoding="utf-8") as f:
        data = json.load(f)
    out: dict[str, tuple[str, str]] = {}
    for name, facts in data["gems"].items():
        value = facts.get(field)
        if value:
            texts, citations = _cited(f"{name}.{field}", value if isinstance(value, list) else [value], data["sources"])
            for text, citation in zip(texts, citations, strict=True):
                out.setdefault(text, (name, citation))
    return out


def _cited(where: str, facts: list[dict[str, str]], references: dict[str, dict[str, str]]) -> tuple[list, list]:
    """The texts of a list of {text, source} facts and their citations ('title <url>'); a fact without a text
    or a listed source is refused."""
    texts, citations = [], []
    for fact in facts:
        if not isinstance(fact, dict) or fact.get("source") not in references or not fact.get("text", "").strip():
            raise KnowledgeError(f"sourced_facts.json: {where} needs a text and a source listed under 'sources'")
        ref = references[fact["source"]]
        texts.append(fact["text"].strip().rstrip("."))
        citations.append(f"{ref['title']} <{ref['url']}>")
    return texts, citations


@lru_cache(maxsize=1)
def treatment_signs() -> dict[str, tuple[TreatmentSigns, ...]]:
    """sourced_facts.json's `treatment_signs` as {gem name: its treatments' signs}; each treatment needs a name,
    the words it is asked by, and bench signs or, for a treatment that usually cannot be detected even by a
    laboratory (`undetectable`: the facts that say so and why), those facts; every sign, laboratory test and
    undetectable fact names a listed source, or the file is refused."""
    with open(SOURCED_FACTS_PATH, encoding="utf-8") as f:
        data = json.load(f)
    out: dict[str, tuple[TreatmentSigns, ...]] = {}
    for name, facts in data["gems"].items():
        signs = []
        for item in facts.get(TREATMENT_SIGNS, []):
            where = f"{name}.{TREATMENT_SIGNS}.{item.get('treatment')}"
            if not (item.get("treatment") and item.get("said_as") and (item.get("bench") or item.get("undetectable"))):
                raise KnowledgeError(
                    f"sourced_facts.json: {where} needs a treatment, said_as, and bench signs or undetectable facts"
                )
            undetectable, hidden_cited = _cited(where, item.get("undetectable", []), data["sources"])
            bench, cited = _cited(where, item.get("bench", []), data["sources"])
            laboratory, lab_cited = _cited(where, item.get("laboratory", []), data["sources"])
            citation = "; ".join(dict.fromkeys(hidden_cited + cited + lab_cited))
            said_as = tuple(item["said_as"])
            signs.append(
                TreatmentSigns(
                    item["treatment"], said_as, tuple(bench), tuple(laboratory), citation, tuple(undetectable)
                )
            )
        if signs:
            out[name] = tuple(signs)
    return out


def _resolve_facts(
    name: str,
    entry: dict[str, Any],
    database: dict[str, Any],
    role: str,
    reviewed: dict[str, ReviewedOverride] | None = None,
) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """Pick each database field from the database, a reviewed override or entries.json, by the module's rules.

    Returns (values, sources, citations); citations name the reference behind each reviewed override.
    """
    reviewed = reviewed or {}
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    citations: dict[str, str] = {}
    for field in reviewed:
        if not _present(database.get(field)):
            raise KnowledgeError(
                f"{name}: reviewed override of {field!r} is not needed: the database has no {field}; "
                "give it in entries.json instead"
            )
        if _present(entry.get(field)):
            raise KnowledgeError(f"{name}: {field!r} is both in entries.json and in reviewed_overrides.json")
    for field in DATABASE_FIELDS:
        ours, theirs = entry.get(field), database.get(field)
        if field in reviewed:
            values[field] = _coerce(name, field, reviewed[field].value)
            sources[field] = SOURCE_GEMLANG
            citations[field] = reviewed[field].source
        elif _present(ours):
            variety_fact = role == "parent" and field in VARIETY_FIELDS
            if _present(theirs) and not variety_fact:
                raise KnowledgeError(
                    f"{name}: entries.json gives {field}={ours!r} but gemmology-mineral-database already has "
                    f"{theirs!r}; delete it from entries.json, or correct the database in "
                    "reviewed_overrides.json with the reason and the source you checked"
                )
            values[field] = _coerce(name, field, ours)
            sources[field] = SOURCE_GEMLANG
        elif _present(theirs):
            values[field] = as_written(theirs)
            sources[field] = SOURCE_DATABASE
    return values, sources, citations


_REWRITES = (
    (re.compile(r"\b([Cc])olor(?!ado)"), r"\1olour"),  # not the state of Colorado
    (re.compile(r"\b([Gg])ray"), r"\1rey"),
    # the database's shorthand, as a reader of a description needs it
    (re.compile(r"\bLWUV\b"), "long-wave UV"),
    (re.compile(r"\bSWUV\b"), "short-wave UV"),
    (re.compile(r"\bH (?=\d)"), "hardness "),
    (re.compile(r"\bzachery\b"), "Zachery"),
    (re.compile(r"(?<=\w) - (?=\w)"), ": "),  # "black opal - most valuable"
)


def as_written(value: Any) -> Any:
    """The database's American spellings ("colorless", "gray") and shorthand ("LWUV", "H 2.5-5") as gemlang writes
    them, in text and lists."""
    if isinstance(value, str):
        for pattern, replacement in _REWRITES:
            value = pattern.sub(replacement, value)
        return value
    if isinstance(value, list | tuple):
        return type(value)(as_written(v) for v in value)
    return value


@dataclass
class _Draft:
    """A knowledge-base entry before aliases are settled and it is frozen into GemFacts."""

    name: str
    values: dict[str, Any]
    sources: dict[str, str]
    aliases: list[str]
    auto_aliases: list[str]
    origin: str
    database_ids: tuple[str, ...]
    is_dataset_class: bool
    absorbs: str | None = None  # database gem this entry *is* (folded in, not listed separately)
    citations: dict[str, str] = dataclass_field(default_factory=dict)
    metadata: dict[str, Any] = dataclass_field(default_factory=dict)  # group, imitates, growth_method, kinds, met


def _class_draft(
    entry: dict[str, Any], gems: dict[str, DatabaseGem], reviewed: dict[str, ReviewedOverride] | None = None
) -> _Draft:
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
    values, sources, citations = _resolve_facts(name, entry, database, role, reviewed)
    stray = set(entry.get("citations", {})) - {f for f in DATABASE_FIELDS if _present(entry.get(f))}
    if stray:
        raise KnowledgeError(f"{name}: entries.json cites facts it does not state: {sorted(stray)}")
    citations |= entry.get("citations", {})
    for name_field in ("species", "variety"):
        if entry.get(name_field):
            values[name_field] = entry[name_field]
            sources[name_field] = SOURCE_GEMLANG
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
        citations=citations,
        metadata={
            **_how_met(name, entry),
            **(
                {
                    "group": gems[ids[0]].mineral_group,
                    "variety_of": gems[ids[0]].name if role == "parent" and len(ids) == 1 else "",
                }
                if ids
                else {}
            ),
        },
    )


def _how_met(name: str, entry: dict[str, Any]) -> dict[str, Any]:
    """An entry's `kinds` (each with its ranges and the reference they come from) and `met`, checked."""
    out: dict[str, Any] = {}
    if entry.get("met"):
        if entry["met"] not in MET:
            raise KnowledgeError(f"{name}: met must be one of {list(MET)}, not {entry['met']!r}")
        out["met"] = entry["met"]
    kinds = []
    required, optional = {"name", "refractive_index", "specific_gravity", "source"}, KIND_OWN_FIELDS
    for kind in entry.get("kinds", []):
        if not required <= set(kind) <= required | optional or not kind["source"]:
            raise KnowledgeError(
                f"{name}: each kind needs a name, refractive_index, specific_gravity and source, and may give "
                f"{' and '.join(sorted(optional))}"
            )
        ranges = [_coerce(name, f, kind[f]) for f in ("refractive_index", "specific_gravity")]
        # a kind's birefringence is a range (of its stones' maxima), checked as one
        checked_as = {"birefringence": "refractive_index"}
        own = {f: _coerce(name, checked_as.get(f, f), kind[f]) for f in optional & set(kind)}
        kinds.append(Kind(kind["name"], *ranges, source=kind["source"], **own))
    if kinds:
        out["kinds"] = tuple(kinds)
    return out


_METHOD_NAMES = {
    "cvd": "CVD",
    "hpht": "HPHT",
    "czochralski": "Czochralski",
    "flame fusion": "flame-fusion (Verneuil)",
}


def growth_method(gem: DatabaseGem) -> str:
    """The database's growth method as a reader writes it: 'flame_fusion (Verneuil)' -> 'flame-fusion (Verneuil)'."""
    method = gem.growth_method.split(" (")[0].replace("_", " ").strip()
    return _METHOD_NAMES.get(method.lower(), method)


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
    if fluorescence := gem.facts.get("fluorescence"):
        features.append(f"Fluorescence: {fluorescence}")
    return tuple(features)


def _default_species(gem: DatabaseGem) -> str:
    """The gem's name as a species name: lower case, except acronyms and trade names (YAG, LuAG, CVD)."""
    base = gem.name.split(" (")[0].strip()
    keep_case = any(len(w) > 1 and any(c.isupper() for c in w[1:]) for w in base.split())
    return base if keep_case else base.lower()


def _imitated(gem: DatabaseGem, counterpart: str) -> str:
    """What a simulant imitates: its database link, else the '(Turquoise Simulant)' in its name."""
    if counterpart:
        return counterpart
    match = re.search(r"\(([^()]*?)\s+simulant\)", gem.name, flags=re.IGNORECASE)
    return match.group(1).lower() if match else ""


def _database_draft(
    gem: DatabaseGem,
    supplement: dict[str, Any],
    species_of: dict[str, str],
    names: dict[str, str],
    reviewed: dict[str, ReviewedOverride] | None = None,
) -> _Draft:
    unknown = set(supplement) - ENTRY_KEYS
    if unknown:
        raise KnowledgeError(f"{gem.id}: unknown keys in entries.json database_gems: {sorted(unknown)}")
    database = dict(gem.facts)
    if not database.get("diagnostic_features"):
        database["diagnostic_features"] = _fallback_features(gem)
    values, sources, citations = _resolve_facts(gem.name, supplement, database, "same", reviewed)
    citations |= supplement.get("citations", {})
    counterpart_id = gem.natural_counterpart_id or next(iter(gem.target_minerals), None)
    counterpart = names.get(counterpart_id, counterpart_id.replace("-", " ")).lower() if counterpart_id else ""
    if supplement.get("species"):
        values["species"], sources["species"] = supplement["species"], SOURCE_GEMLANG
    elif gem.origin == "synthetic" and counterpart_id in species_of:
        values["species"], sources["species"] = species_of[counterpart_id], SOURCE_DATABASE
    else:
        values["species"], sources["species"] = _default_species(gem), SOURCE_DATABASE
    if supplement.get("variety"):
        values["variety"], sources["variety"] = supplement["variety"], SOURCE_GEMLANG
    elif gem.origin == "synthetic" and counterpart:
        method = growth_method(gem)
        values["variety"] = f"synthetic {counterpart}" + (f" ({method})" if method else "")
        sources["variety"] = SOURCE_DATABASE
    if supplement.get("description"):
        values["description"] = render_description(gem.name, supplement["description"], values)
        sources["description"] = SOURCE_GEMLANG
    auto = [gem.id.replace("-", " ")]
    base = gem.name.split(" (")[0].strip()
    if base != gem.name and "simulant" not in gem.name.lower():
        auto.append(base)
    if base.lower().startswith("dyed "):  # "turquoise or howlite?": the dyed imitation, by its mineral's name
        auto.append(base[len("dyed ") :])
    # "Verneuil ruby", "flame-fusion ruby": a lab-grown gem by how it was grown, when its name does not say so
    methods = re.findall(r"[a-z]+(?:-[a-z]+)?", growth_method(gem), re.I) if gem.origin == "synthetic" else []
    if counterpart and len(methods) <= 2 and not any(m.lower() in gem.name.lower() for m in methods[:1]):
        auto += [f"{m} {counterpart}" for m in methods]
    return _Draft(
        name=supplement.get("name", gem.name),
        values=values,
        sources=sources,
        aliases=list(supplement.get("aliases", [])),
        auto_aliases=auto,
        origin=gem.origin,
        database_ids=(gem.id,),
        is_dataset_class=False,
        citations=citations,
        metadata={
            **_how_met(gem.name, supplement),
            "group": gem.mineral_group,
            "imitates": (supplement.get("imitates") or _imitated(gem, counterpart)) if gem.origin != "natural" else "",
            "growth_method": growth_method(gem),
        },
    )


def _added_draft(entry: dict[str, Any], reviewed: dict[str, ReviewedOverride] | None = None) -> _Draft:
    """An entry of `added_gems`: every fact from its one `source`, checked as the class entries' are, save
    the fields a reviewed override gives, from that override's own source."""
    name = entry.get("name", "")
    unknown = set(entry) - ADDED_KEYS
    if unknown:
        raise KnowledgeError(f"{name or entry}: unknown keys in entries.json added_gems: {sorted(unknown)}")
    if not (name and entry.get("species") and entry.get("source")) or entry.get("origin") not in ORIGINS:
        raise KnowledgeError(f"{name or entry}: an added gem needs a name, species, source and origin in {ORIGINS}")
    reviewed = reviewed or {}
    values = {f: _coerce(name, f, entry[f]) for f in DATABASE_FIELDS if _present(entry.get(f))}
    values |= {f: _coerce(name, f, o.value) for f, o in reviewed.items()}
    values |= {f: entry[f] for f in ("species", "variety") if entry.get(f)}
    citations = {f: reviewed[f].source if f in reviewed else entry["source"] for f in values}
    return _Draft(
        name=name,
        values=values,
        sources=dict.fromkeys(values, SOURCE_GEMLANG),
        aliases=list(entry.get("aliases", [])),
        auto_aliases=[],
        origin=entry["origin"],
        database_ids=(),
        is_dataset_class=False,
        citations=citations,
        metadata={
            **_how_met(name, entry),
            "imitates": entry.get("imitates", "") if entry["origin"] != "natural" else "",
        },
    )


@lru_cache(maxsize=1)
def load_entries() -> dict[str, Any]:
    with open(ENTRIES_PATH, encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class TradeName:
    """A trade name or misnomer ("smoky topaz"), the gem it really is, and what to tell the person."""

    phrase: str  # as written ("Herkimer diamond")
    gem: GemFacts
    note: str
    source: str
    named: GemFacts | None = None  # the gem its words name ("diamond" for "Herkimer diamond")
    also_genuine: bool = False  # also said of that gem itself (emerald is mined in Brazil too)


@dataclass(frozen=True)
class KnowledgeBase:
    gems: tuple[GemFacts, ...]
    index: dict[str, GemFacts]  # normalised name or alias -> gem
    phrases: tuple[tuple[re.Pattern[str], GemFacts], ...]  # longest first, for free text
    trade_names: tuple[tuple[re.Pattern[str], TradeName], ...] = ()  # checked before `phrases`


def _trade_names(
    index: dict[str, GemFacts], phrases: tuple[tuple[re.Pattern[str], GemFacts], ...]
) -> tuple[tuple[re.Pattern[str], TradeName], ...]:
    with open(TRADE_NAMES_PATH, encoding="utf-8") as f:
        items = json.load(f)["trade_names"]
    out = []
    for item in items:
        key = normalise_name(item["gem"])
        if key not in index or not item.get("source") or not item.get("note"):
            raise KnowledgeError(f"trade_names.json: {item.get('phrase')!r} needs a known gem, a note and a source")
        phrase = normalise_name(item["phrase"])
        # the gem its words name, if not itself ("balas ruby", an alias of spinel, names ruby)
        named = next((gem for pattern, gem in phrases if (m := pattern.search(phrase)) and m[0] != phrase), None)
        trade = TradeName(
            item["phrase"], index[key], item["note"], item["source"], named, item.get("also_genuine", False)
        )
        out.append((phrase, trade))
    out.sort(key=lambda pair: -len(pair[0]))
    return tuple((_phrase_pattern(phrase), trade) for phrase, trade in out)


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
        least_birefringence=v.get("least_birefringence"),
        lustre=v.get("lustre", ""),
        diaphaneity=v.get("diaphaneity", ""),
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
        fluorescence=v.get("fluorescence", ""),
        mineral_class=v.get("mineral_class", ""),
        fracture=v.get("fracture", ""),
        treatments=tuple(v.get("treatments", ())),
        origin=draft.origin,
        database_ids=draft.database_ids,
        is_dataset_class=draft.is_dataset_class,
        citations={k: c for k, c in draft.citations.items() if _present(v.get(k))},
        **{k: v.get(k, "") for k in TEXT_FIELDS},
        **draft.metadata,
    )


# the -ise/-ize of a verb's forms, spelt either way ("stabilised turquoise" names "stabilized turquoise"); not the
# "-oise" of "turquoise"
EITHER_SPELLING = re.compile(r"(?<=[a-z]{2}[^aeiou\W])i[sz](?=e\b|ed\b|es\b|ing\b|ation\b)")


def _phrase_pattern(key: str) -> re.Pattern[str]:
    plural = r"(?:s|es)?" if not key.endswith("y") else ""
    body = re.escape(key) + plural
    if key.endswith("y"):
        body = f"(?:{re.escape(key)}|{re.escape(key[:-1])}ies)"
    body = EITHER_SPELLING.sub("i[sz]", body)
    return re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])")


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The whole knowledge base, built once per process from the database and the reviewed files."""
    gems = database_gems()
    entries = load_entries()
    reviewed = reviewed_overrides()
    drafts = [_class_draft(e, gems, reviewed.get(e.get("name", ""))) for e in entries["classes"]]
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
    remaining = sorted((g for gid, g in gems.items() if gid not in absorbed), key=lambda g: g.origin != "natural")
    for gem in remaining:  # naturals first, so synthetics can borrow their counterpart's species
        supplement = supplements.get(gem.id, {})
        name = supplement.get("name", gem.name)
        draft = _database_draft(gem, supplement, species_of, names, reviewed.get(name))
        species_of.setdefault(gem.id, draft.values["species"])
        drafts.append(draft)

    drafts += [_added_draft(entry, reviewed.get(entry.get("name", ""))) for entry in entries.get("added_gems", [])]

    drafted = {d.name for d in drafts}
    for mapping, what in ((reviewed, "reviewed_overrides.json"), (sourced_facts(), "sourced_facts.json")):
        stray = set(mapping) - drafted
        if stray:
            raise KnowledgeError(f"{what} names gems the knowledge base does not have: {sorted(stray)}")
    for d in drafts:
        for fact_field, (text, citation) in sourced_facts().get(d.name, {}).items():
            d.values[fact_field], d.sources[fact_field] = text, SOURCE_GEMLANG
            d.citations[fact_field] = citation
        if d.name in treatment_signs():
            d.metadata["treatment_signs"] = treatment_signs()[d.name]

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
        raise KnowledgeError("two knowledge-base entries share a name")
    index = {key: by_name[name] for key, name in owner.items()}
    ranked = sorted(
        (k for k in index if k not in AMBIGUOUS_WORDS),
        key=lambda k: (-len(k), not index[k].is_dataset_class, k),
    )
    phrases = tuple((_phrase_pattern(k), index[k]) for k in ranked)
    ordered = sorted(frozen, key=lambda g: (not g.is_dataset_class, g.name.lower()))
    return KnowledgeBase(gems=tuple(ordered), index=index, phrases=phrases, trade_names=_trade_names(index, phrases))


def get_facts(name: str) -> GemFacts:
    """The entry for a class name, gem name or alias (case-, accent- and punctuation-insensitive)."""
    cat = knowledge_base()
    key = normalise_name(name)
    if key in cat.index:
        return cat.index[key]
    close = difflib.get_close_matches(key, list(cat.index), n=5, cutoff=0.6)
    suggestions = list(dict.fromkeys(cat.index[k].name for k in close))[:3]
    hint = f" Did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    known = len({g.name for g in cat.index.values()})
    raise UnknownGemError(f"Unknown gem {name!r}.{hint} gemlang knows the photo classes and the other gems of "
                          f"gemmology-mineral-database, {known} in all, by name or trade name.")  # fmt: skip


def all_gems() -> list[GemFacts]:
    """Every entry: the 87 photo classes first, then the database's other gems; one per name."""
    return list(knowledge_base().gems)


def class_names() -> list[str]:
    """The photo-class names (folder names of the shared gemstone data) that have entries."""
    return [g.name for g in knowledge_base().gems if g.is_dataset_class]


def trade_name_in(text: str) -> TradeName | None:
    """The trade name or misnomer a piece of free text uses ("smoky topaz"), with the real gem, or None."""
    key = normalise_name(text)
    for pattern, trade in knowledge_base().trade_names if key else ():
        if pattern.search(key):
            return trade
    return None


def gems_named_in(text: str) -> list[GemFacts]:
    """Every gem a piece of free text names, in the order named ("ruby or red spinel?" -> Ruby, Spinel).

    Trade names first, then names and aliases longest first; a stretch of text names one gem only, so "red
    spinel" is not also "spinel", and "smoky topaz" is smoky quartz, not topaz. A name never runs across a comma
    or semicolon: "amethyst, citrine or kunzite?" is three gems, not the alias "amethyst citrine" (ametrine).
    """
    cat = knowledge_base()
    key = " , ".join(filter(None, map(normalise_name, re.split(r"[,;]", text))))
    found: list[tuple[int, GemFacts]] = []
    taken = [False] * len(key)
    named = [(pattern, trade.gem) for pattern, trade in cat.trade_names] + list(cat.phrases)
    for pattern, gem in named if key else ():
        for m in pattern.finditer(key):
            if not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                found.append((m.start(), gem))
    return list({gem.name: gem for _, gem in sorted(found, key=lambda f: f[0])}.values())


def group_named_in(text: str) -> tuple[str, list[GemFacts]]:
    """A group of minerals a message names that no entry of its own describes ("feldspar"), with its natural gems
    (moonstone, labradorite, …); ('', []) when it names none, or names a gem, whose own entry answers ("garnet")."""
    groups = {g.group.lower().removesuffix(" group") for g in all_gems() if g.group.lower().endswith(" group")}
    word = next((w for w in sorted(groups) if compiled(rf"\b{re.escape(w)}s?\b", re.I).search(text or "")), None)
    if word is None or gems_named_in(text):
        return "", []
    return word, [g for g in all_gems() if g.origin == "natural" and g.group.lower() == f"{word} group"]


def find_gem(text: str) -> GemFacts | None:
    """The gem a piece of free text most likely names ("I think it's a tiger's eye"), or None.

    Exact name first, then a trade name or misnomer ("smoky topaz" is smoky quartz; `trade_name_in` says
    why), then the longest name or alias occurring as whole words (plurals allowed), then a close spelling
    (difflib) of the whole text or of any one-to-three-word stretch of it.
    """
    cat = knowledge_base()
    key = normalise_name(text)
    if not key:
        return None
    if key in cat.index:
        return cat.index[key]
    trade = trade_name_in(text)
    if trade is not None:
        return trade.gem
    for pattern, gem in cat.phrases:
        if pattern.search(key):
            return gem
    keys = [k for k in cat.index if k not in AMBIGUOUS_WORDS]
    words = key.split()
    # a one-word name typed as two ("moon stone", "blood stones")
    for joined in ("".join(words[i : i + 2]) for i in range(len(words) - 1)):
        if (name := joined if joined in keys else joined[:-1] if joined.endswith("s") else "") in keys:
            return cat.index[name]
    candidates = [key] + [" ".join(words[i : i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1)]
    # a stretch joined by "or" or "and" is two things, no misspelt name: "synthetic or natural" is no synthetic ruby
    candidates = [c for c in candidates if c not in REAL_WORDS and not JOINING_WORDS & set(c.split())]
    best: tuple[float, str] | None = None
    for candidate in dict.fromkeys(candidates):
        if len(candidate) < 4:
            continue
        # A misspelling is about as long as the name, and a stretch of several words is not one misspelt name:
        # 'I demand an answer' is no demantoid.
        # And a slip keeps the first letter and most of the rest: 'charoite' is another mineral, not a misspelt
        # 'achroite' or 'csarite'.
        alike = [
            k
            for k in keys
            if len(k.split()) >= len(candidate.split()) and abs(len(k) - len(candidate)) <= 2 and k[0] == candidate[0]
        ]
        for match in difflib.get_close_matches(candidate, alike, n=1, cutoff=0.84):
            # a word spelt as one gem's name has it ("zirconia" of cubic zirconia, "titanate" of strontium titanate)
            # is no slip for a name it nearly spells (zircon, titanite)
            match, ratio = _word_of_one_name(candidate, keys) or (
                match,
                difflib.SequenceMatcher(None, candidate, match).ratio(),
            )
            if best is None or ratio > best[0]:
                best = (ratio, match)
    if best:
        return cat.index[best[1]]
    slips = {k for candidate in candidates for k in keys if _vowel_slip(candidate, k) or _swapped(candidate, k)}
    return cat.index[slips.pop()] if len(slips) == 1 else None


def _word_of_one_name(words: str, keys: list[str]) -> tuple[str, float] | None:
    """The name or alias `words` is a whole word of, when all such names are one gem's ("zirconia": cubic
    zirconia), as a match that beats any close spelling; None otherwise."""
    cat = knowledge_base()
    holding = [k for k in keys if k != words and re.search(rf"\b{re.escape(words)}\b", k)]
    return (holding[0], 1.0) if holding and len({cat.index[k].name for k in holding}) == 1 else None


VOWELS = frozenset("aeiouy")


def _swapped(typed: str, name: str) -> bool:
    """'ambre' for 'amber': two neighbouring letters typed the other way round, in a word of five letters or more
    (difflib scores a short word's swap below its cutoff)."""
    if len(typed) != len(name) or len(name) < 5:
        return False
    differ = [i for i, (a, b) in enumerate(zip(typed, name, strict=True)) if a != b]
    if len(differ) != 2 or differ[1] != differ[0] + 1:
        return False
    i = differ[0]
    return typed[i : i + 2] == name[i + 1] + name[i]


def _vowel_slip(typed: str, name: str) -> bool:
    """'amythest' for 'amethyst': the same letters but for vowels swapped or mistaken, in a word of seven
    letters or more (difflib scores such a word below its cutoff; shorter words mistake real English words)."""
    return (
        len(typed) == len(name) >= 7
        and typed != name
        and all(a == b or (a in VOWELS and b in VOWELS) for a, b in zip(typed, name, strict=True))
    )
