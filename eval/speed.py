"""Latency of `GemClassifier.predict` on one photo, after warm-up, on this machine's CPU.

    python eval/speed.py [--model default] [--photo PATH] [--runs 50] [--threads 2]

Prints the median and 90th percentile in milliseconds; the target for the built-in model is a median of
60 ms or less on 2 CPU cores. Run it on an otherwise idle machine: it measures wall-clock time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import torch

from gemlang import GemClassifier
from gemlang.io import atomic_file

DEFAULT_PHOTO = Path(__file__).resolve().parents[2] / "shared/data/gemstones/train/Ruby/ruby_0.jpg"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="default")
    parser.add_argument("--photo", type=Path, default=DEFAULT_PHOTO)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--results", type=Path, default=None, help="also write the figures to this Markdown file")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if not args.photo.exists():
        from PIL import Image

        args.photo = Path("/tmp/gemlang_speed.jpg")
        Image.new("RGB", (400, 400), (180, 20, 40)).save(args.photo)
    clf = GemClassifier.load(args.model)
    for _ in range(5):
        clf.predict([args.photo])
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        clf.predict([args.photo])
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    lines = [
        f"model {args.model} ({clf.extractor.spec}), photo {args.photo.name}, {args.threads} threads",
        f"median {statistics.median(times):.1f} ms, p90 {times[int(0.9 * len(times))]:.1f} ms over {args.runs} runs",
        f"command: python eval/speed.py --model {args.model} --runs {args.runs} --threads {args.threads}",
    ]
    print("\n".join(lines))
    if args.results:
        with atomic_file(args.results) as f:
            f.write("# GemClassifier.predict latency, one photo, CPU\n\n" + "\n\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
