"""The explicit evidence model: readings as likelihoods over every gem, the photo, reasons and the next test."""

from __future__ import annotations

import numpy as np
import pytest

from gemlang.fusion import EvidenceModel
from gemlang.fusion.evidence import BLUNDER, interval_likelihood
from gemlang.hints import parse_hints
from gemlang.readings import Reading

CLASSES = ["Ruby", "Sapphire Blue", "Tanzanite", "Garnet Red", "Spinel"]


@pytest.fixture(scope="module")
def model() -> EvidenceModel:
    return EvidenceModel(CLASSES)


def photo(**probs) -> np.ndarray:
    p = np.array([probs.get(c.replace(" ", "_"), 0.01) for c in CLASSES])
    return p / p.sum()


def test_a_reading_inside_a_narrow_range_outweighs_one_inside_a_broad_range_and_a_far_one_hits_the_floor():
    sigma = 0.005
    narrow = interval_likelihood(Reading(1.765, 1.765), (1.762, 1.770), sigma)
    broad = interval_likelihood(Reading(1.765, 1.765), (1.73, 1.89), sigma)
    far = interval_likelihood(Reading(1.765, 1.765), (1.691, 1.700), sigma, BLUNDER["ri"])
    assert narrow > 5 * broad and far == pytest.approx(BLUNDER["ri"] / (0.009 + 2.5 * sigma))


def test_readings_alone_rank_every_gem_of_the_knowledge_base_like_a_determinative_table(model):
    ranking = model.fuse(None, parse_hints("RI 2.16, SG 5.8, singly refractive")).ranking
    assert ranking[0][0] == "Cubic Zirconia"  # not one of the photo classes
    spinel = [n for n, _ in model.fuse(None, parse_hints("RI 1.718, SG 3.60, singly refractive")).ranking[:2]]
    assert "Spinel" in spinel


def test_a_reading_that_rules_out_the_photos_answer_says_why_and_flags_the_conflict(model):
    fused = model.fuse(photo(Tanzanite=0.9), parse_hints("RI 1.77, found in Sri Lanka"))
    assert fused.ranking[0][0] != "Tanzanite"
    assert "RI 1.770 rules out Tanzanite (1.691–1.700)" in fused.reasons
    assert "Tanzanite is only known from Tanzania; you said Sri Lanka" in fused.reasons
    assert fused.conflict and "Tanzanite" in fused.conflict


def test_agreeing_readings_sharpen_the_photo_without_a_conflict(model):
    before = model.fuse(photo(Sapphire_Blue=0.5, Tanzanite=0.45), parse_hints("")).probabilities
    fused = model.fuse(photo(Sapphire_Blue=0.5, Tanzanite=0.45), parse_hints("RI 1.762-1.770, SG 4.00"))
    i = model.index["Sapphire Blue"]
    assert fused.ranking[0][0] == "Sapphire Blue" and fused.probabilities[i] > before[i] + 0.3
    assert fused.conflict is None


def test_a_photo_alone_never_ranks_a_gem_it_was_not_trained_on_first(model):
    fused = model.fuse(photo(Ruby=0.4, Spinel=0.35), parse_hints(""))
    assert fused.ranking[0][0] in CLASSES and fused.ranking[4][0] in CLASSES


def test_the_next_test_splits_the_leaders_and_is_never_destructive(model):
    fused = model.fuse(None, parse_hints("RI 1.69"))
    assert fused.next_test and "scratch" not in fused.next_test
    sapphire_or_tanzanite = model.fuse(photo(Sapphire_Blue=0.5, Tanzanite=0.5), parse_hints(""))
    assert sapphire_or_tanzanite.next_test.startswith("refractive index with a refractometer")


def test_a_class_the_knowledge_base_lacks_still_gets_its_photo_probability():
    fused = EvidenceModel(["Ruby", "My Mystery Stone"]).fuse(np.array([0.2, 0.8]), parse_hints(""))
    assert fused.ranking[0][0] == "My Mystery Stone"


def test_every_gem_prints_a_value_for_every_test_even_where_the_knowledge_base_is_silent(model):
    from gemlang.knowledge.instruments import TESTS, value_text

    for profile, gem in zip(model.profiles, model.facts, strict=True):
        for test in TESTS:
            assert value_text(profile, gem, test.key)
