"""`gemlang train`: fit a classifier on a folder of photos (one sub-folder per class)."""

from __future__ import annotations

import sys
from pathlib import Path

from gemlang.commands import add_cache_option, folds, positive_float, positive_int, report_skipped


def register(subparsers) -> None:
    from gemlang.recipe import TRAIN_DEFAULT

    p = subparsers.add_parser(
        "train",
        help="train a classifier on your own photos",
        description=(
            "Train a gem classifier on DATA (one sub-folder per class, optional metadata.csv). Features are "
            "cached, so a second run over the same photos does no encoder work. With --cv K (default 5) the "
            "head is cross-validated on duplicate-aware folds: the scores are printed and kept in the model's "
            "config.json (cross_validation), and the held-out predictions calibrate the confidence."
        ),
    )
    p.add_argument("--data", type=Path, help="required: folder with one sub-folder of photos per class")
    p.add_argument("--out", type=Path, help="required: model folder to write (config.json + safetensors)")
    p.add_argument(
        "--encoder",
        default=None,
        help=f"encoder name, or several joined by '+' (default {TRAIN_DEFAULT.encoder}); see --list-encoders",
    )
    p.add_argument(
        "--head",
        default=None,
        choices=["linear", "mlp", "linear+mlp"],
        help=f"classifier head: linear, mlp, or linear+mlp (their probabilities averaged); "
        f"default {TRAIN_DEFAULT.head}",
    )
    p.add_argument("--tta", action="store_true", help="average features of each photo and its mirror image")
    p.add_argument(
        "--int8", type=int, nargs="?", const=64, default=None, metavar="PHOTOS",
        help="quantize the encoders to int8 (calibrated on PHOTOS training photos spread over the classes, "
        "default 64) and fit the head on their features: faster predictions on a CPU, top-1 within a few "
        "tenths of a point on the built-in recipe (README); the model then runs on onnxruntime only",
    )  # fmt: skip
    p.add_argument(
        "--cv",
        type=folds,
        default=None,
        help="folds for cross-validation and calibration (default 5, or the method's); 0 skips both, leaving "
        "the confidence uncalibrated",
    )
    p.add_argument(
        "--C", type=positive_float, default=None,
        help="linear head: inverse regularisation strength (default 0.05; larger fits the training photos closer)",
    )  # fmt: skip
    p.add_argument("--seed", type=int, default=0, help="seed for folds, heads and fine-tuning (default 0)")
    add_cache_option(p)
    p.add_argument("--list-encoders", action="store_true", help="list the encoders and exit")
    p.add_argument("--no-progress", action="store_true", help="no progress bars (a --method run keeps its epoch lines)")
    p.add_argument(
        "--method",
        default=None,
        metavar="NAME",
        help="train a seed paper's method instead (see --list-methods); --cv K cross-validates it",
    )
    p.add_argument(
        "--finetune",
        action="store_true",
        help="fine-tune the --encoder network end to end (mobilenet_v2, efficientnet_lite0/1/2) instead "
        "of training a head on frozen features; slower, and alone right less often than the built-in recipe's "
        "head, which it adds to as a companion (README, 'Fine-tuning a backbone'); resumable",
    )
    p.add_argument(
        "--checkpoint",
        type=Path,
        default=None,
        help="with --finetune: folder for the per-epoch checkpoint (default OUT.checkpoint); run the "
        "same command again to continue a run that was stopped",
    )
    p.add_argument(
        "--batch-size", type=positive_int, default=None, help="with --finetune: photos per step (default 32)"
    )
    p.add_argument(
        "--epochs", type=positive_int, default=None, help="with --method or --finetune: override the number of epochs"
    )
    p.add_argument("--list-methods", action="store_true", help="list the seed papers' methods and exit")
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.data import scan_image_folder
    from gemlang.encoders import list_encoders
    from gemlang.features import FeatureCache
    from gemlang.training import train_classifier
    from gemlang.training.fit import DEFAULT_ENCODER

    if args.list_encoders:
        for name, description in list_encoders().items():
            print(f"{name:28s} {description}")
        print(f"(gemlang train's default: {DEFAULT_ENCODER}; join names with + to stack their features)")
        return 0
    if args.list_methods:
        return run_method(args)
    from gemlang.cli import CommandError
    from gemlang.io import check_replaceable

    if args.data is None or args.out is None:
        raise CommandError("--data DIR and --out MODEL_DIR are required (or --list-encoders, --list-methods)")
    check_replaceable(args.out)  # before the training, not after it
    if Path(args.out).resolve().is_relative_to(Path(args.data).resolve()):  # its files would be read as photos
        raise CommandError(f"--out {args.out} is inside --data {args.data}: write the model elsewhere")
    _check_options(args)
    if (args.out / "config.json").is_file():  # replaced only once the new one is written, but not unsaid
        print(f"note: {args.out} holds a model; it will be replaced when this one is written", file=sys.stderr)
    if args.method:
        return run_method(args)
    if args.finetune:
        return run_finetune(args)
    args.cv = 5 if args.cv is None else args.cv
    data = scan_image_folder(args.data)
    print(f"{len(data)} photos in {len(data.classes)} classes from {args.data}")
    report_metadata(data)
    report_unknown_classes(data)
    options = {"C": args.C} if args.C is not None and args.head != "mlp" else None
    clf = train_classifier(
        data,
        encoder=args.encoder,
        head=args.head,
        tta=args.tta or None,
        cv=args.cv,
        seed=args.seed,
        cache=FeatureCache(args.cache),
        head_options=options,
        int8=args.int8,
        progress=not args.no_progress,
    )
    status = report_skipped(clf.info["trained_on"]["skipped"])
    cv = clf.info.get("cross_validation")
    if cv:
        from gemlang.metrics import summary_line

        print(f"cross-validated ({cv['folds']} folds): {summary_line(cv)}")
    clf.save(args.out)
    if clf.int8:
        print(f"encoders quantized to int8 on {clf.info['int8']['photos']} calibration photos; the head was fitted "
              "on their features, so this model predicts on onnxruntime only")  # fmt: skip
    print(f"model written to {args.out}")
    return status


