"""Prose from facts: the chemistry read out in words, other names, treatments, and that every class's
description says what it is, with nothing the knowledge base does not hold."""

from __future__ import annotations

import dataclasses
import re

import pytest

from gemlang.knowledge import GemFacts, class_names, get_facts
from gemlang.knowledge.facts import SOURCE_DATABASE, SOURCED_FIELDS
from gemlang.language.describe import describe_prediction
from gemlang.language.gem_prose import (
    chemical_name,
    crystal_structure,
    mineral_group,
    treatment_sentence,
)
from gemlang.language.gem_text import common_name, in_prose, other_names, variety_phrase


def _gem(**facts) -> GemFacts:
    return GemFacts(name="Test stone", **facts)


@pytest.mark.parametrize(
    ("chemistry", "mineral_class", "words"),
    [
        ("Al2O3:Cr", "Oxides", "an aluminium oxide"),
        ("Be3Al2(SiO3)6:Cr", "Cyclosilicates", "a beryllium aluminium cyclosilicate"),
        ("CuAl6(PO4)4(OH)8.4H2O", "Phosphates", "a hydrous copper aluminium phosphate with hydroxyl"),
        ("Al2SiO4(F,OH)2", "Nesosilicates", "an aluminium nesosilicate with fluorine and hydroxyl"),
        ("FeS2", "Sulfides", "an iron sulfide"),
        ("CaF2", "Halides", "a calcium fluoride"),
        ("MnCO3", "Carbonates", "a manganese carbonate"),
        ("CaB2Si2O8", "", "a calcium borosilicate"),
        ("SiO2", "Tectosilicates", "silica, silicon dioxide"),
        ("C", "Native Elements", "pure carbon"),
    ],
)
def test_a_formula_is_read_out_in_words_with_its_chemical_class(chemistry, mineral_class, words):
    assert chemical_name(_gem(chemistry=chemistry, mineral_class=mineral_class)) == words


@pytest.mark.parametrize(
    "chemistry",
    [
        "Complex borosilicate",
        "Mg3Al2(SiO4)3 (Pyrope); Fe3Al2(SiO4)3 (Almandine)",
        "approx. C10H16O (mixture of terpenoid resins)",
        "Xy2O3",
        "",
    ],
)
def test_no_words_are_made_up_for_a_chemistry_that_is_not_one_formula(chemistry):
    assert chemical_name(_gem(chemistry=chemistry)) == ""


@pytest.mark.parametrize("name", class_names())
def test_every_class_description_says_what_the_gem_is_made_of(name):
    """The sourced composition, or the database's formula read out in words, opens every description."""
    gem = get_facts(name)
    said = gem.composition or chemical_name(gem)
    assert said, f"{name}: neither a sourced composition nor a single formula"
    assert said in describe_prediction([(name, 0.9)]).prose


@pytest.mark.parametrize("name", class_names())
def test_database_facts_in_the_prose_record_the_database_as_their_source(name):
    gem = get_facts(name)
    for field in ("mineral_class", "fracture", "treatments"):
        if getattr(gem, field):
            assert gem.sources[field] == SOURCE_DATABASE or gem.citations.get(field), (name, field)  # or reviewed
    for field in SOURCED_FIELDS:
        if getattr(gem, field):
            assert gem.citations.get(field), f"{name}: {field} has no citation"


def test_a_variety_states_its_species_treatments_as_the_species():
    carnelian = get_facts("Carnelian")
    assert carnelian.variety_of == "Chalcedony"
    assert treatment_sentence(carnelian).startswith("Treatments of chalcedony: ")
    ruby = get_facts("Ruby")
    assert treatment_sentence(ruby) == "Treatments: heat treatment; glass filling; flux healing."
    assert treatment_sentence(dataclasses.replace(ruby, treatments=())) == ""
    # Zoisite's database row is tanzanite, a variety of zoisite: tanzanite's heating is not zoisite's treatment.
    assert get_facts("Zoisite").variety_of == "Tanzanite" and treatment_sentence(get_facts("Zoisite")) == ""
    assert treatment_sentence(get_facts("Jade")).startswith("Treatments: ")  # jadeite and nephrite together


def test_the_mineral_group_is_named_only_when_it_adds_something():
    assert mineral_group(get_facts("Almandine")) == "garnet group"
    assert mineral_group(get_facts("Emerald")) == ""  # 'beryl group' for a beryl only repeats the species
    assert mineral_group(get_facts("Jade")) == ""  # jadeite and nephrite belong to different groups


def test_crystal_structure_says_amorphous_and_aggregate_plainly():
    assert crystal_structure(get_facts("Ruby")) == "it crystallises in the trigonal system"
    assert crystal_structure(get_facts("Opal")) == "it is amorphous, with no crystal lattice"
    assert crystal_structure(get_facts("Pearl")) == "it is an aggregate of orthorhombic crystals"


def test_other_names_leave_out_respellings_of_the_name():
    assert other_names(get_facts("Bloodstone")) == ["Heliotrope"]
    assert other_names(get_facts("Sapphire Blue")) == []  # 'Blue sapphire' only reorders the name
    assert "Almandine garnet" not in other_names(get_facts("Almandine"))
    assert other_names(get_facts("Alexandrite")) == ["Colour-change chrysoberyl"]  # not also 'Color-change'


