"""How well the out-of-scope check (gemlang/scope.py) tells unknown stones and non-stone pictures apart.

    python eval/scope.py                 # ../shared/data/gemstones/train, features from the cache
    python eval/scope.py --smoke --out /tmp/scope   # a tiny painted collection, for the test suite

Protocol (no test photo is ever looked at): the classes are split into 5 groups at random; in turn each
group is held out entirely ("stones the model was not trained on") and one duplicate-aware fold of the
remaining classes' photos is kept aside ("in-scope photos"). The model's head recipe is fitted on the rest
only, with its own 5-fold cross-validation for the held-out probabilities and temperature that the check
reads; the check is fitted, thresholds included, on the same rest, exactly as `gemlang train` fits both,
then scored on:
- the kept-aside photos of known classes (flagged = false alarm),
- every photo of the held-out classes (leave-classes-out),
- pictures that are not gem photos: the sample photos scikit-image, scikit-learn and matplotlib ship
  (people, animals, a rocket, a street, textures, documents, microscope images) plus pictures painted here.
The whole protocol runs twice: with the classes grouped at random (leave-classes-out: a held-out sapphire
colour still has the other sapphires in training), and with every class of a mineral family held out together
(leave-families-out: all quartz, all garnets, all beryls at once), the case of a mineral outside the collection.
Writes eval/results/scope.json and scope.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw
from reports import machine
from scope_candidates import RATES, candidate_signals, candidate_table
from sklearn.metrics import roc_auc_score
from smoke import painted_folder, smoke_results

from gemlang.data import deduplicate, duplicate_groups, scan_image_folder, stratified_group_folds
from gemlang.features import FeatureCache, FeatureExtractor
from gemlang.io import write_json_atomic, write_text_atomic
from gemlang.knowledge import UnknownGemError, get_facts
from gemlang.scope import NOT_A_GEM_PHOTO, SURE_OF_A_GEM, UNKNOWN_MINERAL, entropy, fit_scope_check
from gemlang.training import held_out_cache

ROOT = Path(__file__).resolve().parents[1]
# --smoke: six painted "gems" (coloured blobs on a light background), so three leave-classes-out splits work.
SMOKE_STONES = {
    f"Gem{c}": (colour, "ellipse")
    for c, colour in enumerate(
        [(200, 20, 40), (20, 160, 70), (30, 50, 200), (220, 200, 40), (150, 40, 180), (240, 140, 30)]
    )
}
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
# scikit-image's bundled samples that load offline (CC0 / public domain, see skimage.data's docstrings).
SKIMAGE_SAMPLES = (
    "astronaut", "camera", "cat", "chelsea", "coffee", "coins", "rocket", "hubble_deep_field",
    "immunohistochemistry", "retina", "moon", "brick", "grass", "gravel", "cell", "clock", "colorwheel",
    "logo", "page", "text", "checkerboard", "horse", "binary_blobs", "shepp_logan_phantom", "microaneurysms",
)  # fmt: skip


def painted_pictures(size: int = 160) -> dict[str, Image.Image]:
    """Everyday non-stone pictures painted here: a document, a chart, a screenshot, stripes, a sky, noise."""
    rng = np.random.default_rng(7)
    pictures = {}
    page = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(page)
    for row in range(8, size - 8, 12):
        draw.text((8, row), "the quick brown fox jumps over", fill="black")
    pictures["painted.document"] = page
    chart = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(chart)
    for i, h in enumerate(rng.integers(20, size - 20, 6)):
        draw.rectangle((10 + i * 24, size - h, 28 + i * 24, size - 5), fill=(40, 90, 200))
    pictures["painted.bar_chart"] = chart
    screen = Image.new("RGB", (size, size), (235, 235, 240))
    draw = ImageDraw.Draw(screen)
    draw.rectangle((0, 0, size, 18), fill=(50, 50, 60))
    for y in range(30, size, 26):
        draw.rectangle((10, y, size - 10, y + 16), outline=(120, 120, 130), fill="white")
    pictures["painted.screenshot"] = screen
    stripes = np.zeros((size, size, 3), np.uint8)
    stripes[:, ::16] = 255
    stripes[:, 1::16] = 255
    pictures["painted.stripes"] = Image.fromarray(stripes)
    sky = np.linspace([40, 90, 200], [200, 220, 250], size)[:, None, :].repeat(size, 1)
    pictures["painted.sky_gradient"] = Image.fromarray(sky.astype(np.uint8))
    pictures["painted.noise"] = Image.fromarray(rng.integers(0, 256, (size, size, 3), dtype=np.uint8))
    return pictures


def package_pictures() -> dict[str, Image.Image]:
    """Non-stone photos that ship inside installed packages (none are copied into the repository)."""
    pictures = {}
    try:
        import skimage.data
    except ImportError:
        skimage = None
    if skimage is not None:
        for name in SKIMAGE_SAMPLES:
            try:
                # binary_blobs draws new blobs at each call: seeded, the pictures (and the split caches keyed by
                # their features) stay the same from run to run
                a = skimage.data.binary_blobs(rng=0) if name == "binary_blobs" else getattr(skimage.data, name)()
            except Exception:  # noqa: BLE001 - a sample that needs a download is simply left out
                continue
            if a.dtype == bool:
                a = a.astype(np.uint8) * 255
            if a.dtype != np.uint8:
                a = (255 * (a - a.min()) / (np.ptp(a) + 1e-9)).astype(np.uint8)
            pictures[f"skimage.{name}"] = Image.fromarray(a).convert("RGB")
    from sklearn.datasets import load_sample_images

    for name, a in zip(("china", "flower"), load_sample_images().images, strict=True):  # CC BY 2.0, Flickr
        pictures[f"sklearn.{name}"] = Image.fromarray(a)
    import matplotlib.cbook

    with Image.open(matplotlib.cbook.get_sample_data("grace_hopper.jpg")) as im:  # US Navy photo, public domain
        pictures["matplotlib.grace_hopper"] = im.convert("RGB")
    return pictures


def auroc(negatives: np.ndarray, positives: np.ndarray) -> float:
    labels = np.r_[np.zeros(len(negatives)), np.ones(len(positives))]
    return float(roc_auc_score(labels, np.r_[negatives, positives]))


def split_head(X: np.ndarray, y: np.ndarray, groups: np.ndarray, queries: np.ndarray, head_config: dict,
               seed: int = 0, cache_dir: Path | None = None) -> tuple[np.ndarray, np.ndarray, float]:  # fmt: skip
    """The classifier of one split, as `gemlang train` makes it from the split's training photos: its held-out
    calibrated probabilities (5-fold), its calibrated probabilities of the `queries` and its temperature.
    Classes held out of the split are no candidates: their columns are zero. Both are kept in `cache_dir`
    (keyed by the photos and the recipe): on two shared cores the 30 head fits of a run take most of an hour.
    """
    import torch

    from gemlang.heads import build_head
    from gemlang.training import held_out_probabilities

    present = np.zeros(head_config["n_classes"], bool)
    present[np.unique(y)] = True

    def known_only(p: np.ndarray) -> np.ndarray:
        p = np.where(present[None], p, 0.0)
        return p / p.sum(1, keepdims=True)

    held_out, temperature = held_out_probabilities(X, y, groups, head_config, 5, seed, cache_dir)
    key = json.dumps([head_config, seed]).encode()
    digest = hashlib.sha256(X.tobytes() + np.asarray(y).tobytes() + queries.tobytes() + key).hexdigest()[:16]
    path = Path(cache_dir) / f"scope-split-{digest}.npy" if cache_dir else None
    if path and path.is_file():
        logits = np.load(path)
    else:
        head = build_head(head_config).fit(X, y, seed=seed)
        with torch.no_grad():
            logits = head(torch.from_numpy(queries)).numpy()
        if path:
            tmp = path.with_name(path.stem + ".tmp.npy")
            np.save(tmp, logits)
            tmp.replace(path)
    calibrated = torch.softmax(torch.from_numpy(logits) / temperature, 1).numpy()
    return known_only(held_out), known_only(calibrated), temperature


def random_class_groups(y: np.ndarray, splits: int, seed: int) -> list[np.ndarray]:
    """The classes present, shuffled and cut into `splits` groups of (nearly) equal size."""
    return np.array_split(np.random.default_rng(seed).permutation(np.unique(y)), splits)


def mineral_family(name: str) -> str:
    """The mineral group a class belongs to (every quartz, garnet or corundum class is one family), else its
    species; a name the knowledge base does not hold is a family of its own."""
    try:
        facts = get_facts(name)
    except UnknownGemError:
        return name
    return re.sub(r" group\b.*| \(.*", "", (facts.group or facts.species).lower()).strip()


def family_groups(y: np.ndarray, classes: list[str], splits: int, seed: int) -> list[np.ndarray]:
    """The classes present cut into `splits` groups along mineral families, so a held-out class never has a
    sibling in training (no held-out sapphire colour beside the other sapphires): the families in a shuffled
    order, largest first, each to the group with the fewest classes so far."""
    families: dict[str, list[int]] = {}
    for c in np.random.default_rng(seed).permutation(np.unique(y)):
        families.setdefault(mineral_family(classes[c]), []).append(int(c))
    groups: list[list[int]] = [[] for _ in range(splits)]
    for members in sorted(families.values(), key=len, reverse=True):
        min(groups, key=len).extend(members)
    return [np.array(sorted(g), dtype=int) for g in groups if g]


def leave_classes_out(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, Z: np.ndarray, classes: list[str], head_config: dict,
    class_groups: list[np.ndarray], seed: int = 0, dim: int | None = None, cache_dir: Path | None = None,
    part_dims: list[int] | None = None,
) -> dict:  # fmt: skip
    """Scores of the three kinds of photo with each of `class_groups` held out in turn (see module doc), and
    the other candidate scores (eval/scope_candidates.py) of each split's in-scope and held-out-class photos."""
    options = {} if dim is None else {"dim": dim}
    splits = len(class_groups)
    folds = list(stratified_group_folds(y, groups, splits, seed))
    parts: dict[str, dict[str, list]] = {"in_scope": {}, "unknown": {}, "non_stone": {}}
    per_class: dict[str, float] = {}
    candidates = []
    for i, held in enumerate(class_groups):
        known = ~np.isin(y, held)
        train = np.zeros(len(y), bool)
        train[folds[i][0]] = True
        train &= known
        rows = {"in_scope": X[known & ~train], "unknown": X[~known], "non_stone": Z}
        queries = np.ascontiguousarray(np.concatenate(list(rows.values())), dtype=np.float32)
        held_out, probs, temperature = split_head(X[train], y[train], groups[train], queries, head_config, seed,
                                                  cache_dir)  # fmt: skip
        check = fit_scope_check(X[train], y[train], groups[train], held_out, seed=seed, **options)
        cut = np.cumsum([len(r) for r in rows.values()])[:-1]
        for (name, part), p in zip(rows.items(), np.split(probs, cut), strict=True):
            gem, photo, _ = check.distances(part)
            verdicts = check.assess(part, classes, p)
            kinds, score = [v.kind for v in verdicts], [v.score for v in verdicts]
            # kept in scope only because the classifier is sure of it: the distances alone would flag it
            distant = (photo > check.config["photo_threshold"]) | (np.asarray(score) > check.unknown_threshold)
            spared = distant & (p.max(1) >= SURE_OF_A_GEM)
            for key, value in (("gem", gem), ("photo", photo), ("entropy", entropy(p)), ("score", score),
                               ("kind", kinds), ("spared", spared)):  # fmt: skip
                parts[name].setdefault(key, []).append(np.asarray(value))
            if name == "unknown":
                unknown_kinds = np.array(kinds)
        kinds = unknown_kinds
        n_in, n_unknown = len(rows["in_scope"]), len(rows["unknown"])
        stones = queries[: n_in + n_unknown]
        gem, _, per_class_distance = check.distances(stones)
        signals = candidate_signals(X[train], y[train], held_out, stones, probs[: n_in + n_unknown], temperature,
                                    part_dims or [X.shape[1]], per_class_distance.min(1), gem)  # fmt: skip
        signals["gem distance + entropy (standard scores; shipped)"] = np.asarray(
            check.unknown_scores(gem, probs[: n_in + n_unknown])
        )
        candidates.append({name: (v[:n_in], v[n_in:]) for name, v in signals.items()})
        for c in held:
            per_class[classes[c]] = float(np.isin(kinds[y[~known] == c], [UNKNOWN_MINERAL, NOT_A_GEM_PHOTO]).mean())
    joined = {name: {k: np.concatenate(v) for k, v in d.items()} for name, d in parts.items()}
    return {"scores": joined, "unknown_flag_rate_per_class": per_class, "candidates": candidate_table(candidates)}


