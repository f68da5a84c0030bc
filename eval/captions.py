"""Score gemlang's descriptions of held-out photos against independent expert references.

    python eval/captions.py            # writes eval/results/captions.{md,json} and captions.per_item.csv
    python eval/captions.py --smoke --data DIR --results OUT   # a few photos, a few seconds (run by the tests)

Every photo of ../shared/data/gemstones/train (exact duplicates removed) is classified by a head that never
saw it or any copy of it: the built-in classifier's recipe (eval/build_default.py) cross-validated with
duplicate-aware folds, confidence calibrated on the held-out logits. The photo is then described by
`describe_prediction`, exactly as `gemlang describe` would.

The reference a description is scored against is text gemlang does not write: encyclopedia passages kept as
evaluation data in eval/data/references/ (openly licensed Wikipedia text and public-domain books, with
their attribution and licence). A class without such a passage is left out of the headline score, and the
report says how many classes and photos were scored. Each description is scored against the reference of
the photo's *true* gem with `gemlang.language.scoring` (TF-IDF cosine with the IDF estimated on the
independent references only; all-MiniLM-L6-v2 cosine). Scored variants:

- prose: the description's first paragraph, written from sourced facts in the order an expert text takes
  (opening, what the gem is and its chemistry in words, colour and its cause, formation, sources, name,
  history, phenomena, uses): the part that answers to an encyclopedia passage, and the headline;
- templated: the prose and the gemmologist's data paragraph that follows it (constants, identifying
  features, treatments): everything written from the facts, as the earlier measure scored it;
- catalog: the full text `gemlang describe` prints (also the knowledge base's short reference description and,
  for a close call, the runner-up);
- wrong-gem floor: the same prose against the reference of a different, randomly drawn gem (what an
  unrelated reference scores);
- content words: prose and floor again with English stop words left out of the TF-IDF, since words every
  English sentence uses lift both alike.

The second line keeps the earlier measure for comparison: the templated description against gemlang's own
knowledge-base description of the true gem (circular, since gemlang wrote both).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = REPO / "eval" / "results"
REFERENCES = REPO / "eval" / "data" / "references" / "references.jsonl"
VARIANTS = ("prose", "templated", "catalog", "wrong_gem_floor", "templated_vs_own_text")
METRICS = ("tfidf_cosine", "semantic_cosine")
SMOKE_ENCODER = "colour_hist"  # no weights to load: the smoke run takes seconds


class CachedTextEncoder:
    """`encode()` like SentenceTransformer, through gemlang's text-embedding cache (each text encoded once)."""

    def __init__(self, cache):
        self.cache = cache

    def encode(self, texts, **_):
        from gemlang.language.text_encoder import embed_texts

        return embed_texts(list(texts), cache=self.cache)


def load_references(path: Path = REFERENCES) -> dict[str, dict]:
    """{class name: {"text", "title", "url", "licence", ...}} from the JSON-lines reference file."""
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            missing = [k for k in ("class", "text", "title", "url", "licence") if not row.get(k)]
            if missing:
                raise ValueError(f"{path}:{line_no}: reference lacks {missing}")
            if row["class"] in out:
                raise ValueError(f"{path}:{line_no}: a second reference for {row['class']!r}")
            out[row["class"]] = row
    return out


def distribution(values: list[float]) -> dict:
    v = np.asarray(values, dtype=float)
    q = np.quantile(v, [0.1, 0.25, 0.5, 0.75, 0.9])
    return {"mean": float(v.mean()), "std": float(v.std()), "p10": q[0], "p25": q[1], "median": q[2],
            "p75": q[3], "p90": q[4], "n": int(len(v))}  # fmt: skip


def _cell(d: dict | None) -> str:
    return "—" if d is None else f"{d['mean']:.3f}"


def companion_note(results: dict) -> str:
    if not results.get("classifier_companion"):
        return ""
    return (f", multiplied by its `{results['classifier_companion']}` companion fine-tuned without the photo's fold "
            "(eval/finetune_fold.py), the product recalibrated as the shipped pair's is")  # fmt: skip


