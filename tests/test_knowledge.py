"""The gem catalog: every photo class resolves, facts match the database, every fact has a source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gemlang.knowledge import (
    SOURCE_DATABASE,
    SOURCE_GEMLANG,
    GemFacts,
    KnowledgeError,
    UnknownGemError,
    all_gems,
    class_names,
    find_gem,
    format_range,
    get_facts,
)
from gemlang.knowledge.database import database_gems
from gemlang.knowledge.facts import FACT_FIELDS
from gemlang.knowledge.knowledge_base import ReviewedOverride, _class_draft, load_entries

# The 87 folder names of ../shared/data/gemstones/train, copied here so the test runs without the data.
# fmt: off
CLASS_NAMES = [
    "Alexandrite", "Almandine", "Amazonite", "Amber", "Amethyst", "Ametrine", "Andalusite", "Andradite",
    "Aquamarine", "Aventurine Green", "Aventurine Yellow", "Benitoite", "Beryl Golden", "Bixbite",
    "Bloodstone", "Blue Lace Agate", "Carnelian", "Cats Eye", "Chalcedony", "Chalcedony Blue",
    "Chrome Diopside", "Chrysoberyl", "Chrysocolla", "Chrysoprase", "Citrine", "Coral", "Danburite",
    "Diamond", "Diaspore", "Dumortierite", "Emerald", "Fluorite", "Garnet Red", "Goshenite", "Grossular",
    "Hessonite", "Hiddenite", "Iolite", "Jade", "Jasper", "Kunzite", "Kyanite", "Labradorite",
    "Lapis Lazuli", "Larimar", "Malachite", "Moonstone", "Morganite", "Onyx Black", "Onyx Green",
    "Onyx Red", "Opal", "Pearl", "Peridot", "Prehnite", "Pyrite", "Pyrope", "Quartz Beer", "Quartz Lemon",
    "Quartz Rose", "Quartz Rutilated", "Quartz Smoky", "Rhodochrosite", "Rhodolite", "Rhodonite", "Ruby",
    "Sapphire Blue", "Sapphire Pink", "Sapphire Purple", "Sapphire Yellow", "Scapolite", "Serpentine",
    "Sodalite", "Spessartite", "Sphene", "Spinel", "Spodumene", "Sunstone", "Tanzanite", "Tigers Eye",
    "Topaz", "Tourmaline", "Tsavorite", "Turquoise", "Variscite", "Zircon", "Zoisite",
]
# fmt: on
SHARED_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "gemstones" / "train"


def test_the_87_photo_classes_are_the_knowledge_bases_and_the_shipped_models():
    import json

    from gemlang.knowledge import class_names
    from gemlang.model import DEFAULT_MODEL_DIR

    shipped = json.loads((DEFAULT_MODEL_DIR / "config.json").read_text())["classes"]
    assert len(set(CLASS_NAMES)) == 87
    assert sorted(class_names()) == sorted(CLASS_NAMES) == sorted(shipped)


@pytest.mark.parametrize("name", CLASS_NAMES)
def test_every_photo_class_resolves(name):
    gem = get_facts(name)
    assert gem.name == name
    assert gem.is_dataset_class
    assert gem.species and gem.description


def test_class_names_are_exactly_the_photo_classes():
    assert sorted(class_names()) == sorted(CLASS_NAMES)


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_TRAIN.is_dir(), reason="../shared/data not present")
def test_class_names_match_the_shared_data_folders():
    folders = sorted(p.name for p in SHARED_TRAIN.iterdir() if p.is_dir())
    assert folders == sorted(class_names())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RUBY", "Ruby"),
        ("tiger's eye", "Tigers Eye"),
        ("Tiger’s-Eye", "Tigers Eye"),
        ("spessartine", "Spessartite"),
        ("Smoky Quartz", "Quartz Smoky"),
        ("heliodor", "Beryl Golden"),
        ("red beryl", "Bixbite"),
        ("titanite", "Sphene"),
        ("Paraiba tourmaline", "Tourmaline"),
    ],
)
def test_lookup_ignores_case_punctuation_accents_and_uses_aliases(text, expected):
    assert get_facts(text).name == expected


@pytest.mark.parametrize(
    ("name", "hardness"),
    [
        ("Diamond", (10, 10)),
        ("Corundum", (9, 9)),
        ("Ruby", (9, 9)),
        ("Sapphire Blue", (9, 9)),
        ("Beryl", (7.5, 8)),
        ("Aquamarine", (7.5, 8)),
        ("Quartz", (7, 7)),
        ("Amethyst", (7, 7)),
        ("Fluorite", (4, 4)),
        ("Topaz", (8, 8)),
        ("Spinel", (8, 8)),
        ("Chrysoberyl", (8.5, 8.5)),
        ("Turquoise", (5, 6)),
        ("Opal", (5.5, 6.5)),
        ("Pearl", (2.5, 4.5)),
        ("Amber", (2, 2.5)),
    ],
)
def test_mohs_hardness_is_right(name, hardness):
    assert get_facts(name).hardness == hardness


def test_hardness_comes_from_the_database_where_it_has_the_mineral():
    for name in ("Diamond", "Corundum", "Beryl", "Quartz", "Fluorite", "Ruby"):
        assert get_facts(name).sources["hardness"] == SOURCE_DATABASE
    assert get_facts("Amber").sources["hardness"] == SOURCE_GEMLANG  # the database has no amber


def test_every_entry_has_hardness_sg_and_ri_where_physically_meaningful():
    """Hardness and SG for every gem. RI for every gem except opaque metallic minerals (pyrite,
    hematite, galena, magnetite): light does not pass through them, so a refractometer gives no reading.
    Organics (amber, pearl, coral) do carry RI here: spot readings on a polished surface are routine."""
    for gem in all_gems():
        assert gem.hardness is not None, gem.name
        assert gem.specific_gravity is not None, gem.name
        opaque_metallic = "metallic" in gem.lustre.lower() or "opaque" in gem.optical_character.lower()
        if gem.refractive_index is None:
            assert opaque_metallic, f"{gem.name} has no RI but is not opaque"
        for field in ("hardness", "specific_gravity", "refractive_index"):
            value = getattr(gem, field)
            if value is not None:
                assert 0 < value[0] <= value[1], (gem.name, field, value)


def test_every_fact_records_its_source_and_only_facts_do():
    for gem in all_gems():
        for field in FACT_FIELDS:
            value = getattr(gem, field)
            if value not in (None, "", ()):
                assert gem.sources.get(field) in (SOURCE_DATABASE, SOURCE_GEMLANG), (gem.name, field)
            else:
                assert field not in gem.sources, (gem.name, field)


def test_database_values_match_what_get_facts_reports():
    """Read each family straight from mineral_database and compare with every database-sourced fact."""
    from mineral_database import get_family

    from gemlang.knowledge.knowledge_base import as_written  # the database's words, as gemlang writes them

    checked = 0
    for gem in all_gems():
        families = [get_family(i) for i in gem.database_ids]
        assert all(families), gem.name
        if len(families) != 1:
            continue
        family = families[0]
        expected = {
            "hardness": (family.hardness_min, family.hardness_max),
            "specific_gravity": (family.sg_min, family.sg_max),
            "refractive_index": (family.ri_min, family.ri_max),
            "chemistry": family.chemistry,
            "crystal_system": family.crystal_system,
            "lustre": as_written(family.lustre),
            "colours": as_written(tuple(family.colors)),
        }
        for field, value in expected.items():
            if gem.sources.get(field) == SOURCE_DATABASE:
                assert getattr(gem, field) == value, (gem.name, field)
                checked += 1
    assert checked > 500


def test_merged_entries_span_their_database_minerals():
    from mineral_database import get_family

    jade, jadeite, nephrite = get_facts("Jade"), get_family("jadeite"), get_family("nephrite")
    assert jade.database_ids == ("jadeite", "nephrite")
    assert jade.specific_gravity == (nephrite.sg_min, jadeite.sg_max)
    assert jade.refractive_index == (nephrite.ri_min, jadeite.ri_max)


def test_every_database_gem_is_in_the_catalog_once():
    covered = [i for gem in all_gems() if gem.sources for i in gem.database_ids]
    standalone = [gem.database_ids[0] for gem in all_gems() if not gem.is_dataset_class and gem.database_ids]
    assert set(covered) == set(database_gems())
    assert len(standalone) == len(set(standalone))
    names = [gem.name for gem in all_gems()]
    assert len(names) == len(set(names))


def test_database_gems_not_claimed_by_a_class_keep_their_own_entry():
    assert get_facts("Quartz").database_ids == ("quartz",)
    assert get_facts("Moissanite").origin == "simulant"
    assert get_facts("Synthetic Ruby (Verneuil)").species == "corundum"
    assert "Moissanite" in get_facts("Diamond").simulants


def test_unknown_name_raises_keyerror_with_a_suggestion():
    with pytest.raises(KeyError) as info:
        get_facts("Saphire Bleu")
    assert isinstance(info.value, UnknownGemError)
    assert "Sapphire Blue" in str(info.value)


def test_entries_cannot_silently_shadow_the_database():
    gems = database_gems()
    entry = {
        "name": "Ruby",
        "database": "ruby",
        "species": "corundum",
        "description": "x",
        "hardness": [8, 9],
    }
    with pytest.raises(KnowledgeError, match="reviewed_overrides.json"):
        _class_draft(entry, gems)
    del entry["hardness"]
    override = ReviewedOverride("Ruby", "hardness", [8, 9], "testing", "a reference <https://example.org>")
    draft = _class_draft(entry, gems, {"hardness": override})
    assert draft.sources["hardness"] == SOURCE_GEMLANG and draft.values["hardness"] == (8.0, 9.0)
    assert draft.citations["hardness"] == "a reference <https://example.org>"
    with pytest.raises(KnowledgeError, match="placeholder"):
        _class_draft({"name": "X", "species": "x", "description": "{colour}"}, gems)


def test_descriptions_print_the_same_numbers_as_the_property_table():
    for entry in load_entries()["classes"]:
        gem = get_facts(entry["name"])
        table = dict(gem.property_table())
        for field in re.findall(r"\{([a-z_]+)\}", entry["description"]):
            assert gem.format(field) in gem.description, (gem.name, field)
        for label, field in (
            ("Specific gravity", "specific_gravity"),
            ("Refractive index", "refractive_index"),
        ):
            if gem.refractive_index is not None or field != "refractive_index":
                assert table[label] == gem.format(field)


def test_class_descriptions_are_two_to_four_sentences():
    for name in CLASS_NAMES:
        description = get_facts(name).description
        sentences = re.findall(r"(?<!\b[A-Z])[.!?](?:\s|$)", description)  # not initials: "W. E. Hidden"
        assert 2 <= len(sentences) <= 4, (name, len(sentences))
        assert "{" not in description


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        ((9, 9), None, "9"),
        ((7.5, 8), None, "7.5–8"),
        ((3.95, 4.05), 2, "3.95–4.05"),
        ((1.762, 1.77), 3, "1.762–1.770"),
        (None, 2, "—"),
        (0.008, 3, "0.008"),
    ],
)
def test_format_range(value, decimals, text):
    assert format_range(value, decimals) == text


def test_property_table_rows():
    rows = dict(get_facts("Ruby").property_table())
    assert rows["Mohs hardness"] == "9"
    assert rows["Refractive index"] == "1.762–1.770"
    assert "Refractive index" not in dict(get_facts("Pyrite").property_table())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I think it's a tiger's eye from South Africa", "Tigers Eye"),
        ("a nice blue sapphire ring", "Sapphire Blue"),
        ("two rubies", "Ruby"),
        ("saphire", "Sapphire"),
        ("is it amythest?", "Amethyst"),  # vowels swapped: the commonest misspelling of all
        ("tanzinite or emerold", "Tanzanite"),
        ("ambre", "Amber"),  # two neighbouring letters swapped
        ("is it a spinle?", "Spinel"),
        ("I demand an answer", None),  # not a misspelt demantoid
        ("tell me about charoite", None),  # another mineral, not a misspelt achroite
        ("nice orient on this one", None),  # a pearl's lustre, not a misspelt orpiment
        ("pear cut, RI 1.54", None),  # a shape of cut, not a misspelt pearl
        ("black as coal", None),  # not a misspelt coral
        ("is this zultanite?", "Diaspore"),
        ("is it zirconia?", "Cubic Zirconia"),  # not a misspelt zircon
        ("is it titanate?", "Strontium Titanate"),  # a word of strontium titanate's name, not a misspelt titanite
        ("a titanite crystal", "Sphene"),
        ("it scratches glass and has hardness about 7", None),
        ("is it synthetic or natural?", None),  # two words joined by "or": no misspelt "synthetic ruby"
        ("is my ruby a verneuil ruby?", "Synthetic Ruby (Verneuil)"),  # a lab-grown gem by its method (was Ruby)
        ("flame-fusion sapphire", "Synthetic Sapphire (Verneuil)"),
        ("what is moon stone?", "Moonstone"),  # a one-word name typed as two (was None)
        ("tell me about blood stones", "Bloodstone"),
        ("is sun stone a feldspar?", "Sunstone"),
        ("what is lapis lazulli?", "Lapis Lazuli"),
        ("", None),
    ],
)
def test_find_gem_in_free_text(text, expected):
    gem = find_gem(text)
    assert (gem.name if gem else None) == expected


def test_gem_facts_are_frozen_and_serialise_to_json():
    gem = get_facts("Emerald")
    assert isinstance(gem, GemFacts)
    with pytest.raises(AttributeError):
        gem.name = "Glass"
    data = json.loads(json.dumps(gem.to_dict()))
    assert data["name"] == "Emerald" and data["hardness"] == [7.5, 8.0]
    assert hash(gem) == hash(get_facts("emerald"))


@pytest.mark.parametrize(
    ("text", "expected", "says"),
    [
        ("quartz cat's eye", "Quartz", "not the chrysoberyl"),
        ("cat's-eye quartz", "Quartz", "not the chrysoberyl"),
        ("is it a smoky topaz?", "Quartz Smoky", "misnomer for smoky quartz"),
        ("a Cape ruby", "Pyrope", "pyrope"),
        ("what is a Herkimer diamond?", "Quartz", "quartz crystals"),
        ("is a Cape May diamond real?", "Quartz", "quartz pebbles"),
        ("is a Matura diamond real?", "Zircon", "colourless zircon"),
        ("is 'Oriental emerald' an emerald?", "Sapphire", "green sapphire"),
        ("Oriental topaz", "Sapphire Yellow", "yellow sapphire"),
        ("Korean jade", "Serpentine", "serpentine"),
        ("a Mexican jade", "Calcite", "marble"),
        ("a Brazilian emerald", "Tourmaline", "green tourmaline"),
        ("is Madeira topaz topaz?", "Citrine", "citrine, a quartz"),
        ("and 'african jade'?", "Hydrogrossular", "grossular garnet"),
        ("a Transvaal jade carving", "Hydrogrossular", "grossular garnet"),
        ("an Indian jade necklace", "Aventurine Green", "green aventurine"),
        ("Australian jade", "Chrysoprase", "chrysoprase"),
        ("a water sapphire", "Iolite", "iolite"),
        ("a goldstone bead", "Glass (Paste)", "glass"),
        ("what is stabilised turquoise?", "Turquoise", "natural turquoise, treated"),  # spelt either way
    ],
)
def test_trade_misnomers_resolve_to_the_real_gem_and_say_so(text, expected, says):
    from gemlang.knowledge import trade_name_in

    assert find_gem(text).name == expected
    assert says in trade_name_in(text).note
    assert trade_name_in("a chrysoberyl cat's eye") is None
    assert find_gem("cat's eye").name == "Cats Eye"


def test_an_adjective_before_jade_is_no_trade_name():
    """'my new jade pendant' is jade that is new, not serpentine sold as 'new jade'; names that ordinary words
    make are left out of the trade names and aliases."""
    assert find_gem("my new jade pendant, how do I clean it?").name == "Jade"
    assert find_gem("a gold topaz ring").name == "Topaz"  # a topaz set in gold
    assert find_gem("my Brazilian aquamarine").name == "Aquamarine"  # Brazil mines aquamarine


def test_each_trade_name_names_the_gem_its_words_mean_and_cites_a_page():
    from gemlang.knowledge.knowledge_base import knowledge_base

    trades = {t.phrase: t for _, t in knowledge_base().trade_names}
    assert all(re.search(r"<https?://\S+>", t.source) for t in trades.values())
    assert trades["Herkimer diamond"].named.name == "Diamond" and trades["Korean jade"].named.name == "Jade"
    assert trades["balas ruby"].named.name == "Ruby"  # not Spinel, whose alias "balas ruby" is
    said_of_both = sorted(p for p, t in trades.items() if t.also_genuine)
    assert said_of_both == ["African emerald", "Australian jade", "Brazilian emerald"]


def test_a_place_in_a_trade_name_is_no_locality_of_the_stone():
    from gemlang.knowledge.places import parse_places

    assert parse_places("what's a Mexican jade")[0] == ()
    assert parse_places("a Ceylon diamond, or a Cape ruby")[0] == ()
    assert parse_places("jade from Mexico")[0] == ("Mexico",)
    assert parse_places("a Ceylon sapphire")[0] == ("Sri Lanka",)


@pytest.mark.parametrize(
    "phrase, inside",
    [
        ("Characteristic wrinkled surface", "characteristic wrinkled surface"),
        ("FTIR: no water bands", "FTIR: no water bands"),
        ("Haversian canals in cross-section", "Haversian canals in cross-section"),
        ("Chelsea filter red", "Chelsea filter red"),
    ],
)
def test_a_feature_set_inside_a_sentence_keeps_names_and_abbreviations(phrase, inside):
    from gemlang.knowledge.tell_apart import in_sentence

    assert in_sentence(phrase) == inside


def test_every_gem_a_message_names_in_order_each_stretch_once():
    from gemlang.knowledge.knowledge_base import gems_named_in

    names = lambda text: [g.name for g in gems_named_in(text)]  # noqa: E731
    assert names("tanzanite or red spinel or tanzanite?") == ["Tanzanite", "Spinel"]
    assert names("smoky topaz and citrine") == ["Quartz Smoky", "Citrine"]
    assert names("nothing to see") == [] and names("") == []


def test_a_list_of_gems_names_each_item_not_a_name_run_across_the_comma():
    from gemlang.knowledge.knowledge_base import gems_named_in

    names = lambda text: [g.name for g in gems_named_in(text)]  # noqa: E731
    assert names("which fades, amethyst, citrine or kunzite?") == ["Amethyst", "Citrine", "Kunzite"]
    assert names("ametrine; amethyst-citrine") == ["Ametrine"]


def test_glass_comes_in_kinds_each_inside_its_span_and_sourced_and_met_is_checked():
    from gemlang.knowledge.knowledge_base import _how_met

    glass = get_facts("Glass (Paste)")
    assert glass.met == "often" and len(glass.kinds) >= 2
    for kind in glass.kinds:
        for field in ("refractive_index", "specific_gravity"):
            low, high = getattr(kind, field)
            assert getattr(glass, field)[0] <= low < high <= getattr(glass, field)[1], (kind.name, field)
        assert "<https://" in kind.source
    assert get_facts("Hauyne").met == "rarely" and get_facts("Ruby").met == ""
    assert glass.to_dict()["kinds"][0]["name"] == glass.kinds[0].name  # JSON-ready
    with pytest.raises(KnowledgeError, match="met must be"):
        _how_met("X", {"met": "sometimes"})
    with pytest.raises(KnowledgeError, match="each kind needs"):
        _how_met("X", {"kinds": [{"name": "crown", "refractive_index": [1.5, 1.53]}]})


def test_a_gem_the_database_lacks_is_added_with_its_source_and_checked():
    from gemlang.knowledge.knowledge_base import _added_draft

    plastic = get_facts("Plastic")
    assert plastic.origin == "simulant" and not plastic.database_ids and plastic.met == "often"
    assert plastic.specific_gravity == (1.05, 1.55) and plastic.refractive_index == (1.46, 1.7)
    assert all(plastic.sources[f] == SOURCE_GEMLANG and "<https://" in plastic.citations[f] for f in plastic.sources)
    assert find_gem("is it bakelite?") is plastic
    with pytest.raises(KnowledgeError, match="needs a name, species, source and origin"):
        _added_draft({"name": "Resin", "species": "resin", "origin": "simulant"})
    with pytest.raises(KnowledgeError, match="unknown keys"):
        _added_draft({"name": "Resin", "species": "resin", "origin": "simulant", "source": "x", "shine": "yes"})


def test_the_database_spelling_is_written_out_but_colorado_stays_a_state():
    from gemlang.knowledge.knowledge_base import as_written

    assert as_written("Colorless to gray; Colorado (USA)") == "Colourless to grey; Colorado (USA)"
    assert get_facts("Rhodochrosite").localities[0].startswith("Colorado")


def test_a_place_the_great_sources_include_is_not_said_to_rule_the_gem_out():
    from gemlang.knowledge.places import gem_countries

    for gem, place in (("Ruby", "Sri Lanka"), ("Diamond", "Canada"), ("Emerald", "Afghanistan")):
        assert place in gem_countries(get_facts(gem))[0], (gem, place)


def test_jade_is_a_name_for_either_mineral_and_each_is_told_by_its_constants_not_its_colour():
    from gemlang.knowledge.tell_apart import kind_of, tell_apart

    jade, jadeite, nephrite = get_facts("Jade"), get_facts("Jadeite"), get_facts("Nephrite")
    assert not kind_of(jade, jadeite) and kind_of(jadeite, jade) and kind_of(nephrite, jade)  # jadeite jade
    advice = tell_apart(jadeite, jade)
    assert "nephrite jade RI 1.600–1.641" in advice and "colour" not in advice
    assert kind_of(get_facts("Ruby"), get_facts("Corundum"))


def test_two_lab_grown_stones_of_one_colour_are_told_apart_by_how_they_grew_not_by_colour():
    from gemlang.knowledge.tell_apart import tell_apart, telltale

    text = tell_apart(get_facts("Flux-Grown Emerald"), get_facts("Hydrothermal Emerald"))
    assert "the colour tells them apart" not in text and "magnification" in text
    assert "colour tells them apart" in tell_apart(get_facts("Ruby"), get_facts("Sapphire Pink"))
    assert not telltale(get_facts("Spessartite")).lower().startswith("vivid orange")  # seen by eye, no loupe sign


def test_a_lab_grown_gem_whose_ri_and_sg_lie_just_below_the_natural_ones_is_said_to_lean_that_way():
    from gemlang.knowledge.tell_apart import tell_apart

    text = tell_apart(get_facts("Emerald"), get_facts("Flux-Grown Emerald"))
    assert text.startswith(
        "Flux-Grown Emerald's RI 1.560–1.563 and SG 2.65–2.66 lie just below Emerald's (RI 1.565–1.599, SG 2.67–2.78)"
    )
    assert "magnification" in text and "too close" not in text
    assert "too close" in tell_apart(get_facts("Emerald"), get_facts("Hydrothermal Emerald"))  # overlapping


def test_two_natural_gems_whose_sg_ranges_nearly_touch_are_said_to_be_split_by_a_careful_reading():
    from gemlang.knowledge.tell_apart import tell_apart

    text = tell_apart(get_facts("Spinel"), get_facts("Hydrogrossular"))
    assert text.startswith("Spinel's SG 3.58–3.61 lies just above Hydrogrossular's (SG 3.36–3.55)")
    assert "No simple test" not in tell_apart(get_facts("Spinel"), get_facts("Hydrogrossular"))
    assert "lies just" not in tell_apart(get_facts("Garnet Red"), get_facts("Hessonite"))  # overlapping ranges
    rutile = tell_apart(get_facts("Zircon"), get_facts("Synthetic Rutile"))  # RIs 0.7 apart, both over the limit
    assert "just above" not in rutile and "both read over the refractometer's limit" in rutile


def test_no_dichroscope_tells_a_lab_grown_stone_from_its_natural_twin():
    from gemlang.knowledge.tell_apart import confirming_test, separating_tests, tell_apart

    grown, ruby = get_facts("Czochralski Sapphire"), get_facts("Ruby")
    assert "pleochroism" not in [t.key for t in separating_tests(grown, ruby)]
    assert "dichroscope" not in tell_apart(grown, ruby) and "dichroscope" not in confirming_test(grown, ruby)
    assert confirming_test(grown, ruby).startswith("magnification or a gem laboratory (tight curved growth striae")
    assert "pleochroism" in [t.key for t in separating_tests(get_facts("Spinel"), ruby)]  # two materials: it does


def test_two_gems_whose_constants_overlap_are_told_apart_by_their_spectra_when_the_facts_give_them():
    from gemlang.knowledge.tell_apart import tell_apart

    text = tell_apart(get_facts("Peridot"), get_facts("Chrome Diopside"))
    assert "A simple test at the bench helps (Peridot: in the spectroscope, well-coloured peridot shows" in text
    assert "Chrome Diopside: in the spectroscope, a chromium spectrum" in text and "No simple" not in text


def test_what_a_gem_lacks_is_no_feature_to_look_for_under_magnification():
    from gemlang.knowledge.tell_apart import tell_apart

    advice = tell_apart(get_facts("Spinel"), get_facts("Rhodonite"))
    assert "lacks dichroism" not in advice and "Rhodonite:" in advice


def test_a_rock_of_a_group_and_a_series_intermediate_are_no_kind_of_one_mineral():
    from gemlang.knowledge.tell_apart import kind_of

    assert not kind_of(get_facts("Lapis Lazuli"), get_facts("Sodalite"))
    assert not kind_of(get_facts("Rhodolite"), get_facts("Almandine"))
    assert not kind_of(get_facts("Maw-Sit-Sit"), get_facts("Jadeite"))  # a jadeite-bearing rock
    assert kind_of(get_facts("Elbaite"), get_facts("Tourmaline"))  # tourmaline is the group itself


def test_a_fact_entries_json_states_may_carry_its_citation_and_only_such_a_fact():
    lapis = get_facts("Lapis Lazuli")
    assert any("dye" in t for t in lapis.treatments) and "Nassau" in lapis.citations["treatments"]
    gems = database_gems()
    entry = {"name": "X", "species": "x", "description": "x", "database": "lazurite", "database_role": "parent"}
    with pytest.raises(KnowledgeError, match="cites facts it does not state"):
        _class_draft({**entry, "citations": {"treatments": "a book"}}, gems)


def test_gems_of_the_same_constants_are_told_apart_by_a_bench_test_where_one_shows():
    from gemlang.knowledge.tell_apart import tell_apart

    amber = tell_apart(get_facts("Amber"), get_facts("Copal (Amber Simulant)"))
    assert "A simple test at the bench helps" in amber and "acetone" in amber and "FTIR" not in amber
    garnets = tell_apart(get_facts("Spessartite"), get_facts("Almandine"))
    assert "absorption" in garnets


def test_a_bench_test_is_offered_only_where_it_comes_out_differently_for_the_two():
    from gemlang.knowledge.tell_apart import kind_of, tell_apart

    for a, b in (("Ruby", "Flux-Grown Ruby"), ("Coral", "Synthetic Coral"), ("Diamond", "CVD Diamond")):
        assert "A simple test at the bench" not in tell_apart(get_facts(a), get_facts(b)), (a, b)
    jet = tell_apart(get_facts("Jet"), get_facts("Vulcanite (Jet Simulant)"))
    assert "coal smell" in jet and "sulfur" in jet
    assert kind_of(get_facts("Garnet Red"), get_facts("Garnet"))  # a pyrope–almandine garnet is a garnet


def test_every_glossary_term_says_how_it_is_asked_and_where_its_text_was_checked():
    from gemlang.knowledge.glossary import glossary, terms_asked

    terms = glossary()
    assert len({t.term for t in terms}) == len(terms) >= 3
    for t in terms:
        assert t.asked_as and t.text and re.search(r"<https?://\S+>$", t.source), t.term
        assert terms_asked(f"what is {t.asked_as[0]}?") == [t], t.term
    assert terms_asked("what is it?") == [] and terms_asked("what is the hardness of ruby?") == []


def test_a_temperature_a_glossary_entry_gives_is_one_its_sources_give():
    from gemlang.knowledge.glossary import glossary

    # heat treatment said sapphire is heated "to about 1,600–1,800 °C", where its source gives "up to 1800 °C"
    for t in glossary():
        for said in re.findall(r"((?:\d[\d,]*\s*(?:–|-|to)\s*)?\d[\d,]*)\s*°\s*C", t.text):
            for number in re.findall(r"\d[\d,]*", said):
                assert number in t.source or number.replace(",", "") in t.source, (t.term, said)


def test_a_reviewed_override_of_an_added_gem_applies_with_its_own_source():
    plastic = get_facts("Plastic")  # an added gem: its facts come from one entry, save what a review adds
    assert any("insects" in f for f in plastic.diagnostic_features)
    assert "realorrepro.com" in plastic.citations["diagnostic_features"]
    assert "realorrepro.com" not in plastic.citations["specific_gravity"]


def test_textbook_readings_of_ggg_and_pyrope_lie_in_their_ranges():
    assert get_facts("GGG").refractive_index[0] <= 1.970  # GIA: 1.970 (+.060)
    assert get_facts("Pyrope").refractive_index[0] <= 1.730  # gem pyrope reads from 1.730


@pytest.mark.parametrize(
    "question, terms",
    [("and what's a 'spot reading'", ["spot reading"]),
     ("what's 'simulated' mean? listing: 'simulated emerald 925 silver ring'", ["simulant"]),
     ("what does 'DR' mean exactly and why is spinel 0", ["birefringence"]),
     ("what is 'doubling of back facets' and which stones show it most", ["birefringence"]),
     ("how do i tell uniaxial from biaxial on the refractometer", ["uniaxial", "biaxial", "refractometer"]),
     ("what is yield in cutting?", ["yield"]), ("what does weight retention mean?", ["yield"]),
     # were the refractive index entry, and the how-to-begin help
     ("what is the best cut for a low RI stone?", ["faceting angles"]),
     ("what angles should I cut a low RI gem at?", ["faceting angles"]),
     ("what pavilion angle should I use?", ["faceting angles"]), ("what is RI?", ["refractive index"]),
     ("how do I facet high refractive index gems?", ["faceting angles"]),
     # were the how-to-begin help, and the lab report entry after the plot's
     ("what is a good depth percentage?", ["depth percentage"]), ("what does depth % mean?", ["depth percentage"]),
     ("what is the L/W ratio of an oval?", ["length-to-width ratio"]),
     ("what L/W ratio should an oval diamond have?", ["length-to-width ratio"]),  # was the Diamond card
     ("what is a good depth percentage for a diamond?", ["depth percentage"]),  # was the Diamond card
     ("what's the ideal depth for a princess cut?", ["depth percentage"]), ("what colour should a ruby be?", []),
     ("what is a plot diagram on a grading report?", ["plotting diagram"]),
     ("what is a grading report?", ["lab report"]),
     ("what ratio is best for a pear?", ["length-to-width ratio"]), ("is 64% depth too deep?", ["depth percentage"]),
     ("RI 1.76, depth 4.2 mm", []), ("depth 64%", []),  # a measurement said, no proportion asked
     ("what depth should a round diamond be?", ["depth percentage"]),  # was the Diamond card
     ("7 x 5 oval sapphire, depth 3 mm, what does it weigh?", []), ("how deep is the colour of an oval ruby?", []),
     ("how much weight is lost cutting rough?", ["yield"]), ("what percentage of the rough is kept when cutting?",
     ["yield"]), ("how much weight is lost cutting a sapphire?", []),  # a gem's own losses, not the entry's
     ("how much weight is lost cutting a piece of rough?", ["yield"]),
     ("how much weight does a ring lose when polished?", []),  # its metal worn down, not rough cut (was the yield)
     ("how much weight does a gold ring lose when it is polished?", []),
     ("how much of a diamond is lost when cutting?", ["yield"]),  # the entry, its figures said to be coloured gems'
     ("how much does a diamond lose in cutting?", ["yield"]),
     ("what is a streak test?", ["streak"]), ("what colour streak should pyrite give?", []),
     ("how do I do a streak test?", ["streak"]),  # was the how-to-begin help
     ("what UV lamp do I need for fluorescent minerals?", ["UV lamp", "fluorescence"]),  # was a reading: glows
     ("which loupe should I buy?", ["loupe"]), ("what stone should I buy for my wife?", []),
     ("what's my stone's RI?", []), ("how do I tell ruby from garnet?", []),
     ("how do i tell them apart without a refractometer", [])],  # the instrument they lack is not asked
)  # fmt: skip
def test_a_quoted_term_or_one_asked_after_and_is_the_term_asked(question, terms):
    from gemlang.knowledge.glossary import terms_asked

    assert [t.term for t in terms_asked(question)] == terms


@pytest.mark.parametrize(
    "question, term",
    [("what is a negative crystal?", "negative crystal"),  # was "I have no facts on negative crystal"
     ("what does eye clean mean?", "eye clean"),  # was the how-to-begin help
     ("what are the 4Cs?", "4Cs"),  # was "I have no facts on the 4Cs": its 4 read as a reading
     ("how much does a carat weigh?", "carat"), ("how heavy is a carat?", "carat")],  # were the how-to-begin help
)  # fmt: skip
def test_negative_crystals_eye_clean_the_4cs_and_a_carats_weight_are_explained_from_the_glossary(question, term):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(f"**{term[0].upper()}{term[1:]}**: ") and not answer.candidates
    assert "weigh" not in question or "0.2 g" in answer.reply


@pytest.mark.parametrize(
    "question",
    ["How should I photograph stones for my shop?", "What lighting is best for photographing gemstones?",
     "What background should I use for gem photos?", "how do I photograph a gem with my phone?"],
)  # fmt: skip
def test_how_to_photograph_gems_for_a_listing_is_the_glossarys_sourced_entry(question):
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.565-1.599, SG 2.72, green")  # a stone in hand: the question is still of photographing gems
    answer = chat.ask(question)  # were the how-to-begin help, or "My facts on Emerald do not answer that"
    assert answer.reply.startswith("**Photographing gems**: ") and "diffused rather than direct" in answer.reply
    assert any("gia.edu" in note for note in answer.notes)


@pytest.mark.parametrize(
    "question",
    ["How do I measure a stone's size?", "how can I measure the size of a gem?", "how do I measure a loose stone?",
     "how do I measure the dimensions of a stone?", "how do I measure its size?", "how can I measure its dimensions?"],
)  # fmt: skip
def test_how_to_measure_a_stones_size_is_the_gauge_entry(question):
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.565-1.599, SG 2.72, green")
    answer = chat.ask(question)  # were the how-to-begin help, or "My facts on Emerald do not answer that"
    assert answer.reply.startswith("**Leveridge gauge**: ") and "measure loose and mounted stones alike" in answer.reply


@pytest.mark.parametrize(
    "question, term, said",
    [("what does SI1 mean?", "clarity grades", "SI1 and SI2 (slightly included)"),  # were "Grades need the stone
     ("what does VVS mean?", "clarity grades", "VVS1 and VVS2"),  # in hand …", a refusal of a definition
     ("what is the difference between VS1 and VS2?", "clarity grades", "difficult (VS1) to somewhat easy (VS2)"),
     ("what is D colour in diamonds?", "colour grades", "D, E and F colourless"),  # was the Diamond card
     ("is H colour good?", "colour grades", "taste and budget"),  # was the how-to-begin help
     ("what is an excellent cut?", "cut grades", "Excellent, Very Good, Good, Fair or Poor"),  # were "I have no
     ("what is a triple excellent diamond?", "cut grades", "trade term"),  # facts on …" or the Diamond card
     ("what does fluorescence do to a diamond's grade?", "fluorescence on a diamond report", "no part"),  # ranked
     ("what is fluorescence on a diamond report?", "fluorescence on a diamond report", "very strong"),  # were ranked
     ("what does 'medium blue fluorescence' mean on my GIA report?", "fluorescence on a diamond report", "none,"),  # as
     ("is strong fluorescence bad in a diamond?", "fluorescence on a diamond report", "GIA's own"),  # a glow read,
     ("does fluorescence affect a diamond's price?", "fluorescence on a diamond report", "preference"),  # or the card
     ("what does 'no BGM' mean?", "BGM", "brown, green, milky")],  # was the how-to-begin help
)  # fmt: skip
def test_what_a_diamond_grade_means_is_answered_from_the_grading_entries_beside_the_4cs(question, term, said):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert f"**{term[0].upper()}{term[1:]}**: " in answer.reply and not answer.candidates  # after a grade asked
    assert said in answer.reply and "<https://" in " ".join(answer.notes)


@pytest.mark.parametrize(
    "question",
    ["what does AAA quality mean?",  # was the how-to-begin help
     "the seller says it's AAA grade tanzanite, what does that mean?",  # were the Tanzanite card
     "is 'Tanzanite AAAA' a real grade?", "is AAA tanzanite better than AA?"],
)  # fmt: skip
def test_a_sellers_aaa_grade_is_explained_as_no_laboratorys_standard_whatever_gem_it_grades(question):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("**AAA grade**: ") and not answer.candidates
    assert "no generally accepted standard" in answer.reply and "rocksandco" in " ".join(answer.notes)


@pytest.mark.parametrize(
    "question, first",
    [("what does VS1 mean?", "**VS1**: VS1 and VS2 (very slightly included): minor inclusions"),  # were the whole
     ("is SI2 clarity bad?", "**SI2**: SI1 and SI2 (slightly included)"),  # scale, the grade asked in its middle
     ("what is an H colour diamond?", "**H**: G, H, I and J near colourless"),
     ("is P colour bad?", "**P**: N to R very light."),  # a grade inside a range of the scale
     ("G colour vs H colour?", "**G and H**: G, H, I and J near colourless"),  # one group, said once
     ("is F colour better than G colour?", "**F**: D, E and F colourless.\n\n**G**: G, H, I and J"),
     ("what does IF clarity mean?", "**IF**: IF (internally flawless)"),
     ("what does IF mean for a diamond?", "**IF**: IF (internally flawless)"),  # was the Diamond card
     ("what does FL mean?", "**FL**: FL (flawless)"),  # were the how-to-begin help
     ("what does if mean?", "**IF**: IF (internally flawless)"),
     ("IF vs VVS1?", "**IF**: IF (internally flawless)")],  # was VVS1's alone
)  # fmt: skip
def test_the_diamond_grade_asked_is_said_first_then_its_scale(question, first):
    from gemlang.assistant import Assistant

    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(first)
    assert "\n\n**Clarity grades**: " in reply or "\n\n**Colour grades**: " in reply


@pytest.mark.parametrize(
    "question, asked",
    [("is my diamond SI1 or SI2?", []), ("is it VS1?", []), ("what colour grade is this?", []),
     ("my diamond is graded SI1, what does that mean?", ["clarity grades"]),
     ("is F colour better than G colour?", ["colour grades"]),
     ("can I colour it?", []), ("what colour do rubies come in?", []), ("ruby vs spinel?", []),
     ("what does the stone's colour mean?", []),  # its "s colour" is no grade
     ("what happens if my diamond chips?", []), ("what if diamond is scratched?", []),  # the word "if", no grade
     ("what does it mean if a diamond is cloudy?", []),
     ("what is the fluorescence of diamond?", []), ("strong blue fluorescence under LW, could it be diamond?", []),
     ("diamond report: RI 2.42, strong blue fluorescence, is that bad?", []),  # a glow read, not the report's grade
     ("my diamond has medium blue fluorescence, is that ok?", ["fluorescence on a diamond report"]),  # was ranked
     ("does the fluorescence on my GIA cert matter?", ["fluorescence on a diamond report"])],  # was the report's
)  # fmt: skip
def test_a_grade_asked_of_the_stone_in_hand_is_no_definition_unless_its_meaning_is_asked(question, asked):
    from gemlang.assistant.questions import grades_asked

    assert grades_asked(question) == asked


@pytest.mark.parametrize(
    "question, term",
    [("what is the matrix?", "matrix"),  # was "I have no facts on matrix"
     ("what does 'massive' mean on a specimen label?", "crystal habit"),  # was the how-to-begin help
     ("what does botryoidal mean?", "crystal habit"),
     ("how do geodes form?", "geode"),  # was "A colour alone (purple) fits too many gems" after a purple stone
     ("what is a twinned crystal?", "twinning"),  # was "I have no facts on twinned crystal"
     ("what is a thunderegg?", "thunderegg"), ("what is a pseudomorph?", "pseudomorph"),
     ("what is a twin?", "twinning"),  # were "I have no facts on …"
     ("what is a vug?", "vug"), ("what is a pegmatite?", "pegmatite"),  # were "I have no facts on …"
     ("what is a mineraloid?", "mineraloid"),
     ("how do I start a rock collection?", "starting a collection"),  # were the how-to-begin help
     ("what tools do I need to start collecting minerals?", "starting a collection"),
     ("I am a beginner collector, where do I start?", "starting a collection"),  # were the how-to-begin help
     ("im a beginner rockhound, where should i begin?", "starting a collection"),
     ("how do I store my rock collection?", "storing a collection")],  # was "**Care depends on the gem**"
)  # fmt: skip
def test_a_collectors_words_matrix_habit_and_geode_are_explained_from_the_glossary(question, term):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(f"**{term[0].upper()}{term[1:]}**: ") and not answer.candidates


@pytest.mark.parametrize(
    "question",
    ["I cracked open a round rock, is this a geode?",  # was the how-to-begin help
     "I cracked open a round rock and it's full of purple crystals, is this a geode?"],  # was "A colour alone …"
)  # fmt: skip
def test_whether_a_rock_is_a_geode_is_answered_with_what_makes_one(question):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("Whether your stone is a geode is not something I can tell from a photo")
    assert "\n\n**Geode**: A geode is a rounded rock with a hollow inside" in answer.reply and not answer.candidates
    assert any(n.startswith("source (geode):") for n in answer.notes)
    both = Assistant(classifier=None).conversation().ask("is this a thunderegg or a geode?").reply
    assert both.startswith("Whether your stone is a geode or a thunderegg is not something I can tell")
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is a thunderegg?")
    assert not chat.ask("is it the same as a geode?").reply.startswith("Whether your stone")  # asked of another thing


@pytest.mark.parametrize(
    "chat",
    [["do I need a permit to collect on public land?"], ["can I collect rocks on private land?"],
     ["where are garnets found in the US?", "can I dig for them myself?"]],  # the last was garnet's bare card
)  # fmt: skip
def test_where_one_may_collect_is_answered_from_the_glossarys_sourced_rules(chat):
    from gemlang.assistant import Assistant

    conversation = Assistant(classifier=None).conversation()
    answer = [conversation.ask(message) for message in chat][-1]  # each was the how-to-begin help
    assert answer.reply.startswith("**Collecting rocks and minerals**: Where you may collect")
    assert "25 pounds a day plus one piece" in answer.reply and "owner's permission" in answer.reply
    assert any("43 CFR 8365.1-5" in n for n in answer.notes)
    found = Assistant(classifier=None).conversation().ask("found this on public land, what is it?")
    assert "Collecting rocks" not in found.reply  # a find's place, not a question of what is allowed


def test_a_students_why_and_how_of_the_refractometer_after_readings_is_explained_not_the_stones_value():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    chat.ask("my refractometer shows 1.762 - 1.770, what could it be?")
    asked = {  # each was the stone's own value ("**Corundum**: birefringence 0.008.") or no reason for it
        "what's birefringence and how do I get it from these?": "**Birefringence**: Birefringence is the number "
        "obtained by subtracting a gem's lowest refractive index from its highest",
        "how do I tell if it is uniaxial or biaxial?": "**Uniaxial**: A uniaxial gem",
        "why do I see two shadow edges?": "**Doubly refractive**: In a doubly refractive",
        "why does spinel only show one RI?": "**Singly refractive**: A singly refractive",
    }
    for question, explained in asked.items():
        assert explained in chat.ask(question).reply, question
    assert "interference figure" in chat.ask("how do I tell if it is uniaxial or biaxial?").reply
    assert "**Corundum**: birefringence 0.008" in chat.ask("what is its birefringence?").reply  # the stone's, as asked


def test_two_numbers_are_double_refraction_only_when_an_instrument_reads_them():
    from gemlang.knowledge.glossary import terms_asked

    assert "doubly refractive" in [t.term for t in terms_asked("why is the RI reading two numbers?")]
    for question in ("what are the two numbers on the certificate?", "what do the two readings on my report mean?"):
        assert "doubly refractive" not in [t.term for t in terms_asked(question)], question  # was Doubly refractive


@pytest.mark.parametrize(
    "question", ["is it legal to take stones from the beach?", "can I keep pebbles I pick up on the beach?"]
)
def test_taking_stones_from_a_beach_is_answered_with_beach_rules_not_cites_of_the_stone_in_hand(question):
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.544-1.553, SG 2.65")  # was "My facts hold no trade rule for Quartz": CITES listings
    answer = chat.ask(question)
    assert answer.reply.startswith("**Taking stones from a beach**: Beaches often have rules of their own")
    assert "Coast Protection Act 1949" in answer.reply and "CITES" not in answer.reply
    assert any(n.startswith("source (taking stones from a beach):") for n in answer.notes)
    found = Assistant(classifier=None).conversation()
    found.ask("RI 1.544-1.553, SG 2.65")
    assert "Beaches" not in found.ask("I picked it up on the beach, can you tell what it is?").reply  # no such question


@pytest.mark.parametrize(
    "question",
    ["what should I write on a specimen label?", "how should I label my specimens?",
     "how do I catalogue my mineral collection?"],  # each was the how-to-begin help
)  # fmt: skip
def test_how_to_label_specimens_is_answered_from_the_glossarys_sourced_entry(question):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("**Specimen label**: A label card goes with each specimen.")
    assert "a lost locality usually cannot be recovered" in answer.reply
    assert any(n.startswith("source (specimen label):") for n in answer.notes)


def test_iolite_as_gem_cordierite_cites_a_university_page_not_a_gem_sellers():
    citation = get_facts("Iolite").citations["composition"]
    assert "berkeley.edu" in citation and "gemfame" not in citation  # was a gem seller's information page


@pytest.mark.parametrize("term", ["twinning", "storing a collection"])
def test_the_twinning_and_storage_entries_cite_no_blog_copy_or_wiki_mirror(term):
    from gemlang.knowledge.glossary import term_called

    entry = term_called(term)
    assert not re.search(r"blogspot|huuu\.biz|reddit", entry.source)  # were a blog copying Wikipedia, a Reddit mirror
    assert "gypsum" not in entry.text and "zeolites" not in entry.text  # said by those pages alone


def test_a_reading_or_a_weight_asked_of_a_gem_is_no_glossary_question():
    from gemlang.knowledge.glossary import terms_asked

    assert terms_asked("what is a 4 ct stone?") == [] and terms_asked("how much does a 2 carat diamond weigh?") == []
    assert terms_asked("how much is a carat worth?") == []


def test_a_fire_opals_fire_is_its_body_colour_and_no_mechanism_explains_it():
    from gemlang.knowledge.glossary import mechanism

    assert mechanism("what causes the fire in fire opal?", []) == []
    assert [t.term for t in mechanism("why does opal have fire?", [])] == ["play-of-colour"]


def test_a_narrower_thing_named_before_a_term_is_not_answered_with_the_terms_entry():
    from gemlang.knowledge.glossary import terms_asked

    assert terms_asked("what are horsetail inclusions?") == []  # a kind of inclusion the glossary lacks
    assert [t.term for t in terms_asked("what are inclusions?")] == ["inclusion"]
    assert [t.term for t in terms_asked("what is strong pleochroism?")] == ["pleochroism"]
    assert [t.term for t in terms_asked("What is chatoyancy vs asterism?")] == ["chatoyancy", "asterism"]
    assert [t.term for t in terms_asked("What is a bull's eye interference figure?")] == ["interference figure"]


@pytest.mark.parametrize(
    "question, term",
    [("how does a refractometer work?", "refractometer"), ("How does the polariscope work", "polariscope"),
     ("how does a dichroscope work?", "dichroscope"), ("how does the chelsea filter work?", "Chelsea filter"),
     ("how does a hydrostatic balance work?", "hydrostatic weighing"), ("how do heavy liquids work?", "heavy liquids"),
     ("how does a spectroscope work?", "spectroscope"), ("how does a UV lamp work?", "UV lamp"),
     ("how does a loupe work?", "loupe"), ("how does a diamond tester work?", "thermal diamond tester"),
     ("how does a moissanite tester work?", "moissanite tester"),
     ("how is refractive index measured?", "refractive index"),
     ("why are some gems doubly refractive?", "doubly refractive"), ("what causes colour in gems?", "cause of colour"),
     ("why do gems have colour?", "cause of colour"), ("what is an idiochromatic gem?", "cause of colour"),
     ("what causes chromium to colour the stone green?", "cause of colour"),  # was the help text
     ("how does iron colour a gem?", "cause of colour"),
     ("why are gems shiny?", "lustre"),  # was the help text
     ("what's the difference between a gem and a mineral?", "gem or mineral")],  # was the help text
)  # fmt: skip
def test_how_an_instrument_works_and_why_gems_show_a_property_are_glossary_questions(question, term):
    from gemlang.knowledge.glossary import terms_asked

    assert [t.term for t in terms_asked(question)] == [term]


@pytest.mark.parametrize(
    "question, term",
    [("what is a mineral?", "gem or mineral"), ("what is a gemstone?", "gem or mineral"),
     ("what are gems?", "gem or mineral"), ("is a gem a mineral?", "gem or mineral"), ("what is a rock?", "rock"),
     ("are gems rocks?", "rock"), ("is a crystal a mineral?", "crystal"), ("are crystals minerals?", "crystal"),
     ("is a mineral a crystal?", "crystal")],  # each was "I have no facts on mineral …" or the help text
)  # fmt: skip
def test_what_a_gem_a_mineral_or_a_rock_is_gets_its_glossary_entry(question, term):
    from gemlang.knowledge.glossary import terms_asked

    assert [t.term for t in terms_asked(question)] == [term]


def test_gems_minerals_or_rocks_named_in_a_question_of_something_else_ask_no_term():
    from gemlang.knowledge.glossary import terms_asked, terms_named

    assert terms_asked("what are the gems of Mogok?") == [] and terms_asked("what is the hardest gem?") == []
    assert terms_named("I found a rock with a green mineral in it") == []


def test_the_names_of_glossary_terms_are_compiled_once_not_again_for_each_message(monkeypatch):
    from gemlang.knowledge.glossary import glossary, terms_named

    assert "refractometer" in [t.term for t in terms_named("what is a refractometer?")]
    compiled = []
    compile_pattern = re._compile  # what `re.search` and `re.compile` compile with, when `re` has no copy kept
    monkeypatch.setattr(re, "_compile", lambda *args: compiled.append(args[0]) or compile_pattern(*args))
    re.purge()
    assert "refractometer" in [t.term for t in terms_named("how do I use a refractometer?")]
    assert len(compiled) < len(glossary())  # a few patterns of the message's own, not one per name of a term


def test_adularescence_and_schiller_are_explained_not_taken_as_a_reading_of_the_stone():
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask("what is adularescence?")  # was a ranking of moonstone
    assert answer.reply.startswith("**Adularescence**: ") and not answer.candidates
    assert Assistant(classifier=None).conversation().ask("what is schiller?").reply.startswith("**Labradorescence**:")


def test_silk_is_explained_not_taken_as_a_reading_of_the_stone():
    from gemlang.assistant import Assistant
    from gemlang.knowledge.glossary import terms_asked

    answer = Assistant(classifier=None).conversation().ask("what are silk inclusions?")  # was a ranking of corundum
    assert answer.reply.startswith("**Silk**: ") and "rutile" in answer.reply and not answer.candidates
    assert terms_asked("what are horsetail inclusions?") == []  # a kind of inclusion the glossary still lacks
    assert [t.term for t in terms_asked("what is a cabochon?")] == ["cabochon"]  # was "I have no facts on cabochon"


def test_how_a_stone_or_a_gem_is_tested_is_no_glossary_question():
    from gemlang.knowledge.glossary import terms_asked

    assert terms_asked("how do I test it?") == [] and terms_asked("how is B jade detected?") == []
    assert terms_asked("why is ruby red?") == [] and terms_asked("why does my stone glow under UV?") == []


def test_the_refractometer_entry_says_it_works_by_the_critical_angle():
    from gemlang.knowledge.glossary import terms_asked

    assert "critical angle" in terms_asked("how does a refractometer work?")[0].text


@pytest.mark.parametrize(
    ("question", "term", "said"),
    [("what is the critical angle?", "critical angle", "sin CA = 1/RI"),
     ("what is total internal reflection?", "critical angle", "totally reflected"),
     ("what is the optic axis?", "optic axis", "Uniaxial gems"),
     ("what is a bull's eye figure?", "interference figure", "Quartz shows a figure of its own")],
)  # fmt: skip
def test_an_exam_term_of_the_instruments_has_a_sourced_entry(question, term, said):
    from gemlang.knowledge.glossary import terms_asked

    asked = terms_asked(question)  # was none: "I have no facts on critical angle", or a uniaxial reading
    assert [t.term for t in asked] == [term] and said in asked[0].text and "<http" in asked[0].source


def test_a_term_that_names_a_gem_is_asked_and_a_question_about_the_gem_is_not():
    from gemlang.knowledge.glossary import terms_asked

    assert [t.term for t in terms_asked("what does B jade mean?")] == ["B jade"]
    assert terms_asked("what is jade?") == [] and terms_asked("what is the RI of ruby?") == []


@pytest.mark.parametrize(
    "question, term",
    [("what is beryllium diffusion?", "beryllium diffusion"),  # was "I have no facts on beryllium diffusion"
     ("what is a composite ruby?", "lead-glass filling"),  # was "**Ruby**" alone
     ("what is a simulated diamond?", "simulant"),  # was "**Diamond**" alone
     ("what does HPHT mean?", "HPHT"),  # was the how-to-begin help
     ("what is the flash effect?", "flash effect")],  # was "I have no facts on flash effect"
)  # fmt: skip
def test_a_treatment_or_imitation_named_with_a_gem_is_explained_as_the_term_it_is(question, term):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(f"**{term[0].upper() + term[1:]}**: ") and any(
        n.startswith(f"source ({term}): ") for n in answer.notes
    )


def test_beryllium_diffusion_says_what_its_sources_say_of_detection_no_more():
    from gemlang.assistant import Assistant

    reply = Assistant(classifier=None).conversation().ask("what is beryllium diffusion?").reply
    assert "Standard gemmological testing identifies many such stones" in reply  # Emmett et al., G&G 2003
    assert "the usual tests miss it" not in reply and "titanium" not in reply  # said by none of its sources


def test_lead_glass_filling_cites_the_source_of_the_signs_it_gives():
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask("what is a composite ruby?")
    assert "blue and orange flashes in the fissures and gas bubbles trapped in the filled fractures" in answer.reply
    assert "nationaljeweler.com" in " ".join(answer.notes)  # the GIA lab note that names both signs


def test_reconstituted_turquoise_is_the_reconstructed_imitation_not_turquoise():
    assert find_gem("reconstituted turquoise").name == "Reconstructed Turquoise"  # was Turquoise itself


def test_thailand_and_cambodia_are_sapphire_sources():
    countries = " ".join(get_facts("Sapphire").localities)
    assert "Thailand" in countries and "Cambodia" in countries  # else "from Thailand" argued against sapphire
    assert "gia.edu" in get_facts("Sapphire").citations["localities"]


def test_the_polariscope_sets_an_aggregate_apart_and_the_dichroscope_a_strongly_pleochroic_gem():
    from gemlang.knowledge.tell_apart import tell_apart

    jade = tell_apart(get_facts("Peridot"), get_facts("Jadeite"))
    assert "optic character (polariscope): Peridot doubly refractive, biaxial, Jadeite aggregate" in jade
    iolite = tell_apart(get_facts("Amethyst"), get_facts("Iolite"))
    assert "pleochroism (dichroscope): Amethyst weak pleochroism, Iolite strong pleochroism" in iolite


def test_a_variety_known_by_a_phenomenon_is_set_apart_by_it_and_its_look_alikes_by_the_constants():
    from gemlang.knowledge.tell_apart import tell_apart

    text = tell_apart(get_facts("Cats Eye"), get_facts("Chrysoberyl"))
    assert "apart from other chrysoberyl is its cat's-eye" in text and "is its colour" not in text
    assert "quartz cat's-eye" in text and "RI 1.746–1.755" in text
    assert "is its colour change" in tell_apart(get_facts("Alexandrite"), get_facts("Chrysoberyl"))


def test_no_polariscope_or_dichroscope_is_advised_for_a_stone_no_light_passes():
    from gemlang.knowledge.tell_apart import tell_apart

    assert get_facts("Turquoise").diaphaneity == "opaque" and get_facts("Turquoise").citations["diaphaneity"]
    for opaque, other in [("Turquoise", "Dyed Howlite (Turquoise Simulant)"), ("Onyx Black", "Glass (Paste)")]:
        advice = tell_apart(get_facts(opaque), get_facts(other))
        assert "polariscope" not in advice and "dichroscope" not in advice
    assert "polariscope" in tell_apart(get_facts("Jade"), get_facts("Glass (Paste)"))  # translucent: it stays light


def test_every_photo_class_fluorescence_that_entries_json_states_is_cited_and_read_as_a_lamp_reading():
    from gemlang.knowledge.instruments import fluorescence_classes

    stated = [get_facts(n) for n in class_names() if get_facts(n).sources.get("fluorescence") == SOURCE_GEMLANG]
    assert len(stated) > 60
    assert all(g.citations.get("fluorescence", "").endswith(">") for g in stated)
    assert fluorescence_classes(get_facts("Peridot").fluorescence)[0] == "inert"
    assert get_facts("Ruby").fluorescence.startswith("Moderate to strong red (long-wave UV)")  # the database's


def test_a_kind_of_a_material_made_in_kinds_is_told_by_its_constants_not_said_to_have_no_test():
    from gemlang.knowledge.tell_apart import tell_apart

    advice = tell_apart(get_facts("Jadeite"), get_facts("Jade"))
    assert "no test separates" not in advice and "nephrite jade RI 1.600" in advice


def test_no_knowledge_file_names_a_key_twice():
    """A key given twice in a JSON object is silently overwritten by the second: a fact would be lost."""
    import json
    from pathlib import Path

    import gemlang.knowledge

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
        return dict(pairs)

    for path in Path(gemlang.knowledge.__file__).parent.glob("*.json"):
        json.loads(path.read_text(), object_pairs_hook=no_duplicates)


def test_an_assembled_stone_is_told_by_its_join_first_and_never_by_a_scratch():
    from gemlang.knowledge.tell_apart import tell_apart

    text = tell_apart(get_facts("Garnet-Topped Doublet"), get_facts("Sapphire"))
    assert text.startswith("To tell Garnet-Topped Doublet from Sapphire: the join, seen from the side with a loupe")
    assert "red ring" in text and "scratch" not in text


def test_every_foreign_trade_word_names_the_page_its_translation_was_checked_against():
    from gemlang.knowledge.foreign_words import FOREIGN_WORDS_PATH

    words = json.loads(FOREIGN_WORDS_PATH.read_text(encoding="utf-8"))["words"]
    assert words and all("<http" in w["source"] and w["english"] and w["language"] for w in words)


def test_padparadscha_is_the_trade_name_for_orange_pink_sapphire_often_beryllium_diffused():
    from gemlang.assistant import Assistant
    from gemlang.knowledge.knowledge_base import gems_named_in

    assert [g.name for g in gems_named_in("an orange-pink sapphire sold as padparadscha")] == ["Padparadscha Sapphire"]
    answer = (
        Assistant(classifier=None).conversation().ask("I have an orange-pink sapphire sold as padparadscha. Is it?")
    )
    assert "trade name for sapphire of light to medium pinkish-orange to orange-pink" in answer.description
    assert "beryllium diffusion" in answer.description
    treated = {g.name: g.treatments for g in all_gems() if g.name in ("Padparadscha Sapphire", "Sapphire Pink")}
    assert not any("(rare)" in t for ts in treated.values() for t in ts)
    assert any(t.startswith("Beryllium diffusion (common") for t in treated["Padparadscha Sapphire"])


def test_the_german_words_for_blue_heated_and_genuine_are_checked_against_pages_that_define_them():
    from gemlang.knowledge.foreign_words import FOREIGN_WORDS_PATH, in_english

    sources = {w["word"]: w["source"] for w in json.loads(FOREIGN_WORDS_PATH.read_text(encoding="utf-8"))["words"]}
    for word, meaning in (("blau", "blue"), ("erhitzt", "heated"), ("echt", "genuine")):
        said = sources[word].split(" <")[0]
        assert re.search(rf"\b{word[:6]}\w*\b[^<]*\b{meaning}\b", said, re.I), word  # the page gives the meaning
        assert not re.search(r"juwelier|ceylons|edelstein", sources[word], re.I), word  # not a shop using the word
        assert in_english(f"{word} stein") == f"{meaning} stein"


@pytest.mark.parametrize(
    "question, lead",
    [("is pearl a mineral?", "**Not a mineral**: Pearl is an organic gem"),  # each was the gem's bare card
     ("is amber a mineral?", "**Not a mineral**: Amber is an organic gem"),
     ("is coral a stone?", "**An organic gem**: Coral is counted among gems"),
     ("what is an organic gem?", "**Organic gem**: ")],  # was "I have no facts on organic gem"
)  # fmt: skip
def test_an_organic_gem_asked_as_a_mineral_or_a_stone_is_said_to_be_one_with_what_that_means(question, lead):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(lead) and "made by living things" in answer.reply
    assert any("geology.com/gemstones/organic-gemstones" in note for note in answer.notes)
    assert "organic gem" not in Assistant(classifier=None).conversation().ask("is quartz a mineral?").reply


@pytest.mark.parametrize("gem", ["opal", "obsidian", "moldavite"])
def test_an_amorphous_gem_asked_as_a_mineral_is_said_to_be_a_mineraloid_with_what_that_means(gem):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(f"is {gem} a mineral?")  # each was the gem's bare card
    assert answer.reply.startswith(f"**Not a true mineral, a mineraloid**: {gem.title()} has no crystal structure")
    assert "**Mineraloid**: " in answer.reply and any("Mineraloid" in note for note in answer.notes)
    assert "mineraloid" not in Assistant(classifier=None).conversation().ask("is chrysocolla a mineral?").reply


@pytest.mark.parametrize(
    "question, lead, term",
    [("is quartz a mineral?", "**Yes, a mineral**: Quartz is a naturally occurring, inorganic solid", "Gem or mineral"),
     ("is ruby a mineral?", "**Yes, a mineral**: Ruby is a naturally occurring", "Gem or mineral"),
     ("is lapis lazuli a mineral?", "**Not a mineral, a rock**: Lapis Lazuli is lazurite-rich rock", "Rock"),
     ("is opal a gem?", "**Yes**: Opal is a gem, though not a true mineral: a mineraloid", "Mineraloid")],
)  # fmt: skip
def test_a_crystalline_gem_a_rock_or_a_mineraloid_asked_as_a_mineral_or_a_gem_says_which(question, lead, term):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)  # each was the gem's bare card
    assert answer.reply.startswith(lead) and f"**{term}**: " in answer.reply


@pytest.mark.parametrize(
    "question, entry",
    [("is coal a mineral?", "**Coal**: Coal is not a mineral but a rock"),  # each was the how-to-begin help
     ("is petrified wood a mineral?", "**Petrified wood**: Petrified wood is not a mineral but a fossil"),
     ("is resin a gem?", "**Resin**: Resin is not a mineral, and no gem until it is fossilised")],
)  # fmt: skip
def test_a_material_that_is_no_gem_asked_as_a_mineral_is_answered_from_its_glossary_entry(question, entry):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(entry) and any(note.startswith("source (") for note in answer.notes)


def test_is_it_a_mineral_is_answered_of_the_gem_in_hand():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the RI of ruby?")
    assert chat.ask("is it a mineral?").reply.startswith("**Yes, a mineral**: Ruby is a naturally occurring")


def test_a_geode_and_a_vug_asked_together_are_both_explained_and_told_apart():
    from gemlang.assistant import Assistant

    reply = Assistant(classifier=None).conversation().ask("what is a geode vs a vug?").reply  # was the geode alone
    assert "**Geode**: " in reply and "**Vug**: " in reply and "A geode is a special kind of vug" in reply


@pytest.mark.parametrize(
    "question, lead",
    [("what is a semi-precious stone?", "**Precious and semi-precious**: 'Precious' and 'semi-precious' are trade"),
     ("what are the four precious stones?", "**Precious and semi-precious**: "),  # was the help text
     ("what is a crystal?", "**Crystal**: In mineralogy a crystal is a solid"),  # each was "I have no facts on …"
     ("what is a negative crystal?", "**Negative crystal**: "),  # the longer term still wins
     ("is sapphire a precious stone?", "**By trade custom, yes**: Sapphire is one of the four gems called precious"),
     ("is amethyst semi-precious?", "**By trade custom, semi-precious**: Amethyst is not one of the four"),
     *[(beginner, "**Rough for a beginner**: Faceting guides differ on the first rough to cut.") for beginner in (
         "what's a good gem for a hobbyist to start cutting?", "what's the easiest gem to facet?",  # were the help
         "what stone should a beginner faceter buy?", "which rough should I learn to facet on?",
         "how do I start cutting gems?")]],
)  # fmt: skip
def test_semi_precious_a_crystal_and_a_beginners_rough_are_explained_from_the_glossary(question, lead):
    from gemlang.assistant import Assistant

    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(lead) and not answer.candidates
    assert "semi" not in question or "never had a scientific basis" in answer.reply
    if "beginner" in lead:  # the sources differ on quartz, and both are cited
        assert "Quartz is what many start with" in answer.reply and "some teachers steer beginners away" in answer.reply
        assert any("ctminsoc.org.za" in note and "facetingacademy.com" in note for note in answer.notes)
    lead_glass = Assistant(classifier=None).conversation().ask("what is lead crystal?").reply  # glass: no crystal
    assert not lead_glass.startswith("**Crystal**")


def test_a_magnet_tells_apart_the_gems_a_source_says_it_draws_plainly_from_those_it_barely_draws():
    from gemlang.knowledge.tell_apart import tell_apart

    assert "magnet test (neodymium magnet): Hematite drawn only weakly, Magnetite held by any magnet" in tell_apart(
        get_facts("Hematite"), get_facts("Magnetite")
    )
    assert "magnet" in tell_apart(get_facts("Almandine"), get_facts("Zircon"))  # picked up, against not drawn
    assert "magnet" not in tell_apart(get_facts("Ruby"), get_facts("Grossular"))  # both barely drawn


def test_smoky_quartz_has_its_sourced_weak_dichroism_so_the_dichroscope_tells_it_from_iolite():
    from gemlang.knowledge.tell_apart import tell_apart

    smoky = get_facts("Quartz Smoky")
    assert smoky.pleochroism.startswith("Weak") and "wikipedia.org/wiki/Smoky_quartz" in smoky.citations["pleochroism"]
    advice = tell_apart(get_facts("Iolite"), smoky)
    assert "pleochroism (dichroscope): Iolite strong pleochroism, Quartz Smoky weak pleochroism" in advice


def test_the_resin_entry_cites_a_page_for_copal_as_a_partly_polymerised_resin():
    from gemlang.knowledge.glossary import term_called

    resin = term_called("resin")
    assert "partly polymerised" in resin.text and "depositsmag.com" in resin.source  # the claim, and its page


@pytest.mark.parametrize(
    ("text", "said"),
    [("Stable to daylight and UV. Avoid solvents.", ["Stable to daylight and UV.", "Avoid solvents."]),
     ("Measured in air, giving the SG. Determining SG this way is safe.",
      ["Measured in air, giving the SG.", "Determining SG this way is safe."]),
     ("Quoted with the optic character, e.g. B+ for biaxial stones. It varies.",
      ["Quoted with the optic character, e.g. B+ for biaxial stones.", "It varies."]),
     ("Peridot from St. John's Island, approx. Ten carats. Found by J. P. Morgan.",
      ["Peridot from St. John's Island, approx. Ten carats.", "Found by J. P. Morgan."]),
     ("Mined at Mt. Mica in Maine. RI 1.62. It glows.", ["Mined at Mt. Mica in Maine.", "RI 1.62.", "It glows."])],
)  # fmt: skip
def test_a_sentence_ends_after_an_acronym_but_not_after_an_abbreviation_or_an_initial(text, said):
    from gemlang.knowledge.facts import sentences

    assert sentences(text) == said  # "UV." ended none: the emerald's dull-stone cause quoted three sentences as two
