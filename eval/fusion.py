"""What readings add to the photo: the explicit evidence model on held-out photos.

    python eval/fusion.py                 # report -> eval/results/fusion.md and fusion.json
    python eval/fusion.py --smoke         # a few photos, a few seconds: checks the script end to end

Photo probabilities are out of fold: the photos are deduplicated and split into duplicate-aware
stratified folds; each fold is scored by the built-in model's recipe (its encoder, head and
temperature) fitted on the other folds. Each held-out photo then gets readings simulated for its true
gem (`gemlang.fusion.simulate`: a value inside the knowledge base's range plus instrument noise; hardness
as people report it; a known locality or, 15% of the time, anywhere) and is scored:
- photo alone, photo with each reading, photo with combinations;
- the true hardness and first listed locality (as a person with a label types them);
- readings alone, no photo, ranked over every gem of the knowledge base and scored as the answer gives them:
  as lines of a determinative table (`gemlang.fusion.table`: gems sharing every constant are one line), and
  per gem as a second column;
- with the stone's colour as people state it (one of the gem's listed colours, sometimes a near name);
- with twice the instrument noise;
- typed as text and answered by `gemlang.assistant`, so the parser is measured too.
The learned hardness/locality head the evidence model replaced (eval/learned_fusion.py, kept only as this
baseline) is cross-fitted on the same folds and scored on the same simulated hints.
Every top-1 counts the whole answer: the explicit model ranks all knowledge-base gems, and a synthetic or
a rarity ranked first is wrong.
"""

from __future__ import annotations

import argparse
import copy
import json
import shlex
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "gemstones" / "train"
SMOKE_RECIPE = ("colour_hist", {"type": "linear"})

# (name, readings, noise multiple); "truth" is the gem's own hardness and first locality.
PHOTO_CONDITIONS = [
    ("photo", (), 1.0),
    ("photo+hardness", ("hardness",), 1.0),
    ("photo+locality", ("place",), 1.0),
    ("photo+hardness+locality", ("hardness", "place"), 1.0),
    ("photo+true hardness+first locality", "truth", 1.0),
    ("photo+RI", ("ri",), 1.0),
    ("photo+SG", ("sg",), 1.0),
    ("photo+optic", ("optic",), 1.0),
    ("photo+pleochroism", ("pleochroism",), 1.0),
    ("photo+RI+SG", ("ri", "sg"), 1.0),
    ("photo+RI+SG twice the noise", ("ri", "sg"), 2.0),
    ("photo+RI+SG+optic+pleochroism", ("ri", "sg", "optic", "pleochroism"), 1.0),
    ("photo+colour", ("colour",), 1.0),
    ("photo+RI+SG+colour", ("ri", "sg", "colour"), 1.0),
]
ALONE_CONDITIONS = [
    ("RI+SG", ("ri", "sg"), 1.0),
    ("RI+SG twice the noise", ("ri", "sg"), 2.0),
    ("RI+SG+optic", ("ri", "sg", "optic"), 1.0),
    ("RI+SG+optic+pleochroism+hardness", ("ri", "sg", "optic", "pleochroism", "hardness"), 1.0),
    ("hardness+locality", ("hardness", "place"), 1.0),
    ("RI+SG+colour", ("ri", "sg", "colour"), 1.0),
]
TYPED_CONDITIONS = [
    ("photo+RI+SG typed", ("ri", "sg"), 1.0),
    ("photo+true hardness+first locality typed", "truth", 1.0),
    ("RI+SG typed", ("ri", "sg"), 1.0),
    ("RI+SG+colour typed", ("ri", "sg", "colour"), 1.0),
]


LEARNED_CONDITIONS = (
    "photo+hardness",
    "photo+locality",
    "photo+hardness+locality",
    "photo+true hardness+first locality",
)


def load_features(data_dir: Path, extractor, cache_dir: Path | None = None):
    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.training import folder_features

    folder = folder_features(scan_image_folder(data_dir), extractor, FeatureCache(cache_dir))
    return folder.data, folder.features, folder.groups


