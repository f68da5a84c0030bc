"""Search-index benchmark: query latency (p50/p95), memory and recall@10 of the index `gemlang index` builds.

    nice -n 10 python eval/search_index.py                 # 1e4, 1e5, 1e6 vectors -> eval/results/search_index.*
    python eval/search_index.py --smoke --results-dir DIR  # 2,000 vectors, a few seconds (run by the tests)

Vectors are synthetic, of the real dimension of gemlang's image-text space (256), and clustered the way
photo embeddings are (photos of one gem sit together): a mixture of Gaussian clusters around random unit
centres, normalised. Queries are fresh draws from the same mixture (a text query lands near the photos it
describes). Exact search (flat inner product) is the ground truth for recall@10; at each size the index
kind `gemlang index` would choose is reported, IVF with its default nprobe and a sweep of nprobe.
Latency is one query at a time on one thread (a server answers concurrent queries on its other cores).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gemlang.collection.search_index import build_faiss, default_nprobe, index_kind  # noqa: E402
from gemlang.io import write_json_atomic, write_text_atomic  # noqa: E402

DIM = 256  # gemlang/language/default_alignment: image_head.out_dim
RESULTS = Path(__file__).resolve().parent / "results"
TARGET_P95_MS, TARGET_RECALL = 50.0, 0.95


def rss_mb() -> float:
    """Resident memory of this process now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def clustered_vectors(n: int, centres: np.ndarray, spread: float, rng: np.random.Generator) -> np.ndarray:
    """n unit vectors around random centres (generated in chunks: no float64 copy of a million vectors)."""
    out = np.empty((n, centres.shape[1]), np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        x = centres[rng.integers(len(centres), size=m)] + rng.normal(0, spread, (m, centres.shape[1])).astype(
            np.float32
        )
        out[start : start + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def latencies_ms(index, queries: np.ndarray, k: int = 10) -> tuple[np.ndarray, list[float]]:
    ids, times = [], []
    for q in queries:
        start = time.perf_counter()
        _, found = index.search(q[None, :], k)
        times.append((time.perf_counter() - start) * 1000)
        ids.append(found[0])
    return np.array(ids), times


def recall_at_k(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth, strict=True)]))


