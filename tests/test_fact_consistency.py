"""Every numeric fact of the 87 photo classes agrees with itself and with its species, and every reviewed
correction names the reference it was checked against."""

from __future__ import annotations

import json

import pytest

from gemlang.knowledge import UnknownGemError, class_names, get_facts
from gemlang.knowledge.knowledge_base import REVIEWED_OVERRIDES_PATH, reviewed_overrides, sourced_facts

# Reading precision of the instruments: the birefringence may exceed the span of the quoted RI range by
# rounding only; a variety may sit this far outside the database's (narrow, typical) species row.
BIREFRINGENCE_TOLERANCE = 0.005
SPECIES_TOLERANCE = {"refractive_index": 0.02, "specific_gravity": 0.1}
CLASSES = class_names()


def _is_range(value) -> bool:
    return value is not None and len(value) == 2 and value[0] <= value[1]


@pytest.mark.parametrize("name", CLASSES)
def test_hardness_lies_on_the_mohs_scale(name):
    gem = get_facts(name)
    assert _is_range(gem.hardness) and 1 <= gem.hardness[0] <= gem.hardness[1] <= 10, gem.hardness


@pytest.mark.parametrize("name", CLASSES)
def test_sg_and_ri_are_physical_ranges(name):
    gem = get_facts(name)
    assert _is_range(gem.specific_gravity) and 0.9 < gem.specific_gravity[0] and gem.specific_gravity[1] < 8
    if gem.refractive_index is not None:
        assert _is_range(gem.refractive_index) and 1.3 < gem.refractive_index[0] and gem.refractive_index[1] < 2.8


@pytest.mark.parametrize("name", CLASSES)
def test_birefringence_fits_inside_the_refractive_index_range(name):
    """Birefringence is the difference between the extreme indices, so it cannot exceed RI max − RI min;
    a singly refractive or aggregate gem states none."""
    gem = get_facts(name)
    optic = gem.optical_character.lower()
    if optic.startswith("isotropic") or optic.startswith("aggregate (no single"):
        assert not gem.birefringence, (name, gem.optical_character, gem.birefringence)
    if gem.birefringence and gem.refractive_index:
        span = gem.refractive_index[1] - gem.refractive_index[0]
        assert gem.birefringence <= span + BIREFRINGENCE_TOLERANCE, (name, gem.birefringence, gem.refractive_index)


def _species_entry(gem):
    try:
        species = get_facts(gem.species.split(" (")[0].strip())
    except UnknownGemError:
        return None
    return species if species.name != gem.name else None


@pytest.mark.parametrize("name", CLASSES)
def test_sg_and_ri_lie_inside_the_species_limits(name):
    """A variety's constants are those of its species, within the species' range (reviewed overrides, each
    with its source, are the documented exceptions: rocks such as jasper spread wider than their mineral)."""
    gem = get_facts(name)
    species = _species_entry(gem)
    if species is None:
        pytest.skip(f"{name}: its own database row is its species (no separate species entry)")
    for field, tolerance in SPECIES_TOLERANCE.items():
        ours, limits = getattr(gem, field), getattr(species, field)
        if ours is None or limits is None or field in gem.citations:
            continue
        assert limits[0] - tolerance <= ours[0] and ours[1] <= limits[1] + tolerance, (name, field, ours, limits)


def test_the_species_check_runs_on_most_classes():
    assert sum(_species_entry(get_facts(n)) is not None for n in CLASSES) >= 40


def test_every_reviewed_override_names_reason_and_source():
    overrides = json.loads(REVIEWED_OVERRIDES_PATH.read_text(encoding="utf-8"))["overrides"]
    assert len(overrides) >= 15
    for item in overrides:
        assert item["reason"].strip() and "<http" in item["source"], item
        gem = get_facts(item["gem"])
        assert gem.citations[item["field"]] == item["source"]


