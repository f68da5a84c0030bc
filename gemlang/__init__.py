"""gemlang: recognise gemstones and minerals from photos, and describe them like a gemmologist.

    from gemlang import GemClassifier
    clf = GemClassifier.load("default")
    [pred] = clf.predict(["stone.jpg"], top_k=5)
    pred.label, pred.probability, pred.top_k
"""

from gemlang.model import GemClassifier, ModelError, Prediction

__version__ = "0.1.0"
__all__ = ["GemClassifier", "ModelError", "Prediction", "__version__"]