def measure(n: int, n_queries: int, rng: np.random.Generator, sweep: list[int]) -> dict:
    import faiss

    centres = rng.normal(size=(max(16, n // 200), DIM)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    spread = 1.0 / np.sqrt(DIM)  # cosine to its own centre ~0.7, as photos of one gem to their mean
    vectors = clustered_vectors(n, centres, spread, rng)
    queries = clustered_vectors(n_queries, centres, spread, rng)
    ids = np.arange(n, dtype=np.int64)
    result = {"vectors": n, "dim": DIM, "queries": n_queries, "kind_gemlang_chooses": index_kind(n)}

    before = rss_mb()
    flat = build_faiss(vectors, ids, "flat")
    result["flat"] = {"memory_mb": round(rss_mb() - before, 1)}
    truth, times = latencies_ms(flat, queries)
    result["flat"].update(
        p50_ms=round(float(np.percentile(times, 50)), 3), p95_ms=round(float(np.percentile(times, 95)), 3)
    )
    del flat

    before, start = rss_mb(), time.perf_counter()
    ivf = build_faiss(vectors, ids, "ivf")
    build_s = time.perf_counter() - start
    inner = faiss.extract_index_ivf(ivf)
    cells = inner.nlist
    result["ivf"] = {"cells": cells, "default_nprobe": default_nprobe(cells), "build_s": round(build_s, 1),
                     "memory_mb": round(rss_mb() - before, 1), "by_nprobe": []}  # fmt: skip
    for nprobe in sorted({p for p in sweep if p <= cells} | {default_nprobe(cells)}):
        inner.nprobe = nprobe
        found, times = latencies_ms(ivf, queries)
        result["ivf"]["by_nprobe"].append({
            "nprobe": nprobe, "recall_at_10": round(recall_at_k(found, truth), 4),
            "p50_ms": round(float(np.percentile(times, 50)), 3), "p95_ms": round(float(np.percentile(times, 95)), 3),
        })  # fmt: skip
    return result


def report(results: list[dict], command: str, threads: int) -> str:
    lines = [
        "# Search index: latency, memory and recall@10",
        "",
        f"Command: `{command}`. Synthetic clustered unit vectors of dimension {DIM} (see the script's docstring); "
        f"one query at a time on {threads} FAISS thread; recall@10 against exact search. Machine: "
        f"{platform.machine()}, 2 CPU cores shared with other jobs while this ran (latencies are upper bounds).",
        "",
        "| vectors | index gemlang builds | exact: p50 / p95 ms | exact: memory MB | IVF cells / nprobe | "
        "IVF: p50 / p95 ms | IVF: recall@10 | IVF: memory MB | IVF build s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ivf = r["ivf"]
        default = next(x for x in ivf["by_nprobe"] if x["nprobe"] == ivf["default_nprobe"])
        lines.append(
            f"| {r['vectors']:,} | {r['kind_gemlang_chooses']} | {r['flat']['p50_ms']} / {r['flat']['p95_ms']} | "
            f"{r['flat']['memory_mb']} | {ivf['cells']} / {ivf['default_nprobe']} | {default['p50_ms']} / "
            f"{default['p95_ms']} | {default['recall_at_10']} | {ivf['memory_mb']} | {ivf['build_s']} |"
        )
    largest = results[-1]
    lines += ["", f"IVF at {largest['vectors']:,} vectors, nprobe sweep:", ""]
    lines += ["| nprobe | recall@10 | p50 ms | p95 ms |", "|---|---|---|---|"]
    lines += [
        f"| {x['nprobe']} | {x['recall_at_10']} | {x['p50_ms']} | {x['p95_ms']} |" for x in largest["ivf"]["by_nprobe"]
    ]
    chosen = (
        largest["flat"]
        if largest["kind_gemlang_chooses"] == "flat"
        else next(x for x in largest["ivf"]["by_nprobe"] if x["nprobe"] == largest["ivf"]["default_nprobe"])
    )
    recall = chosen.get("recall_at_10", 1.0)
    met = chosen["p95_ms"] <= TARGET_P95_MS and recall >= TARGET_RECALL
    target = f"p95 <= {TARGET_P95_MS:g} ms, recall@10 >= {TARGET_RECALL}"
    outcome = f"{'met' if met else 'NOT met'} (p95 {chosen['p95_ms']} ms, recall@10 {recall})"
    lines += ["", f"Target at {largest['vectors']:,} vectors ({target}): {outcome}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated vector counts")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--threads", type=int, default=1, help="FAISS threads")
    parser.add_argument("--smoke", action="store_true", help="2,000 vectors, 20 queries: checks the script runs")
    parser.add_argument("--results-dir", type=Path, default=RESULTS)
    args = parser.parse_args()
    import faiss

    faiss.omp_set_num_threads(args.threads)
    sizes = [2000] if args.smoke else [int(s) for s in args.sizes.split(",")]
    n_queries = 20 if args.smoke else args.queries
    rng = np.random.default_rng(0)
    results = []
    for n in sizes:
        print(f"{n:,} vectors...", flush=True)
        results.append(measure(n, n_queries, rng, sweep=[8, 16, 32, 64, 128]))
        print(json.dumps(results[-1]), flush=True)
    command = "python eval/search_index.py" + (" --smoke" if args.smoke else "")
    text = report(results, command, args.threads)
    print(text)
    write_json_atomic({"command": command, "threads": args.threads, "results": results},
                      args.results_dir / "search_index.json")  # fmt: skip
    write_text_atomic(args.results_dir / "search_index.md", text)


if __name__ == "__main__":
    main()
