"""Language side of gemlang: text encoding, image-text alignment, descriptions and caption scoring.

Modules are imported directly (`from gemlang.language.scoring import score_captions`); this package
imports nothing heavy on its own, so `import gemlang.language` stays cheap.
"""
