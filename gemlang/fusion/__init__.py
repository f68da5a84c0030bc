"""Fusion of the photo with what the person measured or knows: readings, hardness, locality.

`evidence` is the model (one likelihood per reading, from the knowledge base, times the photo's
calibrated probabilities).
"""

from gemlang.fusion.evidence import EvidenceModel, Fused, Settings

__all__ = ["EvidenceModel", "Fused", "Settings"]
