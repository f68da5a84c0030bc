"""`gemlang explain PHOTO`: a heat map of the part of the photo that decided the answer; or a t-SNE map."""

from __future__ import annotations

from pathlib import Path

from gemlang.commands import add_backend_option, add_model_option, add_photo_argument, refuse_more_photos


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "explain",
        help="show which part of a photo mattered (Grad-CAM / VarGrad), or map a model's features (t-SNE)",
        description=(
            "Write OUT (PNG): PHOTO with a heat map of what the model's answer rests on. gradcam reads the "
            "last convolutional map of the model's CNN (coarse regions); vargrad the variance of the input "
            "gradient over noisy copies (fine detail). With --embedding DATA instead of PHOTO: a t-SNE map "
            "of the model's features of every photo in DATA (one sub-folder per class), coloured by class."
        ),
    )
    add_photo_argument(
        p,
        help="the photo to explain",
        several="Run it once for each photo, each with its own --out; --embedding DATA maps a folder's photos.",
        optional=True,
    )
    add_model_option(p)
    p.add_argument("--method", default=None, choices=["gradcam", "vargrad"], help="heat map (default gradcam)")
    p.add_argument("--target", default=None, help="class to explain (default: the predicted one)")
    p.add_argument("--embedding", type=Path, default=None, metavar="DATA", help="t-SNE of the features of DATA")
    p.add_argument("--out", required=True, type=Path, help="PNG file to write")
    add_backend_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.cli import CommandError
    from gemlang.commands import report_skipped
    from gemlang.io import atomic_file, check_writable
    from gemlang.language.describe import percent
    from gemlang.model import GemClassifier

    refuse_more_photos(args)
    if (args.photo is None) == (args.embedding is None):
        raise CommandError("give either PHOTO or --embedding DATA")
    if args.out.suffix.lower() != ".png":
        raise CommandError(f"--out {args.out}: the map is written as a PNG image; give a file name ending in .png")
    check_writable(args.out)
    if args.embedding is not None and (heat := [o for o in ("method", "target") if getattr(args, o)]):
        raise CommandError(f"--{' and --'.join(heat)} choose a photo's heat map; --embedding maps a folder's features")
    args.method = args.method or "gradcam"
    clf = GemClassifier.load(args.model, backend=args.backend)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.embedding is not None:
        from gemlang.data import scan_image_folder
        from gemlang.explain import embedding_plot
        from gemlang.features import FeatureCache
        from gemlang.training import encode_folder

        data, X = encode_folder(scan_image_folder(args.embedding, min_classes=1), clf.feature_extractor, FeatureCache())
        embedding_plot(X, data.labels, data.classes, args.out, f"t-SNE of {clf.extractor.spec} features")
        print(f"t-SNE of {len(X)} photos written to {args.out}")
        return report_skipped(data.skipped)
    from gemlang.data.images import cropped_to_stone, gemlang_png_info, shortcomings_warning
    from gemlang.explain import explain
    from gemlang.scope import weighed_as_the_chat

    # the answer `predict` gives, and the map of the photo as looked at: a stone small in a plain frame cropped to it
    looked = cropped_to_stone([args.photo])
    heat, shown = explain(clf, looked[0][0], args.method, args.target)
    with atomic_file(args.out, "wb") as f:
        shown.save(f, format="PNG", pnginfo=gemlang_png_info())
    probs, [scope], _, [flaws] = weighed_as_the_chat(clf, *looked)
    if scope.sentence() and not scope.flagged:  # a photo too small to judge (a flagged one is said below)
        print(f"note: {scope.sentence()}")
    if flaws:
        print(f"note: {shortcomings_warning(flaws)}")
    pred = clf.rank(probs[0], 1)
    # the class as the model names it ("--target emerald" maps Emerald)
    target = next((c for c in clf.classes if c.casefold() == args.target.casefold()), args.target) if args.target \
        else pred.label  # fmt: skip
    if scope.flagged:  # the map still shows what the model looked at, but names no gem it believes in
        said = f"{scope.sentence()} {args.method} map for {target}, the closest known class,"
    else:
        said = f"predicted {pred.label} ({percent(pred.probability)}); {args.method} map for {target}"
    print(f"{args.photo}: {said} written to {args.out}")
    if clf.heat_map_note:
        print(f"  ({clf.heat_map_note})")
    return 0
