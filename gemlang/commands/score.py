"""`gemlang score`: compare generated captions with expert references (TF-IDF and semantic cosine)."""

from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "score",
        help="score captions against reference descriptions",
        description=(
            "Compare each caption of CANDIDATES with the reference of the same id in REFERENCES (both CSV "
            "files with columns id,text) by TF-IDF cosine (IDF from the knowledge base's descriptions plus "
            "the references) and by the cosine of all-MiniLM-L6-v2 sentence embeddings. Writes OUT: JSON "
            "with per-item scores and means, or a per-item CSV if OUT ends in .csv. Ids are matched as text. "
            "Exit status 1 if a caption has no reference of its id (it is not scored)."
        ),
    )
    p.add_argument("--candidates", required=True, type=Path, metavar="C.csv", help="captions to score (id,text)")
    p.add_argument("--references", required=True, type=Path, metavar="R.csv", help="reference captions (id,text)")
    p.add_argument("--out", required=True, type=Path, metavar="S.json", help="scores file (.json or .csv)")
    p.add_argument("--no-semantic", action="store_true", help="TF-IDF cosine only (no sentence encoder)")
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.cli import CommandError
    from gemlang.io import check_writable
    from gemlang.language.scoring import score_files

    if args.out.is_dir() or args.out.suffix.lower() not in (".json", ".csv"):
        what = "is a folder" if args.out.is_dir() else "has neither ending"
        raise CommandError(f"--out {args.out} {what}: give a file name ending in .json or .csv")
    check_writable(args.out)
    scores = score_files(args.candidates, args.references, args.out, semantic=not args.no_semantic)
    line = f"{scores['n_items']} captions scored: mean TF-IDF cosine "
    line += "n/a" if scores["mean_tfidf_cosine"] is None else f"{scores['mean_tfidf_cosine']:.3f}"
    if scores["mean_semantic_cosine"] is not None:
        line += f", mean semantic cosine {scores['mean_semantic_cosine']:.3f}"
    print(line)
    for key, what in (
        ("missing_references", "without a reference, not scored"),
        ("missing_candidates", "without a caption, not scored"),
        ("empty_candidates", "with an empty caption, scored 0"),
    ):
        if scores[key]:
            print(f"{len(scores[key])} id(s) {what}: {', '.join(map(str, scores[key][:10]))}")
    print(f"scores written to {args.out}")
    if not scores["n_items"]:  # nothing was done: an error (2), not "done, some skipped" (1)
        print("no id appears in both files: ids are compared as text ('02' is not '2')", file=sys.stderr)
        return 2
    return 1 if scores["missing_references"] else 0  # a caption left unscored
