"""The feature cache: a second pass over the same photos does no encoder work."""

from __future__ import annotations

import numpy as np
import pytest

from gemlang.data import scan_image_folder
from gemlang.features import FeatureCache, FeatureExtractor


@pytest.fixture()
def counting_extractor(monkeypatch):
    extractor = FeatureExtractor("mobilenet_v2+colour_hist")
    calls = []
    for encoder in extractor.encoders:
        original = encoder.forward
        monkeypatch.setattr(encoder, "forward", lambda x, f=original: calls.append(len(x)) or f(x))
    return extractor, calls


def test_second_pass_reads_everything_from_the_cache(tiny_folder, tmp_path, counting_extractor):
    extractor, calls = counting_extractor
    paths = scan_image_folder(tiny_folder).paths
    cache = FeatureCache(tmp_path / "cache")
    first, failures = extractor(paths, cache=cache)
    assert not failures and sum(calls) == 2 * len(paths)  # two encoders
    calls.clear()
    second, _ = extractor(paths, cache=cache)
    assert calls == []
    np.testing.assert_array_equal(first, second)


def test_cache_follows_content_not_file_name(tiny_folder, tmp_path, counting_extractor):
    extractor, calls = counting_extractor
    cache = FeatureCache(tmp_path / "cache")
    original = next((tiny_folder / "Ruby").glob("*.jpg"))
    extractor([original], cache=cache)
    renamed = tmp_path / "renamed.jpg"
    renamed.write_bytes(original.read_bytes())
    calls.clear()
    extractor([renamed], cache=cache)
    assert calls == []


def test_tta_and_encoder_are_part_of_the_key(tiny_folder, tmp_path):
    paths = scan_image_folder(tiny_folder).paths[:2]
    cache = FeatureCache(tmp_path / "cache")
    plain, _ = FeatureExtractor("mobilenet_v2")(paths, cache=cache)
    mirrored, _ = FeatureExtractor("mobilenet_v2", tta=True)(paths, cache=cache)
    assert not np.allclose(plain, mirrored)


def test_unreadable_photos_are_reported_not_raised(tiny_folder, tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a photo")
    good = next((tiny_folder / "Ruby").glob("*.jpg"))
    features, failures = FeatureExtractor("colour_hist")([good, bad, tmp_path / "missing.jpg"])
    assert set(failures) == {1, 2}
    assert np.isfinite(features[0]).all() and np.isnan(features[1]).all()


def test_damaged_cache_entry_is_recomputed(tiny_folder, tmp_path):
    extractor = FeatureExtractor("colour_hist")
    cache = FeatureCache(tmp_path / "cache")
    path = next((tiny_folder / "Ruby").glob("*.jpg"))
    expected, _ = extractor([path], cache=cache)
    for entry in (tmp_path / "cache").rglob("*.npy"):
        entry.write_bytes(b"garbage")
    again, _ = extractor([path], cache=cache)
    np.testing.assert_allclose(again, expected)


def test_a_cache_that_cannot_be_written_gives_way_to_one_in_the_temporary_folder(tmp_path, monkeypatch, caplog):
    from gemlang.features import cache_root, writable_cache

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GEMLANG_CACHE", str(blocker / "cache"))  # under a file: never creatable
    writable_cache.cache_clear()
    root = cache_root()
    assert root != blocker / "cache" and root.name.startswith("gemlang-cache-")
    assert "cannot be written" in caplog.text and "GEMLANG_CACHE" in caplog.text
    monkeypatch.setenv("GEMLANG_CACHE", str(tmp_path / "ok"))
    assert cache_root() == tmp_path / "ok"  # a writable one is used as given


def test_a_cache_folder_given_by_name_that_cannot_be_written_gives_way_too(tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cache = FeatureCache(blocker / "cache")  # as `--cache` gives it
    assert cache.root.name == "features" and cache.root.parent.name.startswith("gemlang-cache-")
    assert f"using {cache.root} instead" in caplog.text and "--cache" in caplog.text
    assert FeatureCache(tmp_path / "ok").root == tmp_path / "ok"
