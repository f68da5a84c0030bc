"""`gemlang predict PHOTO...`: the most likely gems for each photo, with calibrated probabilities."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gemlang.commands import SKIPPED_STATUS, add_backend_option, add_model_option, positive_int

FOLDER_HINT = " To name every photo of a folder, run `gemlang catalog DIR --out catalog.csv`."


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "predict",
        help="name the gem in one or more photos",
        description=(
            "Print the most likely gems for each photo with calibrated probabilities, and whether the photo is "
            "out of scope: not a gem photo, or a stone unlike every class the model knows (JSON field "
            "`out_of_scope`: flagged, kind, closest; kind is 'unchecked' for a model without the check, "
            "'unchecked_colourless' for a black-and-white photo, which the unknown-stone check cannot judge, "
            "'unchecked_small' for a photo under 64 px on its shorter side, too small to judge, which is said). A "
            "flagged photo names no gem: its JSON `label` and `probability` are null, `top_k` lists the closest. A "
            "photo too small, too dark or without colour is said so (JSON `photo_flaws`): its odds are less sure. A "
            "stone small in a plain frame is looked at cropped to it, as the chat does (`photo_flaws`: 'stone small "
            "in the frame')."
        ),
    )
    p.add_argument("photos", nargs="+", metavar="PHOTO", help="photo file(s): JPEG, PNG, WebP, AVIF, BMP, TIFF or GIF")
    add_model_option(p)
    p.add_argument("--top-k", type=positive_int, default=5, help="how many candidates to list (default 5)")
    p.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    add_backend_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.data.images import shortcomings_warning
    from gemlang.io import printable
    from gemlang.model import GemClassifier
    from gemlang.scope import analysed_as_the_chat

    clf = GemClassifier.load(args.model, backend=args.backend)
    probs, scopes, failures, flaws = analysed_as_the_chat(clf, args.photos)  # cropped, weighed: as the chat looks
    for i, photo in enumerate(args.photos):
        if i in failures:
            if args.json:  # a line of the output, and named on stderr as every skipped photo is
                print(json.dumps({"photo": printable(photo), "error": failures[i]}))
            # the reason names the photo already ("x.txt: not an image file ..."); to stderr, as errors go
            reason = failures[i] + (FOLDER_HINT if Path(photo).is_dir() else "")
            print(reason if reason.startswith(f"{photo}:") else f"{photo}: {reason}", file=sys.stderr)
            continue
        pred = clf.rank(probs[i], args.top_k)
        if args.json:
            int8 = {"int8": True} if clf.int8 else {}  # encoders quantized (gemlang train --int8)
            named = pred.to_dict()
            if scopes[i].flagged:  # as the catalog does: no gem named for a flagged photo; top_k holds the closest
                named |= {"label": None, "probability": None}
            scope = {"out_of_scope": scopes[i].to_dict(), "photo_flaws": flaws[i]}
            print(json.dumps({"photo": printable(photo), **named, **scope, **int8}))
        else:
            said = scopes[i].sentence()  # what a flagged photo is, or that it is too small to judge
            print(f"{photo}:" + (f" {said}" if said else ""))
            if flaws[i]:
                print(f"  note: {shortcomings_warning(flaws[i])}")
            if scopes[i].flagged:  # no odds under a verdict that names no gem: the sentence gives the closest
                continue
            for label, p in pred.top_k:
                print(f"  {p:6.1%}  {label}")
    if failures and len(failures) == len(args.photos):
        return 2  # nothing was done: an error to fix, as every command's exit status says
    return SKIPPED_STATUS if failures else 0
