"""Folder-per-class datasets: what is skipped, what is an error, and duplicate-aware folds."""

from __future__ import annotations

import os
import shutil

import numpy as np
import pytest

from gemlang.data import (
    DatasetError,
    deduplicate,
    duplicate_groups,
    scan_image_folder,
    stratified_group_folds,
)


def test_scan_lists_classes_and_skips_non_photos(tiny_folder, tmp_path):
    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    (data_dir / "Ruby" / "notes.txt").write_text("hello")
    (data_dir / "stray.jpg").write_bytes(b"x")
    (data_dir / "Empty Class").mkdir()
    data = scan_image_folder(data_dir)
    assert data.classes == ["Emerald", "Ruby", "Sapphire Blue"]
    assert len(data) == 18
    reasons = {p.name: why for p, why in data.skipped}
    assert "not a photo" in reasons["notes.txt"]
    assert "outside any class folder" in reasons["stray.jpg"]
    assert "no photos" in reasons["Empty Class"]


def test_pictures_gemlang_made_are_not_taken_for_photos_of_the_class_they_lie_in(tiny_folder, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from gemlang.io import save_figure

    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    save_figure(plt.figure(figsize=(2, 2)), data_dir / "Ruby" / "reliability.png", dpi=50)  # a report saved there
    fig = plt.figure(figsize=(2, 2))
    fig.savefig(data_dir / "Ruby" / "own_plot.png", dpi=50)  # a picture of someone else's is theirs to file
    data = scan_image_folder(data_dir)
    reasons = {p.name: why for p, why in data.skipped}
    assert "a picture gemlang made" in reasons["reliability.png"]
    assert "own_plot.png" in {p.name for p in data.paths} and len(data) == 19


def test_empty_and_one_class_folders_are_errors(tmp_path, tiny_folder):
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError, match="no photos found"):
        scan_image_folder(tmp_path / "empty")
    flat = tmp_path / "flat"
    shutil.copytree(tiny_folder / "Ruby", flat)  # photos, but in no class folder
    with pytest.raises(DatasetError, match=r"photo\(s\) lie directly in it, none in a class folder"):
        scan_image_folder(flat)
    one = tmp_path / "one"
    shutil.copytree(tiny_folder / "Ruby", one / "Ruby")
    with pytest.raises(DatasetError, match="at least 2"):
        scan_image_folder(one)
    with pytest.raises(DatasetError, match="no such folder"):
        scan_image_folder(tmp_path / "missing")


def test_metadata_csv_is_attached(tiny_folder, tmp_path):
    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    (data_dir / "metadata.csv").write_text("path,hardness,locality\nRuby/0.jpg,9,Myanmar\n")
    data = scan_image_folder(data_dir)
    assert data.metadata_for(data_dir / "Ruby" / "0.jpg") == {"hardness": "9", "locality": "Myanmar"}
    assert data.metadata_for(data_dir / "Ruby" / "1.jpg") == {}


def test_duplicates_share_a_group_and_never_straddle_folds(tiny_folder, tmp_path):
    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    for i in range(4):  # the same Ruby photo four times, as web collections do
        shutil.copy(data_dir / "Ruby" / "0.jpg", data_dir / "Ruby" / f"copy{i}.jpg")
    shutil.copy(data_dir / "Ruby" / "1.jpg", data_dir / "Emerald" / "mislabelled.jpg")
    data = scan_image_folder(data_dir)
    groups = duplicate_groups(data)
    assert len(set(groups)) == len(data) - 5
    for train, test in stratified_group_folds(data.labels, groups, k=3):
        assert not set(groups[train]) & set(groups[test])
    unique = deduplicate(data)
    assert len(unique) == len(data) - 4 - 2  # copies collapsed; both sides of the label conflict dropped
    assert any("several classes" in why for _, why in unique.skipped)


def test_too_many_folds_is_a_clear_error():
    with pytest.raises(ValueError, match="smaller --cv"):
        list(stratified_group_folds(np.array([0, 0, 1, 1]), np.arange(4), k=3))