# What the leave-families-out run reports (its non-stone pictures repeat the leave-classes-out run's).
FAMILY_FIGURES = (
    "n_in_scope", "n_unknown", "auroc_unknown_vs_in_scope", "auroc_unknown_vs_in_scope_gem_distance",
    "auroc_unknown_vs_in_scope_entropy", "in_scope_flagged", "unknown_flagged", "unknown_called_not_a_gem_photo",
    "unknown_flag_rate_per_class", "candidate_best",
)  # fmt: skip


def summarise(result: dict, non_stone_names: list[str], splits: int) -> dict:
    s = result["scores"]
    inside, unknown, other = s["in_scope"], s["unknown"], s["non_stone"]

    def flagged(kinds):
        return float(np.isin(kinds, [UNKNOWN_MINERAL, NOT_A_GEM_PHOTO]).mean())

    def share(kinds, kind):
        return float((kinds == kind).mean())

    other_kinds = other["kind"].reshape(splits, -1)
    return {
        "n_in_scope": int(len(inside["gem"])),
        "n_unknown": int(len(unknown["gem"])),
        "n_non_stone_pictures": len(non_stone_names),
        "auroc_unknown_vs_in_scope": auroc(inside["score"], unknown["score"]),
        "auroc_unknown_vs_in_scope_gem_distance": auroc(inside["gem"], unknown["gem"]),
        "auroc_unknown_vs_in_scope_entropy": auroc(inside["entropy"], unknown["entropy"]),
        "auroc_non_stone_vs_in_scope_photo_distance": auroc(inside["photo"], other["photo"]),
        "auroc_non_stone_vs_unknown_photo_distance": auroc(unknown["photo"], other["photo"]),
        "in_scope_flagged": flagged(inside["kind"]),
        "in_scope_called_not_a_gem_photo": share(inside["kind"], NOT_A_GEM_PHOTO),
        "unknown_flagged": flagged(unknown["kind"]),
        "unknown_called_unknown_mineral": share(unknown["kind"], UNKNOWN_MINERAL),
        "unknown_called_not_a_gem_photo": share(unknown["kind"], NOT_A_GEM_PHOTO),
        # the cost and the gain of never flagging a photo the classifier is sure of (`SURE_OF_A_GEM`)
        "unknown_spared_by_sure_rule": float(unknown["spared"].mean()),
        "in_scope_spared_by_sure_rule": float(inside["spared"].mean()),
        "non_stone_flagged": flagged(other["kind"]),
        "non_stone_called_not_a_gem_photo": share(other["kind"], NOT_A_GEM_PHOTO),
        "out_of_scope_flagged": flagged(np.r_[unknown["kind"], other["kind"]]),
        "non_stone_verdicts": {
            name: sorted({str(k) for k in other_kinds[:, j]}) for j, name in enumerate(non_stone_names)
        },
        "unknown_flag_rate_per_class": result["unknown_flag_rate_per_class"],
        "candidates": result["candidates"],
        "candidate_best": best_candidates(result["candidates"]),
        # For comparing the scores only (read off the in-scope photos, so no operating point of the check):
        # the share of held-out-class photos above each score's quantile on the in-scope photos.
        "unknown_flagged_at_in_scope_rate": {
            score: {
                f"{rate:.0%}": float((unknown[key] > np.quantile(inside[key], 1 - rate)).mean())
                for rate in (0.04, 0.06, 0.08)
            }
            for score, key in (("gem distance + entropy", "score"), ("gem distance", "gem"), ("entropy", "entropy"))
        },
    }


