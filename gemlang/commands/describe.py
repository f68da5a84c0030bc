"""`gemlang describe PHOTO`: a catalog description of the stone, grounded in the knowledge base."""

from __future__ import annotations

import json
import sys

from gemlang.commands import (
    add_backend_option,
    add_cache_option,
    add_generator_option,
    add_model_option,
    add_photo_argument,
    count,
    refuse_more_photos,
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "describe",
        help="write a catalog description of the gem in a photo",
        description=(
            "Classify PHOTO and describe the most likely gem from gemlang's knowledge base: identity, "
            "colour, hardness, specific gravity, refractive index, features and sources, then the "
            "reference description. When the top two candidates are close, say so and how to tell them "
            "apart. Templates: prompts/describe.toml."
        ),
    )
    add_photo_argument(
        p,
        help="one photo file: JPEG, PNG, WebP, AVIF, BMP, TIFF or GIF (for many, `gemlang catalog DIR`)",
        several="To describe several, run `gemlang catalog DIR --out catalog.csv` on their folder.",
    )
    add_model_option(p)
    add_generator_option(p)
    p.add_argument(
        "--similar",
        type=count,
        default=0,
        metavar="N",
        help="also list the N knowledge-base descriptions nearest to the photo in the image-text alignment",
    )
    p.add_argument("--alignment", default="default", metavar="DIR", help="alignment folder for --similar")
    add_cache_option(p)
    add_backend_option(p)
    p.add_argument("--json", action="store_true", help="print the description and the facts used as JSON")
    p.set_defaults(func=run)


SCOPE_ADVICE = {  # what would help, by what the scope check found (gemlang.scope's kinds)
    "not_a_gem_photo": "send a close, sharp photo of the stone on a plain background.",
    "unknown_mineral": "a photo alone cannot settle it; instrument readings in the chat (`gemlang app`), such as "
    '"RI 1.54, SG 2.65", rank every gem of the knowledge base.',
}


def run(args) -> int:
    from gemlang.data.images import ImageError, shortcomings_warning
    from gemlang.features import FeatureCache
    from gemlang.io import printable
    from gemlang.language.describe import describe_prediction, load_generator
    from gemlang.language.gem_prose import reference_description
    from gemlang.model import GemClassifier
    from gemlang.scope import analysed_as_the_chat

    refuse_more_photos(args)
    clf = GemClassifier.load(args.model, backend=args.backend)
    probs, [scope], failures, [flaws] = analysed_as_the_chat(clf, [args.photo], cache=FeatureCache(args.cache))
    if failures:
        raise ImageError(failures[0])
    pred = clf.rank(probs[0], 5)
    if scope.flagged:  # no description of a gem the model does not believe in (the chat says the same)
        said = f"{scope.sentence()} No description written: {SCOPE_ADVICE[scope.kind]}"
        if args.json:  # the keys of a described photo, with no gem named (as `predict --json` gives it)
            top_k = [list(t) for t in pred.top_k]
            named = {"photo": printable(args.photo), "gem": None, "probability": None, "text": said}
            named |= {"top_k": top_k, "out_of_scope": scope.to_dict(), "photo_flaws": flaws}
            print(json.dumps(named, indent=2))
        else:
            print(said)
        return 0
    d = describe_prediction(pred.top_k, load_generator(args.generator))
    similar = []
    if args.similar > 0:
        from gemlang.language.alignment import AlignmentModel

        model = AlignmentModel.load(args.alignment)
        [similar] = model.retrieve_descriptions([args.photo], k=args.similar, cache=FeatureCache(args.cache))
    if args.json:
        top_k = [list(t) for t in pred.top_k]
        out = {"photo": printable(args.photo), **d.to_dict(), "top_k": top_k, "out_of_scope": scope.to_dict()}
        out["photo_flaws"] = flaws
        if similar:
            out["similar"] = [
                {"gem": g.name, "cosine": round(s, 4), "description": reference_description(g)} for g, s in similar
            ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if scope.sentence():  # unflagged: a photo too small to judge, said beside the description
        print(f"note: {scope.sentence()}", file=sys.stderr)
    if flaws:  # on stderr: the description alone is what a script keeps
        print(f"note: {shortcomings_warning(flaws)}", file=sys.stderr)
    print(d.text)
    if similar:
        print("\nNearest reference descriptions (image-text alignment):")
        for gem, score in similar:
            print(f"  {score:+.3f}  {gem.name}: {reference_description(gem).split('. ')[0]}.")
    return 0
