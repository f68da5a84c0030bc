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


def test_no_two_shadow_edges_are_reported_beyond_the_refractometers_reach():
    rng = np.random.default_rng(0)
    sphene = get_facts("Sphene")  # RI about 1.90-2.03: over the limit, no edge to read
    readings = [simulate_hints(sphene, ("ri",), rng).readings for _ in range(200)]
    assert all(r.ri.low == r.ri.high and r.birefringence is None for r in readings)
    ruby = get_facts("Ruby")  # 1.762-1.770: both edges on the scale, read half the time
    assert any(simulate_hints(ruby, ("ri",), rng).readings.birefringence for _ in range(50))
