"""Language side of gemlang: text encoding, image-text alignment, descriptions and caption scoring.

- `describe`: catalog descriptions grounded in the knowledge base (`describe_prediction`, `compare_gems`)
- `alignment`, `alignment_training`, `zero_shot`: the CLIP-style image-text space gemlang trains itself
  (zero-shot classification, photo -> description retrieval, text -> photo search)
- `scoring`: caption scores against references (TF-IDF and semantic cosine)
- `text_encoder`: the bundled all-MiniLM-L6-v2; `prompts`, `gem_text`: templates and the facts they are filled with

Modules are imported directly (`from gemlang.language.scoring import score_captions`); this package
imports nothing heavy on its own, so `import gemlang.language` stays cheap.
"""
