"""`gemlang app`: the chat app in the browser (Gradio), on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from gemlang.commands import add_backend_option, add_model_option, positive_int

# The app lives in the top-level app/ folder, installed as the package gemlang_app (setup.py). A source
# checkout used without installing (PYTHONPATH=.) has no gemlang_app: the file is then loaded from app/.
APP_MODULE = "gemlang_app.chat"
APP_FILE = Path(__file__).resolve().parents[2] / "app" / "chat.py"


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "app",
        help="start the chat app in the browser",
        description="Start the Gradio chat: upload a photo, ask, add hardness or locality hints.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    add_model_option(p)
    p.add_argument("--fusion", default=None, help="fusion settings folder (default: MODEL/fusion, or the built-in one)")
    p.add_argument("--top-k", type=positive_int, default=5, help="how many candidates to show (default 5)")
    add_backend_option(p)
    p.set_defaults(func=run)


def load_app_module():
    """gemlang_app.chat when installed, else app/chat.py of this source tree."""
    from gemlang.cli import CommandError

    try:
        import gradio  # noqa: F401
    except ImportError as e:
        raise CommandError("the chat app needs Gradio: pip install 'gemlang[app]'") from e
    try:
        return importlib.import_module(APP_MODULE)
    except ModuleNotFoundError as e:
        if e.name not in ("gemlang_app", APP_MODULE):
            raise
    if not APP_FILE.is_file():
        raise CommandError(
            "the chat app is not in this installation (no gemlang_app package); reinstall gemlang with "
            "pip install 'gemlang[app]'."
        )
    spec = importlib.util.spec_from_file_location("gemlang_app_chat", APP_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_port_free(host: str, port: int) -> None:
    """A one-line error for a port another program holds, before the model loads (Gradio would raise a long
    traceback after it)."""
    import socket

    from gemlang.cli import CommandError

    if not 1 <= port <= 65535:
        raise CommandError(f"--port {port}: give a port from 1 to 65535")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is no owner
        try:
            probe.bind((host, port))
        except OSError as e:
            raise CommandError(
                f"cannot listen on {host}:{port} ({e.strerror}); is the app already running? Pass another --port."
            ) from None


def run(args) -> int:
    check_port_free(args.host, args.port)
    load_app_module().launch(args.model, args.host, args.port, args.fusion, args.top_k, backend=args.backend)
    return 0