@pytest.mark.parametrize(
    "name, said",
    [
        ("Quartz Smoky", "Smoky quartz"),
        ("Cats Eye", "Cat's eye"),
        ("Sapphire Pink", "Pink sapphire"),
        ("Lapis Lazuli", "Lapis lazuli"),  # no reordering alias: the name in sentence case, not 'Lapis-lazuli'
        ("Ruby", "Ruby"),
    ],
)
def test_a_description_names_the_gem_as_prose_does_not_as_the_class_label(name, said):
    assert common_name(get_facts(name)) == said
    first = describe_prediction([(name, 0.9)]).text.split(". ", 2)[1]  # the sentence after the opening
    assert first.startswith(f"{said} is "), first


@pytest.mark.parametrize(
    "text, said",
    [
        ("**Jasper or Quartz Smoky?**", "**Jasper or Smoky Quartz?**"),  # capitalised as every gem's name is
        ("Quartz Smoky is brown. It lies below Onyx Red's RI.", "Smoky Quartz is brown. It lies below Red Onyx's RI."),
        ("**Quartz Smoky**: Mohs 7; **Onyx Red**: Mohs 6.5–7", "**Smoky Quartz**: Mohs 7; **Red Onyx**: Mohs 6.5–7"),
        ("| Quartz Rose | 12.0% |", "| Rose Quartz | 12.0% |"),
        ("My best guess is **Tigers Eye** (40%)", "My best guess is **Tiger's Eye** (40%)"),
        ("Corundum (Ruby, Sapphire Pink, Flux-Grown Ruby)", "Corundum (Ruby, Pink Sapphire, Flux-Grown Ruby)"),
        ("A 2 ct quartz smoky weighs 0.4 g", "A 2 ct Smoky Quartz weighs 0.4 g"),
        ("almost sapphire blue, from Namibia", "almost sapphire blue, from Namibia"),  # a colour, not the gem
        ("Flux-Grown Ruby, Lapis Lazuli, Oregon Sunstone", "Flux-Grown Ruby, Lapis Lazuli, Oregon Sunstone"),
    ],
)
def test_prose_says_a_class_label_as_a_gemmologist_does(text, said):
    assert in_prose(text) == said
    assert in_prose(said) == said  # rendering twice changes nothing


def test_every_class_label_that_reads_backwards_gets_a_common_name():
    """Each photo class named '<Gem> <Colour>' ('Sapphire Pink', 'Onyx Red', 'Quartz Smoky') is said the other way
    round in prose, and every common name is a name of the gem's own (one of its aliases or its name)."""
    for name in class_names():
        gem = get_facts(name)
        said = in_prose(f"It is {name}.")[6:-1]
        assert said.lower() in {a.lower() for a in (*gem.aliases, gem.name)}, (name, said)
        if said.lower() != name.lower():
            assert said.lower() == common_name(gem).lower() and all(w[0].isupper() for w in said.split())
    assert {name for name in class_names() if in_prose(name) != name} >= {
        "Quartz Smoky", "Quartz Rose", "Sapphire Pink", "Sapphire Blue", "Onyx Red", "Garnet Red", "Tigers Eye",
        "Cats Eye", "Aventurine Green", "Chalcedony Blue", "Beryl Golden",
    }  # fmt: skip


def test_a_description_never_says_a_gem_is_itself():
    beer = get_facts("Quartz Beer")
    assert variety_phrase(beer) == "light golden-brown quartz"
    for name in class_names():
        templated = describe_prediction([(name, 0.9)]).prose.lower()
        assert not re.search(r"(?:^|\. )(\w[\w' ]*) is \1\b\s*[,.(]", templated), (name, templated[:120])


def test_a_gem_with_no_facts_is_still_a_sentence():
    from gemlang.knowledge.facts import GemFacts
    from gemlang.language.gem_prose import compose_description

    assert compose_description(GemFacts(name="Foo")) == "Foo is a gem material."


def test_an_imitation_named_for_its_material_is_not_said_to_be_that_material_again():
    for name in ("Glass (Paste)", "Plastic"):
        gem = get_facts(name)
        text = describe_prediction([(name, 0.9)]).text.lower()
        head = name.split(" (")[0].lower()
        assert f"is {head}." not in text and f"is {head} (" not in text, text
        assert head.capitalize() not in other_names(gem)  # 'Glass' only shortens 'Glass (Paste)'
    assert "Red corundum" in other_names(get_facts("Ruby"))


def test_a_carbide_is_not_read_out_as_silica():
    text = describe_prediction([("Moissanite", 0.9)]).text
    assert "silica" not in text.lower() and "SiC (silicon carbide)" in text


def test_a_treatment_listed_twice_with_and_without_a_note_is_said_once():
    assert treatment_sentence(get_facts("Jade"), n=9) == (
        "Treatments: polymer impregnation (B jade); dyeing (C jade); wax treatment (traditional)."
    )


@pytest.mark.parametrize(
    "clause, said",
    [
        ("Heat treatment", "heat treatment"),
        ("Myanmar (Mogok) set the standard", "Myanmar (Mogok) set the standard"),
        ("Sri Lanka and Madagascar", "Sri Lanka and Madagascar"),
        ("Burmese rubies glow", "Burmese rubies glow"),
        ("Chelsea filter: red", "Chelsea filter: red"),
        ("LWUV", "LWUV"),
    ],
)
def test_a_clause_inside_a_sentence_keeps_the_capital_of_a_proper_noun(clause, said):
    from gemlang.language.gem_prose import lower_first

    assert lower_first(clause) == said
