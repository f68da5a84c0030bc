"""Which gem is the hardest, softest, densest, of highest RI: ranked from the knowledge base's own ranges."""

from __future__ import annotations

from gemlang.assistant import Assistant
from gemlang.knowledge.superlatives import superlative_answer


def test_the_hardest_gem_and_the_hardest_after_diamond_come_from_the_ranges():
    assert superlative_answer("What is the hardest gem?").startswith("**Diamond (Mohs 10)** is the hardest natural")
    after = superlative_answer("What is the hardest gem after diamond?")
    assert after.startswith("**Corundum (Ruby, ") and "after Diamond" in after
    assert "Moissanite would come first" in after  # man-made, and harder than corundum
    assert superlative_answer("what is the second hardest mineral?").startswith("**Corundum")
    assert superlative_answer("the hardest gem besides diamond and corundum?").startswith("**Chrysoberyl")


def test_a_collectors_stone_first_is_followed_by_the_first_met_outside_collections():
    heavy = superlative_answer("what is the heaviest gemstone?")
    assert heavy.startswith("**Galena (SG 7.40–7.60; a collector's stone)**")
    assert "Of the gems met outside collections, " in heavy
    assert superlative_answer("which gem is the lightest?").startswith("**Amber (SG 1.05–1.09)**")
    assert superlative_answer("what gem has the lowest RI?").startswith("**Opal")
    assert "dispersion 0.330" in superlative_answer("which stone has the most fire?")


def test_a_turn_of_phrase_is_no_superlative_question():
    assert superlative_answer("the hardest part is telling them apart") == ""
    assert superlative_answer("RI 1.76, SG 4.00") == ""


def test_the_chat_answers_it_instead_of_naming_the_gem_after_which():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("What is the hardest gem after diamond?")
    assert answer.reply.startswith("**Corundum") and not answer.candidates
    # a reading in the message is about the stone in hand: ranked as readings, not as a superlative
    assert chat.ask("RI 1.762-1.770, which is the hardest gem it could be?").candidates
