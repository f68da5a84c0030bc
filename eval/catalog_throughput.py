"""End-to-end throughput of `gemlang catalog`: photos described and committed per second, on this machine.

    nice -n 10 python eval/catalog_throughput.py [--photos 400] [--engine local|ray] [--model default]
    python eval/catalog_throughput.py --smoke --results-dir DIR     # painted photos, a tiny model (tests)

It runs the `gemlang catalog` command on the first N photos of ../shared/data/gemstones/train (copied to
a temporary folder) with an empty feature cache, so every photo is read, hashed, decoded, encoded,
classified, described and written: nothing is served from a cache. It reports the whole command's wall
time (start-up and model loading included) and photos per second, and writes
eval/results/catalog_throughput.{json,md}.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gemlang.io import write_json_atomic, write_text_atomic  # noqa: E402

SHARED_TRAIN = REPO.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = REPO / "eval" / "results"
TARGET = 20.0  # photos/s end to end on 2 cores


def sample_photos(source: Path, n: int, dest: Path) -> int:
    """Copy n photos, taken round-robin across the class folders (every gem represented), into dest."""
    from gemlang.collection.photos import iter_photos

    by_class: dict[str, list[Path]] = {}
    for photo in iter_photos(source):
        by_class.setdefault(photo.parent.name, []).append(photo)
    chosen, depth = [], 0
    while len(chosen) < n and any(depth < len(v) for v in by_class.values()):
        chosen += [v[depth] for v in by_class.values() if depth < len(v)]
        depth += 1
    for photo in chosen[:n]:
        (dest / photo.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy2(photo, dest / photo.parent.name / photo.name)
    return len(chosen[:n])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--model", default="default")
    parser.add_argument("--engine", choices=["local", "ray"], default="local")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--format", default=".jsonl", choices=[".jsonl", ".csv", ".md", ".parquet"])
    parser.add_argument("--smoke", action="store_true", help="painted photos and a tiny model made here")
    parser.add_argument("--data", type=Path, default=SHARED_TRAIN, help="the photo collection to sample")
    parser.add_argument("--results-dir", type=Path, default=RESULTS)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gemlang-throughput-") as tmp:
        tmp = Path(tmp)
        photos = tmp / "photos"
        if args.smoke:
            n, model = _smoke_setup(tmp), str(tmp / "model")
        else:
            if not args.data.is_dir():
                sys.exit(f"{args.data}: the shared photo collection is missing; pass --data DIR or use --smoke")
            n, model = sample_photos(args.data, args.photos, photos), args.model
        out = tmp / f"catalog{args.format}"
        command = [sys.executable, "-m", "gemlang.cli", "catalog", str(photos), "--out", str(out),
                   "--model", model, "--cache", str(tmp / "empty-cache"), "--batch-size", str(args.batch_size),
                   "--engine", args.engine, "--no-progress"]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"gemlang catalog failed ({done.returncode}):\n{done.stderr[-3000:]}")

    rate = n / wall
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime  # CPU time the command used, whatever else ran on the machine
    shown = "python eval/catalog_throughput.py" + (" --smoke" if args.smoke else f" --photos {args.photos}")
    shown += "" if args.engine == "local" else f" --engine {args.engine}"
    result = {"command": shown, "photos": n, "engine": args.engine, "model": "tiny (smoke)" if args.smoke else model,
              "batch_size": args.batch_size, "format": args.format, "wall_s": round(wall, 2),
              "photos_per_s": round(rate, 2), "target_photos_per_s": TARGET, "cpus": os.cpu_count(),
              "peak_rss_mb": round(usage.ru_maxrss / 1024), "cpu_s": round(cpu, 1),
              "cpu_ms_per_photo": round(1000 * cpu / n, 1), "photos_per_cpu_s": round(n / cpu, 2),
              "summary": done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""}  # fmt: skip
    text = (
        "# `gemlang catalog` throughput, end to end\n\n"
        f"Command: `{shown}`. {n} photos, empty feature cache, engine {args.engine}, model {result['model']}, "
        f"batch {args.batch_size}, {args.format} output; {platform.machine()} with {os.cpu_count()} CPU cores, shared "
        "with other jobs while this ran.\n\n"
        f"- wall time of the whole command (start-up and model loading included): {wall:.1f} s\n"
        f"- throughput: **{rate:.1f} photos/s** (target {TARGET:g} photos/s)\n"
        f"- CPU time of the command: {cpu:.1f} s, {1000 * cpu / n:.0f} ms a photo, i.e. {n / cpu:.1f} photos per "
        f"CPU-second: what one core of its own would do; two idle cores do at most {2 * n / cpu:.1f} photos/s\n"
        f"- peak memory of the command: {result['peak_rss_mb']} MB\n"
        f"- the command said: {result['summary']}\n"
    )
    print(text)
    name = "catalog_throughput" + ("" if args.engine == "local" else f"_{args.engine}")
    write_json_atomic(result, args.results_dir / f"{name}.json")
    write_text_atomic(args.results_dir / f"{name}.md", text)


def _smoke_setup(tmp: Path) -> int:
    """Painted photos and a colour-histogram classifier trained on them, made in seconds."""
    from smoke import GEMS, painted_folder

    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.training import train_classifier

    painted_folder(tmp / "photos", per_class=4, classes={g: GEMS[g] for g in ("Ruby", "Emerald", "Sapphire Blue")})
    clf = train_classifier(scan_image_folder(tmp / "photos"), encoder="colour_hist", cv=2,
                           cache=FeatureCache(tmp / "train-cache"), progress=False, log=lambda _: None)  # fmt: skip
    clf.save(tmp / "model")
    return 12


if __name__ == "__main__":
    main()
