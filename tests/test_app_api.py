"""The chat app's API, called the way a script would call it: gradio_client against `gemlang app`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import CHAT_CLASSES, red_stone_photo

from gemlang.language.gem_text import in_prose

APP_DIR = Path(__file__).resolve().parents[1] / "app"


def test_the_app_is_a_thin_layer_over_the_assistant():
    imported = set()
    for path in APP_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert {m for m in imported if m.startswith("gemlang")} == {"gemlang.assistant"}


def test_gemlang_app_is_a_command():
    from gemlang.cli import build_parser

    args = build_parser().parse_args(["app"])
    assert (args.host, args.port, args.model) == ("127.0.0.1", 7860, "default")


def test_a_port_another_program_holds_is_a_one_line_error(capsys):
    import socket

    from gemlang.cli import main

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert main(["app", "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
    assert main(["app", "--port", "70000"]) == 2


@pytest.fixture(scope="module")
def client(running_app):
    from gradio_client import Client

    return Client(running_app, verbose=False, download_files=False)


def test_ask_names_a_gem_with_a_probability_and_a_follow_up_re_ranks(client, tmp_path):
    from gradio_client import handle_file

    photo = tmp_path / "stone.jpg"
    red_stone_photo(photo)
    assert "/ask" in client.view_api(print_info=False, return_format="dict")["named_endpoints"]

    history, _box, bars, details = client.predict(
        message={"text": "what gem is this?", "files": [handle_file(str(photo))]}, api_name="/ask"
    )
    assert bars["label"] in CHAT_CLASSES
    confidences = {c["label"]: c["confidence"] for c in bars["confidences"]}
    assert 0.95 < sum(confidences.values()) <= 1 + 1e-6  # the gems with no training photo share a little
    reply = history[-1]["content"][0]["text"]
    assert in_prose(bars["label"]) in reply and "%" in reply  # the bars keep the class label, the reply says it
    assert "Key properties" in details
    assert client.predict(api_name="/heatmap"), "the heat-map overlay of the answer is missing"

    history, _box, bars, _details = client.predict(message={"text": "hardness 9", "files": []}, api_name="/ask")
    assert bars["label"] == "Ruby"
    assert {c["label"]: c["confidence"] for c in bars["confidences"]}["Ruby"] > confidences["Ruby"]
    assert "Mohs hardness 9" in history[-1]["content"][0]["text"]

    (tmp_path / "notes.jpg").write_text("not a photo")
    upload = {"text": "", "files": [handle_file(str(tmp_path / "notes.jpg"))]}
    history, _box, kept, kept_details = client.predict(message=upload, api_name="/ask")
    assert "still looking at your earlier photo" in history[-1]["content"][0]["text"]
    assert kept == kept_details == {"__type__": "update"}  # no change: the earlier photo's answer stays shown


def test_a_file_that_is_not_a_photo_gets_a_message_not_an_error(client, tmp_path):
    from gradio_client import handle_file

    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    history, *_ = client.predict(message={"text": "", "files": [handle_file(str(notes))]}, api_name="/ask")
    assert "notes.txt: not an image file" in history[-1]["content"][0]["text"]


def test_more_photos_than_a_message_may_carry_get_a_message(client, tmp_path):
    from gradio_client import handle_file

    photos = [tmp_path / f"{i}.jpg" for i in range(5)]
    for i, photo in enumerate(photos):
        red_stone_photo(photo, seed=i)
    history, *_ = client.predict(message={"text": "", "files": [handle_file(str(p)) for p in photos]}, api_name="/ask")
    assert "at most 4 photos" in history[-1]["content"][0]["text"]


def test_the_app_ships_in_the_wheel(tmp_path):
    """`gemlang app` must start from an installed wheel: app/ installs as the package gemlang_app, and every data
    file of the library (model weights, int8 graphs, knowledge) ships with it."""
    import shutil
    import subprocess
    import sys
    import zipfile

    root = Path(__file__).resolve().parents[1]
    source = tmp_path / "src"
    source.mkdir()
    for name in ["pyproject.toml", "setup.py", "README.md", "app", "gemlang", "prompts"]:
        copy = shutil.copytree if (root / name).is_dir() else shutil.copy
        copy(root / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                             if (root / name).is_dir() else {}))  # fmt: skip
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q", "-w",
                    str(tmp_path / "dist"), str(source)], check=True, capture_output=True)  # fmt: skip
    [wheel] = (tmp_path / "dist").glob("gemlang-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "gemlang_app/chat.py" in names and "gemlang/commands/app.py" in names
    # The built-in model's weights and graphs, subfolders included: without them the default model cannot load.
    data = {str(f.relative_to(source)) for f in (source / "gemlang").rglob("*") if f.is_file() and f.suffix != ".py"}
    assert sorted(data - set(names)) == []
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(tmp_path / "site"),
                    str(wheel)], check=True, capture_output=True)  # fmt: skip
    probe = "import importlib.util as u; print(u.find_spec('gemlang_app.chat').origin)"
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")},
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert out.stdout.strip() == str(tmp_path / "site" / "gemlang_app" / "chat.py")
    # The editable templates install as data files; a --target install puts them beside the packages.
    probe = "from gemlang.language.prompts import prompts_dir; print(prompts_dir())"
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")},
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert out.stdout.strip() == str(tmp_path / "site" / "share" / "gemlang" / "prompts")