def photo_probabilities(args, feature_cache: Path | None = None):
    """Deduplicated photos, their duplicate groups and out-of-fold photo probabilities under the model's recipe
    (the smoke recipe with --smoke): (data, groups, probs, temperature, recipe, folds)."""
    from gemlang.features import FeatureExtractor
    from gemlang.model import GemClassifier
    from gemlang.training import held_out_cache, held_out_probabilities

    if args.smoke:
        encoder, head_config = SMOKE_RECIPE[0], dict(SMOKE_RECIPE[1])
        extractor, tta, source = FeatureExtractor(encoder), False, "smoke recipe"
    else:
        clf = GemClassifier.load(args.model)
        extractor, head_config, source = clf.feature_extractor, dict(clf.head.config), f"model {args.model}"
        encoder, tta = clf.extractor.spec + (" (int8)" if clf.int8 else ""), clf.extractor.tta
        if clf.companion is not None and getattr(args, "finetuned", None) is None:  # a pair: its companion, each fold's
            args.finetuned = clf.companion.extractor.spec
    if getattr(args, "finetuned", None) == "none":  # asked for the head alone
        args.finetuned = None
    data, X, groups = load_features(Path(args.data), extractor, feature_cache)
    head_config = {**head_config, "in_dim": X.shape[1], "n_classes": len(data.classes)}
    y = np.asarray(data.labels)
    folds = min(args.folds, int(np.bincount(y).min()))
    cache = None if args.smoke else (Path(args.cache) if args.cache else held_out_cache())
    probs, temperature = held_out_probabilities(X, y, groups, head_config, folds, args.seed, cache)
    if getattr(args, "finetuned", None):  # beside a fine-tuned backbone: the product, as a pair of models gives it
        from finetune_fold import with_kept_companion

        pair = with_kept_companion(data.paths, probs, y, args.finetuned, folds, args.seed, args.cache)
        probs, pair_temperature = pair
        source += (f" x {args.finetuned} fine-tuned on the other folds (eval/finetune_fold.py), the product "
                   f"recalibrated with temperature {pair_temperature:.3f}")  # fmt: skip
    print(f"out-of-fold photo top-1 {(probs.argmax(1) == y).mean():.1%}", file=sys.stderr)
    recipe = {"encoder": encoder, "tta": tta, "head": head_config["type"], "source": source}
    return data, groups, probs, temperature, recipe, folds


def simulated(facts, readings, y, seed: int, noise: float, countries):
    from gemlang.fusion.simulate import simulate_hints, truth_hints

    rng = np.random.default_rng(seed)
    if readings == "truth":
        return [truth_hints(facts[label]) for label in y]
    return [simulate_hints(facts[label], readings, rng, noise, all_countries=countries) for label in y]


def scores(ranked_index: np.ndarray, truth: np.ndarray, groups_of=None) -> dict:
    """top-1/top-5 from (N, >=5) indices of the best-ranked gems; with `groups_of`, also group top-5."""
    out = {
        "top1": float((ranked_index[:, 0] == truth).mean()),
        "top5": float((ranked_index[:, :5] == truth[:, None]).any(1).mean()),
    }
    if groups_of is not None:
        hits = []
        for row, t in zip(ranked_index, truth, strict=True):
            seen: list[int] = []
            for i in row:
                if groups_of[i] not in seen:
                    seen.append(groups_of[i])
                if len(seen) == 5:
                    break
            hits.append(groups_of[t] in seen)
        out["top5_groups"] = float(np.mean(hits))
    return out


def table_scores(model, posts: list, hints: list, truth: np.ndarray) -> dict:
    """top-1/top-5 of the answer as a determinative table gives it: the true gem in the first line, in the first
    five lines (a line of twins counts once, as the person reads it)."""
    from gemlang.fusion import Fused
    from gemlang.fusion.table import table_entries

    first, five = [], []
    for post, h, t in zip(posts, hints, truth, strict=True):
        lines = table_entries(model, Fused(model.names, post), h, top=5)
        first.append(model.names[t] in lines[0].gems)
        five.append(any(model.names[t] in line.gems for line in lines))
    return {"table_top1": float(np.mean(first)), "table_top5": float(np.mean(five))}


