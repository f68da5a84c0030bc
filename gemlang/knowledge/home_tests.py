"""Tests people make at home to "prove" a gem ("the diamond tester beeped", "it didn't burn in a lighter"), and
what each really shows, from `home_tests.json` (each checked against the pages it names).

A home test that proves nothing must not read as a yes: "I heated it with a lighter and it didn't burn, so
it's a diamond?" gets why it proves nothing, whether it can harm the stone, and what would settle it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gemlang.knowledge.facts import GemFacts
from gemlang.patterns import compiled

HOME_TESTS_PATH = Path(__file__).with_name("home_tests.json")
# a claim about the stone that the test is meant to prove: "so it's a diamond?", "is it real?", "must be"
CLAIM = re.compile(
    r"\b(?:so|therefore|which means|means|proves?|must be|is it|it'?s|it is|is this|(?:could|might|can) (?:it|this) be)"
    r"\b[^.;]{0,30}"
    r"\b(?:real|genuine|fake|natural|diamond|ruby|sapphire|emerald|gem)\b|"
    r"\bis (?:it|this|my \w+) (?:real|genuine|fake)\b",
    re.I,
)


@dataclass(frozen=True)
class HomeTest:
    test: str  # "the fog test"
    said_as: tuple[str, ...]  # regular expressions, lower case
    needs_claim: bool  # the words are also a plain reading ("it scratches glass"): only with a claim
    text: str
    sources: tuple[str, ...]
    not_said_as: tuple[str, ...] = ()  # words that make the note beside the point ("opaque", "jasper")
    about: str = ""  # the gem the test is made to tell ("diamond", "pearl"); '' for any stone


@cache
def home_tests() -> tuple[HomeTest, ...]:
    with open(HOME_TESTS_PATH, encoding="utf-8") as f:
        entries = json.load(f)["tests"]
    return tuple(
        HomeTest(
            e["test"],
            tuple(e["said_as"]),
            e["needs_claim"],
            e["text"],
            tuple(e["sources"]),
            tuple(e.get("not_said_as", ())),
            e.get("about", ""),
        )
        for e in entries
    )


def home_tests_in(text: str) -> list[HomeTest]:
    """The home tests a message reports as proof of what the stone is, in the order of `home_tests.json`."""
    lowered = (text or "").lower().replace("’", "'")
    claimed = CLAIM.search(lowered) is not None
    return [
        t
        for t in home_tests()
        if (claimed or not t.needs_claim)
        and any(compiled(pattern).search(lowered) for pattern in t.said_as)
        and not any(compiled(pattern).search(lowered) for pattern in t.not_said_as)
    ]


# "how do I tell if a diamond is real at home?", "how can I check at home?", "home test for a pearl?", "what tests can
# I do at home?"
TESTING_AT_HOME = re.compile(
    r"\b(?:tests?|tell|check|know|prove|see)\b[^.?!]{0,50}\b(?:at home|myself|without (?:a |an )?(?:lab|jewell?er))\b|"
    r"\bhome[- ]tests?\b",
    re.I,
)
LISTED_ONLY_FOR = ("pearl",)  # the tests of a gem said only when it is asked: the tooth test
NOT_A_TEST = ("a stone found outdoors",)  # a note on finds, not a test


def testing_at_home_answer(text: str, gem: GemFacts | None = None) -> str:
    """What the usual home tests show, one line each (the first sentence of each note), and what settles it; ''
    unless the message asks how to test a stone at home. `gem`: the one gem the message names ("how can I test my
    ruby at home?"): the tests made to tell another gem (diamond's) are said to be of that gem, not listed."""
    if not TESTING_AT_HOME.search(text or ""):
        return ""
    kinds = [gem.name.lower(), gem.species.lower(), gem.imitates.lower()] if gem else [text.lower()]
    of_it = lambda about: any(re.search(rf"\b{about}s?\b", k) for k in kinds if k)  # noqa: E731 - CZ: diamond's
    tests = [t for t in home_tests() if t.test not in NOT_A_TEST]
    of_others = [t for t in tests if t.about and not of_it(t.about) and (gem or t.about != "diamond")]
    kept = [t for t in tests if t not in of_others]
    lines = [f"- {t.text.split('. ')[0].rstrip('.')}." for t in kept]  # each note's first sentence names its test
    for about in dict.fromkeys(t.about for t in of_others if gem and t.about not in LISTED_ONLY_FOR):
        named = [t.test for t in of_others if t.about == about]  # "my ruby": diamond's tests, said to be diamond's
        said = ", ".join(named[:-1]) + f" and {named[-1]}" if len(named) > 1 else named[0]
        tell = "tell" if len(named) > 1 else "tells"
        lines.append(f"- {said[0].upper()}{said[1:]} {tell} {about} from its imitations, not {gem.name.lower()}.")
    return (
        "**No home test proves what a stone is.** What the usual ones show:\n"
        + "\n".join(lines)
        + "\n\nWhat settles it is a gemmologist's instruments (refractometer, balance, a 10x loupe, a moissanite "
        "tester) or a gem laboratory; tell me any readings you get."
    )
