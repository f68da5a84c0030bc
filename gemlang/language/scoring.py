"""Score generated captions against expert references: TF-IDF cosine and semantic cosine.

Follows the caption evaluation of the VAE seed paper: each candidate is compared with the reference
of the same id by the cosine of their TF-IDF vectors and, optionally, of their sentence embeddings
(all-MiniLM-L6-v2). The IDF is estimated on a reference corpus—by default every description in
gemlang's knowledge base plus the given references—not on the two texts being compared, so a single
pair gets a meaningful score: words every gem text uses ("stone", "the", "hardness") weigh little,
distinctive words ("chatoyant", "corundum") weigh a lot. Words the corpus never uses get the largest
IDF (smoothed document frequency 0), so a candidate's off-corpus words still count against it.

    from gemlang.language.scoring import score_files
    score_files("generated.csv", "references.csv", "scores.json")   # CSV columns: id,text
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Hashable, Iterable
from pathlib import Path
from statistics import mean, median
from typing import Any

import numpy as np

from gemlang.errors import GemlangError
from gemlang.io import write_text_atomic

ID_COLUMN, TEXT_COLUMN = "id", "text"


class CaptionFileError(GemlangError, ValueError):
    """A caption CSV that cannot be used; the message names the file and what is wrong."""


def read_id_text_csv(path: str | os.PathLike[str], allow_empty: bool = False) -> dict[str, str]:
    """Read a CSV with columns `id,text` (others ignored) into {id: text}, keeping file order; an empty text is
    an error unless `allow_empty` (a captioning model that wrote nothing for a photo: scored 0, not a stop)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"Caption file not found: {path}")
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f, strict=True)  # an unclosed quote is an error, not one long caption
            header = [(name or "").strip().lower() for name in reader.fieldnames or []]
            missing = [c for c in (ID_COLUMN, TEXT_COLUMN) if c not in header]
            if missing:
                raise CaptionFileError(
                    f"{path}: needs columns {ID_COLUMN!r} and {TEXT_COLUMN!r} in its header row; "
                    f"missing {missing}, found {header or 'no header'}"
                )
            reader.fieldnames = header
            rows: dict[str, str] = {}
            for line, row in enumerate(reader, start=2):
                key = (row.get(ID_COLUMN) or "").strip()
                if not key:
                    raise CaptionFileError(f"{path}, line {line}: empty {ID_COLUMN!r}")
                if key in rows:
                    raise CaptionFileError(f"{path}, line {line}: id {key!r} appears twice")
                if row.get(None):  # csv puts fields beyond the header under None: a caption cut at a comma
                    raise CaptionFileError(
                        f"{path}, line {line}: more fields than the header has; put a text holding commas "
                        'in double quotes ("a red, clear stone")'
                    )
                text = (row.get(TEXT_COLUMN) or "").strip()
                if not text and not allow_empty:
                    raise CaptionFileError(f"{path}, line {line}: id {key!r} has no {TEXT_COLUMN!r}")
                rows[key] = text
    except UnicodeDecodeError as exc:
        raise CaptionFileError(f"{path}: not UTF-8 text ({exc.reason}); save it as UTF-8 CSV") from exc
    except csv.Error as exc:
        raise CaptionFileError(f"{path}: malformed CSV ({exc})") from exc
    return rows


def knowledge_corpus() -> list[str]:
    """Every description in the knowledge base: the default background corpus for the IDF."""
    from gemlang.knowledge import all_gems
    from gemlang.language.gem_prose import reference_description

    return [text for gem in all_gems() if (text := reference_description(gem))]