def best_candidates(rows: list[dict]) -> dict:
    """The shipped score's row, and the best other score with no learned weights and learned combination by AUROC."""
    shipped = next(r for r in rows if "shipped" in r["score"])
    learned = [r for r in rows if r["score"].startswith("learned")]
    single = [r for r in rows if r is not shipped and r not in learned]
    return {"shipped": shipped, "single": max(single, key=lambda r: r["auroc"]),
            "learned": max(learned, key=lambda r: r["auroc"]) if learned else None}  # fmt: skip


def markdown(summary: dict, command: str, seconds: float, data: str) -> str:
    s, f = summary, summary["leave_families_out"]
    by_class, by_family = s["auroc_unknown_vs_in_scope"], f["auroc_unknown_vs_in_scope"]
    worst = sorted(s["unknown_flag_rate_per_class"].items(), key=lambda kv: kv[1])[:8]
    best = sorted(s["unknown_flag_rate_per_class"].items(), key=lambda kv: -kv[1])[:8]
    missed = [n for n, kinds in s["non_stone_verdicts"].items() if "in_scope" in kinds]
    rows = [
        (
            f"in-scope photos flagged (false alarms; {s['n_in_scope']} held-out photos of known classes)",
            f"{s['in_scope_flagged']:.1%}",
        ),
        ('... of which called "not a gem photo"', f"{s['in_scope_called_not_a_gem_photo']:.1%}"),
        *(
            [
                (
                    'the model\'s own training photos flagged by its shipped check (flagged / "not a gem photo")',
                    f"{s['own_photos_flagged']:.1%} / {s['own_photos_not_a_gem_photo']:.1%}",
                )
            ]
            if "own_photos_flagged" in s
            else []
        ),  # fmt: skip
        (
            f"photos of held-out classes flagged ({s['n_unknown']} photos, 5 groups of classes)",
            f"{s['unknown_flagged']:.1%}",
        ),
        (
            "leave-classes-out AUROC (the unknown-stone score: gem distance + classifier entropy, standard scores)",
            f"{s['auroc_unknown_vs_in_scope']:.3f}",
        ),
        ("... the gem distance alone", f"{s['auroc_unknown_vs_in_scope_gem_distance']:.3f}"),
        ("... the classifier's entropy alone", f"{s['auroc_unknown_vs_in_scope_entropy']:.3f}"),
        (
            f"photos the distances would flag but the classifier is {SURE_OF_A_GEM:.0%} sure of, so kept in scope: "
            "held-out classes (missed) / in-scope photos (false alarms spared)",
            f"{s['unknown_spared_by_sure_rule']:.1%} / {s['in_scope_spared_by_sure_rule']:.1%}",
        ),
        (
            f"photos of held-out mineral families flagged ({f['n_unknown']} photos; in-scope photos flagged in "
            f"that run {f['in_scope_flagged']:.1%})",
            f"{f['unknown_flagged']:.1%}",
        ),
        (
            "leave-families-out AUROC (every class of a mineral family held out at once; the same score)",
            f"{f['auroc_unknown_vs_in_scope']:.3f}",
        ),
        (
            "... the gem distance alone; the entropy alone",
            f"{f['auroc_unknown_vs_in_scope_gem_distance']:.3f}; {f['auroc_unknown_vs_in_scope_entropy']:.3f}",
        ),
        (
            f"non-stone pictures flagged ({s['n_non_stone_pictures']} pictures x 5 fitted checks)",
            f"{s['non_stone_flagged']:.1%}",
        ),
        ('... called "not a gem photo"', f"{s['non_stone_called_not_a_gem_photo']:.1%}"),
        ("AUROC non-stone vs in-scope (photo distance)", f"{s['auroc_non_stone_vs_in_scope_photo_distance']:.3f}"),
        (
            'AUROC non-stone vs held-out-class stones (photo distance: the "kind" decision)',
            f"{s['auroc_non_stone_vs_unknown_photo_distance']:.3f}",
        ),
        ("all out-of-scope photos flagged (held-out classes + non-stone)", f"{s['out_of_scope_flagged']:.1%}"),
        ('held-out-class photos called "not a gem photo"', f"{s['unknown_called_not_a_gem_photo']:.1%}"),
    ]
    table = "\n".join(["| what | figure |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)])
    rates = s["unknown_flagged_at_in_scope_rate"]
    columns = list(next(iter(rates.values())))
    compared = "\n".join(
        [
            "| score | " + " | ".join(f"{c} of in-scope photos flagged" for c in columns) + " |",
            "|---|" + "---|" * len(columns),
            *(f"| {name} | " + " | ".join(f"{r[c]:.1%}" for c in columns) + " |" for name, r in rates.items()),
        ]
    )
    candidates = "\n".join(
        [
            "| score | leave-classes-out AUROC | "
            + " | ".join(f"held-out-class photos flagged at {r:.0%} of in-scope photos flagged" for r in RATES)
            + " |",
            "|---|---|" + "---|" * len(RATES),
            *(
                f"| {c['score']} | {c['auroc']:.3f} | "
                + " | ".join(f"{c[f'unknown_flagged_at_{r:.0%}']:.1%}" for r in RATES)
                + " |"
                for c in s["candidates"]
            ),
        ]
    )
    top = s["candidate_best"]

    def said(row: dict) -> str:
        return f"{row['score']} (AUROC {row['auroc']:.3f}, {row['unknown_flagged_at_6%']:.1%} at 6%)"

    best_line = f"Shipped: {said(top['shipped'])}; best other score with no learned weights: {said(top['single'])}" + (
        f"; best learned combination: {said(top['learned'])}." if top["learned"] else "."
    )
    return f"""# Out-of-scope check: leave-classes-out and non-stone pictures

Command: `{command}` ({seconds / 60:.1f} min). Machine: {summary["machine"]}.
Data: {data}; features and head recipe of {summary["encoder"]}. The check is `gemlang.scope` with its
defaults, fitted and calibrated (thresholds included) only on the photos of each split's training part, with
the held-out probabilities of the head recipe cross-validated on that part, as `gemlang train` does; no test
photo was used.

{table}

Photos of held-out classes flagged by each score alone at the same share of in-scope photos flagged (each
score's own quantile on the in-scope photos: for comparing the scores, not an operating point of the check):

{compared}

Candidate unknown-stone scores (eval/scope_candidates.py), each on the same splits, features and calibrated
probabilities as the shipped score; "flagged at X%" is the share of held-out-class photos above the score's
own quantile on the in-scope photos (for comparing scores, not an operating point). The learned combinations
are logistic regressions (unknown = photos of held-out classes) whose weights for each split were fitted on
the other splits' photos only (strictly nested):

{candidates}

{best_line}

Leave-families-out holds out every class of a mineral family together (groups of families:
{"; ".join(", ".join(g) for g in f["held_out_families"])}), so no held-out stone has a sibling in training:
the case of a mineral outside the collection. The leave-classes-out split above keeps the siblings, so many of
its "unknown" photos are another colour of a species the model knows.

Top-1 accuracy on in-scope photos is unchanged by construction: the check never alters the class
probabilities, it only decides whether the answer names a gem.

Held-out classes flagged least: {", ".join(f"{n} {r:.0%}" for n, r in worst)}.
Held-out classes flagged most: {", ".join(f"{n} {r:.0%}" for n, r in best)}.
Non-stone pictures some fitted check let through: {", ".join(missed) or "none"}.

Reading: pictures that are not gem photos are far from the whole collection and are caught. Stones the model
never saw are caught far less often, and holding out whole mineral families, so that no held-out stone has a
sibling in training, does not make them easier (AUROC {by_family:.3f}, against {by_class:.3f} with classes held out
at random). What limits the check is therefore not that a held-out sapphire colour sits beside the other
sapphires: the encoders' features often place a mineral of another family as close to some known gem as that
gem's own photos. The classifier's hesitation (entropy) and the gem distance each catch stones the other
misses; what neither separates are look-alikes of a known class (chrome diopside beside tsavorite, kyanite
beside blue sapphire), which is why a flagged answer asks for readings.
"""


def features_of(extractor: FeatureExtractor, images: list, cache: FeatureCache | None) -> np.ndarray:
    features, failures = extractor(images, cache=cache, progress=True)
    if failures:
        raise SystemExit(f"could not encode: {failures}")
    return features


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of gem photos, one sub-folder a class")
    parser.add_argument("--model", default="default", help="whose features: 'default' (built-in) or a model folder")
    parser.add_argument("--encoder", default=None, help="measure on this encoder's float32 features instead")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "results", help="folder for scope.json/.md")
    parser.add_argument("--cache", type=Path, default=None, help="feature cache (default ~/.cache/gemlang)")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a tiny painted collection and the colour-histogram encoder: checks the script runs",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gemlang_scope_") as tmp:
        if args.smoke:
            args.data = painted_folder(Path(tmp) / "photos", per_class=10, classes=SMOKE_STONES)
            args.out = smoke_results(args.out, ROOT / "eval" / "results", Path(tmp))
        return measure(args)


