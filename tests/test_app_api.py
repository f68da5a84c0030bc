"""The chat app's API, called the way a script would call it: gradio_client against `gemlang app`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import CHAT_CLASSES, red_stone_photo

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


@pytest.fixture(scope="module")
def client(running_app):
    from gradio_client import Client

    return Client(running_app, verbose=False, download_files=False)


def test_ask_names_a_gem_with_a_probability_and_a_follow_up_re_ranks(client, tmp_path):
    from gradio_client import handle_file

    photo = tmp_path / "stone.jpg"
    red_stone_photo(photo)
    assert "/ask" in client.view_api(print_info=False, return_format="dict")["named_endpoints"]

    history, _box, overlay, bars, details = client.predict(
        message={"text": "what gem is this?", "files": [handle_file(str(photo))]}, api_name="/ask"
    )
    assert bars["label"] in CHAT_CLASSES
    confidences = {c["label"]: c["confidence"] for c in bars["confidences"]}
    assert abs(sum(confidences.values()) - 1) < 1e-3
    reply = history[-1]["content"][0]["text"]
    assert bars["label"] in reply and "%" in reply
    assert overlay, "the heat-map overlay is missing"
    assert "Key properties" in details

    history, _box, _overlay, bars, _details = client.predict(
        message={"text": "hardness 9", "files": []}, api_name="/ask"
    )
    assert bars["label"] == "Ruby"
    assert {c["label"]: c["confidence"] for c in bars["confidences"]}["Ruby"] > confidences["Ruby"]
    assert "Mohs hardness 9" in history[-1]["content"][0]["text"]


def test_a_file_that_is_not_a_photo_gets_a_message_not_an_error(client, tmp_path):
    from gradio_client import handle_file

    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    history, *_ = client.predict(message={"text": "", "files": [handle_file(str(notes))]}, api_name="/ask")
    assert "notes.txt is not a photo" in history[-1]["content"][0]["text"]