def tfidf_cosines(
    candidates: list[str], references: list[str], idf_corpus: Iterable[str], stop_words: str | None = None
) -> np.ndarray:
    """Row-wise TF-IDF cosine of candidates[i] and references[i], IDF estimated on `idf_corpus`.

    `stop_words="english"` leaves out the words every English text shares ("it", "is", "the"), to see how
    much of a score is content rather than sentence glue.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    corpus = [t for t in idf_corpus if t and t.strip()]
    if not corpus:
        raise ValueError("idf_corpus is empty: the IDF needs at least one non-empty document")
    analyzer = TfidfVectorizer(stop_words=stop_words).build_analyzer()
    vocabulary = sorted({token for text in [*corpus, *candidates, *references] for token in analyzer(text)})
    if not vocabulary:
        return np.zeros(len(candidates))
    vectorizer = TfidfVectorizer(vocabulary=vocabulary, stop_words=stop_words).fit(corpus)
    a = vectorizer.transform(candidates)
    b = vectorizer.transform(references)
    cosines = np.asarray(a.multiply(b).sum(axis=1)).ravel()  # rows are L2-normalised
    return np.clip(cosines, 0.0, 1.0)


def semantic_cosines(candidates: list[str], references: list[str], encoder: Any = None) -> np.ndarray:
    """Row-wise cosine of sentence embeddings (all-MiniLM-L6-v2 unless another encoder is given)."""
    if not candidates:
        return np.zeros(0)
    if encoder is None:
        from gemlang.language.text_encoder import load_text_encoder

        encoder = load_text_encoder()
    vectors = encoder.encode(
        list(candidates) + list(references),
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    a, b = vectors[: len(candidates)], vectors[len(candidates) :]
    return np.clip(np.einsum("ij,ij->i", a, b), -1.0, 1.0)


def _summary(values: list[float]) -> tuple[float | None, float | None]:
    return (float(mean(values)), float(median(values))) if values else (None, None)


def score_captions(
    candidates: dict[Hashable, str],
    references: dict[Hashable, str],
    idf_corpus: list[str] | None = None,
    semantic: bool = True,
    *,
    encoder: Any = None,
) -> dict[str, Any]:
    """Compare each candidate caption with the reference of the same id.

    Returns {"per_item": [{"id", "tfidf_cosine", "semantic_cosine"}, ...], "mean_tfidf_cosine",
    "median_tfidf_cosine", "mean_semantic_cosine", "median_semantic_cosine", "n_items",
    "missing_references": candidate ids without a reference (not scored), "missing_candidates":
    reference ids without a candidate, "idf_corpus_size", "text_encoder"}. Semantic values are None
    when `semantic` is False. `idf_corpus` defaults to the knowledge-base descriptions plus all references.
    """
    ids = [key for key in candidates if key in references]
    missing_references = [key for key in candidates if key not in references]
    missing_candidates = [key for key in references if key not in candidates]
    if idf_corpus is None:
        idf_corpus = knowledge_corpus() + list(references.values())
    cand = [candidates[key] or "" for key in ids]
    refs = [references[key] or "" for key in ids]
    tfidf = tfidf_cosines(cand, refs, idf_corpus) if ids else np.zeros(0)
    sem = semantic_cosines(cand, refs, encoder) if semantic and ids else None
    blank = [not text.strip() for text in cand]
    empty = [key for key, is_blank in zip(ids, blank, strict=True) if is_blank]
    if sem is not None and empty:  # an empty caption says nothing: 0, whatever an encoder makes of ""
        sem = np.where(blank, 0.0, sem)
    per_item = [
        {
            "id": key,
            "tfidf_cosine": float(tfidf[i]),
            "semantic_cosine": float(sem[i]) if sem is not None else None,
        }
        for i, key in enumerate(ids)
    ]
    mean_tfidf, median_tfidf = _summary([row["tfidf_cosine"] for row in per_item])
    mean_sem, median_sem = _summary([row["semantic_cosine"] for row in per_item] if sem is not None else [])
    from gemlang.language.text_encoder import TEXT_ENCODER_NAME

    return {
        "per_item": per_item,
        "mean_tfidf_cosine": mean_tfidf,
        "median_tfidf_cosine": median_tfidf,
        "mean_semantic_cosine": mean_sem,
        "median_semantic_cosine": median_sem,
        "n_items": len(per_item),
        "missing_references": missing_references,
        "missing_candidates": missing_candidates,
        "empty_candidates": empty,
        "idf_corpus_size": len([t for t in idf_corpus if t and t.strip()]),
        "text_encoder": (TEXT_ENCODER_NAME if encoder is None else type(encoder).__name__) if semantic else None,
    }


def write_scores(scores: dict[str, Any], out_path: str | os.PathLike[str]) -> Path:
    """Scores as JSON, or as a per-item CSV (id,tfidf_cosine,semantic_cosine) if the name ends in .csv."""
    out_path = Path(out_path)
    if out_path.suffix.lower() == ".csv":
        lines = [["id", "tfidf_cosine", "semantic_cosine"]]
        for row in scores["per_item"]:
            sem = row["semantic_cosine"]
            lines.append([str(row["id"]), f"{row['tfidf_cosine']:.6f}", "" if sem is None else f"{sem:.6f}"])
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(lines)
        text = buffer.getvalue()
    else:
        text = json.dumps(scores, indent=2, ensure_ascii=False) + "\n"
    return write_text_atomic(out_path, text)


def score_files(
    candidates_csv: str | os.PathLike[str],
    references_csv: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    idf_corpus: list[str] | None = None,
    semantic: bool = True,
) -> dict[str, Any]:
    """Score the captions of one `id,text` CSV against another and write the result to `out_path`."""
    candidates = read_id_text_csv(candidates_csv, allow_empty=True)
    references = read_id_text_csv(references_csv)
    scores = score_captions(candidates, references, idf_corpus=idf_corpus, semantic=semantic)
    scores["candidates_file"] = str(candidates_csv)
    scores["references_file"] = str(references_csv)
    write_scores(scores, out_path)
    return scores
