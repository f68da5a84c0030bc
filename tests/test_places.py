"""The place gazetteer and the scratch-reference table in gemlang.knowledge."""

from __future__ import annotations

import pytest

from gemlang.knowledge import get_facts
from gemlang.knowledge.places import countries_in, gem_countries, parse_places
from gemlang.knowledge.scratch import ADVISED, DAMAGE_WARNING, reference_words, simulated_tests


@pytest.mark.parametrize(
    "note, countries",
    [
        ("Myanmar (Mogok); Sri Lanka (Ratnapura)", ("Myanmar", "Sri Lanka")),
        ("Papua New Guinea", ("Papua New Guinea",)),  # not Guinea
        ("USA (New Mexico, Arizona)", ("USA",)),  # not Mexico
        ("Tanzania, United Republic of", ("Tanzania",)),
        ("Bolivia; Kyrgyzstan; Lao People's Democratic Republic", ("Bolivia", "Kyrgyzstan", "Laos")),
    ],
)
def test_locality_notes_name_countries_longest_name_first(note, countries):
    assert countries_in(note) == countries


@pytest.mark.parametrize(
    "text, countries",
    [
        ("found in Wales", ("United Kingdom",)),
        ("from Siam", ("Thailand",)),
        ("from Minas Gerais", ("Brazil",)),
        ("dug it up in Montana", ("USA",)),
        ("from Lightning Ridge, New South Wales", ("Australia",)),
        ("found in Mongolia", ("Mongolia",)),
        ("a gift from my friend Chad", ()),
        ("picked it up in the US", ("USA",)),  # was no place: "us" is read only after "the"
        ("can you tell us where it is from?", ()),
    ],
)
def test_places_people_name_map_to_countries(text, countries):
    assert parse_places(text)[0] == countries


@pytest.mark.parametrize(
    "text, places",
    [("Found it in Sri Lanka myself, my guide said it came from the Ratnapura gravels", ("Sri Lanka", "Ratnapura")),
     ("I dug it up myself; the local miners told me it is from Merelani", ("Merelani",)),
     ("I found it on eBay, the seller says Ceylon", ()),  # a seller's word, whoever found it
     ("I found it myself at a gem show, the dealer said Burma", ()),
     ("my guide said it came from Ratnapura", ()),  # no find of the user's own: a claim like any other
     ("No lab report, but the seller says Burma", ())],
)  # fmt: skip
def test_a_guide_at_the_pit_names_where_a_stone_the_user_found_comes_from_and_a_seller_does_not(text, places):
    assert parse_places(text)[1] == places


def test_a_place_in_quotes_is_a_listings_word_not_where_the_stone_was_mined():
    from gemlang.hints import parse_hints

    listing = parse_hints("ruby 2 carat for 60 dollars on ebay, natural unheated, from 'burma'")
    assert not listing.places
    assert any(n.startswith("“quoted Burma” is left out: what someone says") for n in listing.notes)
    assert parse_hints("grandma's burma ruby").places  # a possessive's apostrophe is no quote
    assert parse_hints("found in Sri Lanka").places


@pytest.mark.parametrize(
    "text, places",
    [
        ("Origin: Burma (Myanmar)", ("Burma",)),  # one country by two names is one place
        ("from Ceylon, i.e. Sri Lanka", ("Ceylon",)),
        ("a Burmese ruby, mined in Myanmar", ("Myanmar",)),
        ("from the U.S.A. (United States)", ("U.S.A.",)),
        ("from Mogok, Burma", ("Mogok", "Burma")),  # a place in a country and the country are two
        ("Minas Gerais, Brazil", ("Minas Gerais", "Brazil")),
        ("Sri Lanka or Burma", ("Sri Lanka", "Burma")),
    ],
)
def test_a_country_named_twice_by_other_names_is_one_place(text, places):
    assert parse_places(text)[1] == places


def test_a_gem_known_from_one_country_and_one_found_everywhere():
    assert gem_countries(get_facts("Tanzanite")) == (("Tanzania",), False)
    countries, _ = gem_countries(get_facts("Sapphire Blue"))
    assert {"Sri Lanka", "Myanmar", "Madagascar"} <= set(countries)


def test_one_scratch_table_serves_reading_simulation_and_advice():
    words = reference_words()
    assert words["glass"] == words["knife"] == 5.5 and words["fingernail"] == 2.5
    shares = simulated_tests()
    assert abs(sum(shares.values()) - 1) < 1e-9 and max(shares, key=shares.get) == 5.5
    assert [r.hardness for r in ADVISED] == sorted(r.hardness for r in ADVISED)
    assert "damages a cut stone" in DAMAGE_WARNING