def run_method(args) -> int:
    from gemlang.methods import describe_methods, train_method

    if args.list_methods:
        print(describe_methods(), end="")
        return 0
    overrides = {"epochs": args.epochs}
    train_method(args.method, args.data, args.out, cv=args.cv, seed=args.seed, overrides=overrides)
    return 0


def _check_options(args) -> None:
    """Refuse values no training can use, and options the chosen training would ignore."""
    from gemlang.cli import CommandError

    if args.int8 is not None and (args.method or args.finetune):
        raise CommandError("--int8 quantizes frozen encoders; it does not combine with --method or --finetune")
    if args.int8 is not None and args.int8 < 1:
        raise CommandError(f"--int8 {args.int8}: give the number of calibration photos (default 64)")
    if args.finetune:  # by identity: --cv 0 equals False but was asked for all the same
        ignored = [
            f"--{n}"
            for n in ("head", "C", "cv", "tta")
            if getattr(args, n) is not None and getattr(args, n) is not False
        ]
        if ignored:
            verb = "sets" if len(ignored) == 1 else "set"
            raise CommandError(f"{', '.join(ignored)} {verb} up a head on frozen features; --finetune trains its "
                               "own linear head end to end and calibrates it on a validation fold")  # fmt: skip
    if args.method and args.finetune:
        raise CommandError("--method trains a seed paper's model and --finetune a bundled backbone: choose one")
    if args.encoder is not None and not args.method:  # a typo is said before the photos are scanned
        from gemlang.encoders import check_spec

        check_spec(args.encoder)
    if args.method:  # a seed paper's method brings its own network, head and batches
        ignored = [
            f"--{n.replace('_', '-')}"
            for n in ("encoder", "head", "C", "tta", "batch_size", "checkpoint")
            if getattr(args, n)
        ]
        if ignored:
            raise CommandError(f"--method {args.method} sets its own network and training: {', '.join(ignored)} "
                               "would be ignored; leave them out (--epochs and --cv apply)")  # fmt: skip
    if not (args.method or args.finetune):
        given = [f"--{n.replace('_', '-')}" for n in ("epochs", "batch_size", "checkpoint") if getattr(args, n)]
        if given:
            verb = "applies" if len(given) == 1 else "apply"
            raise CommandError(f"{', '.join(given)} {verb} only with --finetune or --method")


def run_finetune(args) -> int:
    import shutil

    from accelerate import PartialState

    from gemlang.cli import CommandError
    from gemlang.data import scan_image_folder
    from gemlang.training.finetune import FinetuneConfig, finetune_classifier, finished_epochs

    config = FinetuneConfig(seed=args.seed, progress=not args.no_progress)
    if args.encoder is not None:
        config.backbone = args.encoder
    if args.epochs is not None:
        config.epochs = args.epochs
    if args.batch_size is not None:
        config.batch_size = args.batch_size
    checkpoint = args.checkpoint or args.out.with_name(f"{args.out.name}.checkpoint")
    if Path(checkpoint).resolve() == Path(args.out).resolve():  # deleted once the model is written
        raise CommandError(f"--checkpoint {checkpoint} is --out: give the checkpoint a folder of its own")
    data = scan_image_folder(args.data)
    print(f"{len(data)} photos in {len(data.classes)} classes from {args.data}")
    report_metadata(data)
    report_unknown_classes(data)
    try:
        clf = finetune_classifier(data, config, checkpoint_dir=checkpoint)
    except KeyboardInterrupt:
        if epochs := finished_epochs(checkpoint):
            print(f"stopped: {epochs} finished epoch(s) are kept in {checkpoint}; run the same command again to "
                  f"continue after epoch {epochs}", file=sys.stderr)  # fmt: skip
        else:
            print("stopped before the first epoch finished: nothing was kept to continue from; run the command "
                  "again to start over", file=sys.stderr)  # fmt: skip
        raise
    if not PartialState().is_main_process:  # under `accelerate launch`, one process writes the model
        return 0
    status = report_skipped(clf.info["trained_on"]["skipped"])
    from gemlang.metrics import summary_line

    print(f"validation fold: {summary_line(clf.info['validation'])}")
    clf.save(args.out)
    shutil.rmtree(checkpoint, ignore_errors=True)
    print(f"model written to {args.out} (fine-tuned encoder in encoder.safetensors)")
    return status


def report_unknown_classes(data) -> None:
    """Classes the knowledge base names no gem for: the model learns them, but `describe` and the chat can say
    little of them beyond the name."""
    from gemlang.knowledge import find_gem

    unknown = [c for c in data.classes if find_gem(c) is None]
    if unknown:
        print(f"note: no gem facts for {len(unknown)} class(es) ({', '.join(unknown[:5])}"
              f"{' …' if len(unknown) > 5 else ''}): descriptions will say little of them; name a folder after a "
              "gem the knowledge base knows (e.g. Emerald) for its facts", file=sys.stderr)  # fmt: skip


def report_metadata(data) -> None:
    """metadata.csv is for `gemlang build fusion`, not the photo model: say so, and what in it is unusable."""
    from gemlang.hints import metadata_problems

    if data.metadata:
        print(f"metadata.csv: {len(data.metadata)} rows; the photo model does not read them, "
              "`gemlang build fusion` does (readings, hardness, locality)")  # fmt: skip
        for problem in metadata_problems(data):
            print(problem)