def test_the_audit_corrections_hold():
    assert get_facts("Malachite").birefringence == 0.254
    assert get_facts("Pearl").optical_character.startswith("Aggregate")
    red = get_facts("Garnet Red")
    assert red.refractive_index == (1.73, 1.83) and red.dispersion[1] < 0.03  # not andradite's 1.89 / 0.057
    assert get_facts("Sunstone").refractive_index[1] < get_facts("Oregon Sunstone").refractive_index[0]
    assert not get_facts("Sunstone").localities[0].startswith("Oregon")
    andesine = get_facts("Andesine")
    assert andesine.confirmed_localities() == ()
    assert all(andesine.locality_status(p) for p in andesine.localities)
    from gemlang.language.gem_prose import reference_description
    from gemlang.language.gem_text import localities

    assert localities(andesine) == [] and "Tibet" not in reference_description(andesine)
    assert "Oregon" not in localities(get_facts("Sunstone"), n=10)
    for name in ("Serpentine", "Coral"):
        assert "AGG" not in get_facts(name).optical_character


PURE_PYROPE_SG = 3.58  # Mg3Al2(SiO4)3, the lightest member of the pyrope–almandine series


def test_the_second_audit_corrections_hold():
    for name in ("Pyrope", "Garnet Red"):
        assert get_facts(name).specific_gravity[0] >= PURE_PYROPE_SG, name
    assert get_facts("Jade").optical_character.startswith("Aggregate")
    zircon = get_facts("Zircon")
    assert zircon.specific_gravity[0] < 4.0 and zircon.refractive_index[0] < 1.85  # low (metamict) zircon too
    assert get_facts("Morganite").specific_gravity[1] >= 2.85  # alkali-rich pink beryl is the heavy one
    assert "dumortierite" in get_facts("Quartz Rose").colour_cause
    assert "replaced" not in get_facts("Tigers Eye").composition  # intergrown, not a pseudomorph
    assert "chromium" in get_facts("Spodumene").colour_cause and "Cr" in get_facts("Sapphire Purple").chemistry
    assert not any("Kashmir)" in p for p in get_facts("Peridot").localities)
    assert get_facts("Topaz").refractive_index[1] >= 1.64  # hydroxyl-rich imperial topaz reads up to ~1.64
    assert not any("Oregon" in c for c in get_facts("Sunstone").colours)  # Oregon sunstone is its own gem
    # the third (30-fact) audit: East African 'sunstone' is potassium feldspar, not this oligoclase
    sunstone = get_facts("Sunstone")
    assert not any(p.startswith("Tanzania") for p in sunstone.confirmed_localities())
    assert any(p.startswith("Tanzania") and sunstone.locality_status(p) for p in sunstone.localities)
    assert get_facts("Ametrine").confirmed_localities() == (
        "Bolivia (Anahí mine, Santa Cruz Department; the only commercial source)",
    )


def test_a_reviewed_override_without_a_source_is_refused(tmp_path, monkeypatch):
    from gemlang.knowledge import KnowledgeError
    from gemlang.knowledge import knowledge_base as module

    bad = {"overrides": [{"gem": "Ruby", "field": "hardness", "value": [9, 9], "reason": "x", "source": ""}]}
    path = tmp_path / "reviewed_overrides.json"
    path.write_text(json.dumps(bad))
    monkeypatch.setattr(module, "REVIEWED_OVERRIDES_PATH", path)
    reviewed_overrides.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="source"):
            reviewed_overrides()
    finally:
        reviewed_overrides.cache_clear()


def test_every_sourced_fact_carries_its_citation():
    for name, facts in sourced_facts().items():
        gem = get_facts(name)
        for field, (text, citation) in facts.items():
            assert getattr(gem, field) == text and gem.citations[field] == citation and "<http" in citation


def _sourced(tmp_path, monkeypatch, gems: dict) -> dict:
    """sourced_facts() read from a file holding only `gems` (and two sources), restored afterwards."""
    from gemlang.knowledge import knowledge_base as module

    data = {
        "sources": {"a": {"title": "Book A", "url": "https://a.example"}, "b": {"title": "B", "url": "https://b.x"}},
        "gems": gems,
    }
    path = tmp_path / "sourced_facts.json"
    path.write_text(json.dumps(data))
    monkeypatch.setattr(module, "SOURCED_FACTS_PATH", path)
    sourced_facts.cache_clear()
    try:
        return sourced_facts()
    finally:
        sourced_facts.cache_clear()


