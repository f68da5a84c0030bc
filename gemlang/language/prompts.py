"""The templates a person may want to edit: zero-shot prompts, training phrasings, description sentences.

They live in the top-level `prompts/` folder of a source checkout. A normal install carries the same files
as package data files (pyproject.toml `data-files` -> `<prefix>/share/gemlang/prompts`), so there is one
copy to edit. `GEMLANG_PROMPTS=DIR` points gemlang at a folder of your own templates instead.

Templates use `{placeholder}` fields (str.format syntax). A template whose fields are not all known is
skipped rather than printed with a hole, which is how a sentence about refractive index disappears for
an opaque stone.
"""

from __future__ import annotations

import os
import string
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from gemlang.errors import GemlangError

PROMPTS_ENV = "GEMLANG_PROMPTS"
MARKER = "zero_shot.txt"  # a file every prompts folder has; tells the real folder from an unrelated one


class PromptError(GemlangError, ValueError):
    """A missing or malformed template file; the message names the file."""


def _installed_dir() -> Path | None:
    """Where a wheel install put the data files (found through the distribution's RECORD)."""
    from importlib import metadata

    try:
        dist = metadata.distribution("gemlang")
    except metadata.PackageNotFoundError:
        return None
    for f in dist.files or []:
        parts = f.parts
        if len(parts) >= 4 and parts[-4:-1] == ("share", "gemlang", "prompts") and parts[-1] == MARKER:
            recorded = Path(f.locate()).resolve().parent
            if (recorded / MARKER).is_file():
                return recorded
    # `pip install --target DIR` puts the data files in DIR/share, beside the packages, while the record
    # still gives them relative to a site-packages folder.
    beside = Path(dist.locate_file("share/gemlang/prompts"))
    return beside if (beside / MARKER).is_file() else None


@lru_cache(maxsize=1)
def prompts_dir() -> Path:
    """Where templates are read from: $GEMLANG_PROMPTS, the source checkout's prompts/, or the install."""
    override = os.environ.get(PROMPTS_ENV)
    if override:
        path = Path(override).expanduser()
        if not (path / MARKER).is_file():
            raise PromptError(f"{PROMPTS_ENV}={override}: no {MARKER} there; copy gemlang's prompts/ folder first")
        return path
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "prompts" / MARKER).is_file():
        return checkout / "prompts"
    installed = _installed_dir()
    if installed is not None and (installed / MARKER).is_file():
        return installed
    raise PromptError(
        "gemlang's prompts/ folder is missing from this installation; reinstall gemlang, "
        f"or set {PROMPTS_ENV} to a copy of the prompts/ folder of the source repository"
    )


def _path(name: str) -> Path:
    path = prompts_dir() / name
    if not path.is_file():
        raise PromptError(f"{path}: template file not found")
    return path


@lru_cache(maxsize=16)
def read_lines(name: str) -> tuple[str, ...]:
    """One template per line; blank lines and lines starting with '#' are ignored."""
    lines = _path(name).read_text(encoding="utf-8").splitlines()
    templates = tuple(s.strip() for s in lines if s.strip() and not s.strip().startswith("#"))
    if not templates:
        raise PromptError(f"{_path(name)}: no templates in the file")
    return templates


@lru_cache(maxsize=16)
def read_toml(name: str) -> dict[str, Any]:
    path = _path(name)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PromptError(f"{path}: not valid TOML ({exc})") from exc


def template_fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def fill(template: str, values: dict[str, Any]) -> str | None:
    """The template with its fields filled, or None when one of them has no (non-empty) value."""
    fields = template_fields(template)
    if any(values.get(f) in (None, "", ()) for f in fields):
        return None
    try:
        return template.format(**{f: values[f] for f in fields})
    except (IndexError, KeyError, ValueError) as exc:
        raise PromptError(f"bad template {template!r}: {exc}") from exc


def first_filled(alternatives: str | list[str], values: dict[str, Any]) -> str | None:
    """The first of several alternative templates whose fields are all known."""
    for template in [alternatives] if isinstance(alternatives, str) else alternatives:
        text = fill(template, values)
        if text is not None:
            return text
    return None


def clear_cache() -> None:
    """Forget loaded templates (after editing prompts/ in a long-running process, or in tests)."""
    prompts_dir.cache_clear()
    read_lines.cache_clear()
    read_toml.cache_clear()
