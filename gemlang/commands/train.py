"""`gemlang train`: fit a classifier on a folder of photos (one sub-folder per class)."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    from gemlang.training import DEFAULT_ENCODER

    p = subparsers.add_parser(
        "train",
        help="train a classifier on your own photos",
        description=(
            "Train a gem classifier on DATA (one sub-folder per class, optional metadata.csv). Features are "
            "cached, so a second run over the same photos does no encoder work. With --cv K (default 5) the "
            "head is cross-validated on duplicate-aware folds: the scores go into the model card and the "
            "held-out predictions calibrate the confidence."
        ),
    )
    p.add_argument("--data", required=True, type=Path, help="folder with one sub-folder of photos per class")
    p.add_argument("--out", required=True, type=Path, help="model folder to write (config.json + safetensors)")
    p.add_argument("--encoder", default=DEFAULT_ENCODER,
                   help=f"encoder name, or several joined by '+' (default {DEFAULT_ENCODER}); see --list-encoders")
    p.add_argument("--head", default="linear", choices=["linear", "mlp"], help="classifier head (default linear)")
    p.add_argument("--tta", action="store_true", help="average features of each photo and its mirror image")
    p.add_argument("--cv", type=int, default=5, help="folds for cross-validation and calibration; 0 to skip")
    p.add_argument("--C", type=float, default=None, help="linear head: regularisation strength (higher = weaker)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--cache", type=Path, default=None, help="feature cache folder (default ~/.cache/gemlang)")
    p.add_argument("--list-encoders", action="store_true", help="list the encoders and exit")
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.data import scan_image_folder
    from gemlang.encoders import list_encoders
    from gemlang.features import FeatureCache
    from gemlang.training import train_classifier

    if args.list_encoders:
        for name, description in list_encoders().items():
            print(f"{name:28s} {description}")
        return 0
    data = scan_image_folder(args.data)
    print(f"{len(data)} photos in {len(data.classes)} classes from {args.data}")
    options = {"C": args.C} if args.C is not None and args.head == "linear" else {}
    clf = train_classifier(
        data, encoder=args.encoder, head=args.head, tta=args.tta, cv=args.cv, seed=args.seed,
        cache=FeatureCache(args.cache), head_options=options,
    )
    for path, reason in clf.info["trained_on"]["skipped"]:
        print(f"skipped {path}: {reason}")
    cv = clf.info.get("cross_validation")
    if cv:
        from gemlang.evaluation import summary_line

        print(f"cross-validated ({cv['folds']} folds): {summary_line(cv)}")
    clf.save(args.out)
    print(f"model written to {args.out}")
    return 0
