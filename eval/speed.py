"""How fast gemlang answers, from one run on one machine: the figures behind the README's speed table.

    python eval/speed.py                    # the full benchmark (~10 min on 2 cores), writes eval/results/speed.*
    python eval/speed.py --shared-machine   # the same, and the report says other work shared the CPU
    python eval/speed.py --smoke --results DIR   # seconds, a tiny painted model: proves the script still runs

It measures, on photos from ../shared/data/gemstones/train (or painted ones in --smoke):
- one photo through `GemClassifier.predict` on the eager PyTorch path and on the serving path (ONNX
  Runtime + numpy head): median and p95, and each divided by the median of one eager torchvision
  MobileNetV2 forward timed in turn with it, call by call (a yardstick that moves with the machine);
- batched prediction (photos/s) on both paths, and `gemlang catalog` end to end on new photos;
- start-up of the command line: `gemlang --help`, `gemlang predict --help`, a cold `gemlang predict`;
- the chat app under N concurrent gradio_client sessions for D seconds (each: a photo with "what gem is
  this?", then "hardness about 7"; one upload in five is not a photo): turn latency p50/p95, errors, and
  the heat map's latency, fetched after each photo as the browser does.

Timings are wall-clock: on a machine shared with other work they are slower and noisier than on a quiet
one; the report says which it was (--shared-machine) and records the load average.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED_TRAIN = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = ROOT / "eval" / "results"
FULL = {"runs": 30, "photos": 20, "batch": 64, "catalog": 400, "sessions": 20, "seconds": 60, "cli_runs": 3}
SETTLE_S = 0.01  # pause between the yardstick and the call timed in turn with it
SMOKE = {"runs": 3, "photos": 4, "batch": 8, "catalog": 8, "sessions": 2, "seconds": 4, "cli_runs": 1}


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def summary(ms: list[float]) -> dict:
    return {"median_ms": round(statistics.median(ms), 2), "p95_ms": round(percentile(ms, 95), 2), "n": len(ms)}


# --- photos and models -----------------------------------------------------------------------------
def painted_photos(folder: Path, n: int) -> list[Path]:
    """Stone-like blobs of three colours, for --smoke (no shared data needed)."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    colours = {"Ruby": (200, 20, 40), "Emerald": (20, 160, 70), "Sapphire Blue": (30, 50, 200)}
    paths = []
    rng = np.random.default_rng(0)
    for i in range(n):
        name, colour = list(colours.items())[i % 3]
        image = Image.new("RGB", (96, 80), tuple(int(v) for v in rng.integers(215, 255, 3)))
        ImageDraw.Draw(image).ellipse((10 + i % 7, 8, 80, 70), fill=tuple(int(c) for c in colour))
        (folder / name).mkdir(exist_ok=True)
        paths.append(folder / name / f"{i}.jpg")
        image.save(paths[-1], quality=90)
    return paths


