"""The gemlang chat app: a Gradio page over `gemlang.assistant`, and nothing more.

    gemlang app [--host 127.0.0.1] [--port 7860] [--model default]
    python app/chat.py --port 7860          # the same, from a source checkout

Everything the page shows comes from one `Answer` of `gemlang.assistant`: the chat reply, the heat-map
overlay, the top-k bars and the description. The one API endpoint, `/ask`, takes the multimodal
message ({"text": ..., "files": [...]}) and keeps the conversation per session, so gradio_client
users get the same follow-ups ("hardness 9") as people in the browser.
"""

from __future__ import annotations

import argparse
import sys

import gradio as gr

from gemlang.assistant import Assistant

TITLE = "gemlang — what gem is this?"
EXAMPLES = [
    "what gem is this?",
    "it scratches glass",
    "hardness about 7",
    "a knife scratches it",
    "found in Sri Lanka",
    "how do I tell the top two apart?",
]


def build_app(assistant: Assistant) -> gr.Blocks:
    """The page, wired to `assistant`; each browser session gets its own `Conversation`."""

    def ask(message: dict | str | None, session: dict | None):
        session = session or {"conversation": assistant.conversation(), "history": []}
        if isinstance(message, str):
            message = {"text": message, "files": []}
        message = message or {}
        text = (message.get("text") or "").strip()
        files = [f if isinstance(f, str) else f.get("path") for f in message.get("files") or []]
        answer = session["conversation"].ask(text, files)
        history = session["history"]
        history += [{"role": "user", "content": {"path": f}} for f in files]
        if text:
            history.append({"role": "user", "content": text})
        history.append({"role": "assistant", "content": answer.summary_markdown()})
        bars = {name: p for name, p in answer.candidates} or None
        details = answer.details_markdown()
        return history, gr.MultimodalTextbox(value=None), _display_size(answer.overlay), bars, details, session

    def reset(session: dict | None):
        if session:
            session["conversation"].reset()
            session["history"] = []
        return [], None, None, "", session

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(
            f"## {TITLE}\nUpload a photo of a stone and ask. Add what you know (hardness, a scratch test, "
            f"where it was found) and the answer uses it. Running on **{assistant.device}**."
        )
        session = gr.State(None)
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=520, elem_id="chat")
                box = gr.MultimodalTextbox(
                    placeholder='Upload a photo and ask, e.g. "what gem is this?"',
                    file_count="multiple",
                    show_label=False,
                    elem_id="message",
                )
                gr.Examples(EXAMPLES, inputs=box, label="Try")
            with gr.Column(scale=2):
                overlay = gr.Image(label="What the model looked at", type="pil", interactive=False, height=260)
                bars = gr.Label(label="Most likely gems", num_top_classes=5, elem_id="ranking")
                details = gr.Markdown(elem_id="description")
        outputs = [chatbot, box, overlay, bars, details, session]
        box.submit(ask, [box, session], outputs, api_name="ask")
        chatbot.clear(reset, [session], [chatbot, overlay, bars, details, session], api_visibility="private")
    return demo


def _display_size(image, at_least: int = 256):
    """Small photos' heat maps are enlarged for the screen (the browser would show them thumbnail-sized)."""
    if image is None or min(image.size) >= at_least:
        return image
    scale = at_least / min(image.size)
    return image.resize((round(image.width * scale), round(image.height * scale)))


def launch(model: str = "default", host: str = "127.0.0.1", port: int = 7860, fusion: str | None = None,
           top_k: int = 5) -> None:  # fmt: skip
    assistant = Assistant.load(model, fusion=fusion, top_k=top_k)
    print(f"gemlang app: model {model}, device {assistant.device}; open http://{host}:{port}", flush=True)
    build_app(assistant).launch(server_name=host, server_port=port, footer_links=["api"])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="gemlang chat app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--model", default="default")
    p.add_argument("--fusion", default=None)
    args = p.parse_args(argv)
    launch(args.model, args.host, args.port, args.fusion)
    return 0


if __name__ == "__main__":
    sys.exit(main())