def own_photos_flagged(model: str, X: np.ndarray, photos: list) -> dict:
    """How often a model's shipped check flags the photos it was trained on, with the answers it shows on them
    (a fine-tuned companion's joined to its head's) beside its head's, as `GemClassifier.analyse` does."""
    from gemlang.model import GemClassifier, multiplied

    clf = GemClassifier.load(model)
    own = shown = clf._own_probabilities(X)
    if clf.companion is not None:
        theirs, failures = clf.companion.predict_proba(photos)
        if failures:
            raise SystemExit(f"the companion could not read: {failures}")
        shown = multiplied(own, theirs, clf.companion_temperature)
    kinds = np.array([v.kind for v in clf.assess_scope(X, own, shown=shown)])
    return {
        "own_photos_flagged": float(np.isin(kinds, [NOT_A_GEM_PHOTO, UNKNOWN_MINERAL]).mean()),
        "own_photos_not_a_gem_photo": float((kinds == NOT_A_GEM_PHOTO).mean()),
    }


def model_features(model: str, encoder: str | None, smoke: bool = False):
    """(extractor, its name, head config): the encoder's float32 features if named, else those the model's head
    was fitted on (an int8 model's quantized graphs; their calibration photos span every class, held-out ones
    included); the model's head recipe (a logistic regression for a smoke run)."""
    if smoke:
        return FeatureExtractor(encoder), encoder, {"type": "linear", "C": 0.05}
    from gemlang.model import GemClassifier

    clf = GemClassifier.load(model)
    if encoder:
        return FeatureExtractor(encoder), encoder, dict(clf.head_config)
    return clf.feature_extractor, clf.extractor.spec + (" (int8)" if clf.int8 else ""), dict(clf.head_config)