def shared_photos(root: Path, n: int, offset: int = 0) -> list[Path]:
    """n photos spread over every class of the shared collection (deterministic)."""
    photos = sorted(p for p in root.glob("*/*") if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp"})
    step = max(1, len(photos) // (n + offset))
    return photos[offset::step][:n]


def smoke_model(folder: Path, photos: list[Path]) -> Path:
    """A small random-weight CNN + colour histogram with a linear head fitted to the painted photos."""
    import torch

    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureExtractor
    from gemlang.heads import build_head
    from gemlang.model import GemClassifier

    torch.manual_seed(0)
    data = scan_image_folder(photos[0].parent.parent)
    extractor = FeatureExtractor("residual_cnn:32+colour_hist")
    features, _ = extractor(data.paths)
    head = build_head({"type": "linear", "in_dim": extractor.feature_dim, "n_classes": len(data.classes)})
    head.fit(features, np.asarray(data.labels))
    GemClassifier(extractor, head, data.classes, info={"finetuned_encoder": True}).save(folder)
    return folder


# --- library timings -------------------------------------------------------------------------------
def time_calls(fn, runs: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def mobilenet_forward():
    """One eager torchvision MobileNetV2 forward at 224 px, batch 1 (random weights: the cost is the same)."""
    import torch
    import torchvision

    net = torchvision.models.mobilenet_v2().eval()
    x = torch.randn(1, 3, 224, 224)

    def forward() -> None:
        with torch.no_grad():
            net(x)

    for _ in range(3):
        forward()
    return forward


def mobilenet_yardstick(runs: int) -> list[float]:
    """`runs` timings of the yardstick forward, one after the other."""
    return time_calls(mobilenet_forward(), runs, warmup=0)


def paired_calls(fn, yardstick, runs: int) -> tuple[list[float], list[float]]:
    """fn and the yardstick timed in turn, call by call, so that both see the same state of the machine.

    Timed one block after the other, a change in the machine's load between the blocks (other work, the CPU's
    clock) moved the ratio by a quarter; alternating cancels such drift. A short pause before each call lets
    the other one's worker threads (PyTorch's OpenMP pool spins for a while after a forward) fall asleep.
    """
    fn()
    times, yard = [], []
    for _ in range(runs):
        time.sleep(SETTLE_S)
        yard += time_calls(yardstick, 1, warmup=0)
        time.sleep(SETTLE_S)
        times += time_calls(fn, 1, warmup=0)
    return times, yard


def eager_classifier(model: str):
    """The model on eager PyTorch. An int8 model refuses that path (its head was fitted on int8 features),
    so it is timed as the same encoders in float32 and the same head: the cost eager PyTorch would have."""
    from gemlang.model import COMPANION, DEFAULT_MODEL_DIR, GemClassifier

    clf = GemClassifier.load(model, backend="onnx")
    if not clf.int8:
        return GemClassifier.load(model, backend="torch")
    info = {k: v for k, v in clf.info.items() if k != "int8"}
    eager = GemClassifier(clf.extractor, clf.head, clf.classes, clf.temperature, info, backend="torch")
    if clf.companion is not None:  # a pair: its companion on eager PyTorch too
        folder = (DEFAULT_MODEL_DIR if model == "default" else Path(model)) / COMPANION
        eager.with_companion(GemClassifier.load(folder, backend="torch"), clf.companion_temperature)
    return eager


def library_timings(model: str, photos: list[Path], batch: list[Path], runs: int) -> dict:
    """Both paths per photo and batched; the serving path timed in turn with the yardstick.

    The eager path is timed on its own: alternated with it, the yardstick forward (PyTorch as well) slowed
    3.6 times in measurement, so both ratios use the yardstick timed beside the serving path.
    """
    from gemlang.model import GemClassifier

    yardstick = mobilenet_forward()
    yard_ms: list[float] = []  # the yardstick's timings, each taken just before a serving-path call
    out: dict = {}
    for backend in ("torch", "onnx"):
        clf = eager_classifier(model) if backend == "torch" else GemClassifier.load(model, backend=backend)
        clf.predict(photos[0])  # the serving path exports its graphs on first use; not part of the timing
        per_photo: list[float] = []
        for photo in photos:
            predict = lambda p=photo, c=clf: c.predict(p)  # noqa: E731
            if backend == "onnx":
                times, forwards = paired_calls(predict, yardstick, max(1, runs // 2))
                yard_ms += forwards
            else:
                times = time_calls(predict, max(1, runs // 2), warmup=1)
            per_photo += times
        start = time.perf_counter()
        clf.predict_proba(batch)
        seconds = time.perf_counter() - start
        out[backend] = {"one_photo": summary(per_photo), "batched_photos_per_s": round(len(batch) / seconds, 1)}
        out["int8"] = bool(clf.int8)  # the serving path's, read last
    yard = out["yardstick_mobilenet_v2"] = summary(yard_ms)
    for backend in ("torch", "onnx"):
        ratio = out[backend]["one_photo"]["median_ms"] / yard["median_ms"]
        out[backend]["ratio_to_mobilenet_v2"] = float(f"{ratio:.3g}")
    out["speedup_median"] = round(out["torch"]["one_photo"]["median_ms"] / out["onnx"]["one_photo"]["median_ms"], 2)
    return out


def gemlang_command() -> list[str]:
    return [sys.executable, "-m", "gemlang.cli"]


def timed_run(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def cli_timings(model: str, photo: Path, runs: int, env: dict) -> dict:
    cmd = gemlang_command()
    cases = {
        "gemlang --help": [*cmd, "--help"],
        "gemlang predict --help": [*cmd, "predict", "--help"],
        "gemlang predict PHOTO (cold)": [*cmd, "predict", str(photo), "--model", model],
    }
    return {name: round(statistics.median([timed_run(args, env) for _ in range(runs)]), 2)
            for name, args in cases.items()}  # fmt: skip


def catalog_timing(model: str, photos: list[Path], env: dict, workdir: Path) -> dict:
    """`gemlang catalog` on photos it never saw: an empty feature cache (the exported graphs are kept)."""
    folder = workdir / "catalog_photos"
    for i, photo in enumerate(photos):
        (folder / photo.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(photo, folder / photo.parent.name / f"{i}{photo.suffix}")
    cache = workdir / "catalog_cache"
    graphs = Path(env.get("GEMLANG_CACHE", Path.home() / ".cache" / "gemlang")) / "onnx"
    if graphs.is_dir():
        shutil.copytree(graphs, cache / "onnx", dirs_exist_ok=True)
    seconds = timed_run(
        [*gemlang_command(), "catalog", str(folder), "--out", str(workdir / "catalog.csv"), "--model", model],
        {**env, "GEMLANG_CACHE": str(cache)},
    )
    return {"photos": len(photos), "seconds": round(seconds, 1), "photos_per_s": round(len(photos) / seconds, 1)}


# --- the chat under load ---------------------------------------------------------------------------
def start_app(model: str, env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with open(log, "w") as out:
        proc = subprocess.Popen([*gemlang_command(), "app", "--model", model, "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, env=env)  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 300
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gemlang app exited:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return proc, url
        except OSError:
            time.sleep(1)
    proc.terminate()
    raise RuntimeError(f"gemlang app did not answer within 300 s:\n{log.read_text()[-2000:]}")


def chat_load(url: str, photos: list[Path], bad_upload: Path, sessions: int, seconds: float) -> dict:
    """`sessions` gradio_client users, each alternating a photo turn and a hint turn for `seconds`."""
    from gradio_client import Client, handle_file

    turns: list[float] = []
    heatmaps: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.time() + seconds

    def user(k: int) -> None:
        try:
            client = Client(url, verbose=False, download_files=False)
        except Exception as e:  # noqa: BLE001 - a refused connection is a result, not a crash of the benchmark
            with lock:
                errors.append(f"connect: {e}")
            return
        i = 0
        while time.time() < stop:
            upload = bad_upload if (k + i) % 5 == 4 else photos[(k * 7 + i) % len(photos)]
            for message in ({"text": "what gem is this?", "files": [handle_file(str(upload))]},
                            {"text": "hardness about 7", "files": []}):  # fmt: skip
                start = time.perf_counter()
                try:
                    client.predict(message=message, api_name="/ask")
                    with lock:
                        turns.append(time.perf_counter() - start)
                    if message["files"] and upload is not bad_upload:
                        start = time.perf_counter()
                        client.predict(api_name="/heatmap")
                        with lock:
                            heatmaps.append(time.perf_counter() - start)
                except Exception as e:  # noqa: BLE001 - counted and reported
                    with lock:
                        errors.append(f"{type(e).__name__}: {e}"[:200])
            i += 1

    threads = [threading.Thread(target=user, args=(k,)) for k in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "sessions": sessions,
        "seconds": seconds,
        "turns": len(turns),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "turn_p50_s": round(percentile(turns, 50), 2),
        "turn_p95_s": round(percentile(turns, 95), 2),
        "heatmap_p50_s": round(percentile(heatmaps, 50), 2),
        "heatmap_p95_s": round(percentile(heatmaps, 95), 2),
    }


# --- the report ------------------------------------------------------------------------------------
def machine(shared: bool) -> dict:
    return {
        "cpus": len(os.sched_getaffinity(0)),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "load_average_at_start": [round(v, 2) for v in os.getloadavg()],
        "shared_with_other_work": shared,
    }


def markdown(results: dict) -> str:
    lib, cli, cat, chat, m = (results[k] for k in ("library", "cli", "catalog", "chat", "machine"))
    torch_, onnx = lib["torch"], lib["onnx"]
    shared = (
        "**The machine was shared with other work during this run** (load average "
        f"{m['load_average_at_start']} at the start, {m['load_average_at_end']} at the end, on {m['cpus']} CPUs): "
        "absolute times are slower and noisier than on a quiet machine; ratios measured in the same run hold better."
        if m["shared_with_other_work"]
        else f"Machine: {m['cpus']} CPUs, load average {m['load_average_at_start']} at the start."
    )
    int8 = lib.get("int8", False)
    rows = [
        ("one photo, eager PyTorch" + (" (the same encoders in float32)" if int8 else "") + " (median / p95)",
         f"{torch_['one_photo']['median_ms']} / {torch_['one_photo']['p95_ms']} ms = "
         f"{torch_['ratio_to_mobilenet_v2']}x one MobileNetV2 forward"),
        ("one photo, serving path" + (" (int8 encoders)" if int8 else "") + " (median / p95)",
         f"{onnx['one_photo']['median_ms']} / {onnx['one_photo']['p95_ms']} ms = "
         f"{onnx['ratio_to_mobilenet_v2']}x one MobileNetV2 forward"),
        ("one eager MobileNetV2 forward (the yardstick, timed in turn with each serving-path call)",
         f"{lib['yardstick_mobilenet_v2']['median_ms']} ms"),
        ("batched predict, eager / serving",
         f"{torch_['batched_photos_per_s']} / {onnx['batched_photos_per_s']} photos/s"),
        ("`gemlang catalog`, end to end",
         f"{cat['photos_per_s']} photos/s ({cat['photos']} photos, {cat['seconds']} s)"),
        *((f"`{name}`", f"{seconds} s") for name, seconds in cli.items()),
        (f"chat, {chat['sessions']} concurrent sessions for {chat['seconds']} s",
         f"{chat['turns']} turns, {chat['errors']} errors, turn latency p50 {chat['turn_p50_s']} s, "
         f"p95 {chat['turn_p95_s']} s; heat map p50 {chat['heatmap_p50_s']} s, p95 {chat['heatmap_p95_s']} s"),
    ]  # fmt: skip
    table = "\n".join(["| what | measured |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)])
    return (
        f"# gemlang speed\n\nModel `{results['model']}`, {results['photos']} photos for latency; "
        f"command: `{results['command']}`\n\n{shared}\n\n{table}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="model folder or 'default' (default: the built-in model)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for speed.json and speed.md")
    parser.add_argument("--data", type=Path, default=SHARED_TRAIN, help="photo collection (default ../shared/...)")
    parser.add_argument("--smoke", action="store_true", help="painted photos, seconds: proves the script runs")
    parser.add_argument("--shared-machine", action="store_true", help="say in the report the CPU was shared")
    parser.add_argument("--sessions", type=int, default=None, help="concurrent chat sessions (default 20)")
    parser.add_argument("--seconds", type=float, default=None, help="length of the chat load test (default 60)")
    parser.add_argument("--app-url", default=None, help="measure this running app instead of starting one")
    args = parser.parse_args(argv)
    plan = dict(SMOKE if args.smoke else FULL)
    plan.update({k: v for k, v in (("sessions", args.sessions), ("seconds", args.seconds)) if v is not None})
    workdir = Path(tempfile.mkdtemp(prefix="gemlang-speed-"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False", "NO_PROXY": "127.0.0.1,localhost"}  # fmt: skip
    try:
        if args.smoke:
            photos = painted_photos(workdir / "photos", 9)
            model = args.model or str(smoke_model(workdir / "model", photos))
            catalog_photos = photos[: plan["catalog"]]
        else:
            model = args.model or "default"
            photos = shared_photos(args.data, plan["photos"] + plan["batch"])
            catalog_photos = shared_photos(args.data, plan["catalog"], offset=1)
        bad_upload = workdir / "notes.jpg"
        bad_upload.write_text("not a photo")
        print(f"timing predict on {plan['photos']} photos, eager and serving...", flush=True)
        results = {
            "model": model if not args.smoke else "a painted-photo smoke model",
            "photos": plan["photos"],
            "machine": machine(args.shared_machine),
            "library": library_timings(model, photos[: plan["photos"]], photos[: plan["batch"]], plan["runs"]),
        }
        print("timing the command line...", flush=True)
        results["cli"] = cli_timings(model, photos[0], plan["cli_runs"], env)
        print(f"timing gemlang catalog on {len(catalog_photos)} photos...", flush=True)
        results["catalog"] = catalog_timing(model, catalog_photos, env, workdir)
        print(f"chat: {plan['sessions']} sessions for {plan['seconds']} s...", flush=True)
        proc = None
        url = args.app_url
        if url is None:
            proc, url = start_app(model, env, workdir / "app.log")
        try:
            results["chat"] = chat_load(url, photos, bad_upload, plan["sessions"], plan["seconds"])
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
        results["machine"]["load_average_at_end"] = [round(v, 2) for v in os.getloadavg()]
        command = "python eval/speed.py" + (" --smoke" if args.smoke else "")
        command += " --shared-machine" if args.shared_machine else ""
        results["command"] = command
        from gemlang.io import write_json_atomic, write_text_atomic

        write_json_atomic(results, args.results / "speed.json")
        write_text_atomic(args.results / "speed.md", markdown(results))
        print(markdown(results))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
