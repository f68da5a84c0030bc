"""Classifier heads on top of encoder features."""

from gemlang.heads.classifiers import HEADS, LinearHead, MLPHead, build_head, fit_temperature

__all__ = ["HEADS", "LinearHead", "MLPHead", "build_head", "fit_temperature"]
