"""Explaining and seeing: Grad-CAM and VarGrad heat maps, explained-photo grids, t-SNE feature maps."""

from gemlang.explain.plots import embedding_plot, save_explanation_grid
from gemlang.explain.saliency import METHODS, ExplainError, explain, gradcam, overlay, vargrad

__all__ = [
    "METHODS",
    "ExplainError",
    "embedding_plot",
    "explain",
    "gradcam",
    "overlay",
    "save_explanation_grid",
    "vargrad",
]
