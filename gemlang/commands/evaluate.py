"""`gemlang evaluate`: score a model on a labelled folder, or cross-validate a training recipe on it."""

from __future__ import annotations

import sys
from pathlib import Path

from gemlang.commands import add_backend_option, add_cache_option, folds, report_skipped


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "evaluate",
        help="measure accuracy on a labelled folder of photos",
        description=(
            "Score MODEL on DATA (one sub-folder per class) and write OUT_DIR/metrics.json, per_class.csv, "
            "confusion_matrix.png and reliability.png. With --cv K, instead train the model's recipe (encoder, "
            "head) K times on stratified folds of DATA, exact duplicate photos kept in the same fold, and report "
            "the held-out predictions."
        ),
    )
    p.add_argument("--data", required=True, type=Path, help="folder with one sub-folder of photos per class")
    p.add_argument("--model", default=None, help="model folder, or 'default' (built in; the default)")
    p.add_argument(
        "--cv", type=folds, default=0, help="cross-validate the model's recipe with K folds (default 0: score MODEL)"
    )
    p.add_argument("--report", required=True, type=Path, metavar="OUT_DIR", help="folder for the report")
    add_cache_option(p)
    add_backend_option(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bars (for logs and scripts)")
    p.add_argument(
        "--zero-shot",
        nargs="?",
        const="default",
        default=None,
        metavar="ALIGNMENT",
        help="classify from text prompts (prompts/zero_shot.txt) with an image-text alignment folder "
        "instead of MODEL (default: the built-in alignment); candidates are the 87 photo classes",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.cli import CommandError
    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.io import check_writable
    from gemlang.metrics import summary_line
    from gemlang.model import GemClassifier
    from gemlang.training.validation import cross_validate_recipe, evaluate_classifier

    if args.report.exists() and not args.report.is_dir():
        raise CommandError(f"--report {args.report} is a file: the report is a folder (metrics.json, per-class CSV, "
                           "plots); choose a folder name")  # fmt: skip
    check_writable(args.report)  # before the evaluation, not after it
    if args.report.resolve().is_relative_to(Path(args.data).resolve()):  # its plots would become photos of a class
        raise CommandError(f"--report {args.report} is inside --data {args.data}: put the report elsewhere")
    if args.zero_shot is not None and args.model is not None:
        raise CommandError("--zero-shot classifies with an image-text alignment, not a --model: give one of them")
    if args.zero_shot is not None and args.backend:
        raise CommandError("--backend chooses how a --model runs; --zero-shot runs an image-text alignment")
    args.model = args.model or "default"
    data = scan_image_folder(args.data, min_classes=1 if not args.cv else 2)
    if args.zero_shot is not None:
        return run_zero_shot(args, data)
    clf = GemClassifier.load(args.model, backend=args.backend)
    cache = FeatureCache(args.cache)
    progress = not args.no_progress
    if args.cv:
        metrics = cross_validate_recipe(clf, data, args.cv, args.report, cache=cache, progress=progress)
    else:
        metrics = evaluate_classifier(clf, data, args.report, cache=cache, progress=progress)
    status = report_skipped(metrics.get("skipped", []))
    print(summary_line(metrics))
    if not args.cv:
        print_seen_in_training(clf, metrics, args.data)
    print(f"report written to {args.report}")
    return status


def print_seen_in_training(clf, metrics: dict, folder) -> None:
    """A note on stderr when the photos scored include the model's training photos: by content where the model
    lists them (a copy elsewhere counts; `evaluate_classifier` counted them and scored the others apart), else by
    the folder's path."""
    advice = "Score photos the model never saw, or pass --cv K to cross-validate the recipe."
    if clf.trained_photos:
        seen, scored = metrics.get("trained_photos_scored", 0), metrics["n_images"]
        if seen:
            share = "all the" if seen == scored else f"{seen} of the {scored}"
            are = "is a photo" if seen == 1 and scored > 1 else "are photos"
            print(f"note: {share} photos scored from {folder} {are} the model was trained on (the same files, by "
                  f"content): its scores are optimistic. {advice}", file=sys.stderr)  # fmt: skip
        if seen and (unseen := metrics["photos_never_trained_on"])["n_images"]:
            n = unseen["n_images"]
            print(f"on the {n} photo{'s' * (n != 1)} it was not trained on: top-1 {unseen['top1']:.1%}  "
                  f"top-5 {unseen['top5']:.1%} (photos_never_trained_on in metrics.json)")  # fmt: skip
        return
    trained_on = clf.info.get("trained_on", {}).get("data")
    if trained_on and Path(trained_on).resolve() == Path(folder).resolve():
        print(f"note: {folder} is the folder the model was trained on: its scores are optimistic. {advice}",
              file=sys.stderr)  # fmt: skip


def run_zero_shot(args, data) -> int:
    from gemlang.cli import CommandError
    from gemlang.features import FeatureCache
    from gemlang.language.alignment import AlignmentModel
    from gemlang.language.zero_shot import evaluate_zero_shot
    from gemlang.metrics import summary_line

    if args.cv:
        raise CommandError(
            "--zero-shot scores a trained alignment on DATA; --cv does not apply (a held-out benchmark of the "
            "alignment's recipe is eval/zero_shot.py in the source repository)"
        )
    model = AlignmentModel.load(args.zero_shot)
    metrics = evaluate_zero_shot(
        model, data, args.report, cache=FeatureCache(args.cache), progress=not args.no_progress
    )
    status = report_skipped(metrics.get("skipped", []))
    print(f"zero-shot over {metrics['n_candidates']} gems: {summary_line(metrics)}")
    print_seen_in_training(model, metrics, args.data)  # an alignment lists its training photos as a model does
    print(f"report written to {args.report}")
    return status
