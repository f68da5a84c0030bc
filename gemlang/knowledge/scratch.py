"""The reference objects of a home scratch test, with the Mohs hardness a gemmologist assumes for each.

One table serves the three places that need it: reading "it scratches glass" from a message (every
name below), simulating what people report (`share`: how often a person uses that object), and advising
a scratch test on rough material (`ADVISED`: the objects a person is likely to have at hand).

A scratch test damages a cut stone, so advice that uses it is for rough material only and says so
(`DAMAGE_WARNING`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScratchReference:
    name: str  # as advice writes it: "a copper coin"
    hardness: float
    words: tuple[str, ...]  # how a message names it, longest match wins
    share: float = 0.0  # how often people report a test against it (simulation of what they type)
    source: str = ""  # where the hardness is given, for an object no gemmology text lists


REFERENCES = (
    ScratchReference(
        "a fingernail", 2.5, ("fingernail", "finger nail", "my nail", "your nail", "thumbnail", "thumb nail"), 0.1
    ),
    ScratchReference("a copper coin", 3.5, ("copper coin", "copper", "penny", "coin"), 0.15),
    ScratchReference("glass", 5.5, ("glass", "window"), 0.3),
    ScratchReference("a steel knife", 5.5, ("knife", "knife blade", "pocket knife", "penknife", "blade", "steel"), 0.2),
    ScratchReference("a steel file", 6.5, ("steel file", "file")),
    # "a nail" is a steel one, "my nail", "your nail" or "thumb nail" a fingernail (the longer words win)
    ScratchReference(
        "a steel nail",
        5.5,
        ("steel nail", "nail"),
        source="Pinal Geology & Mineral Museum, Mineral ID: Hardness: a steel nail has a hardness of 5.5; most nails "
        "today are made of steel <https://www.pinalgeologymuseum.org/index.php/learn-play/kid-zone/260-mineral-id-hardness>",
    ),
    ScratchReference("quartz", 7.0, ("quartz",), 0.25),
    ScratchReference("topaz", 8.0, ("topaz",)),
    ScratchReference("corundum", 9.0, ("corundum", "sapphire")),
    ScratchReference("diamond", 10.0, ("diamond",)),
)
# Objects whose scratch test gemlang advises, softest first: things a person has, or a quartz/topaz point.
ADVISED = tuple(r for r in REFERENCES if r.name in ("a fingernail", "a copper coin", "glass", "quartz", "topaz"))
DAMAGE_WARNING = (
    "only on rough material: a scratch test damages a cut stone, so on a cut gem use the non-destructive tests above"
)


def reference_words() -> dict[str, float]:
    """Every word a message may use for a reference object -> its Mohs hardness."""
    return {word: r.hardness for r in REFERENCES for word in r.words}


def simulated_tests() -> dict[float, float]:
    """Mohs hardness of the reference -> how often a person reports a scratch test against it."""
    shares: dict[float, float] = {}
    for r in REFERENCES:
        if r.share:
            shares[r.hardness] = shares.get(r.hardness, 0.0) + r.share
    total = sum(shares.values())
    return {h: s / total for h, s in shares.items()}
