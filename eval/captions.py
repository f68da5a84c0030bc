"""Score gemlang's own descriptions of held-out photos against the knowledge base's reference descriptions.

    python eval/captions.py            # writes eval/results/captions.{md,json} and captions.per_item.csv

Every photo of ../shared/data/gemstones/train (exact duplicates removed) is classified by a head that never
saw it or any copy of it (duplicate-aware 5-fold cross-validation of the built-in model's recipe, confidence
calibrated on the held-out logits), then described by `describe_prediction`. Each description is scored
against the reference description of the photo's *true* gem with `gemlang.language.scoring` (TF-IDF cosine,
IDF from the knowledge base's descriptions, and all-MiniLM-L6-v2 cosine). Scored variants:

- catalog: the full text `gemlang describe` prints (templated sentences, the predicted gem's reference
  description, and the close-call comparison when there is one);
- templated: the templated sentences alone (opening, identity, colour, constants, features, sources);
- retrieval: the reference description nearest to the photo in the image-text alignment (trained on the
  same folds), i.e. photo -> description retrieval;
- wrong-gem floor: the reference description of a different, randomly drawn gem (what chance scores).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time
from pathlib import Path

import numpy as np

from gemlang.recipe import ALIGNMENT_IMAGE_ENCODER, BUILT_IN

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = REPO / "eval" / "results"
VARIANTS = ("catalog", "templated", "retrieval", "wrong_gem_floor")


class CachedTextEncoder:
    """`encode()` like SentenceTransformer, through gemlang's text-embedding cache (each text encoded once)."""

    def __init__(self, cache):
        self.cache = cache

    def encode(self, texts, **_):
        from gemlang.language.text_encoder import embed_texts

        return embed_texts(list(texts), cache=self.cache)


def held_out_probabilities(data, X, groups, folds: int, seed: int, recipe) -> np.ndarray:
    from gemlang.training import held_out_predictions

    def make_head():
        return recipe.make_head(X.shape[1], len(data.classes))

    return held_out_predictions(X, data.labels, groups, make_head, folds, seed, progress=print).probabilities()


def retrieved_descriptions(data, groups, gems, cache, folds: int, seed: int, encoder: str) -> list[str]:
    """For each photo, the knowledge-base description nearest to it in an alignment trained on other folds."""
    from gemlang.data import stratified_group_folds
    from gemlang.features import FeatureExtractor
    from gemlang.knowledge import all_gems
    from gemlang.language.alignment_training import fit_alignment
    from gemlang.training import encode_folder

    extractor = FeatureExtractor(encoder)
    _, X = encode_folder(data, extractor, cache, progress=False)
    library = [g for g in all_gems() if g.description]
    out = [""] * len(data)
    for k, (tr, te) in enumerate(stratified_group_folds(data.labels, groups, folds, seed), 1):
        model = fit_alignment(
            X[tr],
            data.labels[tr],
            gems,
            extractor.spec,
            extractor.signature,
            groups[tr],
            calibrate=False,
            seed=seed,
            text_cache=cache,
            log=None,
        )
        D = model.embed_texts([g.description for g in library], cache=cache)
        nearest = (model.embed_image_features(X[te]) @ D.T).argmax(1)
        for i, j in zip(te, nearest, strict=True):
            out[i] = library[j].description
        print(f"retrieval fold {k}/{folds} done", flush=True)
    return out


def distribution(values: list[float]) -> dict:
    v = np.asarray(values, dtype=float)
    q = np.quantile(v, [0.1, 0.25, 0.5, 0.75, 0.9])
    return {"mean": float(v.mean()), "std": float(v.std()), "p10": q[0], "p25": q[1], "median": q[2],
            "p75": q[3], "p90": q[4], "n": int(len(v))}  # fmt: skip


