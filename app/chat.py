"""The gemlang chat app: a Gradio page over `gemlang.assistant`, and nothing more.

    gemlang app [--host 127.0.0.1] [--port 7860] [--model default] [--backend auto]
    python app/chat.py --port 7860          # the same, from a source checkout

Installed, this folder is the package `gemlang_app` (setup.py maps it), so a wheel carries the app.

Everything the page shows comes from `gemlang.assistant`: the chat reply, the top-k bars and the
description from one `Answer`, then the heat-map overlay. The API endpoint `/ask` takes the multimodal
message ({"text": ..., "files": [...]}) and keeps the conversation per session, so gradio_client
users get the same follow-ups ("hardness 9") as people in the browser; `/heatmap` then gives the
overlay of the latest answer.

Built to hold a crowd on a small machine: the answer does not wait for Grad-CAM (an eager backward
pass costing more than the answer itself); the heat map follows in its own queue of one, so a burst
of heat maps never delays answers. Answers run `cpus` at a time, the queue holds `QUEUE_PER_CPU` per
CPU and shows each person their place; uploads are capped in size and number and deleted after an
hour.
"""

from __future__ import annotations

import argparse
import os
import sys

import gradio as gr

from gemlang.assistant import Assistant

MAX_FILE_SIZE = "20mb"  # a 50-megapixel JPEG fits; the loader refuses bigger images anyway
MAX_FILES_PER_MESSAGE = 4  # photos of one stone
QUEUE_PER_CPU = 32  # answers take ~50-150 ms of CPU: a full queue waits a few seconds, not minutes
UPLOAD_MAX_AGE = 3600  # seconds an uploaded photo or rendered heat map stays in Gradio's temp folder

TITLE = "gemlang — what gem is this?"
EXAMPLES = [
    "what gem is this?",
    "RI 1.762-1.770, SG 4.00",
    "singly refractive, RI 1.718",
    "strong pleochroism",
    "hardness about 7",
    "found in Sri Lanka",
    "is it glass?",
]


def overlay_label(assistant: Assistant) -> str:
    """The heat map's caption; it says so when the map only approximates what the answer came from."""
    note = assistant.classifier.heat_map_note if assistant.classifier is not None else None
    return "What the model looked at" + (" (approximate: int8 model)" if note else "")


def build_app(assistant: Assistant) -> gr.Blocks:
    """The page, wired to `assistant`; each browser session gets its own `Conversation`."""

    def ask(message: dict | str | None, session: dict | None):
        session = session or {"conversation": assistant.conversation(), "history": []}
        if isinstance(message, str):
            message = {"text": message, "files": []}
        message = message or {}
        text = (message.get("text") or "").strip()
        files = [f if isinstance(f, str) else f.get("path") for f in message.get("files") or []]
        history = session["history"]
        if len(files) > MAX_FILES_PER_MESSAGE:
            history.append({"role": "assistant", "content": (
                f"Please send at most {MAX_FILES_PER_MESSAGE} photos of one stone per message "
                f"(this message had {len(files)})."
            )})  # fmt: skip
            return history, gr.MultimodalTextbox(value=None), gr.skip(), gr.skip(), session
        answer = session["conversation"].ask(text, files, explain=False)
        history += [{"role": "user", "content": {"path": f}} for f in files]
        if text:
            history.append({"role": "user", "content": text})
        history.append({"role": "assistant", "content": answer.summary_markdown()})
        if not answer.candidates and session["conversation"].images:  # e.g. an unreadable upload: the earlier
            return history, gr.MultimodalTextbox(value=None), gr.skip(), gr.skip(), session  # photo's answer stays
        bars = {name: p for name, p in answer.candidates} or None
        return history, gr.MultimodalTextbox(value=None), bars, answer.details_markdown(), session

    def heatmap(session: dict | None):
        """The overlay of the latest answer about a photo (cached per gem), or nothing."""
        if not session:
            return None
        _heat, overlay, _note = session["conversation"].explain()
        return _display_size(overlay)

    def reset(session: dict | None):
        if session:
            session["conversation"].reset()
            session["history"] = []
        return [], None, None, "", session

    with gr.Blocks(title=TITLE, delete_cache=(600, UPLOAD_MAX_AGE)) as demo:
        gr.Markdown(
            f"## {TITLE}\nUpload a photo of a stone and ask. Add what you know (refractometer, SG, polariscope "
            f"or dichroscope readings, hardness, where it was found) and the answer uses it; readings alone work "
            f"too. Running on **{assistant.device}**; when it is busy, your place in the queue shows on the chat."
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
                overlay = gr.Image(label=overlay_label(assistant), type="pil", interactive=False, height=260)
                bars = gr.Label(label="Most likely gems", num_top_classes=5, elem_id="ranking")
                details = gr.Markdown(elem_id="description")
        outputs = [chatbot, box, bars, details, session]
        answered = box.submit(ask, [box, session], outputs, api_name="ask", show_progress="full")
        answered.then(heatmap, [session], [overlay], api_name="heatmap", concurrency_limit=1,
                      concurrency_id="heatmap", show_progress="minimal")  # fmt: skip
        chatbot.clear(reset, [session], [chatbot, overlay, bars, details, session], api_visibility="private")
    return demo


def _display_size(image, at_least: int = 256):
    """Small photos' heat maps are enlarged for the screen (the browser would show them thumbnail-sized)."""
    if image is None or min(image.size) >= at_least:
        return image
    scale = at_least / min(image.size)
    return image.resize((round(image.width * scale), round(image.height * scale)))


def queue_size(cpus: int | None = None) -> dict:
    """Answers in parallel (one per CPU: onnxruntime already uses the cores within one) and queue length."""
    cpus = cpus or len(os.sched_getaffinity(0))
    return {"default_concurrency_limit": cpus, "max_size": QUEUE_PER_CPU * cpus}


def launch(model: str = "default", host: str = "127.0.0.1", port: int = 7860, fusion: str | None = None,
           top_k: int = 5, backend: str | None = None) -> None:  # fmt: skip
    assistant = Assistant.load(model, fusion=fusion, top_k=top_k, backend=backend)
    assistant.warm_up()  # before the first visitor: export graphs (once), build sessions
    print(f"gemlang app: model {model}, device {assistant.device}; open http://{host}:{port}", flush=True)
    demo = build_app(assistant).queue(**queue_size())
    demo.launch(server_name=host, server_port=port, footer_links=["api"], max_file_size=MAX_FILE_SIZE)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="gemlang chat app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--model", default="default")
    p.add_argument("--fusion", default=None)
    p.add_argument("--backend", default=None, choices=["auto", "onnx", "torch"])
    args = p.parse_args(argv)
    launch(args.model, args.host, args.port, args.fusion, backend=args.backend)
    return 0


if __name__ == "__main__":
    sys.exit(main())
