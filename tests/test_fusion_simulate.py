"""Simulated readings: what a person with instruments reports about a stone of a known gem."""

from __future__ import annotations

import numpy as np

from gemlang.fusion.simulate import simulate_hints
from gemlang.knowledge import get_facts


def test_both_shadow_edges_are_reported_low_to_high_even_with_a_shaky_refractometer():
    rng = np.random.default_rng(0)
    apatite = get_facts("Apatite")  # birefringence so small that noise can swap the two edges
    readings = [simulate_hints(apatite, ("ri",), rng, noise=4.0).readings.ri for _ in range(400)]
    edges = [r for r in readings if r.high != r.low]
    assert edges and all(r.low < r.high for r in edges)