def write_markdown(results: dict, path: Path) -> str:
    v = results["variants"]
    lines = [
        "# Caption scores: gemlang's descriptions of held-out photos against independent expert references",
        "",
        f"Command: `{results['command']}`  ",
        f"Data: `{results['data']}`, {results['n_images']} photos after removing exact duplicates. Classifier: the "
        f"built-in model's recipe (`{results['classifier_encoder']}`, `{results['classifier_head']}` head) "
        f"cross-validated with {results['folds']} duplicate-aware folds, so every photo is described from the "
        f"prediction of a head that never saw it{companion_note(results)} (held-out top-1 "
        f"{results['classifier_top1']:.1%}).  ",
        f"References: {results['n_reference_classes']} of {results['n_classes']} classes have an independent "
        f"encyclopedia passage (`eval/data/references/`, attribution and licence in its ATTRIBUTION.md); "
        f"{results['n_scored']} photos of those classes are scored. TF-IDF IDF from the independent references "
        "only; semantic = all-MiniLM-L6-v2 cosine. "
        f"Run time {results['seconds'] / 60:.1f} min{results['machine_note']}.",
        "",
        "| variant | TF-IDF cosine (mean) | semantic cosine (mean) | TF-IDF median | TF-IDF p10–p90 |",
        "|---|---|---|---|---|",
    ]
    for variant in VARIANTS:
        t, s = v[variant]["tfidf_cosine"], v[variant]["semantic_cosine"]
        lines.append(f"| {variant} | {_cell(t)} | {_cell(s)} | {t['median']:.3f} | {t['p10']:.3f}–{t['p90']:.3f} |")
    lines += [
        "",
        "Split by whether the top-1 prediction was right (mean TF-IDF / semantic cosine):",
        "",
        "| variant | right top-1 | wrong top-1 |",
        "|---|---|---|",
    ]
    for variant in ("prose", "templated", "catalog"):
        r, w = results["by_correctness"][variant]["right"], results["by_correctness"][variant]["wrong"]
        lines.append(
            f"| {variant} | {r['tfidf_cosine']:.3f} / {r['semantic_cosine']:.3f} (n={r['n']}) | "
            f"{w['tfidf_cosine']:.3f} / {w['semantic_cosine']:.3f} (n={w['n']}) |"
        )
    content = results.get("content_words_tfidf") or {}
    if content.get("prose") is not None:
        lines += [
            "",
            f"Content words only (the same TF-IDF with English stop words left out): prose "
            f"{content['prose']:.3f}, wrong-gem floor {content['wrong_gem_floor']:.3f}.",
        ]
    lines += [
        "",
        "Reading: *prose* is the description's first paragraph, written from sourced facts as an expert text is "
        "(what the gem is, its colour and cause, formation, sources, name, history, phenomena, uses); "
        "*templated* adds the gemmologist's data paragraph that follows it (constants, identifying features, "
        "treatments), everything written from the facts; *catalog* is the whole printed description; "
        "*wrong-gem floor* scores the prose against another gem's reference, so the distance between prose and "
        "floor is how gem-specific the text is. "
        "*templated_vs_own_text* is the earlier, circular measure (gemlang's own knowledge-base description as "
        "reference), kept for comparison. Per-photo scores: `eval/results/captions.per_item.csv`.",
        "",
    ]
    text = "\n".join(lines)
    from gemlang.io import write_text_atomic

    write_text_atomic(path, text)
    return text


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--references", type=Path, default=REFERENCES, help="JSON lines: class, text, title, url, licence")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--encoder", default=None, help="classifier features (default: the built-in recipe's)")
    p.add_argument("--head", default=None, help="classifier head type (default: the built-in recipe's)")
    p.add_argument("--cache", type=Path, default=None, help="feature cache (default ~/.cache/gemlang)")
    p.add_argument(
        "--companion",
        default=None,
        metavar="BACKBONE",
        help="multiply in BACKBONE fine-tuned on the other folds, kept by eval/finetune_fold.py (default: the "
        "built-in recipe's companion); 'none' scores the head alone",
    )
    p.add_argument("--results", type=Path, default=RESULTS)
    p.add_argument("--no-semantic", action="store_true", help="TF-IDF only (no sentence encoder)")
    p.add_argument("--shared-machine", action="store_true", help="say in the report that the machine was shared")
    p.add_argument(
        "--smoke",
        action="store_true",
        help=f"quick check that the script runs: {SMOKE_ENCODER} features, 2 folds, TF-IDF only",
    )
    args = p.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.io import write_text_atomic
    from gemlang.knowledge import get_facts
    from gemlang.language.describe import describe_prediction
    from gemlang.language.gem_prose import reference_description
    from gemlang.language.scoring import score_captions, tfidf_cosines
    from gemlang.metrics import top_k_accuracy, write_json_atomic
    from gemlang.recipe import BUILT_IN
    from gemlang.training import folder_features, held_out_cache, held_out_probabilities

    recipe = BUILT_IN.with_changes(encoder=args.encoder or (SMOKE_ENCODER if args.smoke else None), head=args.head,
                                   int8=0 if args.smoke else None)  # fmt: skip
    folds = 2 if args.smoke else args.folds
    semantic = not (args.no_semantic or args.smoke)

    started = time.time()
    cache = FeatureCache(args.cache)
    references = load_references(args.references)
    photos = scan_image_folder(args.data)
    folder = folder_features(photos, recipe.feature_extractor(photos), cache, progress=not args.smoke)
    data, X, groups = folder.data, folder.features, folder.groups
    gems = [get_facts(c) for c in data.classes]
    head_config = recipe.make_head(X.shape[1], len(data.classes)).config  # as a built model's: defaults filled in
    # The same out-of-fold probabilities, and the same kept copy of them, as eval/fusion.py's.
    kept = None if args.smoke else held_out_cache(cache)
    probs, _ = held_out_probabilities(X, np.asarray(data.labels), groups, head_config, folds, args.seed, kept)
    companion = "" if args.smoke or args.companion == "none" else (args.companion or recipe.companion)
    if companion:  # the built-in model answers with its fine-tuned companion: each fold's, kept by finetune_fold.py
        from finetune_fold import with_kept_companion

        probs, _ = with_kept_companion(data.paths, probs, data.labels, companion, folds, args.seed, kept)

    rng = np.random.default_rng(args.seed)
    referenced = [c for c in range(len(data.classes)) if data.classes[c] in references]
    if len({references[data.classes[c]]["text"] for c in referenced}) < 2:
        raise SystemExit(f"{args.references}: two different reference passages for the data's classes are needed")
    ids = [p.relative_to(data.root).as_posix() for p in data.paths]
    candidates = {v: {} for v in VARIANTS}
    targets = {v: {} for v in VARIANTS}
    right = {}
    for n, (photo_id, y) in enumerate(zip(ids, data.labels, strict=True)):
        if y not in referenced:
            continue
        order = np.argsort(-probs[n])[:5]
        d = describe_prediction([(data.classes[j], float(probs[n, j])) for j in order])
        own = references[data.classes[y]]["text"]
        # Colour varieties without an article of their own share their gem's passage (ATTRIBUTION.md); a class with
        # the same passage is not a wrong gem's reference, so the floor draws only from classes with another passage.
        other = rng.choice([c for c in referenced if references[data.classes[c]]["text"] != own])
        for variant, text, reference in (
            ("prose", d.prose, references[data.classes[y]]["text"]),
            ("templated", f"{d.prose} {d.properties}", references[data.classes[y]]["text"]),
            ("catalog", d.text, references[data.classes[y]]["text"]),
            ("wrong_gem_floor", d.prose, references[data.classes[other]]["text"]),
            ("templated_vs_own_text", f"{d.prose} {d.properties}", reference_description(gems[y])),
        ):
            candidates[variant][photo_id], targets[variant][photo_id] = text, reference
        right[photo_id] = bool(order[0] == y)

    idf_corpus = list(dict.fromkeys(r["text"] for r in references.values()))  # a shared passage counts once
    text_encoder = CachedTextEncoder(cache) if semantic else None
    variants, by_correctness = {}, {}
    scored = list(right)
    per_item = {i: {"id": i, "right_top1": right[i]} for i in scored}
    for variant in VARIANTS:
        scores = score_captions(
            candidates[variant], targets[variant], idf_corpus=idf_corpus, semantic=semantic, encoder=text_encoder
        )
        rows = scores["per_item"]
        variants[variant] = {
            m: (distribution([r[m] for r in rows]) if rows and rows[0][m] is not None else None) for m in METRICS
        }
        by_correctness[variant] = {
            label: {
                "n": sum(1 for r in rows if right[r["id"]] == flag),
                **{
                    m: float(np.mean([r[m] for r in rows if right[r["id"]] == flag and r[m] is not None] or [np.nan]))
                    for m in METRICS
                },
            }
            for label, flag in (("right", True), ("wrong", False))
        }
        for r in rows:
            per_item[r["id"]][f"{variant}_tfidf"] = round(r["tfidf_cosine"], 4)
            if r["semantic_cosine"] is not None:
                per_item[r["id"]][f"{variant}_semantic"] = round(r["semantic_cosine"], 4)
        sem = variants[variant]["semantic_cosine"]
        print(
            f"{variant}: mean TF-IDF {variants[variant]['tfidf_cosine']['mean']:.3f}"
            + (f", semantic {sem['mean']:.3f}" if sem else ""),
            flush=True,
        )

    # The same TF-IDF without English stop words: prose shares "it", "is", "the" with every reference, which lifts
    # the true score and the wrong-gem floor alike; this line shows the content words alone.
    content_words = {}
    for variant in ("prose", "wrong_gem_floor"):
        texts, refs = zip(*((candidates[variant][k], targets[variant][k]) for k in candidates[variant]), strict=True)
        cos = tfidf_cosines(list(texts), list(refs), idf_corpus, stop_words="english")
        content_words[variant] = float(np.mean(cos)) if len(cos) else None

    command = " ".join(["python eval/captions.py", *(sys.argv[1:] if argv is None else argv)])
    results = {
        "command": command,
        "data": os.path.relpath(args.data, REPO),
        "n_images": len(ids),
        "n_classes": len(data.classes),
        "n_reference_classes": len(referenced),
        "reference_classes": sorted(data.classes[c] for c in referenced),
        "n_scored": len(scored),
        "folds": folds,
        "classifier_encoder": recipe.encoder,
        "classifier_head": recipe.head,
        "classifier_companion": companion,
        "classifier_top1": top_k_accuracy(data.labels, probs, 1),
        "idf_corpus": "independent references only",
        "variants": variants,
        "by_correctness": by_correctness,
        "content_words_tfidf": content_words,
        "seconds": round(time.time() - started, 1),
        "machine_note": "; 2 CPU cores shared with other jobs" if args.shared_machine else "",
        "smoke": args.smoke,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    write_json_atomic(results, args.results / "captions.json")
    write_markdown(results, args.results / "captions.md")
    buffer = io.StringIO()
    fields = list(dict.fromkeys(k for row in per_item.values() for k in row))
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(per_item.values())
    write_text_atomic(args.results / "captions.per_item.csv", buffer.getvalue())
    print(f"written to {args.results}/captions.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