def write_markdown(results: dict, path: Path) -> None:
    lines = [
        "# Caption scores: gemlang's descriptions of held-out photos against reference descriptions",
        "",
        f"Command: `{results['command']}`  ",
        f"Data: `{results['data']}`, {results['n_images']} photos after removing exact duplicates. Classifier: the "
        f"built-in model's recipe (`{results['classifier_encoder']}`, "
        f"{results.get('classifier_head', 'linear')} head) cross-validated with "
        f"{results['folds']} duplicate-aware folds: every photo is described from the prediction of a head that "
        f"never saw it (held-out top-1 {results['classifier_top1']:.1%}). Reference = the knowledge base's "
        "description of the photo's true gem. TF-IDF IDF from the knowledge-base descriptions; semantic = "
        f"all-MiniLM-L6-v2 cosine. Run time {results['seconds'] / 60:.1f} min.",
        "",
        "| variant | metric | mean | p10 | p25 | median | p75 | p90 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for variant in VARIANTS:
        for metric in ("tfidf_cosine", "semantic_cosine"):
            d = results["variants"][variant][metric]
            lines.append(
                f"| {variant} | {metric} | {d['mean']:.3f} | {d['p10']:.3f} | {d['p25']:.3f} | "
                f"{d['median']:.3f} | {d['p75']:.3f} | {d['p90']:.3f} |"
            )
    lines += [
        "",
        f"Photo -> description retrieval put the true gem's description first for {results['retrieval_top1']:.1%} "
        f"of the photos (among all {results['n_library']} knowledge-base descriptions).",
        "",
        "Split by whether the top-1 prediction was right (mean TF-IDF / semantic cosine):",
        "",
        "| variant | right top-1 | wrong top-1 |",
        "|---|---|---|",
    ]
    for variant in ("catalog", "templated"):
        r, w = results["by_correctness"][variant]["right"], results["by_correctness"][variant]["wrong"]
        lines.append(
            f"| {variant} | {r['tfidf_cosine']:.3f} / {r['semantic_cosine']:.3f} (n={r['n']}) | "
            f"{w['tfidf_cosine']:.3f} / {w['semantic_cosine']:.3f} (n={w['n']}) |"
        )
    lines += [
        "",
        "Reading: *catalog* carries the predicted gem's own reference description, so when the prediction is right "
        "it largely matches the reference by construction; *templated* is the part written from the facts, and "
        "is the fairer measure of the generated sentences; *wrong-gem floor* is what an unrelated gem's reference "
        "scores. Per-photo scores: `eval/results/captions.per_item.csv`.",
        "",
    ]
    path.write_text("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--encoder", default=None, help="classifier features (default: the built-in recipe's)")
    p.add_argument("--alignment-encoder", default=ALIGNMENT_IMAGE_ENCODER)
    p.add_argument("--cache", type=Path, default=None, help="feature cache (default ~/.cache/gemlang)")
    p.add_argument("--results", type=Path, default=RESULTS)
    args = p.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.io import write_text_atomic
    from gemlang.knowledge import all_gems, get_facts
    from gemlang.language.describe import describe_prediction
    from gemlang.language.scoring import score_captions
    from gemlang.metrics import top_k_accuracy, write_json_atomic
    from gemlang.training import folder_features

    started = time.time()
    cache = FeatureCache(args.cache)
    recipe = BUILT_IN.with_changes(encoder=args.encoder)
    folder = folder_features(scan_image_folder(args.data), recipe.extractor(), cache, progress=True)
    data, X, groups = folder.data, folder.features, folder.groups
    gems = [get_facts(c) for c in data.classes]
    probs = held_out_probabilities(data, X, groups, args.folds, args.seed, recipe)
    retrieved = retrieved_descriptions(data, groups, gems, cache, args.folds, args.seed, args.alignment_encoder)

    rng = np.random.default_rng(args.seed)
    ids = [p.relative_to(data.root).as_posix() for p in data.paths]
    references = {i: gems[y].description for i, y in zip(ids, data.labels, strict=True)}
    candidates = {v: {} for v in VARIANTS}
    right = {}
    for n, (photo_id, y) in enumerate(zip(ids, data.labels, strict=True)):
        order = np.argsort(-probs[n])[:5]
        d = describe_prediction([(data.classes[j], float(probs[n, j])) for j in order])
        candidates["catalog"][photo_id] = d.text
        candidates["templated"][photo_id] = d.text.split("\n\n")[0]
        candidates["retrieval"][photo_id] = retrieved[n]
        other = rng.choice([c for c in range(len(gems)) if c != y])
        candidates["wrong_gem_floor"][photo_id] = gems[other].description
        right[photo_id] = bool(order[0] == y)

    encoder = CachedTextEncoder(cache)
    variants, by_correctness, per_item = {}, {}, {i: {"id": i, "right_top1": right[i]} for i in ids}
    for variant in VARIANTS:
        scores = score_captions(candidates[variant], references, encoder=encoder)  # IDF: knowledge base + refs
        rows = scores["per_item"]
        variants[variant] = {m: distribution([r[m] for r in rows]) for m in ("tfidf_cosine", "semantic_cosine")}
        by_correctness[variant] = {
            label: {
                "n": sum(1 for r in rows if right[r["id"]] == flag),
                **{
                    m: float(np.mean([r[m] for r in rows if right[r["id"]] == flag] or [np.nan]))
                    for m in ("tfidf_cosine", "semantic_cosine")
                },
            }
            for label, flag in (("right", True), ("wrong", False))
        }
        for r in rows:
            per_item[r["id"]][f"{variant}_tfidf"] = round(r["tfidf_cosine"], 4)
            per_item[r["id"]][f"{variant}_semantic"] = round(r["semantic_cosine"], 4)
        print(
            f"{variant}: mean TF-IDF {variants[variant]['tfidf_cosine']['mean']:.3f}, "
            f"semantic {variants[variant]['semantic_cosine']['mean']:.3f}",
            flush=True,
        )

    results = {
        "command": " ".join(["python eval/captions.py", *(sys.argv[1:] if argv is None else argv)]),
        "data": os.path.relpath(args.data, REPO),
        "n_images": len(ids),
        "folds": args.folds,
        "classifier_encoder": recipe.encoder,
        "classifier_head": recipe.head,
        "classifier_top1": top_k_accuracy(data.labels, probs, 1),
        "retrieval_top1": float(
            np.mean([r == gems[y].description for r, y in zip(retrieved, data.labels, strict=True)])
        ),
        "n_library": sum(1 for g in all_gems() if g.description),
        "variants": variants,
        "by_correctness": by_correctness,
        "seconds": round(time.time() - started, 1),
    }
    args.results.mkdir(parents=True, exist_ok=True)
    write_json_atomic(results, args.results / "captions.json")
    write_markdown(results, args.results / "captions.md")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(next(iter(per_item.values()))), lineterminator="\n")
    writer.writeheader()
    writer.writerows(per_item.values())
    write_text_atomic(args.results / "captions.per_item.csv", buffer.getvalue())
    print(f"written to {args.results}/captions.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
