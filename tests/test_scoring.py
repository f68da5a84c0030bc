"""Caption scoring: TF-IDF cosine with a corpus IDF, semantic cosine, CSV input, atomic output."""

from __future__ import annotations

import json

import pytest

from gemlang.language.scoring import (
    CaptionFileError,
    read_id_text_csv,
    score_captions,
    score_files,
    tfidf_cosines,
)

RUBY = "Ruby is red corundum coloured by chromium, with strong red fluorescence and a hardness of 9."
RUBY_PARAPHRASE = "A red variety of corundum, ruby owes its colour to chromium and glows red under UV light."
WEATHER = "Tomorrow brings heavy rain, gusty winds, then sunshine over northern coasts."
CORPUS = [
    "The stone is a gem with a vitreous lustre and the hardness of quartz.",
    "The stone is a gem mineral; the colour is green and the lustre is waxy.",
    "The stone shows chatoyancy, a silky band of light, and is a variety of chrysoberyl.",
    "The stone is a garnet, singly refractive, with the colour of wine.",
]


@pytest.fixture(scope="module")
def encoder():
    """The bundled all-MiniLM-L6-v2, loaded once for the whole module."""
    from gemlang.language.text_encoder import load_text_encoder

    return load_text_encoder()


def test_identical_texts_score_one(encoder):
    scores = score_captions({"a": RUBY}, {"a": RUBY}, encoder=encoder)
    [item] = scores["per_item"]
    assert item["tfidf_cosine"] == pytest.approx(1.0)
    assert item["semantic_cosine"] == pytest.approx(1.0, abs=1e-5)


def test_disjoint_texts_score_about_zero(encoder):
    [item] = score_captions({"a": RUBY}, {"a": WEATHER}, encoder=encoder)["per_item"]
    assert item["tfidf_cosine"] == pytest.approx(0.0, abs=1e-9)
    assert item["semantic_cosine"] < 0.25


def test_a_paraphrase_scores_above_an_unrelated_text(encoder):
    scores = score_captions({"p": RUBY_PARAPHRASE, "w": WEATHER}, {"p": RUBY, "w": RUBY}, encoder=encoder)
    by_id = {row["id"]: row for row in scores["per_item"]}
    assert by_id["p"]["semantic_cosine"] > by_id["w"]["semantic_cosine"] + 0.3
    assert by_id["p"]["tfidf_cosine"] > by_id["w"]["tfidf_cosine"]


def test_text_encoder_is_cached_and_384_dimensional(encoder):
    from gemlang.language.text_encoder import embed_texts, load_text_encoder

    assert load_text_encoder() is encoder
    vectors = embed_texts(["ruby", "sapphire"])
    assert vectors.shape == (2, 384)


def test_corpus_idf_makes_a_single_pair_meaningful():
    """Shared filler words ('the stone is a') dominate when the IDF is fitted on the pair alone."""
    candidate, reference = "The stone is a red ruby.", "The stone is a blue sapphire."
    on_pair = tfidf_cosines([candidate], [reference], [candidate, reference])[0]
    on_corpus = tfidf_cosines([candidate], [reference], CORPUS + [reference])[0]
    assert on_corpus != pytest.approx(on_pair)
    assert on_corpus < on_pair


def test_default_corpus_is_the_knowledge_base_plus_references():
    scores = score_captions({"a": "A red ruby."}, {"a": "A ruby, red corundum."}, semantic=False)
    from gemlang.knowledge import all_gems

    assert scores["idf_corpus_size"] == len(all_gems()) + 1
    assert 0.0 < scores["mean_tfidf_cosine"] < 1.0


def test_words_missing_from_the_corpus_still_count_against_a_candidate():
    clean = tfidf_cosines(["red ruby"], ["red ruby"], CORPUS)[0]
    padded = tfidf_cosines(["red ruby zorblax quixotic"], ["red ruby"], CORPUS)[0]
    assert clean == pytest.approx(1.0)
    assert padded < 0.9


def test_missing_reference_is_reported_and_not_scored():
    scores = score_captions({"a": RUBY, "b": WEATHER}, {"a": RUBY, "c": WEATHER}, semantic=False)
    assert [row["id"] for row in scores["per_item"]] == ["a"]
    assert scores["missing_references"] == ["b"]
    assert scores["missing_candidates"] == ["c"]
    assert scores["n_items"] == 1
    assert scores["mean_semantic_cosine"] is None and scores["per_item"][0]["semantic_cosine"] is None


def test_no_overlap_gives_empty_summary():
    scores = score_captions({"a": RUBY}, {"b": RUBY}, semantic=False)
    assert scores["n_items"] == 0 and scores["mean_tfidf_cosine"] is None


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_read_id_text_csv(tmp_path):
    path = _write(tmp_path / "c.csv", '\ufeffid,text,extra\n1,"Ruby, red corundum",x\n2,Sapphire,y\n')
    assert read_id_text_csv(path) == {"1": "Ruby, red corundum", "2": "Sapphire"}


def test_missing_file_error_names_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.csv"):
        read_id_text_csv(tmp_path / "nowhere.csv")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,caption\n1,Ruby\n", "needs columns"),
        ("", "needs columns"),
        ("id,text\n1,Ruby\n1,Sapphire\n", "appears twice"),
        ("id,text\n,Ruby\n", "empty 'id'"),
        ('id,text\n1,"Ruby, red\n2,Sapphire\n', "malformed CSV"),  # an unclosed quote would swallow row 2
        ("id,text\n1,a red, clear stone\n", "more fields than the header"),  # cut at the comma otherwise
        ("id,text\n1,\n", "has no 'text'"),
    ],
)
def test_bad_csv_errors_name_the_file(tmp_path, content, message):
    path = _write(tmp_path / "bad.csv", content)
    with pytest.raises(CaptionFileError, match=message) as info:
        read_id_text_csv(path)
    assert "bad.csv" in str(info.value)


def test_an_empty_caption_is_scored_zero_and_named_not_a_stop(tmp_path, capsys):
    from gemlang.cli import main

    candidates = _write(tmp_path / "cand.csv", f'id,text\na,"{RUBY}"\nb,\n')
    references = _write(tmp_path / "ref.csv", f'id,text\na,"{RUBY}"\nb,"{RUBY}"\n')
    out = tmp_path / "scores.json"
    assert main(["score", "--candidates", str(candidates), "--references", str(references), "--out", str(out),
                 "--no-semantic"]) == 0  # fmt: skip
    assert "1 id(s) with an empty caption, scored 0: b" in capsys.readouterr().out
    scores = json.loads(out.read_text())
    assert scores["empty_candidates"] == ["b"] and scores["per_item"][1]["tfidf_cosine"] == 0.0


def test_score_files_writes_json_and_csv_atomically(tmp_path):
    candidates = _write(tmp_path / "cand.csv", f'id,text\na,"{RUBY}"\nb,"{WEATHER}"\n')  # the texts hold commas
    references = _write(tmp_path / "ref.csv", f'id,text\na,"{RUBY}"\n')
    out = tmp_path / "out" / "scores.json"
    returned = score_files(candidates, references, out, semantic=False)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["per_item"][0]["tfidf_cosine"] == pytest.approx(1.0)
    assert written["missing_references"] == ["b"] == returned["missing_references"]
    score_files(candidates, references, tmp_path / "scores.csv", semantic=False)
    lines = (tmp_path / "scores.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,tfidf_cosine,semantic_cosine" and lines[1].startswith("a,1.000000,")
    assert not [p for p in tmp_path.rglob("*.tmp")]