def test_several_facts_of_a_sentence_field_print_as_consecutive_sentences_with_all_citations(tmp_path, monkeypatch):
    history = [{"text": "It was found in 1853", "source": "a"}, {"text": "Fabergé set it.", "source": "b"}]
    facts = _sourced(tmp_path, monkeypatch, {"Ruby": {"history": history}})
    text, citation = facts["Ruby"]["history"]
    assert text == "It was found in 1853. Fabergé set it"
    assert citation == "Book A <https://a.example>; B <https://b.x>"


@pytest.mark.parametrize(
    "gems",
    [
        {"Ruby": {"colour_cause": [{"text": "chromium", "source": "a"}]}},  # a phrase field holds one fact
        {"Ruby": {"history": []}},
        {"Ruby": {"history": [{"text": "Known since antiquity", "source": "nowhere"}]}},
        {"Ruby": {"history": [{"text": " ", "source": "a"}]}},
    ],
)
def test_a_list_in_a_phrase_field_an_empty_list_or_an_unsourced_fact_is_refused(tmp_path, monkeypatch, gems):
    from gemlang.knowledge import KnowledgeError

    with pytest.raises(KnowledgeError):
        _sourced(tmp_path, monkeypatch, gems)


def test_every_listed_source_is_cited_and_names_a_title_and_an_address():
    """No stale reference: a source nobody cites anymore is removed with its fact."""
    from gemlang.knowledge.knowledge_base import SOURCED_FACTS_PATH

    data = json.loads(SOURCED_FACTS_PATH.read_text(encoding="utf-8"))
    cited = {
        fact["source"]
        for facts in data["gems"].values()
        for field, value in facts.items()
        if field != "treatment_signs"
        for fact in (value if isinstance(value, list) else [value])
    }
    cited |= {
        fact["source"]
        for facts in data["gems"].values()
        for item in facts.get("treatment_signs", [])
        for fact in item.get("undetectable", []) + item.get("bench", []) + item.get("laboratory", [])
    }
    assert set(data["sources"]) == cited
    assert all(s["title"].strip() and s["url"].startswith("http") for s in data["sources"].values())


def _signs(tmp_path, monkeypatch, gems: dict) -> dict:
    """treatment_signs() read from a file holding only `gems` (and two sources), restored afterwards."""
    from gemlang.knowledge import knowledge_base as module

    data = {"sources": {"a": {"title": "Book A", "url": "https://a.example"}}, "gems": gems}
    path = tmp_path / "sourced_facts.json"
    path.write_text(json.dumps(data))
    monkeypatch.setattr(module, "SOURCED_FACTS_PATH", path)
    module.treatment_signs.cache_clear()
    try:
        return module.treatment_signs()
    finally:
        module.treatment_signs.cache_clear()


def test_a_treatments_signs_are_read_bench_first_with_every_citation(tmp_path, monkeypatch):
    item = {
        "treatment": "heat treatment",
        "said_as": ["heat"],
        "bench": [{"text": "Dissolved silk.", "source": "a"}],
        "laboratory": [{"text": "A laboratory confirms it", "source": "a"}],
    }
    (signs,) = _signs(tmp_path, monkeypatch, {"Corundum": {"treatment_signs": [item]}})["Corundum"]
    assert (signs.treatment, signs.said_as, signs.bench) == ("heat treatment", ("heat",), ("Dissolved silk",))
    assert signs.laboratory == ("A laboratory confirms it",) and signs.citation == "Book A <https://a.example>"


def test_a_treatment_no_laboratory_can_usually_detect_needs_no_bench_signs_but_its_facts_sourced(tmp_path, monkeypatch):
    item = {
        "treatment": "heating",
        "said_as": ["heat"],
        "undetectable": [{"text": "No test tells heated colour from natural.", "source": "a"}],
    }
    (signs,) = _signs(tmp_path, monkeypatch, {"Aquamarine": {"treatment_signs": [item]}})["Aquamarine"]
    assert signs.undetectable == ("No test tells heated colour from natural",) and signs.bench == ()
    assert signs.citation == "Book A <https://a.example>"


