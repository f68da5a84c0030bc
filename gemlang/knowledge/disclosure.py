"""What a stone may be sold as: "can I sell them as ruby?", "can I call it a diamond?".

The rule quoted is the US Federal Trade Commission's Jewelry Guides (16 CFR 23.23(b), and their disclosure of
treatments); the answer says it, then what the evidence showed of the stone in hand, never more: only a
laboratory report settles a sale.
"""

from __future__ import annotations

import re

from gemlang.knowledge.facts import GemFacts

SELL_QUESTION = re.compile(
    r"\b(?:sell|call|list|market|advertise|describe|label)\s+(?:it|them|this|these|that|those|the \w+)\s+as\b|"
    r"\b(?:can|could|may|should)\s+(?:i|we)\s+(?:sell|call)\b|"
    r"\bdisclos(?:e|ed|ing|ure)\b|\b(?:declare|tell)\s+(?:it\s+to\s+)?(?:the\s+|my\s+|a\s+)?(?:buyers?|customers?)\b|"
    # an appraiser's: "how should I describe it on the valuation?", "what wording should I use for …?"
    r"\b(?:describe|word|name|call|list)\s+(?:it|them|this|these)\s+(?:on|in)\s+(?:the\s+|an?\s+|my\s+)?"
    r"(?:valuation|appraisal|insurance|report|document|invoice|certificate|listing)|\bwhat wording\b",
    re.I,
)
RULE = (
    'A gem\'s name may be given to a laboratory-grown, synthetic or imitation stone only with "laboratory-grown", '
    '"laboratory-created", "synthetic", "imitation" or "simulated" immediately before it, as conspicuous; and '
    "a treatment must be disclosed when it is not permanent, needs special care, or significantly affects value "
    "(US Federal Trade Commission, Jewelry Guides: 16 CFR 23.23, and their disclosure of treatments)."
)
SOURCES = (
    "FTC, warning letters to diamond sellers, quoting the Jewelry Guides 23.23(b) "
    "<https://www.ftc.gov/business-guidance/blog/2019/04/warning-letters-re-mined-diamond-sellers-describe-products-accurately>",
    "FTC, In the Loupe: advertising diamonds, gemstones and pearls "
    "<https://www.ftc.gov/business-guidance/resources/loupe-advertising-diamond-gemstones-pearls>",
)


def disclosure_answer(text: str, gem: GemFacts | None) -> str:
    """The answer to "can I sell it as X?", with what the evidence so far says of `gem`; '' if not asked."""
    if not SELL_QUESTION.search(text or ""):
        return ""
    if gem is None:
        found = (
            "Nothing here yet shows what the stone is: a photo or readings first, and a laboratory report for a sale."
        )
    elif gem.origin != "natural":
        found = (
            f"My answer for your stone is {gem.name}, which is not a natural gem: it must be sold as what it is, "
            "never under the natural gem's name alone."
        )
    else:
        found = (
            f"My answer for your stone is {gem.name}, but a photo and bench readings are not a laboratory report: "
            "before selling it as that, have it tested, treatments included."
        )
    return f"**What it may be sold as:** {RULE} {found}"