def evaluate(args) -> dict:
    from reports import machine

    from gemlang.assistant import Assistant
    from gemlang.data import stratified_group_folds
    from gemlang.fusion import EvidenceModel
    from gemlang.fusion.simulate import reading_text, truth_hints
    from gemlang.fusion.train import tune_settings
    from gemlang.hints import hints_from_metadata

    started, machine_line = time.time(), machine()
    if args.readings_only:  # no photo model: the photos only say which gems to simulate readings for
        from gemlang.data import deduplicate, duplicate_groups, scan_image_folder

        data = deduplicate(scan_image_folder(args.data))
        recipe = {"encoder": None, "tta": False, "head": None, "source": "none (readings only)"}
        groups, probs, temperature = duplicate_groups(data), None, 0.0
        folds = min(args.folds, int(np.bincount(data.labels).min()))
    else:
        data, groups, probs, temperature, recipe, folds = photo_probabilities(args)
    y, classes = np.asarray(data.labels), list(data.classes)

    model = EvidenceModel(classes)
    recorded = [hints_from_metadata(data.metadata_for(p)) for p in data.paths]  # a folder's metadata.csv
    # The few settings of the evidence model are tuned on the other folds' photos, as `gemlang build fusion`
    # tunes them on all of them: no photo is scored by settings chosen with its help.
    fold_of, models, frequencies = np.zeros(len(y), dtype=int), [], []
    for k, (train_idx, test_idx) in enumerate(stratified_group_folds(y, groups, folds, args.seed)):
        fold_of[test_idx] = k
        frequencies.append(np.bincount(model.class_index[y[train_idx]], minlength=len(model.names)))
        if args.readings_only:  # the settings only weigh the photo: the defaults serve readings alone
            models.append(model)
            continue
        tuned = copy.copy(model)
        tuned.settings = tune_settings(
            classes, probs[train_idx], y[train_idx], args.seed, [recorded[i] for i in train_idx]
        )[0]
        models.append(tuned)
        print(f"fold {k + 1}/{folds} settings: {tuned.settings}", file=sys.stderr)
    truth = model.class_index[y]  # each photo's true gem among all knowledge-base gems
    facts = [model.facts[i] for i in model.class_index]
    countries = sorted(set().union(*model.countries))
    twins = model.twin_groups()
    n = len(y) if not args.smoke else min(len(y), 40)
    take = np.random.default_rng(args.seed).permutation(len(y))[:n]
    results: dict = {
        "photo": {},
        "recorded": {},
        "alone": {},
        "alone_ceiling": {},
        "typed": {},
        "learned_head": {},
        "unsure": {},
        "told": {},
    }
    hints_of: dict[str, list] = {}

    photo_conditions = [] if args.readings_only else PHOTO_CONDITIONS
    for c, (name, readings, noise) in enumerate(photo_conditions):
        hints = simulated(facts, readings, y, args.seed + c, noise, countries)
        hints_of[name] = hints
        post = np.stack([models[fold_of[i]].fuse(probs[i], hints[i], explain=False).probabilities for i in take])
        ranked = np.argsort(-post, 1)[:, :10]
        alike = agreeing(model, readings, alike=True)
        results["photo"][name] = {
            **scores(ranked, truth[take]),
            "told_photo_class": photo_class_ceiling(models, fold_of, probs, hints, take, y),
            "told_fit": told(probs, y, agreeing(model, readings, alike=False), take),
            "told_alike": told(probs, y, alike, take),
            "confusions": confusions(model, truth[take], ranked[:, 0]),
            "told_alike_confusions": confusions(
                model, truth[take], model.class_index[np.argmax(probs[take] * alike[y[take]], 1)]
            ),
        }
        if name == "photo+true hardness+first locality":
            conf, correct = post.max(1), ranked[:, 0] == truth[take]
            thresholds = np.array([models[fold_of[i]].settings.unsure_below for i in take])
            results["unsure"] = _unsure(conf, correct, thresholds)
        print(f"{name}: {results['photo'][name]['top1']:.1%}", file=sys.stderr)

    if photo_conditions:  # what no reading can change: the photo choosing among the true gem's twins
        same = twins[model.class_index]
        results["told"]["twins"] = told(probs, y, same[:, None] == same[None, :], take)
        hints = [truth_hints(f) for f in facts]  # the very hints a label gives, as the benchmark types them
        typed = [(h.hardness.describe() if h.hardness else "", h.countries) for h in hints]
        results["told"]["same truth hints"] = told(probs, y, np.array([[a == b for b in typed] for a in typed]), take)

    having = [i for i in take if recorded[i]] if not args.readings_only else []
    if having:  # readings a person recorded for their photos, not simulated ones
        for name, with_photo in (
            ("photo+recorded", True),
            ("recorded alone", False),
        ):
            post = np.stack(
                [
                    models[fold_of[i]].fuse(probs[i] if with_photo else None, recorded[i], explain=False).probabilities
                    for i in having
                ]
            )
            results["recorded"][name] = {**scores(np.argsort(-post, 1)[:, :10], truth[having]), "n": len(having)}
            print(f"{name}: {results['recorded'][name]}", file=sys.stderr)

    for c, (name, readings, noise) in enumerate(ALONE_CONDITIONS):
        hints = simulated(facts, readings, y, args.seed + 100 + c, noise, countries)
        post = np.stack([models[fold_of[i]].fuse(None, hints[i], explain=False).probabilities for i in take])
        results["alone"][name] = {
            **scores(np.argsort(-post, 1)[:, :40], truth[take], twins),
            **table_scores(model, list(post), [hints[i] for i in take], truth[take]),
        }
        print(f"{name} alone: {results['alone'][name]}", file=sys.stderr)
        if name == "RI+SG":
            results["alone_ceiling"][name] = ceiling(models, fold_of, frequencies, hints, take, truth, twins)
            print(f"{name} ceiling: {results['alone_ceiling'][name]}", file=sys.stderr)

    assistants = [Assistant(None, evidence=m, top_k=10) for m in models]
    typed_take = take[: (n if args.typed_photos <= 0 else min(n, args.typed_photos))]
    for c, (name, readings, noise) in enumerate(TYPED_CONDITIONS):
        if args.readings_only and name.startswith("photo"):
            continue
        rng = np.random.default_rng(args.seed + 200 + c)
        hints = simulated(facts, readings, y, args.seed + 200 + c, noise, countries)
        hits1, hits5, gem1, gem5, understood = [], [], [], [], []
        for i in typed_take:
            chat = assistants[fold_of[i]].conversation()
            if name.startswith("photo"):
                chat.image_probs = probs[i]
            text = reading_text(hints[i], rng)
            answer = chat.ask(text)
            true_gem = model.names[truth[i]]
            # the answer's candidates: single gems with a photo, lines of a determinative table without one
            hits1.append(bool(answer.members) and true_gem in answer.members[0])
            hits5.append(any(true_gem in gems for gems in answer.members[:5]))
            ranked = [g for g, _ in chat.assistant.rank(chat.image_probs, chat.hints).ranking[:5]]
            gem1.append(ranked[0] == true_gem)
            gem5.append(true_gem in ranked)
            understood.append(len(chat.hints.describe()) >= len(hints[i].describe()))
        results["typed"][name] = {
            "top1": float(np.mean(hits1)),
            "top5": float(np.mean(hits5)),
            "gem_top1": float(np.mean(gem1)),
            "gem_top5": float(np.mean(gem5)),
            "parsed_fully": float(np.mean(understood)),
            "n": len(typed_take),
        }
        print(f"{name}: {results['typed'][name]}", file=sys.stderr)

    if not args.readings_only:
        results["learned_head"] = learned_head(facts, probs, y, groups, folds, args, hints_of, take, countries)
    results["setup"] = {
        "data": str(args.data),
        "n_images": int(len(y)),
        "n_scored": int(n),
        "n_classes": len(classes),
        "n_knowledge_gems": len(model.names),
        "folds": folds,
        "seed": args.seed,
        "recipe": {**recipe, "temperature": round(temperature, 4)},
        "settings_per_fold": [m.settings.to_dict() for m in models],
        "out_of_fold_photo_top1": None if probs is None else float((probs.argmax(1) == y).mean()),
        "seconds": round(time.time() - started, 1),
        "machine": machine_line,
    }
    return results