def test_metadata_csv_as_spreadsheets_save_it(tiny_folder, tmp_path):
    import shutil

    from gemlang.errors import GemlangError

    data_dir = tmp_path / "data"
    shutil.copytree(tiny_folder, data_dir)
    csv_file = data_dir / "metadata.csv"
    csv_file.write_bytes("\ufeffpath,hardness\nRuby/1.jpg\nRuby/0.jpg,9,extra\n".encode())  # BOM, short, long rows
    data = scan_image_folder(data_dir)
    assert data.metadata_for(data_dir / "Ruby" / "0.jpg") == {"hardness": "9", None: "extra"}  # said, not used
    assert data.metadata_for(data_dir / "Ruby" / "1.jpg") == {"hardness": ""}
    csv_file.write_bytes("path,locality\nRuby/0.jpg,S\xe3o Paulo\n".encode("latin-1"))
    with pytest.raises(GemlangError, match="not UTF-8"):
        scan_image_folder(data_dir)
    csv_file.write_text('path,locality\nRuby/0.jpg,"Mogok\nRuby/1.jpg,Sri Lanka\n')  # an unclosed quote
    with pytest.raises(GemlangError, match="malformed CSV"):
        scan_image_folder(data_dir)


def test_a_class_emptied_by_copies_filed_elsewhere_is_left_out_not_kept_empty(tiny_folder, tmp_path):
    import shutil

    from gemlang.data import deduplicate
    from gemlang.errors import GemlangError

    data_dir = tmp_path / "data"
    shutil.copytree(tiny_folder, data_dir)
    shutil.copytree(data_dir / "Ruby", data_dir / "Copper")  # the same photos filed twice
    data = deduplicate(scan_image_folder(data_dir))
    assert "Ruby" not in data.classes and "Copper" not in data.classes and len(data.classes) == 2
    assert set(np.unique(data.labels)) == {0, 1}
    assert any("Copper" in str(p) and "class left out" in why for p, why in data.skipped)
    for other in [c for c in data.classes]:
        shutil.rmtree(data_dir / other)
    with pytest.raises(GemlangError, match="no class is left"):
        deduplicate(scan_image_folder(data_dir))


def test_a_photo_filed_twice_in_one_class_is_counted_once_and_said(tiny_folder, tmp_path):
    import shutil

    from gemlang.data import deduplicate

    data_dir = tmp_path / "data"
    shutil.copytree(tiny_folder, data_dir)
    shutil.copy(data_dir / "Ruby" / "0.jpg", data_dir / "Ruby" / "copy.jpg")
    data = deduplicate(scan_image_folder(data_dir))
    assert len(data) == 18
    assert any("copy.jpg" in str(p) and "the same photo as 0.jpg; counted once" == why for p, why in data.skipped)


def test_what_metadata_csv_cannot_give_is_listed_row_by_row(tiny_folder, tmp_path):
    from gemlang.hints import metadata_problems

    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    rows = "path,hardness,sg\nRuby/0.jpg,42,3.99\nRuby/1.jpg,9,heavy\nRuby/gone.jpg,9,4.0\n../escape.jpg,7,2.65\n"
    (data_dir / "metadata.csv").write_text(rows)
    problems = metadata_problems(scan_image_folder(data_dir))
    assert any("Ruby/0.jpg" in p and "off the Mohs scale" in p for p in problems)
    assert any("Ruby/1.jpg" in p and "gives no number" in p for p in problems)
    assert sum("no such photo" in p for p in problems) == 2  # a missing photo, a path outside the folder


