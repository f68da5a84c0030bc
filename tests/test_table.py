"""Readings without a photo answered like a determinative table, and the stone's colour as evidence."""

from __future__ import annotations

import numpy as np
import pytest

from gemlang.assistant import Assistant
from gemlang.fusion import EvidenceModel
from gemlang.fusion.evidence import BLUNDER
from gemlang.fusion.simulate import simulate_colour
from gemlang.fusion.table import group_name, table_entries
from gemlang.hints import parse_hints
from gemlang.knowledge import get_facts
from gemlang.knowledge.colours import said_colours
from gemlang.knowledge.facts import GemFacts

QUARTZ = "RI 1.544-1.553, SG 2.65"
CORUNDUM = "RI 1.762-1.770, SG 4.00"


@pytest.fixture(scope="module")
def readings_only() -> Assistant:
    return Assistant(None)


@pytest.fixture(scope="module")
def model(readings_only) -> EvidenceModel:
    return readings_only.evidence


def ask(assistant: Assistant, text: str):
    return assistant.conversation().ask(text)


def test_quartz_readings_name_quartz_once_with_its_varieties_and_their_summed_probability(readings_only, model):
    answer = ask(readings_only, QUARTZ)
    first, gems = answer.candidates[0], answer.members[0]
    assert first[0].startswith("Quartz (") and {"Amethyst", "Citrine", "Quartz Smoky"} <= set(gems)
    fused = model.fuse(None, parse_hints(QUARTZ), explain=False)
    assert first[1] == pytest.approx(sum(fused.probabilities[model.index[g]] for g in gems))
    quartz_colours = {"Amethyst", "Citrine", "Quartz Beer", "Quartz Lemon", "Quartz Rose", "Quartz Smoky"}
    assert sum(bool(quartz_colours & set(m)) for m in answer.members) == 1  # one line, not five varieties
    assert len(answer.candidates) == 5 and all(len(m) >= 1 for m in answer.members)
    assert "Quartz" in answer.description.split("\n\n")[0] and "Amethyst (purple" in answer.description
    assert any("only the colour" in n for n in answer.notes)
    assert answer.to_dict()["members"][0] == list(gems)


def test_the_next_test_splits_the_leading_species_not_the_twins_inside_one(readings_only):
    answer = ask(readings_only, QUARTZ)
    assert answer.next_test and "no standard test" not in answer.next_test
    assert "Amethyst" in answer.next_test and "Citrine" not in answer.next_test


def test_a_stated_colour_picks_among_twins(readings_only):
    purple = ask(readings_only, f"purple, {QUARTZ}")
    assert purple.members[0][0] == "Amethyst" and "Citrine" not in purple.members[0]
    assert any("puts Amethyst first" in n for n in purple.notes)
    assert "Amethyst is" in purple.description  # the leading variety is described, with the others named
    yellow = ask(readings_only, f"a yellow stone, {QUARTZ}")
    assert yellow.members[0][0] in ("Citrine", "Quartz Lemon") and "Amethyst" not in yellow.members[0]
    blue = ask(readings_only, f"a blue stone, {CORUNDUM}")
    assert blue.members[0][0] == "Sapphire Blue" and "Ruby" not in blue.members[0]


def test_a_near_colour_name_still_counts_but_less_than_the_exact_one(model):
    def colour(text: str, gem: str) -> float:
        return model.likelihoods(parse_hints(text))["colour"][model.index[gem]]

    assert colour("purple", "Amethyst") > colour("violet", "Quartz Rose") > colour("green", "Amethyst")
    assert colour("violet", "Amethyst") > 5 * colour("violet", "Citrine")  # violet~purple: nearly one name
    assert colour("pink", "Ruby") > 2 * colour("blue", "Ruby")  # pink~red: near


def test_a_colour_never_overrides_strong_readings(readings_only, model):
    red_quartz = ask(readings_only, f"red, {QUARTZ}")
    assert not any({"Ruby", "Spinel", "Garnet Red"} & set(m) for m in red_quartz.members)
    purple_corundum = ask(readings_only, f"purple, {CORUNDUM}")
    assert purple_corundum.members[0][0] == "Sapphire Purple"
    assert all("Amethyst" not in m for m in purple_corundum.members)
    # the largest factor a colour gives is far below what an RI that rules a gem out takes away
    factor = model.likelihoods(parse_hints("purple"))["colour"]
    assert factor.max() / factor.min() < 0.1 / BLUNDER["ri"]


