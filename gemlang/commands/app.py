"""`gemlang app`: the chat app in the browser (Gradio), on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import importlib.util
from pathlib import Path

APP_FILE = Path(__file__).resolve().parents[2] / "app" / "chat.py"


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "app",
        help="start the chat app in the browser",
        description="Start the Gradio chat: upload a photo, ask, add hardness or locality hints.",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument(
        "--model", default="default", help="model folder from `gemlang train`, or 'default' (built in)"
    )
    p.add_argument(
        "--fusion", default=None, help="fusion head folder (default: MODEL/fusion, or the built-in one)"
    )
    p.add_argument("--top-k", type=int, default=5, help="how many candidates to show (default 5)")
    p.set_defaults(func=run)


def load_app_module():
    """app/chat.py of this source tree (the UI is not part of the importable library)."""
    from gemlang.cli import CommandError

    if not APP_FILE.is_file():
        raise CommandError(
            f"the chat app is not in this installation ({APP_FILE} is missing); run from a source checkout."
        )
    try:
        import gradio  # noqa: F401
    except ImportError as e:
        raise CommandError("the chat app needs Gradio: pip install 'gemlang[app]'") from e
    spec = importlib.util.spec_from_file_location("gemlang_app_chat", APP_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(args) -> int:
    load_app_module().launch(args.model, args.host, args.port, args.fusion, args.top_k)
    return 0