def test_metadata_csv_values_paths_and_columns_it_cannot_use_are_said_not_dropped(tiny_folder, tmp_path):
    from gemlang.hints import metadata_problems

    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    rows = ("path,ri,locality,colour,notes\n"
            "Ruby\\0.jpg,1.76,Myanmar,red,a\n"  # a Windows path
            f"{data_dir / 'Ruby' / '1.jpg'},abc,Mars,red,b\n"  # an absolute path inside the folder
            "Emerald/1.jpg,1.58,Colombia,green,c\nEmerald/1.jpg,1.58,Zambia,green,d\n")  # fmt: skip
    (data_dir / "metadata.csv").write_text(rows)
    data = scan_image_folder(data_dir)
    assert set(data.metadata) == {"Ruby/0.jpg", "Ruby/1.jpg", "Emerald/1.jpg"}
    problems = metadata_problems(data)
    assert problems[0].startswith("metadata.csv: column(s) notes not read")  # colour is read, as the chat reads it
    assert any("Ruby/1.jpg: ri “abc”: not a value" in p for p in problems)
    assert any("Ruby/1.jpg: locality “Mars”: not a value" in p for p in problems)
    assert any("Emerald/1.jpg: listed 2 times; its last row is used" in p for p in problems)
    assert not any("no such photo" in p or "Ruby/0.jpg" in p for p in problems)


def test_a_dangling_or_looping_link_in_a_class_folder_is_skipped_and_said(tiny_folder, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(tiny_folder, folder)
    (folder / "Ruby" / "gone.png").symlink_to(tmp_path / "nowhere.png")
    (folder / "Ruby" / "a.png").symlink_to(folder / "Ruby" / "b.png")
    (folder / "Ruby" / "b.png").symlink_to(folder / "Ruby" / "a.png")
    reasons = {p.name: why for p, why in scan_image_folder(folder).skipped}
    assert "which does not exist" in reasons["gone.png"] and "loops back on itself" in reasons["a.png"]


def test_metadata_csv_with_a_capital_path_a_dot_path_a_trailing_comma_and_an_extra_value(tiny_folder, tmp_path):
    from gemlang.hints import metadata_problems

    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    (data_dir / "metadata.csv").write_text("Path,ri,\n./Ruby/0.jpg,1.76,\nRuby/1.jpg,1.76,,extra\n")
    data = scan_image_folder(data_dir)
    assert set(data.metadata) == {"Ruby/0.jpg", "Ruby/1.jpg"}
    assert metadata_problems(data) == ["metadata.csv: Ruby/1.jpg: more values than columns (“extra” has no column); "
                                       "not used."]  # fmt: skip


def test_a_repeated_column_or_two_that_say_the_same_are_said_and_the_first_filled_in_is_used(tiny_folder, tmp_path):
    from gemlang.hints import hints_from_metadata, metadata_problems

    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    rows = "path,ri,ri,refractive_index,colour,color,locality,country\nRuby/0.jpg,abc,,1.76,red,blue,Mogok,Myanmar\n"
    (data_dir / "metadata.csv").write_text(rows)
    data = scan_image_folder(data_dir)
    problems = metadata_problems(data)
    assert "metadata.csv: column ri is given 2 times; in each row the first of them filled in is used." in problems
    assert any(p.startswith("metadata.csv: columns ri and refractive_index say the same thing") for p in problems)
    assert any(p.startswith("metadata.csv: columns colour and color say the same thing") for p in problems)
    assert not any("locality and country" in p for p in problems)  # a place and its country add up
    assert any("Ruby/0.jpg: ri “abc”: not a value" in p for p in problems)  # the empty twin did not hide it
    hints = hints_from_metadata(data.metadata["Ruby/0.jpg"])
    assert hints.colours == ("red",) and set(hints.places) >= {"Mogok", "Myanmar"}


def test_a_pipe_or_a_link_to_a_device_in_a_class_folder_is_listed_as_skipped(tiny_folder, tmp_path):
    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    os.mkfifo(data_dir / "Ruby" / "pipe.jpg")
    (data_dir / "Ruby" / "zero.jpg").symlink_to("/dev/zero")
    data = scan_image_folder(data_dir)
    assert len(data) == 18
    reasons = {p.name: why for p, why in data.skipped}
    assert reasons["pipe.jpg"] == reasons["zero.jpg"] == "not a regular file (a device, pipe or socket)"
