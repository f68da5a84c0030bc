"""gemlang: recognise gemstones and minerals from photos, and describe them like a gemmologist.

from gemlang import GemClassifier
clf = GemClassifier.load("default")
[pred] = clf.predict(["stone.jpg"], top_k=5)
pred.label, pred.probability, pred.top_k
"""

__version__ = "0.1.0"
__all__ = ["GemClassifier", "ModelError", "Prediction", "__version__"]


def __getattr__(name: str):
    # Lazy, so `gemlang.knowledge` and the CLI's --help do not pay for importing torch.
    if name in ("GemClassifier", "ModelError", "Prediction"):
        from gemlang import model

        return getattr(model, name)
    raise AttributeError(f"module 'gemlang' has no attribute {name!r}")