def agreeing(model, readings, alike: bool) -> np.ndarray:
    """fits[t, c] over the photo classes: class c agrees with true class t on what the condition's readings measure.

    alike=False, the gems the true values rule in: RI, SG and hardness ranges overlap; optic character or
    pleochroism shared; a locality in common (for "truth", c is known from the true gem's first locality).
    alike=True, the gems those readings cannot tell apart at all: ranges alike to within one tolerance at each
    end (`TOLERANCE`, half a Mohs step for hardness), the same optic character or pleochroism, and the places
    as above. A value the knowledge base does not give agrees with anything."""
    from gemlang.fusion.simulate import truth_hints
    from gemlang.knowledge.instruments import TOLERANCE

    ci = model.class_index
    fits = np.ones((len(ci), len(ci)), dtype=bool)
    for key in ("hardness", "first place") if readings == "truth" else readings:
        if key == "colour":  # a colour rules nothing in or out here: these columns are what the instruments allow
            continue
        if key in ("ri", "sg", "hardness"):
            lo, hi = model.ranges[key][ci].T  # NaN where unknown: every comparison is False, so it agrees
            if alike:
                far = (np.abs(lo[:, None] - lo[None, :]) > TOLERANCE[key] + 1e-9) | (
                    np.abs(hi[:, None] - hi[None, :]) > TOLERANCE[key] + 1e-9
                )
            else:
                far = (hi[None, :] < lo[:, None] - 1e-9) | (lo[None, :] > hi[:, None] + 1e-9)
            fits &= ~far
            continue
        if key in ("optic", "pleochroism"):
            sets = [
                {x for x in (p.optic, *p.optic_also) if x} if key == "optic" else set(p.pleochroism)
                for p in (model.profiles[i] for i in ci)
            ]
            agree = (lambda a, b: a == b) if alike else (lambda a, b: bool(a & b))
        elif key == "place":
            sets = [set() if model.worldwide[i] else model.countries[i] for i in ci]
            agree = lambda a, b: bool(a & b)  # noqa: E731
        else:  # "first place": the true gem's first listed locality, as in `truth_hints`
            said = [set(truth_hints(model.facts[i]).countries) for i in ci]
            known = [set() if model.worldwide[i] else model.countries[i] for i in ci]
            fits &= np.array([[not s or not k or bool(s & k) for k in known] for s in said])
            continue
        fits &= np.array([[not a or not b or agree(a, b) for b in sets] for a in sets])
    return fits


