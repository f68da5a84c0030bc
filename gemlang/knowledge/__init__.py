"""Gem facts: gemmology-mineral-database plus gemlang's reviewed entries for every photo class.

    from gemlang.knowledge import get_facts
    ruby = get_facts("Ruby")
    ruby.hardness, ruby.format("refractive_index"), ruby.sources["hardness"]
    ruby.property_table()   # [("Species", "corundum"), ..., ("Mohs hardness", "9"), ...]

Everything loads lazily on first use and is cached for the process; nothing is downloaded.
"""

from gemlang.knowledge.facts import (
    SOURCE_DATABASE,
    SOURCE_GEMLANG,
    GemFacts,
    format_quantity,
    format_range,
)
from gemlang.knowledge.knowledge_base import (
    KnowledgeError,
    UnknownGemError,
    all_gems,
    class_names,
    find_gem,
    get_facts,
    normalise_name,
    trade_name_in,
)

__all__ = [
    "GemFacts",
    "KnowledgeError",
    "SOURCE_DATABASE",
    "SOURCE_GEMLANG",
    "UnknownGemError",
    "all_gems",
    "class_names",
    "find_gem",
    "format_quantity",
    "format_range",
    "get_facts",
    "normalise_name",
    "trade_name_in",
]