def test_with_a_photo_the_answer_stays_per_gem():
    chat = Assistant(None, evidence=EvidenceModel(["Amethyst", "Citrine", "Ruby"])).conversation()
    chat.image_probs = np.array([0.2, 0.7, 0.1])
    answer = chat.ask(f"purple, {QUARTZ}")
    assert answer.used_photo and answer.gem == "Amethyst" and all(len(m) == 1 for m in answer.members)


def test_table_lines_cover_every_gem_once(model):
    hints = parse_hints(f"pink, {QUARTZ}")
    lines = table_entries(model, model.fuse(None, hints, explain=False), hints)
    gems = [g for line in lines for g in line.gems]
    assert sorted(gems) == sorted(model.names)
    assert sum(line.probability for line in lines) == pytest.approx(1.0)
    assert [line.probability for line in lines] == sorted((line.probability for line in lines), reverse=True)


@pytest.mark.parametrize(
    "text, said",
    [
        ("purple, RI 1.544", ("purple",)),
        ("a greenish blue stone", ("blue", "green")),
        ("it glows red under UV", ()),
        ("red through the Chelsea filter", ()),
        ("strong pleochroism, blue and green", ()),
        ("a blue stone with strong pleochroism, violet and green", ("blue",)),
        ("RI 1.62, SG 3.06, strong pleochroism, green", ("green",)),  # a dichroscope shows two colours or more
        ("strong trichroism, violet, blue and yellow", ()),
        ("photographed on a white background", ()),
        ("it is not blue", ()),
        ("is it an emerald or an amethyst?", ()),
        ("colorless, SG 3.52", ("colourless",)),
    ],
)
def test_colour_words_are_the_stones_colour_and_not_a_tests_result(text, said):
    assert said_colours(text) == said


def test_colour_alone_is_not_enough_to_rank_without_a_photo(readings_only):
    answer = ask(readings_only, "it is purple")
    assert not answer.candidates and parse_hints("it is purple").colours == ("purple",)


def test_simulated_colours_come_from_the_gems_listed_colours_with_near_names_now_and_then():
    rng = np.random.default_rng(0)
    said = [simulate_colour(get_facts("Amethyst"), rng)[0] for _ in range(400)]
    assert set(said) <= {"purple", "violet", "pink", "red", "blue"} and said.count("purple") > 200
    assert {"violet", "pink"} & set(said)  # a near name, sometimes
    assert simulate_colour(GemFacts(name="Unlisted"), rng) == ()


def test_a_twin_group_is_named_for_its_species_unless_another_gem_bears_that_name(model):
    def named(*gems: str) -> str:
        return group_name(model, [model.index[g] for g in gems])

    assert named("Amethyst", "Citrine", "Quartz") == "Quartz"  # a member is named for the species
    assert named("Bloodstone", "Carnelian", "Chalcedony") == "Chalcedony"
    assert named("Hessonite", "Tsavorite") == "Hessonite or Tsavorite"  # "Grossular" would read as the gem Grossular


def test_the_colour_of_a_join_or_a_backing_is_not_the_stones():
    from gemlang.knowledge.colours import said_colours

    assert said_colours("red line at girdle under immersion") == ()
    assert said_colours("a black backing and a flat join line") == ()
    assert said_colours("blue stone with a red line at the girdle") == ("blue",)


def test_an_orange_peel_surface_is_no_orange_colour():
    from gemlang.knowledge.colours import said_colours

    assert said_colours("lavender, orange-peel surface") == ("purple",)


def test_a_species_gem_joins_the_line_of_its_own_kinds_and_names_it():
    model = EvidenceModel(["Emerald", "Aquamarine", "Jade", "Peridot"])
    hints = parse_hints("green, three-phase inclusions, RI 1.577-1.583, SG 2.72")
    lines = table_entries(model, model.fuse(None, hints), hints)
    assert lines[0].name.startswith("Beryl (Emerald") and "Beryl" not in [e.name for e in lines[1:]]
    jade = parse_hints("RI 1.66 spot, SG 3.33, green, aggregate")
    assert table_entries(model, model.fuse(None, jade), jade)[0].name == "Jade (Jadeite)"