def confusions(model, truth: np.ndarray, first: np.ndarray, most: int = 6) -> list:
    """The commonest wrong first answers: [true gem, answer, photos], most frequent first."""
    from collections import Counter

    pairs = Counter((model.names[t], model.names[f]) for t, f in zip(truth, first, strict=True) if t != f)
    return [[a, b, n] for (a, b), n in pairs.most_common(most)]


def told(probs: np.ndarray, y: np.ndarray, fits: np.ndarray, take: np.ndarray) -> float:
    """Top-1 of the photo's probabilities kept only for the classes `fits` allows for each photo's true class."""
    return float((np.argmax(probs[take] * fits[y[take]], 1) == y[take]).mean())


def photo_class_ceiling(models, fold_of, probs, hints, take, y) -> float:
    """Top-1 of the same photo weight and likelihoods told that the stone is one of the photo classes (the gems
    without training photos get nothing): what the evidence model could reach if it knew the benchmark's secret."""
    hits = []
    for i in take:
        m = models[fold_of[i]]
        log_l = m.log_likelihood(hints[i])[m.class_index]
        hits.append(np.argmax(m.settings.photo_weight * np.log(np.maximum(probs[i], 1e-12)) + log_l) == y[i])
    return float(np.mean(hits))


def ceiling(models, fold_of, frequencies, hints, take, truth, twins) -> dict:
    """What a ranking from the same readings could reach if it knew the benchmark's secret: the stone is always
    one of the photo classes, as often as in the other folds (no synthetic, simulant or rarity is ever shown).
    The readings' likelihoods times that prior is the best ranking their overlapping ranges allow."""
    post = []
    for i in take:
        m = models[fold_of[i]]
        log_l = m.log_likelihood(hints[i])
        with np.errstate(divide="ignore"):
            post.append(log_l + np.log(frequencies[fold_of[i]]))
    return scores(np.argsort(-np.stack(post), 1)[:, :40], truth[take], twins)


