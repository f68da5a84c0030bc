"""A person in a browser: upload a photo, ask, read the answer, add a hardness reading, see it change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CHAT_CLASSES, red_stone_photo

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


def bot_replies(page) -> list[str]:
    return [t.strip() for t in page.locator('#chat [data-testid="bot"]').all_inner_texts()]


def send(page, text: str, photo: Path | None = None, replies_before: int = 0, timeout_s: int = 120) -> str:
    box = page.locator("#message")
    if photo is not None:
        box.locator("input[type=file]").set_input_files(str(photo))
        page.wait_for_function("() => document.querySelectorAll('#message img, #message .thumbnail-item').length > 0")
    box.locator("textarea").fill(text)
    box.locator("textarea").press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#chat [data-testid=\"bot\"]').length > n", arg=replies_before,
        timeout=timeout_s * 1000,
    )  # fmt: skip
    return bot_replies(page)[-1]


def test_a_person_uploads_a_photo_asks_and_refines_with_hardness(running_app, tmp_path):
    from playwright.sync_api import sync_playwright

    photo = tmp_path / "my stone.jpg"
    red_stone_photo(photo)
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = None
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            page.goto(running_app)
            page.wait_for_selector("#message textarea", timeout=60_000)

            first = send(page, "what gem is this?", photo)
            named = [name for name in CHAT_CLASSES if name in first]
            assert named, f"no gem name in the answer: {first!r}"
            assert re.search(r"\d+%", first), f"no probability in the answer: {first!r}"
            assert page.locator("#description").inner_text().strip(), "the description panel is empty"

            second = send(page, "hardness 9", replies_before=1)
            assert second != first
            assert re.search(r"\bRuby \([<>]?\d+%\)", second) and "Mohs hardness 9" in second, second
            ranking = page.locator("#ranking").inner_text().replace("Most likely gems", "").split()
            assert ranking[0] == "Ruby", ranking
            page.screenshot(path=str(SCREENSHOTS / "app_browser.png"), full_page=True)
        except Exception:
            if page is not None:
                page.screenshot(path=str(SCREENSHOTS / "app_browser_failure.png"), full_page=True)
            raise
        finally:
            browser.close()