@pytest.mark.parametrize(
    "item",
    [
        {"treatment": "heating", "said_as": ["heat"], "undetectable": [{"text": "No test tells it"}]},  # unsourced
        {"treatment": "heating", "said_as": ["heat"], "undetectable": [{"text": "No test", "source": "nowhere"}]},
        {"treatment": "heating", "said_as": ["heat"], "undetectable": {"text": "No test tells it", "source": "a"}},
        {"treatment": "dyeing", "said_as": ["dye"], "bench": [{"text": "Colour in fissures", "source": "nowhere"}]},
        {"treatment": "dyeing", "said_as": ["dye"], "bench": []},  # a treatment with no sign to look for
        {"treatment": "dyeing", "bench": [{"text": "Colour in fissures", "source": "a"}]},  # asked by no words
        {
            "treatment": "dyeing",
            "said_as": ["dye"],
            "bench": [{"text": "Colour in fissures", "source": "a"}],
            "laboratory": [{"text": "A laboratory"}],
        },
    ],
)
def test_a_treatment_sign_without_a_source_words_or_signs_is_refused(tmp_path, monkeypatch, item):
    from gemlang.knowledge import KnowledgeError

    with pytest.raises(KnowledgeError):
        _signs(tmp_path, monkeypatch, {"Jadeite": {"treatment_signs": [item]}})


def test_the_treatment_signs_in_use_are_the_gems_and_cite_their_references():
    from gemlang.knowledge.knowledge_base import treatment_signs

    for name, signs in treatment_signs().items():
        assert get_facts(name).treatment_signs == signs
        assert all((s.bench or s.undetectable) and "<http" in s.citation for s in signs), name


def test_a_sourced_absorption_spectrum_is_the_spectrum_the_gem_shows_over_the_databases_notes():
    sapphire = get_facts("Sapphire")
    assert sapphire.spectrum == sapphire.absorption_spectrum and "450, 460 and 470 nm" in sapphire.spectrum
    assert "iron absorption bands" in sapphire.diagnostic_features  # the database's note, kept among its features
    assert get_facts("Zircon").spectrum.startswith("A diagnostic line at 653.5 nm")  # none sourced: its features
    # of a feature, the part about a spectrum, and no spectrum from what a spectroscope does not show
    assert get_facts("Rhodolite").spectrum == "Weak iron absorption bands" and get_facts("Nephrite").spectrum == ""


def test_jadeites_sourced_spectrum_replaces_the_437_nm_note_which_stays_among_its_features():
    jadeite = get_facts("Jadeite")
    assert jadeite.spectrum.startswith("A sharp iron band at 437 nm") and "691.5 nm" in jadeite.spectrum
    assert "absorption at 437nm" in jadeite.diagnostic_features  # what readings of '437 nm line' are matched against
    assert get_facts("Demantoid").spectrum.startswith("A strong band at 443 nm")  # a database gem, sourced too


def test_tourmalines_sg_and_colours_are_those_of_the_gem_references():
    tourmaline = get_facts("Tourmaline")
    assert tourmaline.specific_gravity == (3.0, 3.26)  # 3.06 +0.20/−0.06, not the database's 3.01–3.11
    assert {"Brown (Dravite)", "Black (Schorl)"} <= set(tourmaline.colours)
    assert get_facts("Lab-Grown Paraíba Tourmaline").specific_gravity == (3.05, 3.1)  # no reference covers it


def test_the_readmes_counts_of_sourced_facts_are_those_of_the_knowledge_base():
    from pathlib import Path

    from gemlang.knowledge.knowledge_base import SOURCED_FACTS_PATH, treatment_signs

    data = json.loads(SOURCED_FACTS_PATH.read_text(encoding="utf-8"))
    facts, pages, several = 0, set(), 0
    for gem in class_names():
        for field, value in data["gems"].get(gem, {}).items():
            if field != "treatment_signs":
                said = value if isinstance(value, list) else [value]
                facts, pages = facts + len(said), pages | {f["source"] for f in said}
                several += len(said) > 1  # a sentence topic holding several facts, each with its own source
    signs = treatment_signs()
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert f"{facts} facts of the classes from {len(pages)} named pages" in readme
    assert f"({several} do: the Cullinan" in readme
    assert f"say how {sum(map(len, signs.values()))} treatments of {len(signs)} gems are" in readme