def learned_head(facts, probs, y, groups, folds, args, hints_of, take, countries) -> dict:
    """The learned head it replaced, cross-fitted on the same folds, scored on the same hints (top-1 over classes)."""
    from learned_fusion import cross_fitted

    conditions = {c: hints_of[c] for c in LEARNED_CONDITIONS}
    predicted = cross_fitted(facts, probs, y, groups, folds, args.seed, args.epochs, conditions, countries)
    return {c: {"top1": float((p[take] == y[take]).mean())} for c, p in predicted.items()}


def _unsure(confidence: np.ndarray, correct: np.ndarray, threshold: np.ndarray) -> dict:
    sure = confidence >= threshold
    return {
        "threshold": float(np.mean(threshold)),
        "answered_fraction": float(sure.mean()),
        "accuracy_when_sure": float(correct[sure].mean()) if sure.any() else None,
        "accuracy_when_unsure": float(correct[~sure].mean()) if (~sure).any() else None,
    }


def write_report(results: dict, command: str, out_dir: Path) -> Path:
    from gemlang.io import write_text_atomic

    s = results["setup"]
    lines = [
        "# Fusion: photo + instrument readings + hardness + locality",
        "",
        f"Command: `{command}`",
        "",
        (
            f"{s['n_images']} deduplicated photos of {s['n_classes']} classes; {s['n_scored']} scored. Photo "
            f"probabilities are out of fold ({s['folds']} duplicate-aware folds, {s['recipe']['encoder']} + "
            f"{s['recipe']['head']} head, {s['recipe']['source']}, temperature {s['recipe']['temperature']}): photo "
            f"alone {s['out_of_fold_photo_top1']:.1%} top-1 over the classes."
            if s["out_of_fold_photo_top1"] is not None
            else f"Readings only (no photo model): {s['n_scored']} of {s['n_images']} deduplicated photos of "
            f"{s['n_classes']} classes give the true gems readings are simulated for."
        )
        + f" Answers rank all {s['n_knowledge_gems']} knowledge-base gems, so a synthetic or a rarity ranked first "
        "counts as wrong.",
        "",
    ]
    if results["photo"]:
        lines += [
            "## Photo with readings (explicit evidence model)",
            "",
            "| input | top-1 | top-5 | top-1, told it is a photo class | top-1, told which gems fit | top-1, told "
            "which gems the readings cannot tell apart |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {k} | {m['top1']:.1%} | {m['top5']:.1%} | {m['told_photo_class']:.1%} | {m['told_fit']:.1%} | "
            f"{m['told_alike']:.1%} |"
            for k, m in results["photo"].items()
        ]
        lines += ["", *told_text(results)]
    if results["recorded"]:
        lines += [
            "",
            "## Readings recorded in the folder's metadata.csv",
            "",
            "| input | top-1 | top-5 | photos |",
            "|---|---|---|---|",
        ]
        lines += [f"| {k} | {m['top1']:.1%} | {m['top5']:.1%} | {m['n']} |" for k, m in results["recorded"].items()]
    lines += [
        "",
        "## Readings alone, no photo (a determinative table over every gem)",
        "",
        "Twins are gems whose every constant is alike to within one instrument tolerance (the quartz colours, the "
        "chalcedonies, ruby and the sapphires, spodumene's varieties): no reading can separate them, so the answer "
        'gives each twin group as one line, "Quartz (Amethyst, Citrine, …)", with its summed probability, and a '
        "stated colour splits a line into the twins listed in that colour and the species' other colours "
        "(`gemlang.fusion.table`). *Answer* columns score those lines as the answer shows them (the true gem in "
        "the first line; in the first five); *per gem* columns score the ranking of single gems beneath them.",
        "",
        "| readings | answer top-1 | answer top-5 | top-1 per gem | top-5 per gem |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {k} | {m['table_top1']:.1%} | {m['table_top5']:.1%} | {m['top1']:.1%} | {m['top5']:.1%} |"
        for k, m in results["alone"].items()
    ]
    for k, m in results.get("alone_ceiling", {}).items():
        lines += [
            "",
            f"How far {k} alone can go on this benchmark: ranked by the same likelihoods but told that the stone is "
            "always one of the photo classes, as often as in the other folds (the benchmark's own secret: no "
            f"synthetic, simulant or rarity is ever shown), top-1 {m['top1']:.1%}, top-5 {m['top5']:.1%}, top-5 "
            f"twins as one {m['top5_groups']:.1%}. What is left is gems whose ranges overlap (the quartz colours, "
            "chalcedonies, aventurine, tiger's eye, sunstone and iolite all read about RI 1.54, SG 2.65): no RI and "
            "SG can put more of them in a top 5.",
        ]
    lines += [
        "",
        "## Typed as text and answered by gemlang.assistant (the parser measured too)",
        "",
        "Top-1 and top-5 are of the answer's candidates: single gems with a photo, the lines of the determinative "
        "table without one; the per-gem columns rank single gems from the same parsed hints.",
        "",
        "| input | top-1 | top-5 | top-1 per gem | top-5 per gem | readings fully understood | photos |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {k} | {m['top1']:.1%} | {m['top5']:.1%} | {m['gem_top1']:.1%} | {m['gem_top5']:.1%} | "
        f"{m['parsed_fully']:.1%} | {m['n']} |"
        for k, m in results["typed"].items()
    ]
    if results["learned_head"]:
        lines += [
            "",
            "## The learned hardness/locality head it replaced, on the same photos and hints",
            "",
            "| input | learned head top-1 | evidence model top-1 |",
            "|---|---|---|",
        ]
        lines += [
            f"| {k} | {m['top1']:.1%} | {results['photo'][k]['top1']:.1%} |" for k, m in results["learned_head"].items()
        ]
    u = results["unsure"]
    if u:
        lines += [
            "",
            f'"I\'m not sure" below a fused confidence of {u["threshold"]:.2f} (true hardness + first '
            f"locality): answered {u['answered_fraction']:.0%}, right {u['accuracy_when_sure'] or 0:.1%} of those.",
        ]
    lines += [
        "",
        "How to read this: readings are **simulated** from the knowledge base (a value drawn inside the true gem's "
        "range, plus instrument noise of RI ±0.005, SG ±0.03, birefringence ±0.003 — doubled where marked; hardness "
        "as people report it, 0.3 Mohs noise, scratch tests, 5% blunders; a known locality, 15% of the time a random "
        "country; a colour: one of the gem's listed colours by its main name, 25% of the time a near name such as "
        "violet for purple or pink for red). They measure what the readings are worth when taken like that, not "
        "accuracy on hand samples.",
        "",
        f"Run time: {s['seconds']:.0f} s. Machine: {s['machine']}.",
        "",
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out_dir / "fusion.json", json.dumps(results, indent=2) + "\n")
    path = out_dir / "fusion.md"
    write_text_atomic(path, "\n".join(lines))
    return path