@pytest.mark.parametrize(
    "text, country",
    [("a Colombian emerald", "Colombia"), ("Sri Lankan sapphire", "Sri Lanka"), ("Persian turquoise", "Iran"),
     ("Persian Gulf pearl", "Bahrain")],
)  # fmt: skip
def test_a_demonym_says_where_the_stone_is_from(text, country):
    countries, _ = parse_places(text)
    assert country in countries


def test_demonyms_are_read_in_messages_not_in_the_knowledge_base():
    assert countries_in("Colombian emerald belt; Zambia") == ("Zambia",)


def test_each_index_is_read_with_one_pattern_of_its_own_names():
    from gemlang.knowledge.places import _pattern, country_index, place_index

    assert _pattern(place_index) is _pattern(place_index)  # built once, not for each message read
    assert _pattern(place_index).search(" a colombian emerald ")
    assert not _pattern(country_index).search(" a colombian emerald ")  # a demonym is no locality note's word


def test_a_sea_gulf_or_coast_among_a_gems_sources_takes_the_article():
    from gemlang.language.gem_prose import main_sources

    assert main_sources(get_facts("Pearl")).startswith("the Persian Gulf")
    assert "the Baltic coast" in main_sources(get_facts("Amber"))


def test_gems_of_the_us_and_a_gems_kinds_known_from_there_are_answered():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    # was the how-to-begin help
    assert chat.ask("what gems come from the US?").reply.startswith("**USA**: my sources list ")
    # was '**Garnet**: Garnet comes chiefly from India, Sri Lanka, Madagascar and Tanzania.'
    garnet = chat.ask("where are garnets found in the US?").reply
    assert "do not name USA among Garnet's localities" in garnet and "Almandine is known from USA (Idaho)" in garnet


def test_gems_of_a_place_asked_in_a_colour_are_those_listed_in_it():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    # was a ranking of a green stone found in Colombia
    assert chat.ask("list green gems from Colombia").reply.startswith(
        "**Colombia**: my sources list these green gems: Emerald"
    )
    blue = chat.ask("which blue gems are found in Sri Lanka?").reply
    assert blue.startswith("**Sri Lanka**: my sources list these blue gems: Sapphire Blue") and "Ruby" not in blue
    # a stone in hand said to be blue and from Sri Lanka is still ranked, not answered with a list
    assert "my sources list" not in chat.ask("a blue stone from Sri Lanka").reply
    # a blend: the gems listed in it (was a ranking of a blue and green stone found in Brazil)
    brazil = Assistant(classifier=None).conversation().ask("which blue-green gems come from Brazil?").reply
    assert brazil.startswith("**Brazil**: my sources list these blue-green gems: Aquamarine")
    assert "Peridot" not in brazil


def test_gems_of_a_country_asked_by_another_of_its_names_are_not_said_to_be_in_it():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    # was "**Burma** is in Myanmar, and by country my sources list …"
    assert chat.ask("what red gems come from Burma?").reply.startswith("**Myanmar** (Burma): my sources list these red")
    assert chat.ask("what is Mogok famous for?").reply.startswith("**Mogok** is in Myanmar, and by country")


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        ("what gems are found in Kenya and Tanzania?", ["**Kenya**: my sources list", "**Tanzania**: my sources list"]),
        (
            "which gems are mined in Brazil or Colombia?",
            ["**Brazil**: my sources list", "**Colombia**: my sources list"],
        ),
        (
            "which gems come from Mogok and Sri Lanka?",
            ["**Mogok** is in Myanmar, and by country my sources list", "**Sri Lanka**: my sources list"],
        ),
        ("which green gems come from Colombia and Zambia?", ["**Colombia**: my sources", "**Zambia**: my sources"]),
        # two places in one country: that country's gems once
        ("what gems are found in Minas Gerais and Bahia?", ["**Minas Gerais** is in Brazil, and by country"]),
    ],
)
def test_gems_of_places_in_two_countries_are_listed_for_each_country(text, leads):
    from gemlang.assistant import Assistant

    reply = Assistant(classifier=None).conversation().ask(text).reply  # was the first place's alone
    assert [part[: len(lead)] for part, lead in zip(reply.split("\n\n"), leads, strict=True)] == leads
    assert ("green" in text) == ("these green gems" in reply) and ("Zambia" not in text or "Malachite" in reply)