def measure(args) -> int:
    """Leave-classes-out and non-stone pictures through the scope check; scope.json and .md into --out."""
    started, machine_line = time.time(), machine()
    splits, dim = 5, None
    if args.smoke:
        args.encoder, splits, dim = "colour_hist", 3, 16
    if not args.data.is_dir():
        raise SystemExit(f"{args.data}: no photo folder; pass --data DIR (one sub-folder per class)")
    data = deduplicate(scan_image_folder(args.data))
    extractor, encoder, head_config = model_features(args.model, args.encoder, args.smoke)
    cache = None if args.smoke else FeatureCache(args.cache)
    X = features_of(extractor, data.paths, cache)
    head_config.update(in_dim=X.shape[1], n_classes=len(data.classes))
    others = {**package_pictures(), **painted_pictures()}
    names = sorted(others)
    Z = features_of(extractor, [others[n] for n in names], None)
    held_out_dir = None if args.smoke else held_out_cache(cache)
    protocols = {
        "classes": random_class_groups(data.labels, splits, seed=0),
        "families": family_groups(data.labels, data.classes, splits, seed=0),
    }
    runs = {
        protocol: leave_classes_out(X, data.labels, duplicate_groups(data), Z, data.classes, head_config,
                                    class_groups, dim=dim, cache_dir=held_out_dir,
                                    part_dims=list(extractor.part_dims))
        for protocol, class_groups in protocols.items()
    }  # fmt: skip
    summary = summarise(runs["classes"], names, splits)
    if not (args.smoke or args.encoder):  # what a person trying the model's own photos sees
        summary.update(own_photos_flagged(args.model, X, data.paths))
    families = protocols["families"]
    summary["leave_families_out"] = {
        key: value for key, value in summarise(runs["families"], names, len(families)).items() if key in FAMILY_FIGURES
    } | {"held_out_families": [sorted({mineral_family(data.classes[c]) for c in g}) for g in families]}
    command = "python eval/scope.py" + (" --smoke" if args.smoke else "")
    seconds = time.time() - started
    summary.update(
        {
            "command": command,
            "seconds": round(seconds, 1),
            "encoder": encoder,
            "data": "painted photos (smoke run)" if args.smoke else "gemstones-images train split",
            "splits": splits,
            "machine": machine_line,
        }
    )
    args.out.mkdir(parents=True, exist_ok=True)
    write_json_atomic(summary, args.out / "scope.json")
    write_text_atomic(args.out / "scope.md", markdown(summary, command, seconds, summary["data"]))
    print(json.dumps({k: v for k, v in summary.items() if not isinstance(v, dict)}, indent=1))
    print(f"wrote {args.out / 'scope.md'} ({command})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