def told_text(results: dict) -> list[str]:
    """What the two "told" columns mean, what they say of the targets, and the commonest errors left."""
    told, photo = results["told"], results["photo"]
    lines = [
        "*Told it is a photo class*: the same photo weight and likelihoods, the gems without training photos left "
        "out, as if the model knew the benchmark's secret (as for RI+SG alone below); its gap to the top-1 column "
        "is what keeping the synthetics and rarities in mind costs.",
        "",
        "What the information itself allows with this photo model: the last two columns keep the photo's "
        "probabilities only for the classes that agree with the true gem on what the condition's readings measure, "
        "set the rest to zero and take the most probable, as if the readings ruled gems in or out without error and "
        "the stone were known to be a photo class. *Told which gems fit*: the classes the true values rule in (RI, "
        "SG and hardness ranges overlap, optic character or pleochroism shared, a locality in common; for the true "
        "hardness and first locality, the classes known from that place). *Told which gems the readings cannot tell "
        "apart*: only the classes whose ranges are alike to within one instrument tolerance at each end (half a "
        "Mohs step for hardness), with the same optic character or pleochroism, and the places as before (a stated "
        "colour rules nothing in or out, so the colour rows show what their instrument readings allow). Neither "
        "is a strict bound: a reading also says where in a range a value falls or how many places a gem comes "
        "from, which the evidence model weighs and ruling in or out does not (so photo+locality beats its columns). "
        f"Told the true gem's twin group (the gems no refractometer, balance or polariscope reading separates), "
        f"the photo is right {told['twins']:.1%} of the time: readings can hardly do better than that with this "
        "photo model; what is left is the photo choosing among twins.",
    ]
    truth = photo.get("photo+true hardness+first locality")
    if truth and "same truth hints" in told:
        lines += [
            "",
            f"With the true hardness and first locality, ruling out every class they do not fit leaves "
            f"{truth['told_fit']:.1%}, and keeping only those they cannot tell apart {truth['told_alike']:.1%}: "
            "the errors left are gems of the same hardness known from the same places ("
            + ", ".join(f"{a} taken for {b} {n}" for a, b, n in truth["told_alike_confusions"])
            + "). Only a model told which classes a label gives the very same hardness and *first* "
            f"locality would get {told['same truth hints']:.1%}, by using how this benchmark types the place rather "
            "than anything a stone shows.",
        ]
    for name in ("photo+RI+SG", "photo+true hardness+first locality"):
        if name in photo and photo[name].get("confusions"):
            pairs = ", ".join(f"{a} taken for {b} {n}" for a, b, n in photo[name]["confusions"])
            lines += ["", f"Commonest errors with {name}: {pairs}."]
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--data", default=str(DEFAULT_DATA), help="folder-per-class photos (default: the shared train split)"
    )
    p.add_argument("--model", default="default", help="classifier whose recipe gives the photo probabilities")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument(
        "--finetuned",
        metavar="BACKBONE",
        help="multiply the photo probabilities by those of BACKBONE fine-tuned on the other folds, kept by "
        "eval/finetune_fold.py (every fold run first): what the readings add to that pair (default: the model's "
        "companion, if it has one; 'none': the head alone)",
    )
    p.add_argument(
        "--typed-photos", type=int, default=600, help="photos answered through the assistant, a random subset (0: all)"
    )
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, default=60, help="epochs of the learned baseline head")
    p.add_argument("--smoke", action="store_true", help="a few photos, a tiny recipe: checks the script runs")
    p.add_argument(
        "--readings-only", action="store_true", help="only readings without a photo (needs no photo model; quick)"
    )
    p.add_argument(
        "--cache", default=None, help="where held-out probabilities are kept (default: beside the feature cache)"
    )
    p.add_argument("--results", default=str(REPO / "eval" / "results"), help="where the report goes")
    args = p.parse_args(argv)
    if args.smoke:
        args.epochs = min(args.epochs, 3)
    sys.path.insert(0, str(Path(__file__).parent))  # the baseline beside this script
    results = evaluate(args)
    command = "python eval/fusion.py " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    path = write_report(results, command.strip(), Path(args.results))
    print(path.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
