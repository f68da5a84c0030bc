"""A camera's full-size photo: what `gemlang predict` costs in time and memory, and whether it names the same gem.

    python eval/camera_photos.py              # writes eval/results/camera_photos.json and .md (about 2 min)
    python eval/camera_photos.py --smoke --results DIR  # two painted photos, a tenth of the sizes: checks it runs

Sampled photos of the shared collection are enlarged to the size of a phone's photo (12 MP, 4000 x 3000) and of
a high-resolution camera's (48 MP, 8000 x 6000) and saved as JPEG, as such a camera writes them. Each is then
named by `gemlang predict` in a process of its own: its wall time and peak memory (the process's maximum resident
set) are those a person sees. The report also gives how often the enlarged photo is named as the original is:
an enlarged photo has no more detail than the original, so this checks only that reading a large file at a
fraction of its size (`gemlang.data.images.DECODED_SIDE`, `gemlang.encoders.pixels.REDUCED_SIDE`) leaves the
answer as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports import machine  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = ROOT / "eval" / "results"
SIZES = {"phone 12 MP": (4000, 3000), "camera 48 MP": (8000, 6000)}


def predicted(photo: Path, model: str) -> tuple[str, float, float]:
    """(top-1 label, wall seconds, peak resident MB) of one `gemlang predict --json` in a process of its own."""
    command = [sys.executable, "-m", "gemlang.cli", "predict", str(photo), "--json", "--model", model]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"gemlang predict {photo} failed ({process.returncode})")
    row = json.loads(out.decode().splitlines()[-1])
    return row["top_k"][0][0], seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--photos", type=int, default=5, help="photos sampled and enlarged to each size")
    parser.add_argument("--model", default="default")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--scale", type=float, default=1.0, help="of the sizes' sides (the smoke run's: 0.1)")
    parser.add_argument("--smoke", action="store_true", help="two painted photos, a tenth of the sizes")
    args = parser.parse_args(argv)
    if args.smoke:
        from smoke import painted_folder

        with tempfile.TemporaryDirectory() as tmp:
            painted_folder(Path(tmp), per_class=1)
            rest = [a for a in (argv or []) if a != "--smoke"]
            return main([*rest, "--data", tmp, "--photos", "2", "--scale", "0.1"])

    from PIL import Image

    from gemlang.data import load_image, scan_image_folder
    from gemlang.io import write_text_atomic

    started = time.time()
    data = scan_image_folder(args.data)
    sample = random.Random(args.seed).sample(list(data.paths), min(args.photos, len(data)))
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        originals = {photo: predicted(photo, args.model) for photo in sample}
        rows["as in the collection"] = {"size": "as collected", "runs": list(originals.values()), "same": len(sample)}
        for name, size in SIZES.items():
            runs, same = [], 0
            size = (round(size[0] * args.scale), round(size[1] * args.scale))
            for i, photo in enumerate(sample):
                big = Path(tmp) / f"{i}.jpg"
                load_image(photo).resize(size, Image.BICUBIC).save(big, quality=92)
                runs.append(predicted(big, args.model))
                same += runs[-1][0] == originals[photo][0]
            rows[name] = {"size": f"{size[0]} x {size[1]}", "runs": runs, "same": same}
    result = {
        "command": "python eval/camera_photos.py" + (" " + shlex.join(argv) if argv else ""),
        "machine": machine(),
        "photos": len(sample),
        "sizes": {
            name: {
                "size": row["size"],
                "median_seconds": round(statistics.median(r[1] for r in row["runs"]), 2),
                "peak_mb": round(max(r[2] for r in row["runs"])),
                "named_as_original": row["same"] / len(sample),
            }
            for name, row in rows.items()
        },
        "minutes": round((time.time() - started) / 60, 1),
    }
    args.results.mkdir(parents=True, exist_ok=True)
    write_text_atomic(args.results / "camera_photos.json", json.dumps(result, indent=2) + "\n")
    table = [
        f"| {name} | {v['size']} | {v['median_seconds']} s | {v['peak_mb']} MB | {v['named_as_original']:.0%} |"
        for name, v in result["sizes"].items()
    ]
    write_text_atomic(
        args.results / "camera_photos.md",
        "\n".join(
            [
                "# A camera's full-size photo through `gemlang predict`",
                "",
                f"Command: `{result['command']}` ({result['minutes']} min). Machine: {result['machine']}.",
                "",
                f"{len(sample)} photos of the shared collection, enlarged and saved as JPEG; each named by "
                "`gemlang predict` in a process of its own (start-up included).",
                "",
                "| photo | pixels | median time | peak memory | named as the original |",
                "|---|---|---|---|---|",
                *table,
            ]
        )
        + "\n",
    )
    print("\n".join(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
