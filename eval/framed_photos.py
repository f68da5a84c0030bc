"""A stone photographed from afar: the crop to the stone, measured.

    python eval/framed_photos.py              # writes eval/results/framed_photos.json and .md
    python eval/framed_photos.py --photos 20  # fewer photos: a quick look
    python eval/framed_photos.py --smoke --results DIR  # a few painted photos: checks the script runs

Each sampled photo of the shared collection is pasted into the middle third of a plain grey frame, as a stone
on a desk or a tray looks when photographed from arm's length, and the shipped assistant looks at it twice: as
sent, and cropped by `gemlang.data.images.cropped_to_stone`, as the chat, `predict`, `describe` and the catalog
do. The report gives how many were flagged as out of scope and how many were named right each way, and how many
untouched photos of the collection the crop would apply to at all. The photos are the shipped model's own
training photos, so "named right" is optimistic for both; what the report measures is what the framing costs and
what the crop wins back.
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports import machine  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = ROOT / "eval" / "results"


def framed(image):
    """The photo in the middle third of a plain grey frame three times its width."""
    from PIL import Image

    side = 3 * max(image.size)
    frame = Image.new("RGB", (side, side), (200, 200, 200))
    frame.paste(image, ((side - image.width) // 2, (side - image.height) // 2))
    return frame


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--photos", type=int, default=150, help="photos sampled for framing")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--smoke", action="store_true", help="four painted photos: checks the script runs")
    args = parser.parse_args(argv)
    if args.smoke:
        import tempfile

        from smoke import painted_folder

        with tempfile.TemporaryDirectory() as tmp:
            painted_folder(Path(tmp), per_class=2)
            rest = [a for a in (argv or []) if a != "--smoke"]
            return main([*rest, "--data", tmp, "--photos", "4"])

    from tqdm import tqdm

    from gemlang.assistant import Assistant
    from gemlang.data import load_image, scan_image_folder
    from gemlang.data.images import cropped_to_stone
    from gemlang.io import write_text_atomic

    started = time.time()
    data = scan_image_folder(args.data)
    assistant = Assistant.load()
    classes = list(assistant.evidence.classes)
    cropped_anyway = sum(cropped_to_stone([p])[1][0] for p in tqdm(data.paths, desc="untouched photos"))
    sample = random.Random(args.seed).sample(range(len(data)), min(args.photos, len(data)))
    counts = {"as sent": [0, 0], "cropped to the stone": [0, 0]}
    for i in tqdm(sample, desc="framed photos"):
        photo = framed(load_image(data.paths[i]))
        for way, image in (("as sent", photo), ("cropped to the stone", cropped_to_stone([photo])[0][0])):
            probs, verdict = assistant.look([image])
            counts[way][0] += verdict.flagged
            counts[way][1] += classes[int(np.argmax(probs))] == data.classes[data.labels[i]]
    n = len(sample)
    result = {
        "command": "python eval/framed_photos.py" + (" " + shlex.join(argv) if argv else ""),
        "machine": machine(),
        "photos": n,
        "untouched_photos": len(data),
        "untouched_cropped": cropped_anyway,
        "framed": {way: {"flagged": f / n, "named_right": r / n} for way, (f, r) in counts.items()},
        "minutes": round((time.time() - started) / 60, 1),
    }
    args.results.mkdir(parents=True, exist_ok=True)
    write_text_atomic(args.results / "framed_photos.json", json.dumps(result, indent=2) + "\n")
    rows = [f"| {way} | {v['flagged']:.0%} | {v['named_right']:.0%} |" for way, v in result["framed"].items()]
    write_text_atomic(
        args.results / "framed_photos.md",
        "\n".join(
            [
                "# A stone photographed from afar: the crop to the stone",
                "",
                f"Command: `{result['command']}` ({result['minutes']} min). Machine: {result['machine']}.",
                "",
                f"{n} photos of the shared collection, each pasted into the middle third of a plain grey frame and "
                'looked at by the shipped assistant; they are its own training photos, so "named right" is '
                "optimistic both ways.",
                "",
                "| framed photo | flagged out of scope | named right |",
                "|---|---|---|",
                *rows,
                "",
                f"Untouched photos of the collection the crop applies to: {cropped_anyway} of {len(data)} "
                f"({cropped_anyway / len(data):.1%}); the rest are looked at as they are.",
            ]
        )
        + "\n",
    )
    print("\n".join(rows))
    print(f"untouched photos cropped: {cropped_anyway} of {len(data)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
